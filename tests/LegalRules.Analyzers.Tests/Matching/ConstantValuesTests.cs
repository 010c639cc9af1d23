using LegalRules.Matching;
using Xunit;

namespace LegalRules.Tests.Matching;

public class ConstantValuesTests
{
    /// <summary>The quick reading of a literal's text gives the same value as the full reading, or declines.</summary>
    [Theory]
    [InlineData("651.69m")]
    [InlineData("651.690M")]
    [InlineData("0.005")]
    [InlineData(".5m")]
    [InlineData("46368")]
    [InlineData("46_368L")]
    [InlineData("14UL")]
    [InlineData("0.1f")]
    [InlineData("0.12d")]
    [InlineData("1_234.567_8m")]
    [InlineData("000651.69")]
    [InlineData("0")]
    [InlineData("0.0000000000000000000000000001m")]
    [InlineData("123456789012345678")]
    public void Plain_literal_reads_as_the_full_parse_does(string text)
    {
        Assert.True(ConstantValues.TryReadPlainLiteral(text, out var quick));
        Assert.True(ConstantValues.TryParseLiteral(text, out var full));
        Assert.Equal(full, quick);
        Assert.Equal(full.ToString(System.Globalization.CultureInfo.InvariantCulture), quick.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1e-6")]
    [InlineData("2.5E3")]
    [InlineData("1234567890123456789")]
    [InlineData("0.00000000000000000000000000001m")]
    [InlineData("1.2.3")]
    public void What_the_quick_reading_cannot_read_is_left_to_the_compiler(string text)
        => Assert.False(ConstantValues.TryReadPlainLiteral(text, out _));
}
