using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// A distinctive value that no name corroborates is not reported when the name it is given says it is
/// something else: a product's price, a size on a screen, a timeout. Names that corroborate a parameter
/// keep the match, and so does a name that says nothing either way. The embedded registry, on
/// 2026-06-01: 646.52 was the RSA's basic amount from 2025-04-01, 478.16 is the BMAF from 2026-04-01,
/// 10.25 was the hourly Smic from 2021-01-01, 48060 is the annual social security ceiling of 2026.
/// </summary>
public sealed class ForeignNamesTests
{
    private const string Produit = "public class Produit { public string Reference { get; set; } public decimal PrixUnitaireTtc { get; set; } public decimal TauxTva { get; set; } }";

    [Theory]
    [InlineData("public class Catalogue { public Produit[] Articles = { new Produit { Reference = \"VOY-12\", PrixUnitaireTtc = 646.52m, TauxTva = 0.20m } }; }")]
    [InlineData("public class Catalogue { public decimal PrixAbonnement = 478.16m; }")]
    [InlineData("public class Catalogue { public decimal Total() { decimal prixTtc = 646.52m; return prixTtc; } }")]
    [InlineData("public class Catalogue { public decimal Total(decimal unitPrice = 646.52m) => unitPrice; }")]
    [InlineData("public class Catalogue { decimal _prices; public void Reset() { _prices = 646.52m; } }")]
    [InlineData("public class Catalogue { public static decimal Ajouter(decimal prixTtc) => prixTtc; public decimal Panier() => Ajouter(646.52m); }")]
    [InlineData("public class Ecran { public const double LargeurColonne = 646.52; }")]
    [InlineData("public class Attestation { public const float TailleCorps = 10.25f; }")]
    [InlineData("public record Releve(string Station, double PressureHpa); public class Meteo { public Releve R = new(\"LYS-03\", 646.52); }")]
    [InlineData("public class Generateur { private const int Seed = 48060; public System.Random Nouveau() => new System.Random(Seed); }")]
    [InlineData("public class Tarification { public const decimal AbonnementPrestationsHT = 478.16m; }")]
    [InlineData("public class AidesFacultatives { public const decimal ChequeEnergieMunicipal = 646.52m; }")]
    [InlineData("public class FraisNotaire { public decimal FormalitesEtDeboursForfait { get; init; } = 646.52m; }")]
    [InlineData("public record TauxVotes(decimal FoncierBati); public class TaxeFonciere { public TauxVotes Taux = new(FoncierBati: 0.4165m); }")]
    public async Task A_distinctive_value_named_as_something_else_is_not_reported(string source)
    {
        // In code about social law (its names name a contribution): the words, not the subject, decide.
        var found = await FoundAsync(Produit, SocialLaw, source);

        Assert.Empty(found);
    }

    [Theory]
    // In code about social law, named by nothing either way: distinctive, reported.
    [InlineData("public class Calcul { public decimal Valeur = 646.52m; }", "LR0002 646.52")]
    [InlineData("public class Calcul { public decimal Total() { decimal x = 478.16m; return x; } }", "LR0003 478.16")]
    // A price named after the benefit: corroborated, reported.
    [InlineData("public class Calcul { public decimal PrixRsa = 646.52m; }", "LR0002 646.52")]
    [InlineData("public class Calcul { public decimal PrixBmaf = 478.16m; }", "LR0003 478.16")]
    public async Task A_value_that_names_do_not_contradict_or_that_they_corroborate_is_reported(string source, string expected)
    {
        var found = await FoundAsync(Produit, SocialLaw, source);

        Assert.Equal(new[] { expected }, found);
    }

