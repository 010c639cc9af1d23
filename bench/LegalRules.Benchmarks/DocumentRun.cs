using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Bench;

/// <summary>
/// <c>document --corpus DIR [--edits N] [--groups all,syntax-floor]</c>: the cost of the analyzers
/// after one keystroke in the IDE. The IDE keeps a compilation of the project; an edit makes a new
/// one, with the edited file's tree replaced and every other tree the same, and the open file's
/// diagnostics are computed again: the compiler's (binding that file) and the analyzers' (their
/// syntax and semantic actions for that file only). Whatever an analyzer gathers once per
/// compilation is gathered again after each keystroke.
/// <para>
/// Each edit inserts a space at the start of one file (the files taken in a fixed order, spread over
/// the corpus), and measures in turn, each on its own new compilation: the compiler's diagnostics of
/// that file (the floor the IDE pays anyway), then with each group, the analyzers' syntax and
/// semantic diagnostics of the file. The compilation the edits start from has been compiled once
/// (declarations and symbols built, as in an IDE that has loaded the project). The first edits warm
/// the runtime up and are not counted.
/// </para>
/// </summary>
internal static class DocumentRun
{
    private const int WarmUpEdits = 5;

    public static async Task<int> RunAsync(string corpus, int edits, IReadOnlyList<string> groups)
    {
        var trees = BenchInputs.ParseFolder(corpus);
        var lines = trees.Sum(t => t.GetText().Lines.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {trees.Length} files, {lines} lines; {edits} edits counted after {WarmUpEdits} not counted"));
        Statistics.Result("document.lines", lines);

        var loaded = BenchInputs.Compile(trees);
        _ = loaded.GetDiagnostics(); // the project as the IDE holds it: declarations and symbols built
        var options = BenchInputs.Options(ImmutableArray<AdditionalText>.Empty);
        var analyzersOf = groups.ToDictionary(g => g, g => AnalyzerGroups.Create(g));

        var floor = new List<double>();
        var withGroup = groups.ToDictionary(g => g, _ => new List<double>());
        var executionOf = groups.ToDictionary(g => g, _ => new List<double>());
        var findings = groups.ToDictionary(g => g, _ => 0);

        for (var edit = 0; edit < WarmUpEdits + edits; edit++)
        {
            var counted = edit >= WarmUpEdits;

            // Files far apart in the sorted order: each edit touches another part of the project.
            var index = (int)((long)edit * 7919 % trees.Length);
            var before = trees[index];

            var stopwatch = Stopwatch.StartNew();
            var compilerDiagnostics = Edited(loaded, before, out var edited).GetSemanticModel(edited).GetDiagnostics();
            stopwatch.Stop();
            if (counted)
            {
                floor.Add(stopwatch.Elapsed.TotalMilliseconds);
            }

            foreach (var group in groups)
            {
                var compilation = Edited(loaded, before, out var tree);
                var withAnalyzers = compilation.WithAnalyzers(
                    analyzersOf[group],
                    new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
                stopwatch.Restart();
                var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None).ConfigureAwait(false);
                var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None).ConfigureAwait(false);
                stopwatch.Stop();

                if (syntax.Concat(semantic).FirstOrDefault(d => d.Id == "AD0001") is { } thrown)
                {
                    Console.Error.WriteLine("An analyzer threw (AD0001): " + thrown.GetMessage(CultureInfo.InvariantCulture));
                    return 1;
                }

                if (!counted)
                {
                    continue;
                }

                withGroup[group].Add(stopwatch.Elapsed.TotalMilliseconds);
                findings[group] += syntax.Length + semantic.Length;
                var execution = 0.0;
                foreach (var analyzer in analyzersOf[group])
                {
                    execution += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false)).ExecutionTime.TotalMilliseconds;
                }

                executionOf[group].Add(execution);
            }

            if (counted && compilerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                Console.Error.WriteLine($"compiler errors in {before.FilePath}: the corpus should compile");
                return 1;
            }
        }

        Console.WriteLine($"the file's compiler diagnostics (ms): {Statistics.Summary(floor, "0.0")}");
        Statistics.Result("document.floor.milliseconds", Statistics.Median(floor));
        foreach (var group in groups)
        {
            Console.WriteLine($"'{group}' analyzers on the file (ms): {Statistics.Summary(withGroup[group], "0.0")}; their execution time (ms): {Statistics.Summary(executionOf[group], "0.0")}; findings: {findings[group]}");
            Statistics.Result($"document.{group}.milliseconds", Statistics.Median(withGroup[group]));
            Statistics.Result($"document.{group}.executionMilliseconds", Statistics.Median(executionOf[group]));
            Statistics.Result($"document.{group}.ratio", Statistics.Median(withGroup[group]) / Statistics.Median(floor));
        }

        return 0;
    }

    /// <summary>The compilation after a keystroke in <paramref name="before"/>: a space inserted at its start.</summary>
    private static Compilation Edited(Compilation loaded, SyntaxTree before, out SyntaxTree after)
    {
        after = before.WithChangedText(before.GetText().WithChanges(new TextChange(new TextSpan(0, 0), " ")));
        return loaded.ReplaceSyntaxTree(before, after);
    }
}
