using System;
using LegalRules;

namespace Caisse.Calculs.Prestations;

/// <summary>Revenu de solidarité active d'un foyer, hors majorations et bonifications.</summary>
[StatutoryReference("Article L262-2 du Code de l'action sociale et des familles", Href = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000031087615")]
public static class RevenuSolidariteActive
{
    /// <summary>Montant forfaitaire pour une personne seule.</summary>
    [StatutoryParameter("prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rsa")]
    public const decimal MontantForfaitaire = 651.69m;

    /// <summary>Montant forfaitaire de l'an dernier, pour les régularisations de la période.</summary>
    [StatutoryParameter("prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rsa", AsOf = "2025-06-01")]
    public const decimal MontantForfaitaire2025 = 646.52m;

    /// <summary>Forfait logement d'un foyer d'une personne, en part du montant forfaitaire.</summary>
    [StatutoryParameter("prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_fl.forfait_logement.taux_1_personne")]
    public const decimal TauxForfaitLogement = 0.12m;

    /// <summary>Le RSA d'un mois, arrondi au centime le plus proche.</summary>
    public static decimal Mensuel(decimal ressources, bool aideAuLogement)
    {
        var forfaitLogement = aideAuLogement ? MontantForfaitaire * TauxForfaitLogement : 0m;
        var montant = MontantForfaitaire - forfaitLogement - ressources;
        return Math.Max(0m, Math.Round(montant, 2, MidpointRounding.AwayFromZero));
    }
}
