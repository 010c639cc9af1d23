using System;
using System.Linq;
using LegalRules.Fuzz.Infrastructure;
using Xunit;

namespace LegalRules.Fuzz.Regressions;

/// <summary>
/// Long expressions whose analysis cost time in the square of their length, found by the extreme
/// source tests. The bounds are on LegalRules' own analyzer time (the compiler's is not ours), and on
/// its growth, not on seconds: two lengths, four times apart, measured alternately in one process
/// (the faster of two runs each); a walk in the square of the length costs sixteen times more, the
/// bound is eight.
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

        // Each length measured twice, alternated; the faster of each pair is kept (a burst of load
        // on a shared machine slows one run, rarely both).
        var small = Analyse(2_500);
        var large = Analyse(10_000);
        var smallAgain = Analyse(2_500);
        var largeAgain = Analyse(10_000);

        Assert.Equal(2_500, small.Findings);
        Assert.Equal(10_000, large.Findings);
        Assert.Equal(small.Findings, smallAgain.Findings);
        Assert.Equal(large.Findings, largeAgain.Findings);
        var smallTime = small.Time < smallAgain.Time ? small.Time : smallAgain.Time;
        var largeTime = large.Time < largeAgain.Time ? large.Time : largeAgain.Time;
        var bound = TimeSpan.FromTicks(smallTime.Ticks * 8) + TimeSpan.FromSeconds(0.5);
        Assert.True(largeTime < bound, $"10,000 terms took {largeTime}, 2,500 took {smallTime}: more than linear");
    }

    [Fact]
    public void A_concatenation_of_thousands_of_string_literals_is_not_materialized_at_every_plus()
    {
        // The constant of each '+' of "a" + "b" + … was asked before its type: Roslyn builds that
        // string on each access, and 20,000 terms took 16 s of analyzer time (5,000 took 1 s). As
        // above, four times the terms must cost about four times the time, not sixteen.
        static TimeSpan Analyse(int terms)
        {
            var source = "class C { const string S = " + string.Join(" + ", Enumerable.Repeat("\"635.71\"", terms)) + "; }";
            var outcome = AnalysisHarness.Run(new[] { new InputFile("/src/Concat.cs", source) }, measureAnalyzers: true);
            Assert.Empty(outcome.Failures);
            return outcome.AnalyzerTime ?? throw new InvalidOperationException("The analyzers were not timed.");
        }

        Analyse(500);
        var small = Analyse(5_000);
        var large = Analyse(20_000);
        var smallAgain = Analyse(5_000);
        var largeAgain = Analyse(20_000);
        var smallTime = small < smallAgain ? small : smallAgain;
        var largeTime = large < largeAgain ? large : largeAgain;
        var bound = TimeSpan.FromTicks(smallTime.Ticks * 8) + TimeSpan.FromSeconds(0.5);
        Assert.True(largeTime < bound, $"20,000 terms took {largeTime}, 5,000 took {smallTime}: more than linear");
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
