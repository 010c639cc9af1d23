using System;
using System.Linq;
using LegalRules.Fuzz.Infrastructure;
using Xunit;

namespace LegalRules.Fuzz.Regressions;

/// <summary>
/// Long expressions whose analysis cost time in the square of their length, found by the extreme
/// source tests. The bounds are on LegalRules' own analyzer time (the compiler's is not ours): a
/// growth bound between two lengths measured side by side, or a fixed bound a tenth of what the
/// analysis took before the fix and far above what it takes after.
/// </summary>
public sealed class DeepExpressionTests
{
    [Fact]
    public void A_sum_of_thousands_of_statutory_literals_is_analysed_in_linear_time()
    {
        // Each matched literal walked up the whole sum for names (CodeContext) and for an enclosing
        // attribute (StatutoryMatcher): 20,000 terms took 13 s of analyzer time, 10,000 took 3.5 s.
        // Four times the terms must cost about four times the time, not sixteen: the two sums are
        // measured in the same process, one after the other, so the machine's load affects both;
        // the slack absorbs the noise of the small one.
        static (int Findings, TimeSpan Time) Analyse(int terms)
        {
            var source = "class C { static decimal M() => " + string.Join("+", Enumerable.Repeat("635.71m", terms)) + "; }";
            var outcome = AnalysisHarness.Run(new[] { new InputFile("/src/Sum.cs", source) }, measureAnalyzers: true);
            Assert.Empty(outcome.Failures);
            return (outcome.Findings.Count(f => f.Id is "LR0002" or "LR0003"), outcome.AnalyzerTime ?? throw new InvalidOperationException("The analyzers were not timed."));
        }

        Analyse(500); // JIT and registry loaded before anything is measured
        var small = Analyse(2_500);
        var large = Analyse(10_000);

        Assert.Equal(2_500, small.Findings);
        Assert.Equal(10_000, large.Findings);
        var bound = TimeSpan.FromTicks(small.Time.Ticks * 8) + TimeSpan.FromSeconds(0.5);
        Assert.True(large.Time < bound, $"10,000 terms took {large.Time}, 2,500 took {small.Time}: more than linear");
    }

    [Fact]
    public void A_concatenation_of_thousands_of_string_literals_is_not_materialized_at_every_plus()
    {
        // The constant of each '+' of "a" + "b" + … was asked before its type: Roslyn builds that
        // string on each access, and 20,000 terms took 16 s of analyzer time.
        var source = "class C { const string S = " + string.Join(" + ", Enumerable.Repeat("\"635.71\"", 20_000)) + "; }";
        var outcome = AnalysisHarness.Run(new[] { new InputFile("/src/Concat.cs", source) }, measureAnalyzers: true);

        Assert.Empty(outcome.Failures);
        Assert.True(outcome.AnalyzerTime < TimeSpan.FromSeconds(1.5), $"LegalRules' analyzers took {outcome.AnalyzerTime}");
    }

    [Fact]
    public void Names_a_few_operators_away_still_corroborate()
    {
        // The walk for names is bounded, not cut short: the variable of an ordinary expression still counts.
        var source = "class C { static decimal M(decimal a, decimal b) { var crds = a * 0.005m + b - a * 2m + b / 3m; return crds; } }";
        var outcome = AnalysisHarness.Run(new[] { new InputFile("/src/Crds.cs", source) });

        Assert.Contains(outcome.Findings, f => f.Id == "LR0003" && f.Properties["key"] == Generators.CSharpCorpus.CrdsKey);
    }
}