    [Theory]
    // Named by nothing, in code that names no benefit or contribution anywhere: a coincidence.
    [InlineData(new[] { "public class Calcul { public decimal Valeur = 646.52m; }" }, "")]
    [InlineData(new[] { "public class Tests { public void Arrondit() { var total = 1016.05m; System.Console.WriteLine(total); } }" }, "")]
    // The same code, where a word that names nothing but social law names a type of another file
    // (a contribution, minimum incomes), or two names have other subject words: two locals of a program
    // whose calculation is all in Main, a type and a member.
    [InlineData(new[] { "public class Calcul { public decimal Valeur = 646.52m; }", "public class CotisationsSalariales { }" }, "LR0002 646.52")]
    [InlineData(new[] { "namespace MinimaSociaux { public class Calcul { public decimal Valeur = 646.52m; } }" }, "LR0002 646.52")]
    [InlineData(new[] { "public class Calcul { public decimal Valeur() { decimal salaireBrut = 0m, salaireNet = 0m; decimal v = 646.52m; return v + salaireBrut + salaireNet; } }" }, "LR0002 646.52")]
    [InlineData(new[] { "public class Carte { public decimal Plafond = 646.52m; }", "public class BulletinPaie { public decimal SalaireBrut; }" }, "LR0002 646.52")]
    [InlineData(new[] { "public class Carte { public decimal Plafond = 646.52m; }", "public class FicheDePaye { public decimal SalaireBrut; }" }, "LR0002 646.52")]
    [InlineData(new[] { "namespace Prestations.Familiales { public class Calcul { public decimal Valeur = 646.52m; public decimal SalaireParent; } }" }, "LR0002 646.52")]
    [InlineData(new[] { "public class Calcul { public decimal Valeur = 646.52m; }", "public class CalculRsa { }", "public class MontantRsa { }", "public class RsaMajore { }" }, "LR0002 646.52")]
    // One such name is not enough: a local salary, a payslip, a yoga retreat, an insured's family situation.
    [InlineData(new[] { "public class Calcul { public decimal Valeur() { decimal salaire = 0m; decimal v = 646.52m; return v + salaire; } }" }, "")]
    [InlineData(new[] { "public class Carte { public decimal Plafond = 646.52m; }", "public class BulletinPaie { }" }, "")]
    [InlineData(new[] { "namespace Club { public sealed class RetraiteYoga { public decimal Valeur = 646.52m; } }" }, "")]
    [InlineData(new[] { "public enum SituationFamiliale { Celibataire, Marie } public class Assure { public decimal Prime = 646.52m; public SituationFamiliale Situation; }" }, "")]
    // Nor are acronyms that code uses in another sense, two of them or used: RSA keys.
    [InlineData(new[] { "public class Jeton { public decimal Valeur() { var rsa = System.Security.Cryptography.RSA.Create(); decimal v = 646.52m; return v + rsa.KeySize; } }" }, "")]
    [InlineData(new[] { "public class Budget { public decimal Ligne = 646.52m; }", "public static class RsaKeyHelper { }", "public static class ToyRsa { }" }, "")]
    [InlineData(new[] { "public class Budget { public decimal Ligne = 646.52m; }", "public static class RsaKeyHelper { }", "public static class RsaSigner { public static void Sign() { } }" }, "")]
    // An acronym beside other words names the benefit: two such names are enough.
    [InlineData(new[] { "public class Budget { public decimal Ligne = 646.52m; }", "public static class CalculRsa { public static decimal CalculerRsa() => 0m; }" }, "LR0002 646.52")]
    // Words that ordinary code writes in another sense, in a member's or a local's name, count for
    // nothing: "paie" the verb, "minima" the English plural, "familiale" any family situation.
    [InlineData(new[] { "public class Carte { public decimal Plafond = 646.52m; }", "public class AssuranceTests { public void Jeune_conducteur_paie_une_surprime() { } public decimal Salaire; }" }, "")]
    [InlineData(new[] { "public class Carte { public decimal Plafond = 646.52m; }", "public class AssuranceTests { public void Le_client_paye_comptant() { } public decimal Salaire; }" }, "")]
    [InlineData(new[] { "public static class Suites { public static decimal Seuil = 646.52m; public static int[] FindLocalMinima(int[] v) => v; public static decimal Salaire; }" }, "")]
    [InlineData(new[] { "public class Dossier { public decimal Valeur = 646.52m; public string SituationFamiliale { get; set; } public decimal Salaire; }" }, "")]
    // A namespace named after the subject and nothing else organises code about it; not an acronym's.
    [InlineData(new[] { "namespace Vendor.Paie { public class Carte { public decimal Plafond = 646.52m; } }" }, "LR0002 646.52")]
    [InlineData(new[] { "namespace Vendor.Paye { public class Carte { public decimal Plafond = 646.52m; } }" }, "LR0002 646.52")]
    [InlineData(new[] { "namespace Outils.Crypto.Rsa { public class Carte { public decimal Plafond = 646.52m; } }" }, "")]
    [InlineData(new[] { "namespace Vendor.PaieEnLigne { public class Carte { public decimal Plafond = 646.52m; } }" }, "")]
    // "chomage" a machine's idle time or a statistic, in a type's name and in members' names.
    [InlineData(new[] { "namespace Atelier { public sealed class ChomageTechnique { public double SeuilAlerteTauxChomage = 0.062; public double ObjectifTauxChomage = 0.02; } }" }, "")]
    // Technology's names of an acronym name nothing, however many they are; the acronym alone, written
    // as a type, a field and a test class, is one name.
    [InlineData(new[] { "namespace Numerique { public class CleRsa { } public class ChiffrementRsa { public double PartMaxSurcout = 0.165; } public class GenerateurPremiersRsa { } public class Rsa { private object _rsa; } public class RsaTests { } }" }, "")]
    // Test classes named after types with ambiguous words are no evidence: a retreat, idle machines, a canteen.
    [InlineData(new[] { "public class Logement { public decimal Loyer = 651.69m; }", "public class RetraiteSpirituelleTests { } public class ChomageTechniqueTests { } public class QuotientFamilialTests { }" }, "")]
    // "retraite" a member's status or a retreat, however many names write it.
    [InlineData(new[] { "namespace Club { public enum Situation { Etudiant, Retraite } public sealed class RetraiteYoga { public decimal Valeur = 646.52m; public decimal AideRetraiteYoga; public Situation S = Situation.Retraite; } }" }, "")]
    // An allocation of memory corroborates no allowance, as a type's name or a value's.
    [InlineData(new[] { "public static class AllocationProbe { public static readonly (string Parser, double BytesPerLine)[] Baseline = { (\"split\", 1041.59), (\"span\", 46.95) }; }" }, "")]
    [InlineData(new[] { "public static class Allocations { public static decimal MontantAah = 1041.59m; }" }, "LR0003 1041.59")]
    // An ambiguous word does not hide a decisive one in the same name.
    [InlineData(new[] { "public class Calcul { public decimal Valeur = 646.52m; public decimal PaieCsg() => 0m; }" }, "LR0002 646.52")]
    public async Task A_value_only_its_digits_make_believable_is_reported_only_in_code_about_social_law(string[] sources, string expected)
    {
        var found = await FoundAsync(sources);

        Assert.Equal(expected, string.Join(", ", found));
    }

