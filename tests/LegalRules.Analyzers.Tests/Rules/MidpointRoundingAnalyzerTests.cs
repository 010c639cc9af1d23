using System.Linq;
using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = LegalRules.Tests.Infrastructure.AnalyzerTest<LegalRules.Rules.MidpointRoundingAnalyzer>;

namespace LegalRules.Tests.Rules;

public class MidpointRoundingAnalyzerTests
{
    private const string RsaLabel = "Montant forfaitaire mensuel du RSA (foyer d'une personne, métropole)";
    private const string CrdsLabel = "Taux de la CRDS (revenus d'activité et de remplacement)";

    private static DiagnosticResult Lr0101(int location) => new DiagnosticResult(RuleIdentifiers.MidpointRounding, DiagnosticSeverity.Warning).WithLocation(location);

    [Fact]
    public async Task Rounding_an_amount_computed_from_a_bound_member_is_reported_in_every_overload()
    {
        await new Test()
            .WithSource($$"""
                using System;
                using LegalRules;
                class Rsa
                {
                    [StatutoryParameter("{{Keys.Rsa}}")]
                    public const decimal Forfait = 651.69m;

                    decimal A(decimal r) => {|#0:Math.Round(Forfait - r)|};
                    decimal B(decimal r) => {|#1:Math.Round(Forfait - r, 2)|};
                    decimal C(decimal r) => {|#2:decimal.Round(Forfait - r, 2)|};
                    decimal D(decimal r) => {|#3:Math.Round(decimals: 2, d: Forfait - r)|};
                    double E(double r) => {|#4:Math.Round((double)Forfait - r, 2)|};
                }
                """)
            .Expect(
                Lr0101(0).WithArguments("Math.Round", $"an amount computed from '{Keys.Rsa}' ({RsaLabel})"),
                Lr0101(1).WithArguments("Math.Round", $"an amount computed from '{Keys.Rsa}' ({RsaLabel})"),
                Lr0101(2).WithArguments("decimal.Round", $"an amount computed from '{Keys.Rsa}' ({RsaLabel})"),
                Lr0101(3).WithArguments("Math.Round", $"an amount computed from '{Keys.Rsa}' ({RsaLabel})"),
                Lr0101(4).WithArguments("Math.Round", $"an amount computed from '{Keys.Rsa}' ({RsaLabel})"))
            .RunAsync();
    }

    [Fact]
    public async Task Using_static_math_float_rounding_and_generic_math_are_covered()
    {
        await new Test()
            .WithSource($$"""
                using System;
                using LegalRules;
                using static System.Math;
                class Paie
                {
                    [StatutoryParameter("{{Keys.Crds}}")]
                    public const float CrdsF = 0.005f;
                    [StatutoryParameter("{{Keys.Crds}}")]
                    public const double CrdsD = 0.005;
                    [StatutoryParameter("{{Keys.Crds}}")]
                    public static decimal Crds { get; } = 0.005m;

                    decimal A(decimal assiette) => {|#0:Round(assiette * Crds, 2)|};
                    float B(float assiette) => {|#1:MathF.Round(assiette * CrdsF, 2)|};
                    double C(double assiette) => {|#2:double.Round(assiette * CrdsD, 2)|};
                }
                """)
            .Expect(
                Lr0101(0).WithArguments("Math.Round", $"an amount computed from '{Keys.Crds}' ({CrdsLabel})"),
                Lr0101(1).WithArguments("MathF.Round", $"an amount computed from '{Keys.Crds}' ({CrdsLabel})"),
                Lr0101(2).WithArguments("double.Round", $"an amount computed from '{Keys.Crds}' ({CrdsLabel})"))
            .RunAsync();
    }

