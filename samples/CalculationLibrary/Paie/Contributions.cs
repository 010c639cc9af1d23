using System;
using LegalRules;

namespace Caisse.Calculs.Paie;

/// <summary>CSG et CRDS sur les revenus d'activité.</summary>
[StatutoryReference("Article L136-8 du Code de la sécurité sociale")]
public static class Contributions
{
    /// <summary>Taux de la CSG déductible.</summary>
    [StatutoryParameter("prelevements_sociaux.contributions_sociales.csg.activite.deductible")]
    public const decimal CsgDeductible = 0.068m;

    /// <summary>Taux de la CRDS.</summary>
    [StatutoryParameter("prelevements_sociaux.contributions_sociales.crds")]
    public const decimal Crds = 5m / 1000m;

    /// <summary>Plafond mensuel de la sécurité sociale.</summary>
    [StatutoryParameter("prelevements_sociaux.pss.plafond_securite_sociale_mensuel")]
    public static decimal PlafondMensuel => 4005m;

    /// <summary>Secours d'urgence de la caisse.</summary>
    [StatutoryParameter("caisse.action_sociale.secours_urgence")]
    public const decimal SecoursUrgence = 380m;

    /// <summary>CSG déductible sur une assiette donnée, arrondie au centime.</summary>
    public static decimal CsgDeductibleSur(decimal assiette)
        => Math.Round(assiette * CsgDeductible, 2, MidpointRounding.AwayFromZero);
}
