using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// A rate kept as a percentage and divided where it is used (<c>TauxCsg / 100m</c>) folds to the
/// statutory rate; the constants the fold reads name it. The embedded registry, on 2026-06-01: 0.092
/// is the overall CSG rate on earnings, 0.005 the CRDS rate; neither is distinctive.
/// </summary>
public sealed class FoldedNamesTests
{
    [Theory]
    [InlineData("private const decimal TauxCsg = 9.2m; public decimal Calcul(decimal brut) => brut * (TauxCsg / 100m);", "LR0003 0.092")]
    [InlineData("private const decimal TauxCrds = 0.5m; public decimal Calcul(decimal brut) => brut * (TauxCrds / 100);", "LR0003 0.005")]
    [InlineData("public decimal Calcul(decimal brut) { const decimal tauxCsgPourcent = 9.2m; return brut * (tauxCsgPourcent / 100m); }", "LR0003 0.092")]
    public async Task A_percentage_divided_by_a_hundred_is_named_by_its_constant(string members, string expected)
    {
        var found = await FoundAsync("public class Paie { " + members + " }");

        Assert.Equal(new[] { expected }, found);
    }

    // In binary floating point, 5.9 / 100 is 0.059000000000000004 and 3.8 / 100 is 0.038: a fold is
    // read at the 15 significant digits a double holds, whether or not it lands on the literal's double.
    [Theory]
    [InlineData("private const double TauxCsgDeductiblePensions = 5.9 / 100;", "LR0003 0.059")]
    [InlineData("private const double TauxCsgReduitPensions = 3.8 / 100;", "LR0003 0.038")]
    [InlineData("public double TauxCsgDeductiblePensions() => 5.9 / 100;", "LR0003 0.059")]
    public async Task A_fold_of_double_literals_is_read_at_its_significant_digits(string members, string expected)
    {
        var found = await FoundAsync("public class CsgPensions { " + members + " }");

        Assert.Equal(new[] { expected }, found);
    }

    [Fact]
    public async Task A_fold_of_constants_whose_names_say_nothing_is_not_reported()
    {
        var found = await FoundAsync("public class Calcul { private const decimal Coefficient = 9.2m; public decimal F(decimal x) => x * (Coefficient / 100m); }");

        Assert.Empty(found);
    }

    private static Task<string[]> FoundAsync(string source) => UnboundValues.DescribedAsync("2026-06-01", UnboundValues.RuleAndValue, source);
}