    [Fact]
    public async Task A_statutory_constant_is_found_in_the_expression_in_a_named_constant_and_through_a_local()
    {
        await new Test()
            .WithSource("""
                using System;
                class Calcul
                {
                    const decimal CRDSNonDeductible = 0.005m;

                    decimal Crds(decimal assiette) => {|#0:Math.Round(assiette * 0.005m, 2)|};
                    decimal Nommee(decimal assiette) => {|#1:Math.Round(assiette * CRDSNonDeductible, 2)|};
                    decimal Locale(decimal ressources)
                    {
                        var montant = 0m;
                        montant = 651.69m - ressources;
                        return {|#2:Math.Round(montant, 2)|};
                    }
                }
                """)
            .Expect(
                Lr0101(0).WithArguments("Math.Round", $"an amount computed from '{Keys.Crds}' ({CrdsLabel})"),
                Lr0101(1).WithArguments("Math.Round", $"an amount computed from '{Keys.Crds}' ({CrdsLabel})"),
                Lr0101(2).WithArguments("Math.Round", $"an amount computed from '{Keys.Rsa}' ({RsaLabel})"))
            .RunAsync();
    }

    [Fact]
    public async Task Decimal_rounding_in_a_calculation_with_a_legal_basis_or_bound_values_is_reported()
    {
        await new Test()
            .WithSource($$"""
                using System;
                using LegalRules;

                [StatutoryReference("Article L262-2 du Code de l'action sociale et des familles")]
                class RevenuSolidarite
                {
                    decimal Arrondi(decimal montant) => {|#0:Math.Round(montant, 2)|};
                }

                class Prestations
                {
                    [Legal.StatutoryReference("Article L521-1 du Code de la sécurité sociale")]
                    decimal Familiales(decimal montant) => {|#1:Math.Round(montant, 2)|};
                }

                class Rsa
                {
                    [StatutoryParameter("{{Keys.Rsa}}")]
                    public const decimal Forfait = 651.69m;

                    decimal Arrondi(decimal montant) => {|#2:Math.Round(montant, 2)|};
                }

                class Usage
                {
                    decimal Differentiel(decimal ressources, decimal arrondi)
                    {
                        var brut = Rsa.Forfait - ressources;
                        return {|#3:Math.Round(arrondi, 2)|} + brut;
                    }
                }

                namespace Legal
                {
                    // A team's own attribute: recognised by its simple name.
                    class StatutoryReferenceAttribute : Attribute { public StatutoryReferenceAttribute(string title) { } }
                }
                """)
            .Expect(
                Lr0101(0).WithArguments("Math.Round", "a decimal amount of 'RevenuSolidarite.Arrondi', a statutory calculation"),
                Lr0101(1).WithArguments("Math.Round", "a decimal amount of 'Prestations.Familiales', a statutory calculation"),
                Lr0101(2).WithArguments("Math.Round", "a decimal amount of 'Rsa.Arrondi', a statutory calculation"),
                Lr0101(3).WithArguments("Math.Round", "a decimal amount of 'Usage.Differentiel', a statutory calculation"))
            .RunAsync();
    }

    [Fact]
    public async Task Rounding_to_one_or_four_decimals_in_a_calculation_with_a_legal_basis_needs_a_statutory_value()
    {
        // A housing aid simulator shows the household's effort as a percentage and the surface to one
        // decimal, keeps a rate to four: none is an amount. The same rounding of a statutory value is.
        await new Test()
            .WithSource("""
                using System;
                using LegalRules;

                [StatutoryReference("Article L823-1 du Code de la construction et de l'habitation")]
                class SimulateurAideLogement
                {
                    double TauxEffortAffiche(decimal loyer, decimal aide, decimal ressources) => Math.Round((double)((loyer - aide) * 12m / ressources) * 100.0, 1);
                    decimal SurfaceAffichee(decimal surface) => Math.Round(surface, 1);
                    decimal Taux(decimal taux) => Math.Round(taux, 4);
                    decimal Forfait(decimal part) => {|#0:Math.Round(651.69m * part, 1)|};
                    decimal Aide(decimal aide) => {|#1:Math.Round(aide, 2)|};
                }
                """)
            .Expect(
                Lr0101(0).WithArguments("Math.Round", $"an amount computed from '{Keys.Rsa}' (Montant forfaitaire mensuel du RSA (foyer d'une personne, métropole))"),
                Lr0101(1).WithArguments("Math.Round", "a decimal amount of 'SimulateurAideLogement.Aide', a statutory calculation"))
            .RunAsync();
    }

