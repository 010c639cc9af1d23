using System;
using System.Collections.Generic;
using System.Linq;
using LegalRules.Fuzz.Infrastructure;
using Xunit;

namespace LegalRules.Fuzz.Regressions;

/// <summary>
/// Long expressions whose analysis cost time in the square of their length, found by the extreme
/// source tests. The bounds are on LegalRules' own analyzer time (the compiler's is not ours), and on
/// its growth, not on seconds: two lengths, four times apart, measured alternately in one process
/// (the faster of two runs each); a walk in the square of the length costs sixteen times more, the
/// bound is eight, and one of three attempts must keep within it.
/// </summary>
public sealed class DeepExpressionTests
{
    [Fact]
    public void A_sum_of_thousands_of_statutory_literals_is_analysed_in_linear_time()
    {
        // Each matched literal walked up the whole sum for names (CodeContext) and for an enclosing
        // attribute (StatutoryMatcher): 20,000 terms took 13 s of analyzer time, 10,000 took 3.5 s.
        // Then each literal's member (MemberSyntax.MemberOf) and its operation (the compiler walks up
        // to the member at each question) were still found by walking up: 20,000 terms took 3 s,
        // 2,500 took 0.09 s. Both are now read once per expression (AncestorMemo, DeepExpressions).
        // Four times the terms must cost about four times the time, not sixteen: the two sums are
        // measured in the same process, one after the other, so the machine's load affects both;
        // the slack absorbs the noise of the small one. The class names a contribution: in code that names no
        // benefit or contribution, a value only its digits make believable is not reported.
        static (int Findings, TimeSpan Time) Analyse(int terms)
        {
            var source = "class CotisationsSalariales { static decimal M() => " + string.Join("+", Enumerable.Repeat("635.71m", terms)) + "; }";
            var outcome = AnalysisHarness.Run(new[] { new InputFile("/src/Sum.cs", source) }, measureAnalyzers: true);
            Assert.Empty(outcome.Failures);
            return (outcome.Findings.Count(f => f.Id is "LR0002" or "LR0003"), outcome.AnalyzerTime ?? throw new InvalidOperationException("The analyzers were not timed."));
        }

        Analyse(500); // JIT and registry loaded before anything is measured

        var failures = LinearAttempts(() =>
        {
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
            return (Min(small.Time, smallAgain.Time), Min(large.Time, largeAgain.Time));
        });
        Assert.True(failures is null, $"10,000 terms against 2,500, more than linear at every attempt: {failures}");
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
        var failures = LinearAttempts(() =>
        {
            var small = Analyse(5_000);
            var large = Analyse(20_000);
            var smallAgain = Analyse(5_000);
            var largeAgain = Analyse(20_000);
            return (Min(small, smallAgain), Min(large, largeAgain));
        });
        Assert.True(failures is null, $"20,000 terms against 5,000, more than linear at every attempt: {failures}");
    }

    [Fact]
    public void Names_a_few_operators_away_still_corroborate()
    {
        // The walk for names is bounded, not cut short: the variable of an ordinary expression still counts.
        var source = "class C { static decimal M(decimal a, decimal b) { var crds = a * 0.005m + b - a * 2m + b / 3m; return crds; } }";
        var outcome = AnalysisHarness.Run(new[] { new InputFile("/src/Crds.cs", source) });

        Assert.Contains(outcome.Findings, f => f.Id == "LR0003" && f.Properties["key"] == Generators.CSharpCorpus.CrdsKey);
    }

    /// <summary>
    /// Measures the small and the four-times-larger input up to three times, and stops at the first
    /// measure within the bound: eight times the small one's time, and half a second for its noise.
    /// A walk in the square of the length costs sixteen times more at every attempt; a pause of the
    /// machine (another test process, the collector) rarely falls on the large input three times.
    /// Null when one attempt was linear; otherwise the times of every attempt.
    /// </summary>
    private static string? LinearAttempts(Func<(TimeSpan Small, TimeSpan Large)> measure)
    {
        var attempts = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (small, large) = measure();
            if (large < TimeSpan.FromTicks(small.Ticks * 8) + TimeSpan.FromSeconds(0.5))
            {
                return null;
            }

            attempts.Add($"large {large} against small {small}");
        }

        return string.Join("; ", attempts);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
