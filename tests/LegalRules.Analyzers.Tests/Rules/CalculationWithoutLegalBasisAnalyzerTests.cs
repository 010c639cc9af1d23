using System.IO;
using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = LegalRules.Tests.Infrastructure.AnalyzerTest<LegalRules.Rules.CalculationWithoutLegalBasisAnalyzer>;

namespace LegalRules.Tests.Rules;

public class CalculationWithoutLegalBasisAnalyzerTests
{
    private const string SmicLabel = "Smic horaire brut (métropole)";

    private static DiagnosticResult Lr0201(int location) => new DiagnosticResult(RuleIdentifiers.CalculationWithoutLegalBasis, DiagnosticSeverity.Info).WithLocation(location);

    [Fact]
    public async Task Public_calculations_with_bound_values_and_no_legal_basis_are_suggested_one()
    {
        await new Test()
            .WithSource($$"""
                using LegalRules;
                public static class Smic
                {
                    [StatutoryParameter("{{Keys.SmicHoraire}}")]
                    public const decimal Horaire = 12.31m;

                    [StatutoryParameter("{{Keys.SmicHoraire}}")]
                    public static decimal HoraireBrut => 12.31m;

                    public static decimal {|#0:Mensuel|}(decimal heures) => Horaire * heures;

                    public static decimal {|#1:MensuelLegal|} => HoraireBrut * 151.67m;

                    public static bool {|#2:EstAuSmic|}(decimal taux)
                    {
                        return taux <= Horaire;
                    }
                }
                """)
            .Expect(
                Lr0201(0).WithArguments("Smic.Mensuel", Keys.SmicHoraire, SmicLabel),
                Lr0201(1).WithArguments("Smic.MensuelLegal", Keys.SmicHoraire, SmicLabel),
                Lr0201(2).WithArguments("Smic.EstAuSmic", Keys.SmicHoraire, SmicLabel))
            .RunAsync();
    }

    [Fact]
    public async Task A_bound_member_is_found_however_its_name_is_written_and_only_where_it_is_a_name()
    {
        // With few bound names, each member's text is searched for them: a verbatim or escaped
        // name is a use; the name in a comment, a string, a longer identifier or a declaration is not.
        await new Test()
            .WithSource($$"""
                using LegalRules;
                public static class Smic
                {
                    [StatutoryParameter("{{Keys.SmicHoraire}}")]
                    public const decimal Horaire = 12.31m;

                    public static decimal {|#0:Verbatim|}(decimal heures) => @Horaire * heures;

                    public static decimal {|#1:Echappe|}(decimal heures) => \u0048oraire * heures;

                    public static decimal {|#2:Deux|}(decimal heures, decimal HoraireBrut) => HoraireBrut + Smic.Horaire * heures;

                    // Horaire is named in this comment only.
                    public static decimal Commentaire(decimal heures) => heures * 2m;

                    public static string Texte(decimal heures) => "Horaire " + heures;

                    public static decimal Autre(decimal HoraireBrut) => HoraireBrut * 35m;

                    public static decimal Parametre(decimal Horaire) => Horaire * 35m;
                }
                """)
            .Expect(
                Lr0201(0).WithArguments("Smic.Verbatim", Keys.SmicHoraire, SmicLabel),
                Lr0201(1).WithArguments("Smic.Echappe", Keys.SmicHoraire, SmicLabel),
                Lr0201(2).WithArguments("Smic.Deux", Keys.SmicHoraire, SmicLabel))
            .RunAsync();
    }

    [Fact]
    public async Task A_legal_basis_on_the_method_its_property_its_type_or_a_containing_type_is_enough()
    {
        await new Test()
            .WithSource($$"""
                using LegalRules;
                public static class Smic
                {
                    [StatutoryParameter("{{Keys.SmicHoraire}}")]
                    public const decimal Horaire = 12.31m;

                    [StatutoryReference("Article L3231-2 du Code du travail")]
                    public static decimal Mensuel(decimal heures) => Horaire * heures;

                    [StatutoryReference("Article L3231-2 du Code du travail")]
                    public static decimal Hebdomadaire => Horaire * 35m;
                }

                [Maison.StatutoryReference]
                public class Paie
                {
                    public class Bulletin
                    {
                        public decimal Brut(decimal heures) => Smic.Horaire * heures;
                    }
                }

                namespace Maison
                {
                    // A team's own attribute, in its own namespace.
                    public sealed class StatutoryReference : System.Attribute { }
                }
                """)
            .RunAsync();
    }

    [Fact]
    public async Task Non_public_methods_and_methods_without_bound_values_are_not_reported()
    {
        await new Test()
            .WithSource($$"""
                using LegalRules;
                public class Calcul
                {
                    [StatutoryParameter("{{Keys.SmicHoraire}}")]
                    public const decimal Horaire = 12.31m;

                    const decimal NonLie = 12.31m;

                    internal decimal Interne(decimal heures) => Horaire * heures;
                    private decimal Prive(decimal heures) => Horaire * heures;
                    protected decimal Protege(decimal heures) => Horaire * heures;
                    public decimal SansValeurLiee(decimal heures) => NonLie * heures * 1.1m;
                    public decimal Somme(decimal a, decimal b) => a + b;
                    public decimal Valeur { get; set; }
                    public decimal Setter { set { Valeur = value * Horaire; } }
                }
                """)
            .RunAsync();
    }

