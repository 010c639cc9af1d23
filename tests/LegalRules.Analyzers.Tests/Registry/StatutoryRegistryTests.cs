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

    private static StatutoryRegistry RegistryOf(string yaml)
    {
        var parsed = OpenFiscaParameterParser.Parse(SourceText.From(yaml));
        Assert.Empty(parsed.Faults);
        return new StatutoryRegistry(new[] { Assert.Single(parsed.Parameters).WithKey("a.b", RegistryOrigin.Embedded) });
    }
}