    /// <summary>A type of the compilation named after a French contribution: the compilation is about social law.</summary>
    private const string SocialLaw = "public class CotisationsSalariales { }";

    [Theory]
    // Another country's law: a minimum wage of a US state, a Belgian sample salary, in code about payroll.
    [InlineData("namespace Paie.UnitedStates { public class StateMinimumWages { public decimal[] Floors = { 10.85m, 16.50m }; } }")]
    [InlineData("namespace Paie.International { public class OnssBelgique { public decimal Brut = 3666m; } }")]
    // Names another country's law shares with French social law corroborate nothing there: a UK pension's rates.
    [InlineData("namespace Pensions.UK { public class PensionProjection { public const decimal AnnuityRateAt66 = 0.066m; public const decimal SalaryGrowth = 0.038m; } }")]
    // Named for what it measures, in code that names no benefit or contribution anywhere: a sensor's factor, a race time, a trial's rates.
    [InlineData("public class SensorCalibration { public const double LoadCellGramsPerCount = 0.5985; }", false)]
    [InlineData("public class Decathlon { public static readonly (string Athlete, double Seconds)[] Heat = { (\"K. Adeyemi\", 9.88), (\"L. Moreau\", 10.03) }; }", false)]
    [InlineData("public class Descriptive { public static readonly double[] TrialBatchA = { 0.81, 0.77, 0.8972 }; }", false)]
    // The name of a dictionary its key and value are written in.
    [InlineData("public class Immobilier { public System.Collections.Generic.Dictionary<string, decimal> PrixMoyenM2 = new() { [\"Seynod\"] = 4005m }; }")]
    public async Task A_value_in_another_countrys_law_or_named_for_what_it_measures_is_not_reported(string source, bool inSocialLawCode = true)
    {
        var found = inSocialLawCode ? await FoundAsync(SocialLaw, source) : await FoundAsync(source);

        Assert.Empty(found);
    }

    [Theory]
    // The same values in French payroll code, or named for what they measure where the code is about social law.
    [InlineData("namespace Paie.France { public class SmicHoraire { public decimal[] Floors = { 10.85m, 16.50m }; } }", "LR0002 10.85")]
    [InlineData("namespace Pensions.France { public class PensionProjection { public const decimal TauxCsgPensionMedian = 0.066m; } }", "LR0003 0.066")]
    // A scheme only French law has keeps its name in income tax code: the deductible CSG.
    [InlineData("namespace Cabinet.Fiscal { public class ImpotRevenu { public const decimal TauxCsgDeductible = 0.068m; } }", "LR0003 0.068")]
    [InlineData("public class SensorCalibration { public const double LoadCellGramsPerCount = 0.5985; }", "LR0003 0.5985")]
    [InlineData("public class Descriptive { public static readonly double[] TrialBatchA = { 0.81, 0.77, 0.8972 }; }", "LR0003 0.8972")]
    public async Task The_same_values_in_french_social_law_code_are_reported(string source, string expected)
    {
        var found = await FoundAsync(SocialLaw, source);

        Assert.Equal(new[] { expected }, found);
    }

    private static Task<string[]> FoundAsync(params string[] sources) => UnboundValues.DescribedAsync("2026-06-01", UnboundValues.RuleAndValue, sources);
}
