using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using LegalRules.Fuzz.Generators;
using LegalRules.Fuzz.Infrastructure;
using Xunit;

namespace LegalRules.Fuzz;

/// <summary>
/// Code at the limits (<see cref="ExtremeSources"/>) through every analyzer: no exception, no
/// AD0001, no stack overflow (one would end the test run), bounded time, whatever the compiler
/// itself makes of it.
/// </summary>
[Collection(FuzzGroup.Name)]
public sealed class ExtremeSourceTests
{
    [Fact]
    public void Code_at_the_limits_never_makes_an_analyzer_throw_or_hang()
    {
        var failures = new List<string>();
        var crashes = new List<string>();
        var cases = 0;
        var slowest = (Name: string.Empty, Elapsed: TimeSpan.Zero);
        var total = Stopwatch.StartNew();
        var additional = CSharpCorpus.AdditionalFiles;
        var additionalTexts = additional.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        foreach (var source in ExtremeSources.All(FuzzSettings.IsLongRun ? 2 : 1))
        {
            cases++;
            var outcome = RunOnLargeStack(() => AnalysisHarness.Run(new[] { new InputFile("/src/Extreme.cs", source.Text) }, additional, measureAnalyzers: true));
            FuzzSummary.AddFailures(outcome.Failures.Length);
            if (outcome.CompilerCrash is not null)
            {
                crashes.Add($"{source.Name}: {outcome.CompilerCrash.GetType().Name}");
            }

            // The bound is on LegalRules' own time: the compiler takes minutes over some of these
            // (20,000 nested parentheses: 108 s), which is the compiler's business, not the analyzers'.
            failures.AddRange(Invariants.Violations(outcome, additionalTexts, TimeSpan.MaxValue).Select(v => $"{source.Name}: {v}"));
            if (outcome.AnalyzerTime > Invariants.TimeBound)
            {
                failures.Add($"{source.Name}: LegalRules' analyzers took {FuzzSummary.Duration(outcome.AnalyzerTime.Value)}");
            }

            if (outcome.Elapsed > slowest.Elapsed)
            {
                slowest = (source.Name, outcome.Elapsed);
            }

            FuzzSummary.Write("extreme source", $"{source.Name}: {source.Text.Length:N0} chars, {outcome.Findings.Length:N0} findings, {FuzzSummary.Duration(outcome.Elapsed)} ({FuzzSummary.Duration(outcome.AnalyzerTime!.Value)} in LegalRules' analyzers)");
        }

        FuzzSummary.AddExtremeInputs(cases);
        FuzzSummary.Write(
            "extreme sources",
            $"{cases} sources, {failures.Count} failures, {crashes.Count} compiler crashes ({string.Join("; ", crashes)}), slowest '{slowest.Name}' {FuzzSummary.Duration(slowest.Elapsed)}, {total.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    /// <summary>
    /// Parses and starts the analysis on a thread with a large stack. Roslyn 4.8's parser recurses
    /// over nested parentheses and overflowed a 1 MB stack at 5,000 levels, which is the compiler's
    /// limit and not the analyzers'. The analyzers' callbacks run on the thread pool's threads with
    /// their usual stack, where an analyzer recursing over a deep tree would still overflow.
    /// </summary>
    private static AnalysisOutcome RunOnLargeStack(Func<AnalysisOutcome> run)
    {
        AnalysisOutcome? outcome = null;
        Exception? error = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    outcome = run();
                }
#pragma warning disable CA1031 // Rethrown on the test's thread.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    error = exception;
                }
            },
            maxStackSize: 256 * 1024 * 1024);
        thread.Start();
        thread.Join();
        if (error is not null)
        {
            throw new InvalidOperationException("The analysis threw", error);
        }

        return outcome!;
    }
}
