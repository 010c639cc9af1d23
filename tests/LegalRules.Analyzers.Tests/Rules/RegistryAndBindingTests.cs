using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using BindingTest = LegalRules.Tests.Infrastructure.AnalyzerTest<LegalRules.Rules.StatutoryBindingAnalyzer>;
using FileTest = LegalRules.Tests.Infrastructure.AnalyzerTest<LegalRules.Rules.RegistryFileAnalyzer>;

namespace LegalRules.Tests.Rules;

/// <summary>Rules that involve the registry's sources and bindings: LR0004, LR0005, LR0901, LR0902, LR0903.</summary>
public class RegistryAndBindingTests
{
    private const string LocalRegistry = """
        registry:
          name: Barème interne
        parameters:
          interne.prime.noel:
            label: Prime de Noël
            unit: currency
            values:
              2020-12-01: 152.45
          interne.aide.ancienne:
            label: Aide supprimée
            unit: currency
            reference: {title: "Décret n° 2019-1 du 2 janvier 2019"}
            values:
              2015-01-01: 100
              2020-01-01: {value: null, reference: {title: "Décret n° 2019-999 du 1er décembre 2019"}}
          interne.aide.future:
            label: Aide future
            unit: currency
            reference: {title: "Loi n° 2026-1"}
            values:
              2027-01-01: 250
          interne.taux.verifie:
            label: Taux vérifié il y a longtemps
            unit: /1
            reference: {title: "Arrêté du 1er janvier 2020"}
            last_value_still_valid_on: 2020-01-01
            values:
              2020-01-01: 0.0375
        """;

