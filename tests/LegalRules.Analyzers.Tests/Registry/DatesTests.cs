using System;
using System.Globalization;
using LegalRules.Registry;
using Xunit;

namespace LegalRules.Tests.Registry;

/// <summary>The registry's date reader accepts exactly what <c>DateTime.TryParseExact("yyyy-MM-dd")</c> does.</summary>
public sealed class DatesTests
{
    [Theory]
    [InlineData("2024-01-01")]
    [InlineData(" 2024-02-29\t")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024-04-31")]
    [InlineData("2024-04-00")]
    [InlineData("0000-01-01")]
    [InlineData("2024/01/01")]
    [InlineData("2024-1-01")]
    [InlineData("24-01-01")]
    [InlineData("2024-01-011")]
    [InlineData("+024-01-01")]
    [InlineData("2024-01-0a")]
    [InlineData("２０２４-01-01")]
    [InlineData("2024-01- 1")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Reads_what_the_framework_reads(string? text)
    {
        var expected = text is not null && text.Trim().Length == 10
            && DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expectedDate)
            ? expectedDate
            : (DateTime?)null;

        var read = Dates.TryParse(text, out var date);

        Assert.Equal(expected is not null, read);
        Assert.Equal(expected ?? default, date);
    }

    [Fact]
    public void Every_day_of_a_leap_and_a_common_year_reads_back()
    {
        for (var day = new DateTime(2023, 1, 1); day < new DateTime(2025, 1, 1); day = day.AddDays(1))
        {
            Assert.True(Dates.TryParse(Dates.Format(day), out var read));
            Assert.Equal(day, read);
        }
    }
}