    [Fact]
    public async Task Decimal_rounding_where_names_say_a_benefit_or_contribution_is_computed_is_reported()
    {
        await new Test()
            .WithSource("""
                using System;

                namespace Vendeur.Prestations.Familiales
                {
                    class Calcul
                    {
                        decimal Total(decimal total) => {|#0:decimal.Round(total, 2)|};
                    }
                }

                namespace Vendeur.Moteur
                {
                    class MoteurRsaV3
                    {
                        decimal Differentiel(decimal mf, decimal ressources)
                        {
                            var mnt = Math.Max(0m, mf - ressources);
                            return {|#1:Math.Round(mnt, 2)|};
                        }
                    }

                    class Outils
                    {
                        decimal ArrondiCotisations(decimal assiette, decimal taux) => {|#2:Math.Round(assiette * taux, 2)|};
                        decimal MontantChômage { get { return {|#3:Math.Round(Brut, 2)|}; } }
                        decimal Brut;

                        // A double of a subject's member kept to cents is an amount; otherwise it may be a ratio or pixels.
                        double CsgPension(double assiette, double taux) => {|#4:Math.Round(assiette * taux, 2)|};
                        double RatioCsg(double a, double b) => Math.Round(a / b, 4);

                        // Four decimals: a rate or a coefficient, not an amount in euros or cents.
                        decimal CoefficientCsg(decimal a, decimal b) => Math.Round(a / b, 4);
                        decimal ArrondiCsg(decimal a, int decimales) => Math.Round(a, decimales);
                        decimal EurosCsg(decimal a) => {|#5:Math.Round(a, 0)|};
                        double CsgArrondie(double a) => Math.Round(a);
                    }

                    // Words that mean something else in ordinary code.
                    class PrestationService { decimal Facture(decimal ht) => Math.Round(ht * 1.2m, 2); }
                    class AllocationTracker { decimal Part(decimal total, int n) => Math.Round(total / n, 2); }
                    class PayrollReport { decimal Average(decimal total, int n) => Math.Round(total / n, 2); }
                    class Casa { decimal Precio(decimal p) => Math.Round(p, 2); }
                }
                """)
            .Expect(
                Lr0101(0).WithArguments("decimal.Round", "an amount of 'Calcul.Total', whose names say it computes 'familiale'"),
                Lr0101(1).WithArguments("Math.Round", "an amount of 'MoteurRsaV3.Differentiel', whose names say it computes 'rsa'"),
                Lr0101(2).WithArguments("Math.Round", "an amount of 'Outils.ArrondiCotisations', in code that computes French benefits or contributions"),
                Lr0101(3).WithArguments("Math.Round", "an amount of 'Outils.MontantChômage', whose names say it computes 'chomage'"),
                Lr0101(4).WithArguments("Math.Round", "an amount of 'Outils.CsgPension', whose names say it computes 'csg'"),
                Lr0101(5).WithArguments("Math.Round", "an amount of 'Outils.EurosCsg', whose names say it computes 'csg'"))
            .RunAsync();
    }

    private const string RoundingHelpers = """
        using System;

        public static class MontantExtensions
        {
            public static decimal ArrondiCentime(this decimal valeur) => {|#0:Math.Round(valeur, 2)|};
            public static double Ratio(this double valeur) => Math.Round(valeur, 4);
        }

        public static class Outils
        {
            public static decimal Arrondir(decimal valeur) => {|#1:decimal.Round(valeur)|};
            public static decimal Afficher(Ligne l) => {|#2:Math.Round(l.Montant, 2)|};
            public static decimal Moyenne(decimal total, int n) => Math.Round(total / n, 2);
            public static double Pourcentage(double part) => Math.Round(part * 100);
        }

        public class Ligne { public decimal Montant { get; set; } }
        """;

    [Fact]
    public async Task Rounding_an_amount_in_code_about_french_benefits_is_reported()
    {
        await new Test()
            .WithSource(RoundingHelpers)
            .WithSource("namespace Vendeur.Prestations { public class CalculRsa { public decimal RessourcesAllocataire; } }")
            .Expect(
                Lr0101(0).WithArguments("Math.Round", "an amount of 'MontantExtensions.ArrondiCentime', in code that computes French benefits or contributions"),
                Lr0101(1).WithArguments("decimal.Round", "an amount of 'Outils.Arrondir', in code that computes French benefits or contributions"),
                Lr0101(2).WithArguments("Math.Round", "an amount of 'Outils.Afficher', in code that computes French benefits or contributions"))
            .RunAsync();
    }

