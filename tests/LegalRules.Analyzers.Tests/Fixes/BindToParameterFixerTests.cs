using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using LegalRules.CodeFixes.Fixes;
using LegalRules.Rules;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Fixes;

public class BindToParameterFixerTests
{
    private static CodeFixTest<UnboundStatutoryValueAnalyzer, BindToParameterFixer> Test(string code, string fixedCode) => new()
    {
        TestCode = code,
        FixedCode = fixedCode,
    };

    [Fact]
    public async Task A_constant_that_is_a_members_whole_value_binds_the_member_after_its_documentation()
    {
        await Test(
            """
            using LegalRules;
            class Paie
            {
                /// <summary>Taux de la CRDS.</summary>
                public const decimal CRDSNonDeductible = {|LR0003:0.005m|}; // non déductible
                static readonly decimal TauxCsgDeductible = ({|LR0003:0.068m|});
                [System.Obsolete("remplacé")]
                public decimal PlafondMensuelSecu { get; } = {|LR0003:4005m|};
                public decimal PassAnnuel => {|LR0003:48060m|};
                public decimal SmicHoraire
                {
                    get { return {|LR0003:12.31m|}; }
                }
            }
            """,
            $$"""
            using LegalRules;
            class Paie
            {
                /// <summary>Taux de la CRDS.</summary>
                [StatutoryParameter("{{Keys.Crds}}")]
                public const decimal CRDSNonDeductible = 0.005m; // non déductible
                [StatutoryParameter("{{Keys.CsgDeductible}}")]
                static readonly decimal TauxCsgDeductible = (0.068m);
                [StatutoryParameter("{{Keys.Pmss}}")]
                [System.Obsolete("remplacé")]
                public decimal PlafondMensuelSecu { get; } = 4005m;
                [StatutoryParameter("{{Keys.Pass}}")]
                public decimal PassAnnuel => 48060m;
                [StatutoryParameter("{{Keys.SmicHoraire}}")]
                public decimal SmicHoraire
                {
                    get { return 12.31m; }
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task The_using_directive_is_added_when_no_statutory_attribute_is_visible()
    {
        await Test(
            """
            // Module de paie — contributions sociales sur salaire
            using System;

            namespace Vendor.Paie
            {
                public class Cotisations
                {
                    public const decimal CRDSNonDeductible = {|LR0003:0.005m|};
                }
            }
            """,
            $$"""
            // Module de paie — contributions sociales sur salaire
            using System;
            using LegalRules;

            namespace Vendor.Paie
            {
                public class Cotisations
                {
                    [StatutoryParameter("{{Keys.Crds}}")]
                    public const decimal CRDSNonDeductible = 0.005m;
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task A_teams_own_attribute_is_used_where_it_is_visible()
    {
        await Test(
            """
            using Maison.Reglementaire;
            namespace Maison.Reglementaire
            {
                [System.AttributeUsage(System.AttributeTargets.Field)]
                public sealed class StatutoryParameterAttribute : System.Attribute
                {
                    public StatutoryParameterAttribute(string key) { }
                    public string AsOf { get; set; }
                }
            }
            class Paie
            {
                const decimal CRDSNonDeductible = {|LR0003:0.005m|};
                const decimal Forfait2024 = {|LR0002:635.71m|};
            }
            """,
            $$"""
            using Maison.Reglementaire;
            namespace Maison.Reglementaire
            {
                [System.AttributeUsage(System.AttributeTargets.Field)]
                public sealed class StatutoryParameterAttribute : System.Attribute
                {
                    public StatutoryParameterAttribute(string key) { }
                    public string AsOf { get; set; }
                }
            }
            class Paie
            {
                [StatutoryParameter("{{Keys.Crds}}")]
                const decimal CRDSNonDeductible = 0.005m;
                [StatutoryParameter("{{Keys.Rsa}}", AsOf = "2024-04-01")]
                const decimal Forfait2024 = 635.71m;
            }
            """).RunAsync();
    }

    [Fact]
    public async Task A_superseded_value_is_bound_as_of_the_period_it_applied_and_is_then_in_order()
    {
        var code = """
            using LegalRules;
            class Rsa
            {
                private const decimal MONTANT_FORFAITAIRE = {|LR0002:646.52m|};
            }
            """;
        var fixedCode = $$"""
            using LegalRules;
            class Rsa
            {
                [StatutoryParameter("{{Keys.Rsa}}", AsOf = "2025-04-01")]
                private const decimal MONTANT_FORFAITAIRE = 646.52m;
            }
            """;
        var test = Test(code, fixedCode);
        test.CodeActionVerifier = (action, verifier) => verifier.Equal($"Bind 'MONTANT_FORFAITAIRE' to '{Keys.Rsa}' as of 2025-04-01 (this code computes that period)", action.Title);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            await test.RunAsync();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        // Every rule agrees with the bound code: the value is the one of 2025-04-01.
        var diagnostics = await DirectRun.AnalyzeAsync(new[] { fixedCode });
        Assert.DoesNotContain(diagnostics, d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
    }

    [Fact]
    public async Task A_constant_inside_an_expression_is_extracted_to_a_bound_constant_named_after_the_parameter()
    {
        var test = Test(
            """
            class Paie
            {
                const decimal AbattementFraisProfessionnels = 0.0175m;

                // Contributions sur l'assiette.
                decimal Crds(decimal assiette) => assiette * {|LR0003:0.005m|};

                decimal Plafond(decimal brut) => System.Math.Min(brut, {|LR0003:4005m|});
            }
            """,
            $$"""
            using LegalRules;

            class Paie
            {
                const decimal AbattementFraisProfessionnels = 0.0175m;
                [StatutoryParameter("{{Keys.Crds}}")]
                private const decimal TauxCrds = 0.005m;
                [StatutoryParameter("{{Keys.Pmss}}")]
                private const decimal Pmss = 4005m;

                // Contributions sur l'assiette.
                decimal Crds(decimal assiette) => assiette * TauxCrds;

                decimal Plafond(decimal brut) => System.Math.Min(brut, Pmss);
            }
            """);
        var titles = new[] { $"Extract to the constant 'TauxCrds' bound to '{Keys.Crds}'", $"Extract to the constant 'Pmss' bound to '{Keys.Pmss}'" };
        test.CodeActionVerifier = (action, verifier) => verifier.True(titles.Contains(action.Title), action.Title);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            await test.RunAsync();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task Fix_all_shares_one_constant_per_value_avoids_names_in_use_and_reuses_bound_constants()
    {
        var test = new CodeFixTest<UnboundStatutoryValueAnalyzer, BindToParameterFixer>
        {
            TestCode = $$"""
                using LegalRules;
                static class Contributions
                {
                    static decimal TauxCrds(decimal x) => x;

                    static decimal Crds(decimal assiette) => assiette * {|LR0003:0.005m|};
                    static decimal CrdsRemplacement(decimal assiette) => assiette * {|LR0003:0.005m|};
                    static decimal Forfait(decimal ressources) => {|LR0002:635.71m|} - ressources;
                }

                static class Bulletin
                {
                    [StatutoryParameter("{{Keys.Crds}}")]
                    public const decimal Crds = 0.005m;

                    static decimal CrdsSur(decimal assiette) => assiette * {|LR0003:0.005m|};
                }
                """,
            FixedCode = $$"""
                using LegalRules;
                static class Contributions
                {
                    [StatutoryParameter("{{Keys.Crds}}")]
                    private const decimal TauxCrds2 = 0.005m;
                    [StatutoryParameter("{{Keys.Rsa}}", AsOf = "2024-04-01")]
                    private const decimal MontantForfaitaireMensuelRsa = 635.71m;

                    static decimal TauxCrds(decimal x) => x;

                    static decimal Crds(decimal assiette) => assiette * TauxCrds2;
                    static decimal CrdsRemplacement(decimal assiette) => assiette * TauxCrds2;
                    static decimal Forfait(decimal ressources) => MontantForfaitaireMensuelRsa - ressources;
                }

                static class Bulletin
                {
                    [StatutoryParameter("{{Keys.Crds}}")]
                    public const decimal Crds = 0.005m;

                    static decimal CrdsSur(decimal assiette) => assiette * Crds;
                }
                """,
        };

        // One fix at a time, the first occurrence declares the constant and the next reuses it; Fix All
        // (document, project, solution) gives the same code in one pass.
        await test.RunAsync();
    }

    [Fact]
    public async Task Several_variables_of_one_declaration_locals_and_parameter_defaults_are_extracted()
    {
        await Test(
            """
            class Paie
            {
                const decimal Brut = 1m, CRDSNonDeductible = {|LR0003:0.005m|};

                decimal Net(decimal brut, decimal tauxCrds = {|LR0003:0.005m|})
                {
                    var crds = {|LR0003:0.005m|};
                    return brut * (1m - crds - tauxCrds - CRDSNonDeductible) * Brut;
                }
            }
            """,
            $$"""
            using LegalRules;

            class Paie
            {
                const decimal Brut = 1m, CRDSNonDeductible = TauxCrds;
                [StatutoryParameter("{{Keys.Crds}}")]
                private const decimal TauxCrds = 0.005m;

                decimal Net(decimal brut, decimal tauxCrds = TauxCrds)
                {
                    var crds = TauxCrds;
                    return brut * (1m - crds - tauxCrds - CRDSNonDeductible) * Brut;
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task No_fix_is_offered_where_no_statutory_attribute_can_be_used()
    {
        // Neither the annotations assembly nor a team's own attribute: binding code would not compile.
        var code = """
            class Paie
            {
                const decimal CRDSNonDeductible = {|LR0003:0.005m|};
                decimal Crds(decimal assiette) => assiette * {|LR0003:0.005m|};
            }
            """;
        var test = Test(code, code);
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.Runtime);
        test.FixedState.AdditionalReferences.Clear();
        test.FixedState.AdditionalReferences.AddRange(TestReferences.Runtime);
        await test.RunAsync();
    }

    [Fact]
    public async Task Constants_are_separated_by_blank_lines_where_the_fields_are()
    {
        await Test(
            """
            using LegalRules;
            class Rsa
            {
                /// <summary>Majoration pour deux personnes.</summary>
                const decimal MajorationDeuxPersonnes = 1.5m;

                /// <summary>Majoration pour trois personnes.</summary>
                const decimal MajorationTroisPersonnes = 1.8m;

                decimal Crds(decimal montant) => montant * {|LR0003:0.005m|};
            }
            """,
            $$"""
            using LegalRules;
            class Rsa
            {
                /// <summary>Majoration pour deux personnes.</summary>
                const decimal MajorationDeuxPersonnes = 1.5m;

                /// <summary>Majoration pour trois personnes.</summary>
                const decimal MajorationTroisPersonnes = 1.8m;

                [StatutoryParameter("{{Keys.Crds}}")]
                private const decimal TauxCrds = 0.005m;

                decimal Crds(decimal montant) => montant * TauxCrds;
            }
            """).RunAsync();
    }

    [Fact]
    public async Task A_members_bound_given_by_an_attribute_is_extracted_to_a_bound_constant()
    {
        await Test(
            """
            using System.ComponentModel.DataAnnotations;
            class SaisieAllocataire
            {
                [Range(0, {|LR0003:{|LR0102:1041.59|}|})]
                public decimal MontantAahDeclare { get; set; }
            }
            """,
            $$"""
            using System.ComponentModel.DataAnnotations;
            using LegalRules;
            class SaisieAllocataire
            {
                [StatutoryParameter("{{Keys.Aah}}")]
                private const double Aah = 1041.59;

                [Range(0, Aah)]
                public decimal MontantAahDeclare { get; set; }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task Top_level_statements_have_no_type_to_hold_a_constant_and_get_no_fix()
    {
        var code = """
            var salaireBrut = 100m;
            var salaireNet = 0m;
            System.Console.WriteLine({|LR0003:651.69m|} - salaireBrut - salaireNet);
            static decimal Forfait(decimal r) => {|LR0003:651.69m|} - r;
            """;
        var test = Test(code, code);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task A_folded_expression_that_names_a_local_constant_is_extracted_as_the_value_it_folds_to()
    {
        await Test(
            """
            class PlafondsSecuriteSociale
            {
                decimal Pass()
                {
                    const decimal mensuel = {|LR0003:4005m|};
                    return {|LR0003:mensuel * 12m|};
                }
            }
            """,
            $$"""
            using LegalRules;

            class PlafondsSecuriteSociale
            {
                [StatutoryParameter("{{Keys.Pmss}}")]
                private const decimal Pmss = 4005m;
                [StatutoryParameter("{{Keys.Pass}}")]
                private const decimal Pass2 = 48060m;

                decimal Pass()
                {
                    const decimal mensuel = Pmss;
                    return Pass2;
                }
            }
            """).RunAsync();
    }
    [Fact]
    public async Task Values_named_by_a_dictionary_key_or_a_switch_case_are_extracted_to_a_bound_constant()
    {
        await Test(
            """
            using System.Collections.Generic;

            class Parametres
            {
                Dictionary<string, decimal> Taux = new() { ["crds"] = {|LR0003:0.005m|} };

                decimal Code(string code)
                {
                    switch (code)
                    {
                        case "CRDS": return {|LR0003:0.005m|};
                        default: return 0m;
                    }
                }
            }
            """,
            $$"""
            using System.Collections.Generic;
            using LegalRules;

            class Parametres
            {
                Dictionary<string, decimal> Taux = new() { ["crds"] = TauxCrds };
                [StatutoryParameter("{{Keys.Crds}}")]
                private const decimal TauxCrds = 0.005m;

                decimal Code(string code)
                {
                    switch (code)
                    {
                        case "CRDS": return TauxCrds;
                        default: return 0m;
                    }
                }
            }
            """).RunAsync();
    }
}
