namespace LegalRules.Cli.Tests;

/// <summary>Code and registry files the tests audit. Values are checked against the embedded French registry at 2026-06-01.</summary>
internal static class Samples
{
    /// <summary>The evaluation date of every test: never today, so that results do not move with the calendar.</summary>
    public const string AsOf = "2026-06-01";

    public const string RsaKey = "prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rsa";

    public const string PassKey = "prelevements_sociaux.pss.plafond_securite_sociale_annuel";

    /// <summary>RSA 2025 (646.52) bound to the RSA parameter: RSA is 651.69 from 2026-04-01, so LR0001.</summary>
    public const string BoundRsa = """
        using LegalRules;

        namespace Vendor.Calcul;

        public static class CalculRsa
        {
            [StatutoryParameter("prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rsa")]
            public const decimal Montant = 646.52m;
        }
        """;

    /// <summary>
    /// PASS 2024 (46368, distinctive) and PASS 2025 (47100, corroborated by "pass", a keyword of the parameter) are
    /// superseded (LR0002); PASS 2026 (48060) is the value in force, unbound (LR0003).
    /// </summary>
    public const string UnboundPass = """
        namespace Vendor.Paie;

        public static class Plafonds
        {
            public static decimal Ancien() => 46368m;

            public static decimal Precedent()
            {
                decimal plafondPass = 47100m;
                return plafondPass;
            }

            public static decimal Actuel() => 48060m;
        }
        """;

    /// <summary>Nothing statutory: ordinary code gives no finding.</summary>
    public const string Clean = """
        namespace Vendor.Outils;

        public static class Texte
        {
            public static int Longueur(string s) => s.Length + 1;
        }
        """;
}