    [Fact]
    public async Task A_gain_rounded_in_social_law_code_is_an_amount_but_not_in_another_countrys_law_or_income_tax()
    {
        await new Test()
            .WithSource("""
                using System;

                namespace Vendeur.Prestations { public class CalculRsa { public decimal RessourcesAllocataire; } }
                namespace Vendeur.Emploi { class RepriseEmploi { decimal GainReprise(decimal avec, decimal sans) => {|#0:Math.Round(avec - sans)|}; } }
                namespace Vendeur.International.Belgique { class Paie { decimal Net(decimal brut, decimal part) => Math.Round(brut * part, 2); } }
                namespace Cabinet.Fiscal { class ImpotRevenu { decimal Impot(decimal revenu, decimal taux) => Math.Round(revenu * taux); } }
                """)
            .Expect(Lr0101(0).WithArguments("Math.Round", "an amount of 'RepriseEmploi.GainReprise', in code that computes French benefits or contributions"))
            .RunAsync();
    }

    [Fact]
    public async Task The_same_roundings_in_code_about_nothing_statutory_are_not_reported()
    {
        var source = RoundingHelpers.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("{|#2:", string.Empty).Replace(")|}", ")");
        await new Test()
            .WithSource(source)
            .WithSource("namespace Boutique.Prestations { public class Facturation { } }")
            .RunAsync();
    }

    [Theory]
    [InlineData("namespace Vendeur.Prestations { public class CalculRsa { public decimal RessourcesAllocataire; } }", 1)]
    [InlineData("namespace Vendeur.Boutique { public class Facturation { } }", 0)]
    public async Task A_project_over_a_referenced_calculation_project_is_about_what_it_computes(string library, int expected)
    {
        // An API over a calculation library: the library's names say what the API's amounts are.
        var core = DirectRun.Compile(new[] { library });
        var api = DirectRun.Compile(new[]
        {
            """
            public class Ligne { public decimal Montant { get; set; } }
            public static class Reponse { public static decimal Afficher(Ligne l) => System.Math.Round(l.Montant, 2); }
            """,
        }).AddReferences(core.ToMetadataReference());

        var diagnostics = await DirectRun.AnalyzeAsync(api);

        Assert.Equal(expected, diagnostics.Count(d => d.Id == RuleIdentifiers.MidpointRounding));
    }

    [Fact]
    public async Task Binary_floating_point_rounding_in_a_calculation_with_a_legal_basis_is_reported()
    {
        await new Test()
            .WithSource("""
                using System;
                using LegalRules;

                static class EstimationRapide
                {
                    [StatutoryReference("Article L842-3 du Code de la sécurité sociale")]
                    public static float Estimer(float revenus) => (float){|#0:Math.Round(revenus * 0.61f, 0)|};

                    [StatutoryReference("Article L842-3 du Code de la sécurité sociale")]
                    public static float EnFloat(float revenus) => {|#1:MathF.Round(revenus * 0.61f)|};

                    // Without a legal basis, a double rounded to euros is an amount where its names say so.
                    public static double SansBase(double revenus) => {|#2:Math.Round(revenus * 0.61, 0)|};

                    public static double Jours(double jours) => Math.Round(jours * 0.61, 0);
                }
                """)
            .Expect(
                Lr0101(0).WithArguments("Math.Round", "an amount of 'EstimationRapide.Estimer', a statutory calculation"),
                Lr0101(1).WithArguments("MathF.Round", "an amount of 'EstimationRapide.EnFloat', a statutory calculation"),
                Lr0101(2).WithArguments("Math.Round", "an amount of 'EstimationRapide.SansBase', in code that computes French benefits or contributions"))
            .RunAsync();
    }

