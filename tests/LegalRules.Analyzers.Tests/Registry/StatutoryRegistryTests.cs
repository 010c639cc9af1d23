using LegalRules.Registry;
using LegalRules.Registry.Sources;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LegalRules.Tests.Registry;

/// <summary>The registry's first, approximate test of a binary floating-point constant.</summary>
public sealed class StatutoryRegistryTests
{
    private static readonly StatutoryRegistry Registry = RegistryOf("values:\n  2018-01-01: 0.059\n  2019-01-01: 651.69\n  2020-01-01: 47100\n");

    [Theory]
    [InlineData(0.059)]
    [InlineData(651.69)]
    [InlineData(47100.0)]
    public void A_value_written_as_a_literal_may_be_contained(double value) => Assert.True(Registry.MayContain(value));

    [Fact]
    public void Folded_arithmetic_that_misses_the_literal_s_double_may_be_contained()
    {
        var percentage = 5.9;
        var amount = 6.5169;
        Assert.NotEqual(0.059, percentage / 100);
        Assert.NotEqual(651.69, amount * 100);

        Assert.True(Registry.MayContain(percentage / 100));
        Assert.True(Registry.MayContain(amount * 100));
    }

    [Theory]
    [InlineData(0.06)]
    [InlineData(0.0590001)]
    [InlineData(651.7)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e30)]
    [InlineData(-1e300)]
    public void Other_values_are_not_contained(double value) => Assert.False(Registry.MayContain(value));

    [Fact]
    public void A_value_restated_by_later_texts_applied_from_its_first_date_to_its_last()
    {
        var parsed = OpenFiscaParameterParser.Parse(SourceText.From("values:\n  2019-01-01: 40524\n  2020-01-01: 41136\n  2021-01-01: 41136\n  2022-01-01: 41136\n  2023-01-01: 43992\n  2024-01-01: 46368\n  2025-01-01: 46368\n"));
        var parameter = Assert.Single(parsed.Parameters);

        Assert.Equal("2020-01-01 → 2022-12-31", parameter.PeriodOfValue(0 + 1).ToString());
        Assert.Equal("2020-01-01 → 2022-12-31", parameter.PeriodOfValue(2).ToString());
        Assert.Equal("2020-01-01 → 2022-12-31", parameter.PeriodOfValue(3).ToString());
        Assert.Equal("2019-01-01 → 2019-12-31", parameter.PeriodOfValue(0).ToString());
        Assert.Equal("2023-01-01 → 2023-12-31", parameter.PeriodOfValue(4).ToString());
        Assert.Equal("2024-01-01 →", parameter.PeriodOfValue(6).ToString());

        // Each dated value keeps its own period.
        Assert.Equal("2022-01-01 → 2022-12-31", parameter.PeriodOf(3).ToString());
    }

    private static StatutoryRegistry RegistryOf(string yaml)
    {
        var parsed = OpenFiscaParameterParser.Parse(SourceText.From(yaml));
        Assert.Empty(parsed.Faults);
        return new StatutoryRegistry(new[] { Assert.Single(parsed.Parameters).WithKey("a.b", RegistryOrigin.Embedded) });
    }
}
