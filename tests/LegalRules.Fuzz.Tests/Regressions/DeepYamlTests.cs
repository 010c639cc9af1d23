using System;
using System.Diagnostics;
using System.Linq;
using LegalRules.Registry;
using LegalRules.Registry.Sources;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LegalRules.Fuzz.Regressions;

/// <summary>YAML nested far deeper than the reader's limit, found by the hostile-file tests.</summary>
public sealed class DeepYamlTests
{
    [Theory]
    [InlineData("{a: ", "}")]
    [InlineData("[", "]")]
    public void Flow_nesting_100000_deep_is_read_in_bounded_time(string open, string close)
    {
        // The subtree past 64 levels was skipped event by event, and YamlDotNet's scanner costs time in
        // proportion to the flow depth on each: 100,000 levels took over a minute (a build stalled).
        var text = "parameters:\n  a.b:\n    values: {2020-01-01: 635.71}\n  c.d: "
            + string.Concat(Enumerable.Repeat(open, 100_000)) + "1" + string.Concat(Enumerable.Repeat(close, 100_000)) + "\n";

        var stopwatch = Stopwatch.StartNew();
        var parsed = NativeRegistryParser.Parse(SourceText.From(text));
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"read in {stopwatch.Elapsed}");
        Assert.Contains(parsed.Faults, f => f.Code == FaultCode.TooDeep);
        Assert.All(parsed.Faults, f => Assert.True(f.Span.Span.End <= text.Length));
        Assert.Equal(new[] { "a.b" }, parsed.Parameters.Select(p => p.Key));
    }
}