    [Fact]
    public async Task Explicit_rounding_mode_pixels_and_decimals_unrelated_to_statutory_values_are_not_reported()
    {
        await new Test()
            .WithSource($$"""
                using System;
                using LegalRules;

                class Rsa
                {
                    [StatutoryParameter("{{Keys.Rsa}}")]
                    public const decimal Forfait = 651.69m;

                    decimal Legal(decimal r) => Math.Round(Forfait - r, 2, MidpointRounding.AwayFromZero);
                    decimal Bankers(decimal r) => Math.Round(Forfait - r, 2, MidpointRounding.ToEven);
                    decimal Named(decimal r) => decimal.Round(Forfait - r, mode: MidpointRounding.AwayFromZero);

                    // Pixels in a type with bound members: a double that uses no statutory value.
                    double Largeur(double largeur) => Math.Round(largeur * 1.5);
                }

                class Affichage
                {
                    double Pixels(double largeur, double echelle) => Math.Round(largeur * echelle, 0);
                    float Ratio(float a, float b) => MathF.Round(a / b, 2);
                }

                class Boutique
                {
                    // Decimals of code that has nothing to do with statutory values.
                    decimal Ttc(decimal ht) => Math.Round(ht * 1.2m, 2);
                    decimal Remise(decimal prix) => decimal.Round(prix * 0.95m);
                    decimal Moyenne(decimal total, int n) => Math.Round(total / n, 2);
                }

                class Arrondis
                {
                    static decimal Round(decimal x) => x;
                    decimal Maison(decimal x) => Round(x * 0.005m);
                }
                """)
            .RunAsync();
    }

    /// <summary>
    /// Before binding, the rule looks where a statutory value could reach the rounding: its arguments,
    /// and every value assigned to a name they read (initialiser, assignment, compound assignment,
    /// parenthesised target; in top-level statements, in any of them). A statutory value elsewhere in
    /// the member does not make the rounding an amount.
    /// </summary>
    [Fact]
    public async Task A_statutory_value_reaches_the_rounding_through_what_its_arguments_read()
    {
        await new Test()
            .WithSource("""
                using System;
                class Calcul
                {
                    decimal Compose(decimal ressources)
                    {
                        decimal montant = 0m;
                        montant += 651.69m;
                        montant -= ressources;
                        return {|#0:Math.Round(montant, 2)|};
                    }

                    decimal Parenthese(decimal ressources)
                    {
                        decimal montant;
                        (montant) = 651.69m - ressources;
                        return {|#1:Math.Round(montant, 2)|};
                    }

                    decimal Ailleurs(decimal x)
                    {
                        var plafond = 651.69m;
                        Console.WriteLine(plafond);
                        return Math.Round(x * 2, 2);
                    }
                }
                """)
            .WithSource(SocialCode.Marker)
            .Expect(
                Lr0101(0).WithArguments("Math.Round", $"an amount computed from '{Keys.Rsa}' ({RsaLabel})"),
                Lr0101(1).WithArguments("Math.Round", $"an amount computed from '{Keys.Rsa}' ({RsaLabel})"))
            .RunAsync();

        var topLevel = new Test()
            .WithSource("""
                using System;
                var montant = 651.69m - 10m;
                Console.WriteLine(montant);
                Console.WriteLine({|#0:Math.Round(montant, 2)|});
                """)
            .Expect(Lr0101(0).WithArguments("Math.Round", $"an amount computed from '{Keys.Rsa}' ({RsaLabel})"));
        topLevel.TestState.Sources.Add(SocialCode.Marker);
        topLevel.TestState.OutputKind = OutputKind.ConsoleApplication;
        await topLevel.RunAsync();
    }

