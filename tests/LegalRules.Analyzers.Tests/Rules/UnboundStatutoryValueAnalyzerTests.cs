using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = LegalRules.Tests.Infrastructure.AnalyzerTest<LegalRules.Rules.UnboundStatutoryValueAnalyzer>;

namespace LegalRules.Tests.Rules;

public class UnboundStatutoryValueAnalyzerTests
{
    private const string RsaLabel = "Montant forfaitaire mensuel du RSA (foyer d'une personne, métropole)";

    [Fact]
    public async Task Value_in_force_hard_coded_without_binding_is_reported()
    {
        await new Test()
            .WithSource("""
                class Calcul
                {
                    decimal Forfait() => {|#0:651.69m|};
                }
                """)
            .WithSource(SocialCode.Marker)
            .Expect(new DiagnosticResult(RuleIdentifiers.UnreferencedStatutoryValue, DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("651.69", Keys.Rsa, RsaLabel, "2026-04-01 →", "Décret n° 2026-220 du 30 mars 2026, art. 1"))
            .RunAsync();
    }

    [Fact]
    public async Task Past_value_is_reported_as_superseded_with_the_value_in_force()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            SocialCode.Marker,
            """
            class Calcul
            {
                decimal Forfait(decimal ressources) => 635.71m - ressources;
            }
            """,
        });

        var diagnostic = Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.SupersededValue);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(
            $"635.71 is a superseded value of '{Keys.Rsa}' ({RsaLabel}), in force 2024-04-01 → 2025-03-31 (Décret n° 2024-396 du 29 avril 2024, art. 1); on 2026-06-01 the value is 651.69",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var properties = diagnostic.Properties;
        Assert.Equal(Keys.Rsa, properties["key"]);
        Assert.Equal("635.71", properties["found"]);
        Assert.Equal("651.69", properties["statutory"]);
        Assert.Equal("2026-04-01", properties["validFrom"]);
        Assert.Equal(string.Empty, properties["validTo"]);
        Assert.Equal("2024-04-01", properties["foundValidFrom"]);
        Assert.Equal("2025-03-31", properties["foundValidTo"]);
        Assert.Equal("Décret n° 2026-220 du 30 mars 2026, art. 1", properties["referenceTitle"]);
        Assert.StartsWith("https://www.legifrance.gouv.fr/", properties["referenceHref"], System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_past_value_restated_for_several_years_is_given_its_whole_period()
    {
        // 41136 was the annual ceiling in 2020, 2021 and 2022, each year by its own decree; cited by the last one.
        var diagnostics = await DirectRun.AnalyzeAsync(new[] { "class Cotisations { decimal PlafondAnnuel = 41136m; }", SocialCode.Marker });

        var diagnostic = Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.SupersededValue);
        Assert.Contains("in force 2020-01-01 → 2022-12-31 (Arrêté du 15 décembre 2021)", diagnostic.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal("2020-01-01", diagnostic.Properties["foundValidFrom"]);
        Assert.Equal("2022-12-31", diagnostic.Properties["foundValidTo"]);
    }

    [Fact]
    public async Task Messages_are_in_french_for_a_french_ui()
    {
        await new Test()
            .WithSource("""
                class Calcul
                {
                    decimal Forfait() => {|#0:651.69m|};
                }
                """)
            .WithSource(SocialCode.Marker)
            .Expect(new DiagnosticResult(RuleIdentifiers.UnreferencedStatutoryValue, DiagnosticSeverity.Warning).WithLocation(0)
                .WithMessage($"651.69 est la valeur légale de '{Keys.Rsa}' ({RsaLabel}) pour 2026-04-01 → (Décret n° 2026-220 du 30 mars 2026, art. 1) ; liez-la au paramètre pour qu'elle soit vérifiée quand le texte change"))
            .RunInCultureAsync("fr-FR");
    }

    [Fact]
    public async Task Undistinctive_value_needs_a_name_that_corroborates_the_parameter()
    {
        // 0.005 is the CRDS rate, and also a common epsilon: only the first is reported.
        await new Test()
            .WithSource("""
                class Paie
                {
                    const decimal CRDSNonDeductible = {|#0:0.005m|};
                    const double epsilon = 0.005;
                    decimal Crds(decimal assiette) => assiette * {|#1:0.005m|};
                    bool Proche(double a, double b) => System.Math.Abs(a - b) < 0.005;
                }
                """)
            .Expect(
                new DiagnosticResult(RuleIdentifiers.UnreferencedStatutoryValue, DiagnosticSeverity.Warning).WithLocation(0).WithArguments("0.005", Keys.Crds, "Taux de la CRDS (revenus d'activité et de remplacement)", "1996-02-01 →", "Article 19 de l'ordonnance n° 96-50 du 24 janvier 1996; Article 1600-0 J du Code général des impôts"),
                new DiagnosticResult(RuleIdentifiers.UnreferencedStatutoryValue, DiagnosticSeverity.Warning).WithLocation(1).WithArguments("0.005", Keys.Crds, "Taux de la CRDS (revenus d'activité et de remplacement)", "1996-02-01 →", "Article 19 de l'ordonnance n° 96-50 du 24 janvier 1996; Article 1600-0 J du Code général des impôts"))
            .RunAsync();
    }

    [Fact]
    public async Task A_label_set_beside_the_value_in_an_object_initializer_names_it()
    {
        // A payslip line: its label says the rate is the deductible CSG; a loyalty discount's does not.
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            """
            class LigneBulletin { public string Code; public string Libelle; public decimal TauxSalarial; }
            class Bulletin
            {
                LigneBulletin Premiere() => new LigneBulletin { Code = "3000", Libelle = "CSG déductible", TauxSalarial = 0.068m };
                LigneBulletin Seconde() => new LigneBulletin { Code = "9000", Libelle = "Remise fidélité", TauxSalarial = 0.068m };
            }
            """,
        });

        var diagnostic = Assert.Single(diagnostics, d => d.Id is RuleIdentifiers.UnreferencedStatutoryValue or RuleIdentifiers.SupersededValue);
        Assert.Equal(RuleIdentifiers.UnreferencedStatutoryValue, diagnostic.Id);
        Assert.Equal("prelevements_sociaux.contributions_sociales.csg.activite.deductible", diagnostic.Properties["key"]);
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public async Task Ordinary_code_full_of_numbers_has_no_finding()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            class Ordinary
            {
                const double Epsilon = 0.005;
                const int HttpNotFound = 404, HttpOk = 200, ServerError = 500;
                static readonly DateTime Start = new DateTime(2024, 4, 1);
                decimal Half(decimal x) => x * 0.5m;
                int Percent(int part, int total) => part * 100 / total;
                double Circle(double r) => 3.14159 * r * r;
                int Buffer => 4096 + 1024 + 65536;
                int Year => 2025;
                double Scale(double x) => Math.Round(x * 1.5, 2);
                decimal Tva(decimal ht) => ht * 0.2m;
                decimal Remise(decimal prix) => prix * 0.05m;
                IEnumerable<int> Range() => Enumerable.Range(0, 12).Select(i => i * 12);
                string Format(decimal d) => d.ToString("0.00");
                int Hex => 0x1F1A + 0b1010;
                TimeSpan Timeout => TimeSpan.FromSeconds(30.5);
                double Ratio => 16.0 / 9.0;
                int ageMinimum = 14, ageMajorite = 18;
                decimal tauxReduit = 0m, tauxPlein = 1m;
                decimal PrixDeuxPersonnes(decimal prix) => prix * 0.16m;
                double cm = 0.32;
            }
            """,
        });

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Values_older_than_the_look_back_window_are_not_reported()
    {
        // RSA 524.16 applied until 2016-03-31: outside a 10-year window on 2026-06-01, inside an 11-year one.
        var source = new[] { "class Calcul { decimal Rsa2015 => 524.16m; }" };
        Assert.Empty(await DirectRun.AnalyzeAsync(source));

        var withLongerWindow = await DirectRun.AnalyzeAsync(source, new Dictionary<string, string> { ["legal_rules.history_years"] = "11" });
        var diagnostic = Assert.Single(withLongerWindow, d => d.Id == RuleIdentifiers.SupersededValue);
        Assert.Equal("2015-09-01", diagnostic.Properties["foundValidFrom"]);
    }

    [Fact]
    public async Task Binary_floating_point_literal_is_read_from_its_text_and_folded_constants_count()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            """
            class Plafonds
            {
                double PassAnnuel => 48060.0;
                decimal PassFolded => 4005m * 12m;
            }
            """,
            SocialCode.Marker,
        });

        // 48060.0 and 4005 * 12 are the PASS; 4005 itself is the PMSS.
        var keys = diagnostics.Where(d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue).Select(d => d.Properties["key"]).OrderBy(k => k, System.StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { Keys.Pass, Keys.Pass, Keys.Pmss }, keys);
    }

    [Fact]
    public async Task Bound_members_attribute_arguments_and_enum_members_are_left_to_other_rules()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            $$"""
            using LegalRules;
            class Bound
            {
                [StatutoryParameter("{{Keys.Rsa}}")]
                const decimal Rsa = 651.69m;
                [Ordre(651.69)]
                decimal Attribute { get; set; }
            }
            enum Codes { Pass = 48060 }
            sealed class OrdreAttribute : System.Attribute { public OrdreAttribute(double ordre) { } }
            """,
        });

        Assert.DoesNotContain(diagnostics, d => d.Id is RuleIdentifiers.UnreferencedStatutoryValue or RuleIdentifiers.SupersededValue);
    }

    [Fact]
    public async Task An_enum_of_ages_is_matched_as_its_members_values()
    {
        // Codes are not amounts; an enum that lists ages holds the law's.
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            SocialCode.Marker,
            """
            enum FamilyAllowanceAge { AgeSupplementThreshold = 14, DependentChildLimit = 20 }
            enum StatutDossier { Ouvert = 14, Clos = 18 }
            """,
        });

        var diagnostic = Assert.Single(diagnostics, d => d.Id is RuleIdentifiers.UnreferencedStatutoryValue or RuleIdentifiers.SupersededValue);
        Assert.Equal(RuleIdentifiers.SupersededValue, diagnostic.Id);
        Assert.Equal(Keys.AfAge, diagnostic.Properties["key"]);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public async Task A_doc_comment_that_says_unemployment_benefits_chooses_the_rate_on_them()
    {
        // 0.062 is the global CSG rate on unemployment benefits and on daily allowances alike.
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            SocialCode.Marker,
            """
            public sealed class GeneralizedSocialContribution
            {
                /// <summary>Unemployment benefits (allocations chômage), total rate.</summary>
                public const decimal UnemploymentBenefitRate = 0.062m;
            }
            """,
        });

        var diagnostic = Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue);
        Assert.Equal("prelevements_sociaux.contributions_sociales.csg.remplacement.allocations_chomage.taux_global", diagnostic.Properties["key"]);
    }

    [Fact]
    public async Task A_members_bounds_and_default_given_by_attributes_are_matched_as_the_member()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            SocialCode.Marker,
            """
            using System.ComponentModel;
            using System.ComponentModel.DataAnnotations;
            public sealed class Saisie
            {
                [Range(0, 1041.59)]
                public decimal MontantAahDeclare { get; set; }
                [DefaultValue(15)]
                public decimal SeuilVersementPrimeActivite { get; set; }
                [Range(1, 15)]
                public int NombreEnfants { get; set; }
                public decimal Plafond([DefaultValue(4005)] decimal pmss) => pmss;
            }
            """,
        });

        var found = diagnostics.Where(d => d.Id is RuleIdentifiers.UnreferencedStatutoryValue or RuleIdentifiers.BinaryFloatingPoint)
            .Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition.Line} {d.Properties["key"]}")
            .ToArray();
        Assert.Equal(
            new[]
            {
                "LR0003 4 prestations_sociales.prestations_etat_de_sante.invalidite.aah.montant",
                "LR0102 4 prestations_sociales.prestations_etat_de_sante.invalidite.aah.montant",
                "LR0003 6 prestations_sociales.solidarite_insertion.minima_sociaux.ppa.pa_m.montant_minimum_verse",
                $"LR0003 10 {Keys.Pmss}",
            },
            found);
    }

    [Fact]
    public async Task A_row_of_a_parameterised_test_is_matched_as_the_parameter_it_is_passed_as()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            SocialCode.Marker,
            """
            namespace Xunit { public sealed class InlineDataAttribute : System.Attribute { public InlineDataAttribute(params object[] data) { } } }
            namespace NUnit.Framework { public sealed class TestCaseAttribute : System.Attribute { public TestCaseAttribute(params object[] arguments) { } public object ExpectedResult { get; set; } } }
            public class MinimaTests
            {
                [Xunit.InlineData(false, 12523.14)]
                public void Aspa(bool enCouple, decimal plafondAttendu) { }

                [Xunit.InlineData(2, 0.16)]
                public void Forfait(int personnes, double tauxForfaitLogement) { }

                [NUnit.Framework.TestCase("crds", 0.005)]
                public void Taux(string code, double valeur) { }

                [Xunit.InlineData(2, 0.16)]
                public void Zoom(int niveau, double echelle) { }

                [Ordre(12523.14)]
                public decimal Defaut { get; set; }
            }
            public sealed class OrdreAttribute : System.Attribute { public OrdreAttribute(double ordre) { } }
            """,
        });

        var found = diagnostics
            .Where(d => d.Id is RuleIdentifiers.UnreferencedStatutoryValue or RuleIdentifiers.SupersededValue or RuleIdentifiers.BinaryFloatingPoint)
            .Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition.Line + 1} {d.Location.SourceTree!.GetText().GetSubText(d.Location.SourceSpan)}")
            .OrderBy(d => d, System.StringComparer.Ordinal)
            .ToArray();

        // The ceiling and the rates are reported where the test holds them, and as binary floating point:
        // the rows write them as doubles; a zoom level and another attribute's value are not.
        Assert.Equal(
            new[]
            {
                $"{RuleIdentifiers.UnreferencedStatutoryValue} 11 0.005",
                $"{RuleIdentifiers.UnreferencedStatutoryValue} 5 12523.14",
                $"{RuleIdentifiers.UnreferencedStatutoryValue} 8 0.16",
                $"{RuleIdentifiers.BinaryFloatingPoint} 11 0.005",
                $"{RuleIdentifiers.BinaryFloatingPoint} 5 12523.14",
                $"{RuleIdentifiers.BinaryFloatingPoint} 8 0.16",
            },
            found);
    }

    [Fact]
    public async Task Value_that_is_in_force_wins_over_a_past_value_of_another_parameter()
    {
        // 0.092 is the CSG rate on earned income (taux global) in force; other CSG rates had it in the past.
        var diagnostics = await DirectRun.AnalyzeAsync(new[] { "class Csg { const decimal TauxCsgActivite = 0.092m; }" });
        var diagnostic = Assert.Single(diagnostics, d => d.Id is RuleIdentifiers.UnreferencedStatutoryValue or RuleIdentifiers.SupersededValue);
        Assert.Equal(RuleIdentifiers.UnreferencedStatutoryValue, diagnostic.Id);
        Assert.Equal("prelevements_sociaux.contributions_sociales.csg.activite.taux_global", diagnostic.Properties["key"]);
    }

    [Fact]
    public async Task A_past_whole_number_used_as_an_integer_needs_names()
    {
        // 41136 and 38616 were annual social security ceilings (2020–2022, 2016), and are towns'
        // populations; 48060 is the ceiling in force on 2026-06-01.
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            SocialCode.Marker,
            """
            record Ville(string Nom, int Valeur);
            class Donnees
            {
                Ville[] Villes = { new("Bourg-en-Bresse", 41136), new("Villefranche-sur-Saône", 38616) };
                int PlafondAnnuel2022 = 41136;
                decimal Montant2016 = 38616;
                int Limite = 48060;
            }
            """,
        });

        var found = diagnostics
            .Where(d => d.Id is RuleIdentifiers.SupersededValue or RuleIdentifiers.UnreferencedStatutoryValue)
            .Select(d => d.Id + " " + d.Location.GetLineSpan().StartLinePosition.Line)
            .ToList();
        Assert.Equal(new[] { "LR0002 4", "LR0002 5", "LR0003 6" }, found);
    }

    [Fact]
    public async Task Four_digit_whole_numbers_used_as_integers_are_codes_not_amounts()
    {
        // 4005 is the PMSS in 2026, and a common error or event code: only the amount is reported.
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            SocialCode.Marker,
            """
            class Codes
            {
                const int ErreurInterne = 4005;
                int Evenement(int code) => code == 4005 ? 1 : 0;
                decimal TrancheA(decimal brut) => System.Math.Min(brut, 4005m);
                decimal Plafond() { decimal p = 4005; return p; }
            }
            """,
        });

        var lines = diagnostics.Where(d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue).Select(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.Equal(new[] { 4, 5 }, lines);
        Assert.All(diagnostics.Where(d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue), d => Assert.Equal(Keys.Pmss, d.Properties["key"]));
    }
}
