using System.Threading.Tasks;
using LegalRules.Matching;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// A distinctive value that no name corroborates is not reported when it is one step of an evenly
/// spaced grid of literals in its member: tests of formatting and rounding enumerate 10.05, 10.15,
/// 10.25…, and every tenth of a unit is some year's hourly Smic. Tables of statutory amounts, and
/// values that names corroborate, are still reported. The embedded registry, on 2026-06-01:
/// 10.15, 10.25, 10.85, 11.27 and 11.65 are past hourly Smic rates.
/// </summary>
public sealed class ValueSeriesTests
{
    [Fact]
    public async Task Values_of_a_grid_of_numbers_in_a_formatting_test_are_not_reported()
    {
        var found = await FoundAsync("""
            public class NumberFormatterTest
            {
                public void Test13025()
                {
                    Check("10", 10.05.ToString("G2"));
                    Check("10", 10.15.ToString("G2"));
                    Check("10", 10.25.ToString("G2"));
                    Check("10", 10.35.ToString("G2"));
                    Check("10", 10.45.ToString("G2"));
                    Check("11", 10.55.ToString("G2"));
                    Check("11", 10.65.ToString("G2"));
                    Check("11", 10.75.ToString("G2"));
                    Check("11", 10.85.ToString("G2"));
                    Check("11", 10.95.ToString("G2"));
                }

                static void Check(string expected, string actual) { }
            }
            """);

        Assert.Empty(found);
    }

    [Fact]
    public async Task A_row_too_short_to_be_a_grid_does_not_hide_a_value()
    {
        // 10.05, 10.15, 10.25: three in a row; 10.85 is alone.
        var found = await FoundAsync("""
            public class Essai
            {
                public string[] Formats() => new[] { 10.05.ToString(), 10.15.ToString(), 10.25.ToString(), 10.85.ToString() };
            }
            """);

        Assert.Equal(new[] { "10.15", "10.25", "10.85" }, found);
    }

    [Fact]
    public async Task A_progression_by_a_step_that_is_not_round_is_a_table_and_is_reported()
    {
        // 11.27, 11.65, 12.03, 12.41: a step of 0.38, as a scale of amounts grows.
        var found = await FoundAsync("""
            public class Bareme
            {
                public static readonly decimal[] Montants = { 11.27m, 11.65m, 12.03m, 12.41m };
            }
            """);

        Assert.Equal(new[] { "11.27", "11.65" }, found);
    }

    [Fact]
    public async Task Values_of_a_grid_that_names_corroborate_are_reported()
    {
        var found = await FoundAsync("""
            public class Essai
            {
                public static readonly decimal[] SmicHoraire = { 10.05m, 10.15m, 10.25m, 10.35m };
            }
            """);

        Assert.Equal(new[] { "10.15", "10.25" }, found);
    }

    [Fact]
    public async Task A_value_in_a_run_of_fibonacci_numbers_is_not_reported_and_one_in_a_shorter_run_is()
    {
        // 46368 was the annual social security ceiling of 2024; here it is the 24th Fibonacci number.
        var found = await FoundAsync("""
            public class Recoltes
            {
                private readonly int[] _prix = new int[8];

                public void Prix()
                {
                    _prix[0] = 17711;
                    _prix[1] = 28657;
                    _prix[2] = 46368;
                    _prix[3] = 75025;
                }

                // In decimals: a past value kept as an integer needs names anyway.
                public decimal[] Trois() => new[] { 17711m, 28657m, 46368m };
            }
            """);

        Assert.Equal(new[] { "46368" }, found);
    }

    [Theory]
    [InlineData("0.1", true)]
    [InlineData("0.05", true)]
    [InlineData("0.25", true)]
    [InlineData("2.5", true)]
    [InlineData("1", true)]
    [InlineData("200", true)]
    [InlineData("5000", true)]
    [InlineData("0.3", false)]
    [InlineData("0.07", false)]
    [InlineData("0.15", false)]
    [InlineData("3", false)]
    [InlineData("190.29", false)]
    public void Round_steps_are_one_two_two_and_a_half_or_five_times_a_power_of_ten(string step, bool round)
        => Assert.Equal(round, ValueSeries.IsRound(decimal.Parse(step, System.Globalization.CultureInfo.InvariantCulture)));

    private static Task<string[]> FoundAsync(string source) => UnboundValues.DescribedAsync("2026-06-01", UnboundValues.Value, SocialCode.Marker, source);
}
