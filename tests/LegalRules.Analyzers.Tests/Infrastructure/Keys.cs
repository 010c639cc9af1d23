namespace LegalRules.Tests.Infrastructure;

/// <summary>Keys of the embedded registry used across tests.</summary>
internal static class Keys
{
    public const string Rsa = "prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rsa";
    public const string Crds = "prelevements_sociaux.contributions_sociales.crds";
    public const string Pass = "prelevements_sociaux.pss.plafond_securite_sociale_annuel";
    public const string Pmss = "prelevements_sociaux.pss.plafond_securite_sociale_mensuel";
    public const string SmicHoraire = "marche_travail.salaire_minimum.smic.smic_b_horaire";
    public const string AfEnf3 = "prestations_sociales.prestations_familiales.prestations_generales.af.af_cm.taux.enf3";
    public const string AfAge = "prestations_sociales.prestations_familiales.prestations_generales.af.af_maj.maj_age_deux_enfants.age1";
    public const string Aah = "prestations_sociales.prestations_etat_de_sante.invalidite.aah.montant";
    public const string CsgDeductible = "prelevements_sociaux.contributions_sociales.csg.activite.deductible";
}