    /// <summary>
    /// A mode written <c>MidpointRounding.X</c> is known from syntax, before any binding — unless the
    /// name <c>MidpointRounding</c> means something else in the compilation or the member: then the
    /// compiler decides, and a rounding without a mode is still reported.
    /// </summary>
    [Fact]
    public async Task A_mode_is_read_from_syntax_only_where_MidpointRounding_can_only_be_the_system_s()
    {
        await new Test()
            .WithSource($$"""
                using System;
                using LegalRules;

                class Rsa
                {
                    [StatutoryParameter("{{Keys.Rsa}}")]
                    public const decimal Forfait = 651.69m;

                    decimal Stated(decimal r) => Math.Round(Forfait - r, 2, MidpointRounding.AwayFromZero);
                    decimal Qualified(decimal r) => Math.Round(Forfait - r, System.MidpointRounding.AwayFromZero);
                    decimal Global(decimal r) => Math.Round(Forfait - r, global::System.MidpointRounding.ToZero);

                    // A local of that name: its value is the number of decimals, not a mode.
                    decimal Local(decimal r)
                    {
                        var MidpointRounding = new { Two = 2 };
                        return {|#0:Math.Round(Forfait - r, MidpointRounding.Two)|};
                    }

                    decimal Parameter(decimal r, (int Two, int Three) MidpointRounding) => {|#1:Math.Round(Forfait - r, MidpointRounding.Two)|};
                }
                """)
            .Expect(
                Lr0101(0).WithArguments("Math.Round", $"an amount computed from '{Keys.Rsa}' ({RsaLabel})"),
                Lr0101(1).WithArguments("Math.Round", $"an amount computed from '{Keys.Rsa}' ({RsaLabel})"))
            .RunAsync();

        await new Test()
            .WithSource($$"""
                using System;
                using LegalRules;

                static class MidpointRounding
                {
                    public const int Two = 2;
                }

                class Rsa
                {
                    [StatutoryParameter("{{Keys.Rsa}}")]
                    public const decimal Forfait = 651.69m;

                    // The compilation's own MidpointRounding: two decimals, no mode.
                    decimal Digits(decimal r) => {|#0:Math.Round(Forfait - r, MidpointRounding.Two)|};
                }
                """)
            .Expect(Lr0101(0).WithArguments("Math.Round", $"an amount computed from '{Keys.Rsa}' ({RsaLabel})"))
            .RunAsync();
    }

    [Theory]
    [InlineData("global using MidpointRounding = Outils.Chiffres;\nnamespace Outils { static class Chiffres { public const int Two = 2; } }", "Rsa")]
    [InlineData("static class MidpointRounding { public const int Two = 2; }", "Rsa")]
    [InlineData("class Base { protected static readonly (int Two, int Three) MidpointRounding = (2, 3); }", "Rsa : Base")]
    public async Task Another_file_that_gives_MidpointRounding_another_meaning_is_heeded(string otherFile, string rsa)
    {
        // The rounding's own file declares nothing of that name: what gives it another meaning
        // is a global alias, a type or an inherited member declared in another file.
        var test = new Test().WithSource($$"""
            using System;
            using LegalRules;

            class {{rsa}}
            {
                [StatutoryParameter("{{Keys.Rsa}}")]
                public const decimal Forfait = 651.69m;

                decimal Digits(decimal r) => {|#0:Math.Round(Forfait - r, MidpointRounding.Two)|};
            }
            """);
        test.TestState.Sources.Add(("/0/Autre.cs", otherFile));
        await test
            .Expect(Lr0101(0).WithArguments("Math.Round", $"an amount computed from '{Keys.Rsa}' ({RsaLabel})"))
            .RunAsync();
    }

    [Fact]
    public async Task Generated_code_is_not_analysed()
    {
        var test = new Test();
        test.TestState.Sources.Add(("/src/Reference.g.cs", """
            // <auto-generated/>
            using System;
            class Genere
            {
                decimal Crds(decimal assiette) => Math.Round(assiette * 0.005m, 2);
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Messages_are_in_french_for_a_french_ui()
    {
        await new Test()
            .WithSource($$"""
                using System;
                using LegalRules;
                class Rsa
                {
                    [StatutoryParameter("{{Keys.Rsa}}")]
                    public const decimal Forfait = 651.69m;

                    decimal A(decimal r) => {|#0:Math.Round(Forfait - r, 2)|};
                }
                """)
            .Expect(Lr0101(0).WithMessage($"Math.Round arrondit un montant calculé à partir de '{Keys.Rsa}' ({RsaLabel}) au pair le plus proche (arrondi bancaire), alors que les textes français arrondissent au plus proche, la moitié comptant pour une unité ; passez MidpointRounding.AwayFromZero"))
            .RunInCultureAsync("fr-FR");
    }
}