    [Fact]
    public async Task A_test_checks_a_calculation_and_is_not_one()
    {
        // xUnit's, NUnit's and MSTest's attributes, by simple name, qualified or not.
        await new Test()
            .WithSource($$"""
                using LegalRules;
                public sealed class FactAttribute : System.Attribute { }
                public sealed class TestAttribute : System.Attribute { }
                public sealed class TestMethodAttribute : System.Attribute { }
                public static class Smic
                {
                    [StatutoryParameter("{{Keys.SmicHoraire}}")]
                    public const decimal Horaire = 12.31m;
                }
                public class SmicTests
                {
                    [Fact] public void Mensuel() => System.Console.WriteLine(Smic.Horaire * 151.67m);
                    [Test] public void Horaire() => System.Console.WriteLine(Smic.Horaire);
                    [global::TestMethodAttribute] public void Brut() => System.Console.WriteLine(Smic.Horaire * 2m);
                    public decimal {|#0:Aide|}() => Smic.Horaire * 35m;
                }
                """)
            .Expect(Lr0201(0).WithArguments("SmicTests.Aide", Keys.SmicHoraire, SmicLabel))
            .RunAsync();
    }

    [Fact]
    public async Task Interface_methods_are_public_unless_they_say_otherwise()
    {
        // Whether a method is public is known from its modifiers, but an interface's members are public without one.
        await new Test()
            .WithSource($$"""
                using LegalRules;
                public static class Smic
                {
                    [StatutoryParameter("{{Keys.SmicHoraire}}")]
                    public const decimal Horaire = 12.31m;
                }

                public interface ICalcul
                {
                    decimal {|#0:Mensuel|}(decimal heures) => Smic.Horaire * heures;
                    public decimal {|#1:Annuel|}(decimal heures) => Smic.Horaire * heures * 12m;
                    private decimal Prive(decimal heures) => Smic.Horaire * heures;
                    protected decimal Protege(decimal heures) => Smic.Horaire * heures;
                    internal decimal Interne(decimal heures) => Smic.Horaire * heures;
                    decimal Abstraite(decimal heures);
                }

                public class Calcul : ICalcul
                {
                    decimal ICalcul.Abstraite(decimal heures) => Smic.Horaire * heures;
                }
                """)
            .Expect(
                Lr0201(0).WithArguments("ICalcul.Mensuel", Keys.SmicHoraire, SmicLabel),
                Lr0201(1).WithArguments("ICalcul.Annuel", Keys.SmicHoraire, SmicLabel))
            .RunAsync();
    }

    [Fact]
    public async Task Members_bound_by_a_bindings_file_count()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(
            new[]
            {
                """
                namespace Vendor.Paie
                {
                    public static class Smic
                    {
                        public const decimal SmicHoraireBrut = 11.88m;
                        public static bool EstAuSmic(decimal tauxHoraire) => tauxHoraire <= SmicHoraireBrut;
                    }
                }
                """,
            },
            additionalFiles: new[] { ("/src/vendor.legal-bindings.yaml", $"bindings:\n  \"F:Vendor.Paie.Smic.SmicHoraireBrut\": {Keys.SmicHoraire}\n") });

        var diagnostic = Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.CalculationWithoutLegalBasis);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(Keys.SmicHoraire, diagnostic.Properties["key"]);
        Assert.Equal(
            $"'Smic.EstAuSmic' computes with '{Keys.SmicHoraire}' ({SmicLabel}) but cites no legal basis; add [StatutoryReference] to it or to its type",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            $"'Smic.EstAuSmic' calcule avec '{Keys.SmicHoraire}' ({SmicLabel}) sans citer de base légale ; ajoutez [StatutoryReference] à ce membre ou à son type",
            diagnostic.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("fr-FR")));
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public async Task A_teams_own_attribute_binds_without_the_annotations_package()
    {
        var test = new Test()
            .WithSource("""
                namespace Maison
                {
                    [System.AttributeUsage(System.AttributeTargets.Field)]
                    sealed class StatutoryParameterAttribute : System.Attribute { public StatutoryParameterAttribute(string key) { } }

                    public static class Smic
                    {
                        [StatutoryParameter("marche_travail.salaire_minimum.smic.smic_b_horaire")]
                        public const decimal Horaire = 12.31m;

                        public static decimal {|#0:Mensuel|}(decimal heures) => Horaire * heures;
                    }
                }
                """)
            .Expect(Lr0201(0).WithArguments("Smic.Mensuel", Keys.SmicHoraire, SmicLabel));
        await RunWithoutAnnotationsAsync(test);
    }

    [Fact]
    public async Task A_teams_own_attribute_from_a_referenced_library_binds_in_any_namespace()
    {
        // The attribute is recognised by its simple name wherever it is declared: a library's
        // Maison.StatutoryParameterAttribute binds as LegalRules' does, and the calculation is checked.
        var library = CSharpCompilation.Create(
            "Maison",
            new[] { CSharpSyntaxTree.ParseText("namespace Maison { [System.AttributeUsage(System.AttributeTargets.Field)] public sealed class StatutoryParameterAttribute : System.Attribute { public StatutoryParameterAttribute(string key) { } } }") },
            TestReferences.Runtime,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);

        var test = new Test()
            .WithSource("""
                using Maison;
                public static class Smic
                {
                    [StatutoryParameter("marche_travail.salaire_minimum.smic.smic_b_horaire")]
                    public const decimal Horaire = 12.31m;

                    public static decimal {|#0:Mensuel|}(decimal heures) => Horaire * heures;
                }
                """)
            .Expect(Lr0201(0).WithArguments("Smic.Mensuel", Keys.SmicHoraire, SmicLabel));
        await RunWithoutAnnotationsAsync(test, MetadataReference.CreateFromImage(image.ToArray()));
    }

    /// <summary>Runs <paramref name="test"/> against the runtime and <paramref name="references"/>, without the annotations package.</summary>
    private static async Task RunWithoutAnnotationsAsync(Test test, params MetadataReference[] references)
    {
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.Runtime);
        test.TestState.AdditionalReferences.AddRange(references);
        await test.RunAsync();
    }
}
