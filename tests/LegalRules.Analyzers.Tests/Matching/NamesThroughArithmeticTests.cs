using System.Collections.Generic;
using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// A constant passed to <c>Math.Round</c>, <c>Math.Min</c> and the like is part of the amount they
/// return: the names that corroborate it are those of what receives the result (<c>var crds =
/// Math.Round(assiette * 0.005m, 2)</c>), not the method's parameter (<c>d</c>, <c>val2</c>). 0.005
/// (the CRDS rate) and 47100 (the PASS of 2025) are not distinctive: only names can report them.
/// The embedded registry, on 2026-06-01.
/// </summary>
public sealed class NamesThroughArithmeticTests
{
    [Theory]
    [InlineData("var crds = System.Math.Round(assiette * 0.005m, 2);", "LR0003 0.005")]
    [InlineData("var crds = decimal.Round(assiette * 0.005m, 2, System.MidpointRounding.AwayFromZero);", "LR0003 0.005")]
    [InlineData("decimal plafond = System.Math.Min(assiette, 47100m);", "LR0002 47100")]
    [InlineData("var crds = System.Math.Max(0m, System.Math.Round(assiette * 0.005m, 2));", "LR0003 0.005")]
    public async Task A_constant_inside_rounding_or_bounding_is_named_by_what_receives_the_result(string statement, string expected)
    {
        var found = await FoundAsync("public class Paie { public decimal Calcul(decimal assiette) { " + statement + " return 0m; } }");

        Assert.Contains(expected, found);
    }

    [Fact]
    public async Task The_rounding_of_an_amount_named_by_its_variable_is_reported()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(
            new[] { "public class Paie { public decimal Calcul(decimal assiette) { var crds = System.Math.Round(assiette * 0.005m, 2); return crds; } }" },
            new Dictionary<string, string> { ["legal_rules.as_of"] = "2026-06-01" });

        Assert.Contains(diagnostics, d => d.Id == RuleIdentifiers.MidpointRounding);
    }

    [Fact]
    public async Task A_constant_passed_to_another_method_is_still_named_by_its_parameter_only()
    {
        // Arrondir is not arithmetic of the library: its parameter's name (valeur) says nothing, and
        // the variable that receives its result is not looked at.
        var found = await FoundAsync("""
            public class Paie
            {
                public decimal Calcul(decimal assiette) { var crds = Arrondir(assiette * 0.005m); return crds; }
                private static decimal Arrondir(decimal valeur) => valeur;
            }
            """);

        Assert.Empty(found);
    }

    private static Task<string[]> FoundAsync(string source) => UnboundValues.DescribedAsync("2026-06-01", UnboundValues.RuleAndValue, source, SocialCode.Marker);
}
