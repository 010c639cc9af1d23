using System;
using System.IO;
using System.Linq;
using LegalRules.Registry.Yaml;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LegalRules.Tests.Registry;

/// <summary>The registry reader's line positions are Roslyn's, whatever the order they are asked in.</summary>
public sealed class LineMapTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("\n")]
    [InlineData("\n\n\n")]
    [InlineData("a: 1\nb: 2\n")]
    [InlineData("a: 1\nb: 2")]
    [InlineData("\uFEFFa: 1\n  b: \"\t😀\"\n\n")]
    [InlineData("a: 1\r\nb: 2\r\n")]
    [InlineData("a: 1\rb: 2\n")]
    [InlineData("a: 1\u2028b: 2\u0085c\u2029d\n")]
    public void Positions_are_roslyns(string content)
        => AssertSameAsRoslyn(content, everyPosition: true);

    [Fact]
    public void Positions_in_the_openfisca_tree_are_roslyns()
    {
        foreach (var path in Directory.GetFiles(SharedData.OpenFiscaParameters, "*.yaml", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).Take(200))
        {
            AssertSameAsRoslyn(File.ReadAllText(path), everyPosition: false);
        }
    }

    private static void AssertSameAsRoslyn(string content, bool everyPosition)
    {
        var text = SourceText.From(content);
        var map = LineMap.For(text, content);
        var positions = Enumerable.Range(0, content.Length + 1).Where(p => everyPosition || p % 7 == 0 || p == content.Length || (p > 0 && content[p - 1] == '\n')).ToArray();
        var random = new Random(42);
        var orders = new[] { positions, positions.Reverse().ToArray(), positions.OrderBy(_ => random.Next()).ToArray() };
        foreach (var order in orders)
        {
            foreach (var position in order)
            {
                var span = new TextSpan(position, Math.Min(3, content.Length - position));
                Assert.Equal(text.Lines.GetLinePositionSpan(span), map.GetLinePositionSpan(span));
            }
        }
    }
}
