using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Bench;

/// <summary>
/// <c>analyzer --corpus DIR [--runs N] [--groups all,statutory,arithmetic] [--openfisca DIR] [--serial] [--fresh-trees]</c>: the cost of the
/// LegalRules analyzers in one process, the way the audit command and the IDE run them. Each run
/// takes a fresh compilation of the same trees (nothing bound yet) and measures, interleaved, the
/// compiler's own diagnostics (<c>GetDiagnostics</c>: the floor) and the same with each analyzer
/// group (<c>CompilationWithAnalyzers.GetAllDiagnosticsAsync</c>), with each analyzer's execution
/// time from the driver's telemetry. A first round warms the runtime up and is not counted.
/// With <c>--serial</c>, the compiler and the analyzers run on one thread: each analyzer's execution
/// time is then the processor time it costs, not stretched by the threads it shares two cores with.
/// With <c>--fresh-trees</c>, every compilation has the files parsed anew, as in a build, where
/// nothing an analyzer keeps with a tree serves the next compilation; without it, the trees are the
/// same objects from one compilation to the next, as in the IDE for the files not edited.
/// </summary>
internal static class AnalyzerRun
{
    public static async Task<int> RunAsync(string corpus, int runs, IReadOnlyList<string> groups, string? openFisca, bool serial, bool freshTrees)
    {
        var parse = Stopwatch.StartNew();
        var trees = BenchInputs.ParseFolder(corpus);
        parse.Stop();
        var lines = trees.Sum(t => t.GetText().Lines.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {trees.Length} files, {lines} lines, parsed in {parse.Elapsed.TotalSeconds:0.000} s"));
        Statistics.Result("analyzer.lines", lines);

        // With --openfisca, the whole tree is handed to the analyzers as additional files, as a
        // project that sets LegalRulesOpenFiscaParameters does.
        // A group with the same analyzers as an earlier one (all = statutory until the arithmetic
        // rules land) is measured once.
        var seen = new List<string>();
        groups = groups.Where(g =>
        {
            var names = string.Join(",", AnalyzerGroups.Create(g).Select(a => a.GetType().FullName).OrderBy(n => n, StringComparer.Ordinal));
            if (names.Length == 0 || seen.Contains(names))
            {
                Console.WriteLine($"group '{g}': " + (names.Length == 0 ? "no analyzer yet, not measured" : "same analyzers as an earlier group, not measured again"));
                return false;
            }

            seen.Add(names);
            return true;
        }).ToList();

        var options = openFisca is null
            ? BenchInputs.Options(ImmutableArray<AdditionalText>.Empty)
            : BenchInputs.Options(BenchInputs.ReadOpenFiscaTree(openFisca), openFisca);
        Console.WriteLine($"additional files: {options.AdditionalFiles.Length}");

        // The bind floor asks for the operations where every rule reports: found by a first pass of them.
        var findingSpans = ImmutableDictionary<string, ImmutableArray<TextSpan>>.Empty;
        if (groups.Contains("bind-floor"))
        {
            var all = BenchInputs.Compile(trees, concurrentBuild: !serial).WithAnalyzers(
                AnalyzerGroups.Create("all"),
                new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: !serial, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
            findingSpans = BindFloorAnalyzer.FindingsOf(await all.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false));
            if (findingSpans.IsEmpty)
            {
                Console.Error.WriteLine("bind-floor: the rules report nothing in this corpus, so the floor would bind nothing; leave bind-floor out, or use a corpus with findings");
                return 1;
            }

            var members = 0;
            foreach (var tree in trees)
            {
                if (findingSpans.TryGetValue(tree.FilePath, out var spans))
                {
                    var root = tree.GetRoot();
                    members += spans.Select(s => root.FindNode(s).FirstAncestorOrSelf<SyntaxNode>(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax)?.SpanStart ?? -1).Distinct().Count();
                }
            }

            Console.WriteLine($"bind floor: {findingSpans.Values.Sum(s => s.Length)} findings of every rule, in {members} members");
            Statistics.Result("analyzer.bind-floor.members", members);
        }
        // The trees of each compilation: parsed anew with --fresh-trees, as a build does.
        ImmutableArray<SyntaxTree> TreesOfACompilation() => freshTrees ? BenchInputs.Reparse(trees) : trees;

        var bare = new List<double>();
        var withGroup = groups.ToDictionary(g => g, _ => new List<double>());
        // Megabytes allocated by the pass (every thread): the analyzers' share is what a pass with them allocates more.
        var bareAllocated = new List<double>();
        var allocatedWith = groups.ToDictionary(g => g, _ => new List<double>());
        // Milliseconds the garbage collector paused the process during the pass: a pause that falls
        // during a callback counts in that analyzer's execution time.
        var barePaused = new List<double>();
        var pausedWith = groups.ToDictionary(g => g, _ => new List<double>());
        var perAnalyzer = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        var findings = new SortedDictionary<string, int>(StringComparer.Ordinal);

        for (var run = 0; run <= runs; run++)
        {
            var counted = run > 0;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var pausedBefore = GC.GetTotalPauseDuration();
            var bareTrees = TreesOfACompilation();
            var stopwatch = Stopwatch.StartNew();
            var compilerDiagnostics = BenchInputs.Compile(bareTrees, concurrentBuild: !serial).GetDiagnostics();
            stopwatch.Stop();
            if (counted)
            {
                bare.Add(stopwatch.Elapsed.TotalSeconds);
                bareAllocated.Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1e6);
                barePaused.Add((GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds);
            }

            foreach (var group in groups)
            {
                var analyzers = AnalyzerGroups.Create(group, findingSpans);
                if (analyzers.IsEmpty)
                {
                    continue;
                }

                var withAnalyzers = BenchInputs.Compile(TreesOfACompilation(), concurrentBuild: !serial).WithAnalyzers(
                    analyzers,
                    new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: !serial, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
                // What the audit command does: one pass for the compiler's and the analyzers' diagnostics.
                var groupAllocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var groupPausedBefore = GC.GetTotalPauseDuration();
                var jittedBefore = JitInfo.GetCompiledMethodCount();
                var jitTimeBefore = JitInfo.GetCompilationTime();
                stopwatch.Restart();
                var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
                stopwatch.Stop();
                var jitted = JitInfo.GetCompiledMethodCount() - jittedBefore;
                var jitTime = JitInfo.GetCompilationTime() - jitTimeBefore;
                var groupAllocated = (GC.GetTotalAllocatedBytes(precise: true) - groupAllocatedBefore) / 1e6;
                var groupPaused = (GC.GetTotalPauseDuration() - groupPausedBefore).TotalMilliseconds;

                // The driver's telemetry (each analyzer's execution time) comes from a second analysis,
                // outside the measured time (GetAllDiagnosticsAsync keeps none), of a new compilation
                // of the pass's kind of trees: with --fresh-trees, files parsed anew again. Analysing
                // the same compilation again would find what the first analysis kept with its trees
                // and its references already there, which a build's single analysis pays for.
                var telemetryRun = BenchInputs.Compile(TreesOfACompilation(), concurrentBuild: !serial).WithAnalyzers(
                    analyzers,
                    new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: !serial, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
                var result = await telemetryRun.GetAnalysisResultAsync(CancellationToken.None).ConfigureAwait(false);
                if (diagnostics.Any(d => d.Id == "AD0001"))
                {
                    Console.Error.WriteLine("An analyzer threw (AD0001): " + diagnostics.First(d => d.Id == "AD0001").GetMessage(CultureInfo.InvariantCulture));
                    return 1;
                }

                if (!counted)
                {
                    // The first pass is a fresh compiler's (the compiler's own code ran once already,
                    // without analyzers): the analyzers' code is compiled as it first runs.
                    var cold = analyzers.Sum(a => result.AnalyzerTelemetryInfo[a].ExecutionTime.TotalSeconds);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first pass with '{group}': {stopwatch.Elapsed.TotalSeconds:0.000} s, analyzer execution time {cold:0.000} s; methods compiled by the JIT during it: {jitted} in {jitTime.TotalMilliseconds:0} ms"));
                    Statistics.Result($"analyzer.{group}.cold.executionSeconds", cold);
                    Statistics.Result($"analyzer.{group}.cold.jittedMethods", jitted);
                    Statistics.Result($"analyzer.{group}.cold.jitMilliseconds", jitTime.TotalMilliseconds);
                    continue;
                }

                withGroup[group].Add(stopwatch.Elapsed.TotalSeconds);
                allocatedWith[group].Add(groupAllocated);
                pausedWith[group].Add(groupPaused);
                foreach (var analyzer in analyzers)
                {
                    var telemetry = result.AnalyzerTelemetryInfo[analyzer];
                    var name = group + "/" + analyzer.GetType().Name;
                    if (!perAnalyzer.TryGetValue(name, out var times))
                    {
                        perAnalyzer[name] = times = new List<double>();
                    }

                    times.Add(telemetry.ExecutionTime.TotalSeconds);
                }

                if (run == 1 && group == groups[0])
                {
                    foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("LR", StringComparison.Ordinal)))
                    {
                        findings[diagnostic.Id] = findings.TryGetValue(diagnostic.Id, out var n) ? n + 1 : 1;
                    }

                    Console.WriteLine($"compiler errors: {compilerDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)}; findings ({group}): " + string.Join(", ", findings.Select(f => $"{f.Key} {f.Value}")));
                }
            }
        }

        Console.WriteLine($"GetDiagnostics without analyzers (s): {Statistics.Summary(bare)}; allocated (MB): {Statistics.Summary(bareAllocated)}; GC pauses (ms): {Statistics.Summary(barePaused)}");
        Statistics.Result("analyzer.bare.gcPauseMilliseconds", Statistics.Median(barePaused));
        Statistics.Result("analyzer.bare.seconds", Statistics.Median(bare));
        Statistics.Result("analyzer.bare.allocatedMegabytes", Statistics.Median(bareAllocated));
        foreach (var (group, times) in withGroup.Where(g => g.Value.Count > 0))
        {
            var ratio = Statistics.Median(times) / Statistics.Median(bare);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"with '{group}' analyzers (s): {Statistics.Summary(times)} → {ratio:0.000}× the floor; allocated (MB): {Statistics.Summary(allocatedWith[group])}; GC pauses (ms): {Statistics.Summary(pausedWith[group])}"));
            Statistics.Result($"analyzer.{group}.allocatedMegabytes", Statistics.Median(allocatedWith[group]));
            Statistics.Result($"analyzer.{group}.gcPauseMilliseconds", Statistics.Median(pausedWith[group]));
            Statistics.Result($"analyzer.{group}.seconds", Statistics.Median(times));
            Statistics.Result($"analyzer.{group}.ratio", ratio);
            var total = perAnalyzer.Where(p => p.Key.StartsWith(group + "/", StringComparison.Ordinal)).Sum(p => Statistics.Median(p.Value));
            Statistics.Result($"analyzer.{group}.executionSeconds", total);
        }

        foreach (var (name, times) in perAnalyzer)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  execution time {name} (s): {Statistics.Summary(times)}"));
            Statistics.Result($"analyzer.time.{name}", Statistics.Median(times));
        }

        return 0;
    }
}
