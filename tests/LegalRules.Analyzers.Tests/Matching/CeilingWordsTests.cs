using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// "Plafond" and "sécurité" are the words by which code names the social security ceiling: 47100, the
/// annual ceiling of 2025, has three significant digits (not distinctive), so only its name can say
/// what it is. The embedded registry, on 2026-06-01: 47100 is superseded by 48060.
/// </summary>
public sealed class CeilingWordsTests
{
    [Theory]
    [InlineData("public static decimal PlafondAnnuel = 47100;")]
    [InlineData("public const decimal PLAFOND_SECURITE_SOCIALE = 47100m;")]
    [InlineData("public decimal PlafondAnnuelSecuriteSociale { get; } = 47100m;")]
    [InlineData("public decimal Assiette(decimal salaire) { var plafond = 47100m; return System.Math.Min(salaire, plafond); }")]
    public async Task The_annual_ceiling_of_2025_named_by_its_words_is_reported_as_superseded(string member)
    {
        var found = await FoundAsync("public class Cotisations { " + member + " }");

        Assert.Equal(new[] { "LR0002 47100" }, found);
    }

    [Fact]
    public async Task The_same_number_named_by_other_words_is_not_reported()
    {
        var found = await FoundAsync("public class Stock { public static decimal QuantiteAnnuelle = 47100m; }");

        Assert.Empty(found);
    }

    private static Task<string[]> FoundAsync(string source) => UnboundValues.DescribedAsync("2026-06-01", UnboundValues.RuleAndValue, source, SocialCode.Marker);
}
