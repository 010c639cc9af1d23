using System.Threading.Tasks;
using LegalRules.CodeFixes.Fixes;
using LegalRules.Rules;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LegalRules.Tests.Fixes;

public class UseDecimalFixerTests
{
    [Fact]
    public async Task Declarations_take_decimal_and_their_literals_the_m_suffix()
    {
        await new CodeFixTest<BinaryFloatingPointAnalyzer, UseDecimalFixer>
        {
            TestCode = $$"""
                using LegalRules;
                class Paie
                {
                    /// <summary>Taux de la CRDS.</summary>
                    [StatutoryParameter("{{Keys.Crds}}")]
                    public const {|LR0102:double|} Crds = 0.005; // revenus d'activité

                    static readonly {|LR0102:float?|} PassAnnuel = 48060f;
                    {|LR0102:double|} PlafondAnnuel => 4.806e4d;
                    double Pass()
                    {
                        return {|LR0102:48_060.0|};
                    }

                    decimal Net(decimal brut, {|LR0102:double|} tauxCrds = 0.005)
                    {
                        {|LR0102:var|} crds = 0.005;
                        return brut * (1m - (decimal)crds - (decimal)tauxCrds);
                    }
                }
                """,
            FixedCode = $$"""
                using LegalRules;
                class Paie
                {
                    /// <summary>Taux de la CRDS.</summary>
                    [StatutoryParameter("{{Keys.Crds}}")]
                    public const decimal Crds = 0.005m; // revenus d'activité

                    static readonly decimal? PassAnnuel = 48060m;
                    decimal PlafondAnnuel => 4.806e4m;
                    decimal Pass()
                    {
                        return 48_060.0m;
                    }

                    decimal Net(decimal brut, decimal tauxCrds = 0.005m)
                    {
                        var crds = 0.005m;
                        return brut * (1m - (decimal)crds - (decimal)tauxCrds);
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task No_fix_where_decimal_would_break_the_code_that_uses_the_value()
    {
        var test = new CodeFixTest<BinaryFloatingPointAnalyzer, UseDecimalFixer>
        {
            TestCode = $$"""
                using System;
                using LegalRules;
                public static class Baremes
                {
                    [StatutoryParameter("{{Keys.Crds}}")]
                    public const {|#0:double|} Crds = 0.005;

                    [StatutoryParameter("{{Keys.Pass}}")]
                    public static {|#1:double|} Pass { get; } = 48060.0;

                    static double Racine()
                    {
                        {|#2:double|} crds = 0.005;
                        return Math.Sqrt(crds);
                    }

                    static {|LR0102:double|} Pmss() => 4005.0;
                }
                """,
            FixedCode = $$"""
                using System;
                using LegalRules;
                public static class Baremes
                {
                    [StatutoryParameter("{{Keys.Crds}}")]
                    public const {|#0:double|} Crds = 0.005;

                    [StatutoryParameter("{{Keys.Pass}}")]
                    public static {|#1:double|} Pass { get; } = 48060.0;

                    static double Racine()
                    {
                        {|#2:double|} crds = 0.005;
                        return Math.Sqrt(crds);
                    }

                    static decimal Pmss() => 4005.0m;
                }
                """,
        };

        // Crds and Pass are used as doubles in another document; the local goes to Math.Sqrt.
        var uses = """
            static class Bulletin
            {
                static double Crds(double assiette) => assiette * Baremes.Crds;
                static double Plafond => Baremes.Pass / 12;
            }
            """;
        test.TestState.Sources.Add(uses);
        test.FixedState.Sources.Add(uses);
        var expected = new[]
        {
            new DiagnosticResult(RuleIdentifiers.BinaryFloatingPoint, DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Crds", "double", Keys.Crds, "Taux de la CRDS (revenus d'activité et de remplacement)"),
            new DiagnosticResult(RuleIdentifiers.BinaryFloatingPoint, DiagnosticSeverity.Warning).WithLocation(1).WithArguments("Pass", "double", Keys.Pass, "Plafond annuel de la sécurité sociale (PASS)"),
            new DiagnosticResult(RuleIdentifiers.BinaryFloatingPoint, DiagnosticSeverity.Warning).WithLocation(2).WithArguments("crds", "double", Keys.Crds, "Taux de la CRDS (revenus d'activité et de remplacement)"),
        };
        test.TestState.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_records_positional_parameter_is_changed_only_where_its_property_is_not_used_as_a_double()
    {
        var test = new CodeFixTest<BinaryFloatingPointAnalyzer, UseDecimalFixer>
        {
            TestCode = """
                public record Bareme({|LR0102:double|} TauxCrds = 0.005);
                public record Plafonds({|#0:double|} PassAnnuel = 48060.0);
                """,
            FixedCode = """
                public record Bareme(decimal TauxCrds = 0.005m);
                public record Plafonds({|#0:double|} PassAnnuel = 48060.0);
                """,
        };
        var uses = """
            static class Usage
            {
                static double Annuel(Plafonds plafonds) => plafonds.PassAnnuel;
            }
            """;
        test.TestState.Sources.Add(uses);
        test.FixedState.Sources.Add(uses);
        var expected = new DiagnosticResult(RuleIdentifiers.BinaryFloatingPoint, DiagnosticSeverity.Warning).WithLocation(0).WithArguments("PassAnnuel", "double", Keys.Pass, "Plafond annuel de la sécurité sociale (PASS)");
        test.TestState.ExpectedDiagnostics.Add(expected);
        test.FixedState.ExpectedDiagnostics.Add(expected);
        await test.RunAsync();
    }
}