    [Fact]
    public async Task Unknown_key_in_an_attribute_is_reported_with_the_nearest_keys()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            """
            using LegalRules;
            class Rsa
            {
                [StatutoryParameter("prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rs")]
                const decimal Montant = 651.69m;
            }
            """,
        });

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(RuleIdentifiers.UnknownParameter, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Keys.Rsa, diagnostic.Properties["nearestKeys"]!.Split(';')[0]);
        Assert.Contains("nearest known keys: " + Keys.Rsa, diagnostic.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public async Task Attribute_declared_by_the_code_itself_in_any_namespace_is_recognised()
    {
        await new BindingTest()
            .Ignoring(RuleIdentifiers.StaleData)
            .WithSource($$"""
                namespace Vendor.Annotations
                {
                    [System.AttributeUsage(System.AttributeTargets.All)]
                    sealed class StatutoryParameter : System.Attribute
                    {
                        public StatutoryParameter(string key) { }
                        public string AsOf { get; set; }
                    }
                }
                namespace Vendor.Calcul
                {
                    using Vendor.Annotations;
                    static class Rsa
                    {
                        [StatutoryParameter("{{Keys.Rsa}}")]
                        public const decimal Montant = {|#0:607.75m|};
                    }
                }
                """)
            .Expect(new DiagnosticResult(RuleIdentifiers.DivergentValue, DiagnosticSeverity.Error).WithLocation(0).WithArguments("607.75", "651.69", Keys.Rsa, "Montant forfaitaire mensuel du RSA (foyer d'une personne, métropole)", "2026-04-01 →", "Décret n° 2026-220 du 30 mars 2026, art. 1"))
            .RunAsync();
    }

    [Fact]
    public async Task Parameter_ended_or_not_yet_in_force_is_reported_at_the_key()
    {
        await new BindingTest()
            .WithAdditionalFile("/0/interne.legal.yaml", LocalRegistry)
            .WithSource("""
                using LegalRules;
                class Aides
                {
                    [StatutoryParameter({|#0:"interne.aide.ancienne"|})]
                    const decimal Ancienne = 100m;
                    [StatutoryParameter({|#1:"interne.aide.future"|})]
                    const decimal Future = 250m;
                    [StatutoryParameter("interne.aide.future", AsOf = "2027-02-01")]
                    const decimal FutureDatee = 250m;
                }
                """)
            .Expect(
                new DiagnosticResult(RuleIdentifiers.ParameterNotInForce, DiagnosticSeverity.Warning).WithLocation(0).WithArguments("interne.aide.ancienne", "Aide supprimée", "2026-06-01", "it ended on 2020-01-01 (Décret n° 2019-999 du 1er décembre 2019)"),
                new DiagnosticResult(RuleIdentifiers.ParameterNotInForce, DiagnosticSeverity.Warning).WithLocation(1).WithArguments("interne.aide.future", "Aide future", "2026-06-01", "its first value applies from 2027-01-01"))
            .RunAsync();
    }

    [Fact]
    public async Task A_parameter_without_value_for_a_while_is_not_said_to_have_ended()
    {
        // The median CSG rate on pensions has no value before 2019-01-01 (from 1991-02-01 in the registry).
        const string Key = "prelevements_sociaux.contributions_sociales.csg.remplacement.pensions_retraite_invalidite.deductible.taux_median";
        await new BindingTest()
            .WithSource($$"""
                using LegalRules;
                class Pensions
                {
                    [StatutoryParameter({|#0:"{{Key}}"|}, AsOf = "2018-06-01")]
                    const decimal TauxMedian2018 = 0.042m;
                }
                """)
            .Expect(new DiagnosticResult(RuleIdentifiers.ParameterNotInForce, DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
                Key,
                "CSG sur les pensions de retraite et d'invalidité : taux médian, part déductible",
                "2018-06-01",
                "it has no value from 1991-02-01 (Loi n° 2018-1213 du 24 décembre 2018, art. 3) until its next value, which applies from 2019-01-01"))
            .RunAsync();
    }

    [Fact]
    public async Task Value_without_reference_and_stale_data_are_reported_where_code_relies_on_them()
    {
        await new BindingTest()
            .WithAdditionalFile("/0/interne.legal.yaml", LocalRegistry)
            .WithSource("""
                using LegalRules;
                class Primes
                {
                    [StatutoryParameter("interne.prime.noel")]
                    const decimal {|#0:Noel|} = 152.45m;
                    [StatutoryParameter("interne.taux.verifie")]
                    const decimal {|#1:Taux|} = 0.0375m;
                }
                """)
            .Expect(
                new DiagnosticResult(RuleIdentifiers.ValueWithoutReference, DiagnosticSeverity.Warning).WithLocation(0).WithArguments("152.45", "interne.prime.noel", "Prime de Noël", "2020-12-01 →"),
                new DiagnosticResult(RuleIdentifiers.StaleData, DiagnosticSeverity.Info).WithLocation(1).WithArguments("interne.taux.verifie", "Taux vérifié il y a longtemps", "2020-01-01", 12, "2026-06-01"))
            .RunAsync();
    }

    [Fact]
    public async Task Stale_age_is_configurable()
    {
        await new BindingTest()
            .WithOption("legal_rules.stale_after_months", "120")
            .WithAdditionalFile("/0/interne.legal.yaml", LocalRegistry)
            .WithSource("""
                using LegalRules;
                class Primes
                {
                    [StatutoryParameter("interne.taux.verifie")]
                    const decimal Taux = 0.0375m;
                }
                """)
            .RunAsync();
    }

    [Fact]
    public async Task Native_registry_overrides_the_embedded_one_and_the_embedded_one_can_be_switched_off()
    {
        const string Override = $$"""
            parameters:
              {{Keys.Rsa}}:
                label: RSA (barème interne)
                unit: currency
                reference: {title: "Note interne"}
                values:
                  2026-04-01: 651.70
            """;
        var source = $$"""
            using LegalRules;
            class Rsa
            {
                [StatutoryParameter("{{Keys.Rsa}}")]
                const decimal Montant = 651.69m;
                [StatutoryParameter("{{Keys.Pass}}")]
                const decimal Pass = 48060m;
            }
            """;

        var overridden = await DirectRun.AnalyzeAsync(new[] { source }, additionalFiles: new[] { ("/p/interne.legal.yaml", Override) });
        var divergent = Assert.Single(overridden, d => d.Id == RuleIdentifiers.DivergentValue);
        Assert.Equal("651.70", divergent.Properties["statutory"]);

        var withoutEmbedded = await DirectRun.AnalyzeAsync(
            new[] { source },
            new Dictionary<string, string> { ["legal_rules.default_registry"] = "false" },
            new[] { ("/p/interne.legal.yaml", Override) });
        Assert.Contains(withoutEmbedded, d => d.Id == RuleIdentifiers.UnknownParameter && d.Properties["key"] == Keys.Pass);
        Assert.Contains(withoutEmbedded, d => d.Id == RuleIdentifiers.DivergentValue);
    }

    [Fact]
    public async Task Bindings_file_binds_members_by_name_and_documentation_id()
    {
        const string Bindings = $$"""
            bindings:
              Vendor.Calcul.CalculRsa.k1: {{Keys.Rsa}}
              "F:Vendor.Paie.Smic.SmicHoraireBrut": {{Keys.SmicHoraire}}
              Vendor.Paie.Smic.Inconnu: marche_travail.salaire_minimum.smic.smic_b_horaires
            """;
        var diagnostics = await DirectRun.AnalyzeAsync(
            new[]
            {
                """
                namespace Vendor.Calcul { class CalculRsa { decimal k1 = 598.54m; } }
                namespace Vendor.Paie { static class Smic { public const decimal SmicHoraireBrut = 11.65m; public const decimal Inconnu = 1m; } }
                """,
            },
            additionalFiles: new[] { ("/drop/vendor.legal-bindings.yaml", Bindings) });

        var divergent = diagnostics.Where(d => d.Id == RuleIdentifiers.DivergentValue).ToList();
        Assert.Equal(new[] { Keys.Rsa, Keys.SmicHoraire }, divergent.Select(d => d.Properties["key"]));
        Assert.Equal(new[] { "598.54", "11.65" }, divergent.Select(d => d.Properties["found"]));

        var unknown = Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.UnknownParameter);
        var span = unknown.Location.GetLineSpan();
        Assert.Equal("/drop/vendor.legal-bindings.yaml", span.Path);
        Assert.Equal(3, span.StartLinePosition.Line);
        Assert.Equal(28, span.StartLinePosition.Character);
        Assert.Equal(Keys.SmicHoraire, unknown.Properties["nearestKeys"]!.Split(';')[0]);
    }

    [Fact]
    public async Task Registry_faults_are_located_in_the_file_and_the_rest_still_loads()
    {
        const string Broken = """
            parameters:
              interne.bon:
                label: Bon
                unit: currency
                values:
                  2024-01-01: 1234.56
              interne.date:
                unit: currency
                values:
                  2025-02-30: 10
              interne.unite:
                unit: euros
                values:
                  2024-01-01: 10
            """;
        await new FileTest()
            .WithSource("class C { }")
            .WithAdditionalFile("/0/interne.legal.yaml", Broken)
            .Expect(
                new DiagnosticResult(RuleIdentifiers.InvalidRegistry, DiagnosticSeverity.Error).WithSpan("/0/interne.legal.yaml", 10, 7, 10, 17).WithArguments("'2025-02-30' is not a date (YYYY-MM-DD)"),
                new DiagnosticResult(RuleIdentifiers.InvalidRegistry, DiagnosticSeverity.Error).WithSpan("/0/interne.legal.yaml", 12, 11, 12, 16).WithArguments("Unknown unit 'euros' (currency, /1, year, month, day, hour, count, or a base such as BMAF, smic, PSS)"))
            .RunAsync();

        var diagnostics = await DirectRun.AnalyzeAsync(
            new[] { "class C { decimal Bon => 1234.56m; }" },
            additionalFiles: new[] { ("/0/interne.legal.yaml", Broken) });
        Assert.Contains(diagnostics, d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue && d.Properties["key"] == "interne.bon");
    }

    [Fact]
    public async Task Invalid_option_is_reported_and_the_default_applies()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(
            new[] { "class C { }" },
            new Dictionary<string, string> { ["legal_rules.history_years"] = "ten" });
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(RuleIdentifiers.InvalidRegistry, diagnostic.Id);
        Assert.Equal("Option legal_rules.history_years = 'ten' is not valid (expected 0–200); the default is used", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task OpenFisca_tree_given_by_property_supplies_parameters_keyed_by_path()
    {
        const string Leaf = """
            description: Montant interne
            values:
              2020-01-01:
                value: 7777.77
            metadata:
              unit: currency
              reference:
                2020-01-01:
                  title: Arrêté du 1er janvier 2020
            """;
        var source = """
            using LegalRules;
            class C
            {
                [StatutoryParameter("interne.montants.special")]
                const decimal Special = 7777.70m;
            }
            """;
        var diagnostics = await DirectRun.AnalyzeAsync(
            new[] { source },
            new Dictionary<string, string> { ["build_property.LegalRulesOpenFiscaParameters"] = "/trees/parameters" },
            new[] { ("/trees/parameters/interne/montants/special.yaml", Leaf), ("/trees/parameters/interne/index.yaml", "description: Interne") });

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(RuleIdentifiers.DivergentValue, diagnostic.Id);
        Assert.Equal("7777.77", diagnostic.Properties["statutory"]);
        Assert.Equal("Arrêté du 1er janvier 2020", diagnostic.Properties["referenceTitle"]);
    }

    [Fact]
    public async Task Attribute_whose_type_does_not_resolve_still_binds_by_its_literal_arguments()
    {
        // A vendor drop audited without its packages: the attribute is an error type.
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            $$"""
            namespace Vendor.Calcul;
            public static class CalculRsa
            {
                [StatutoryParameter("{{Keys.Rsa}}")]
                public const decimal Montant = 646.52m;
                [StatutoryParameter("{{Keys.Rsa}}", AsOf = "2025-06-01")]
                public const decimal Montant2025 = 646.52m;
            }
            """,
        }, withAnnotations: false);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(RuleIdentifiers.DivergentValue, diagnostic.Id);
        Assert.Equal("646.52", diagnostic.Properties["found"]);
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public async Task OpenFisca_file_whose_path_gives_no_key_is_reported_and_index_files_are_skipped()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(
            new[] { "class C { }" },
            new Dictionary<string, string> { ["build_property.LegalRulesOpenFiscaParameters"] = "/trees/parameters" },
            new[]
            {
                ("/trees/parameters/interne/montant-2024.yaml", "values:\n  2024-01-01: 12\n"),
                ("/trees/parameters/interne/index.yml", "description: Interne\nmetadata: {order: [a]}\n"),
            });

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(RuleIdentifiers.InvalidRegistry, diagnostic.Id);
        Assert.Equal("/trees/parameters/interne/montant-2024.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("interne.montant-2024", diagnostic.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }
}
