using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.Cli.Audit.Analysis;
using LegalRules.Configuration;
using LegalRules.Hosting;
using LegalRules.Registry;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Cli.Audit;

/// <summary>
/// The audit: drop → compilation → the LegalRules analyzers, with the auditor's registry → findings.
/// Report writers only format what this returns.
/// </summary>
internal static class AuditEngine
{
    /// <summary>The id the compiler gives an analyzer's exception.</summary>
    private const string AnalyzerExceptionId = "AD0001";

    /// <summary>Excerpts longer than this (minified or generated lines) are cut.</summary>
    private const int MaxExcerptLength = 240;

    /// <summary>Lines shown before and after a finding's line in reports that show code.</summary>
    private const int ContextLines = 2;

    /// <summary>
    /// Called once the drop has been walked and its compilations planned, before any source file is
    /// read, in the calling asynchronous flow only. Tests change the drop here, as a disk or another
    /// process may while an audit runs (a file that disappears).
    /// </summary>
    internal static AsyncLocal<Action<Drop>?> FilesDiscovered { get; } = new();

    /// <summary>
    /// Set by tests, in the calling asynchronous flow only, to analyse with Roslyn's driver
    /// (<c>CompilationWithAnalyzers</c>) instead of the audit's own, which must find the same.
    /// </summary>
    internal static AsyncLocal<bool> UseRoslynDriver { get; } = new();

    /// <param name="analyzers">The analyzers to run: LegalRules' own (<see cref="AnalyzerCatalog.CreateAnalyzers"/>), or others in tests.</param>
    /// <param name="progress">The terminal's progress line, if any.</param>
    /// <param name="warn">Where to say what the auditor must know before the audit runs (the <c>--msbuild</c> warning).</param>
    public static async Task<AuditResult> RunAsync(AuditRequest request, ImmutableArray<DiagnosticAnalyzer> analyzers, AuditProgress? progress, Action<string> warn, CancellationToken cancellationToken)
    {
        var culture = request.Culture;
        string Text(string name) => Strings.Get(culture, name);

        // Registry files first: a bad one is bad input, found before the long part of the work.
        var registryTexts = ReadRegistryInputs(request);

        Drop drop;
        try
        {
            drop = DropScanner.Scan(request.Inputs, cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            throw new AuditInputException(Strings.Format(culture, "Input_BadSolution", exception.Message), exception);
        }

        var (units, excluded) = DropLayout.Plan(drop, Text);
        if (units.IsEmpty || units.All(u => u.Files.IsEmpty))
        {
            throw new AuditInputException(Strings.Format(culture, "Input_NoSourceFiles", string.Join(", ", request.Inputs)));
        }

        FilesDiscovered.Value?.Invoke(drop);
        progress?.Planned(units.Length, units.SelectMany(u => u.Files).Distinct(StringComparer.Ordinal).Count());
        var texts = new SourceTexts(request.MaxFileBytes, progress);
        ImmutableArray<AuditedCompilation> compilations;
        if (request.UseMsBuild)
        {
            warn(Text("Warning_MsBuild"));
            compilations = await MsBuildDropLoader.LoadAsync(drop, units, texts, warn, culture, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var created = new Dictionary<CompilationUnit, AuditedCompilation>();
            var all = ImmutableArray.CreateBuilder<AuditedCompilation>();
            foreach (var unit in units)
            {
                // Units come referenced-first: a project's references exist when it is compiled.
                var compiled = DropCompilation.Create(unit, created, texts, drop.Root, Text, cancellationToken);
                created[unit] = compiled[0];
                all.AddRange(compiled);
            }

            compilations = all.ToImmutable();
        }

        // A project about benefits or contributions makes the projects it references so too (rules.md).
        LegalRules.Rules.StatutorySubject.MarkReferencedBySocialLaw(compilations.Select(c => c.Compilation));

        var rules = analyzers
            .SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        var ruleIds = rules.Select(r => r.Id).ToImmutableHashSet(StringComparer.Ordinal);
        var failures = new ConcurrentQueue<AnalyzerFailure>();
        // Only the global options the command line sets: nothing is read from the drop's
        // .editorconfig or .globalconfig, which could switch rules off.
        var analyzerOptions = new AnalyzerOptions(
            registryTexts.Values.ToImmutableArray<AdditionalText>(),
            new GlobalOptionsProvider(GlobalOptions(request)));

        // A multi-targeting project's other frameworks: the files whose #if branches differ for them,
        // analysed after the projects, in the same loop.
        var analysed = compilations.AddRange(compilations.SelectMany(c => FrameworkBranches.Of(c, Text, cancellationToken)));

        // Projects are analysed side by side, as many at once as there are cores.
        var outcomes = new CompilationOutcome[analysed.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, analysed.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                outcomes[index] = await AnalyseAsync(analysed[index], analyzers, analyzerOptions, ruleIds, failures, drop.Root, registryTexts, culture, token).ConfigureAwait(false);
                if (index < compilations.Length)
                {
                    progress?.ProjectAnalysed();
                }
            }).ConfigureAwait(false);

        // A file two projects compile, a file compiled for two frameworks, and a registry file every
        // compilation reads, give the same finding more than once: keep one.
        var findings = outcomes
            .SelectMany(o => o.Findings)
            .GroupBy(f => (f.RuleId, f.Location, f.Message))
            .Select(g => g.First())
            .OrderBy(f => f, FindingOrder.Instance)
            .ToList();
        FindingFingerprints.Assign(findings);

        BaselineSummary? baseline = null;
        if (request.Baseline is { } previous)
        {
            var absent = previous.Apply(findings);
            var unchanged = findings.Count(f => f.BaselineState == BaselineState.Unchanged);
            baseline = new BaselineSummary(previous.Name, previous.Count, unchanged, absent, findings.Count - unchanged);
        }

        // The exception callback names the analyzer; should a host report AD0001 only as a
        // diagnostic, keep that instead, so that no analyzer failure ever goes unreported.
        if (failures.IsEmpty)
        {
            foreach (var diagnostic in outcomes.SelectMany(o => o.ExceptionDiagnostics))
            {
                failures.Enqueue(new AnalyzerFailure(AnalyzerExceptionId, diagnostic.GetMessage(culture)));
            }
        }

        var sourcePaths = compilations.SelectMany(c => c.AnalysedTrees).Select(t => DropPaths.Relative(drop.Root, t.FilePath)).Distinct(StringComparer.Ordinal);
        var generatedPaths = compilations.SelectMany(c => c.GeneratedTrees).Select(t => DropPaths.Relative(drop.Root, t.FilePath)).Distinct(StringComparer.Ordinal);
        var unread = texts.Failures.Select(f => new SkippedFile(DropPaths.Relative(drop.Root, f.Path), f.Result.Reason, f.Result.Detail));
        var projects = compilations.Select((c, i) => Summarise(c, outcomes[i].CompilerErrors, drop.Root)).ToImmutableArray();
        return new AuditResult(
            request.AsOf,
            culture,
            rules,
            findings.ToImmutableArray(),
            failures.Distinct().OrderBy(f => f.Analyzer, StringComparer.Ordinal).ThenBy(f => f.Message, StringComparer.Ordinal).ToImmutableArray(),
            sourcePaths.OrderBy(p => p, StringComparer.Ordinal).ToImmutableArray(),
            generatedPaths.OrderBy(p => p, StringComparer.Ordinal).ToImmutableArray(),
            drop.RegistryFiles.Where(p => !registryTexts.ContainsKey(p)).Select(p => DropPaths.Relative(drop.Root, p)).ToImmutableArray(),
            drop.SkippedFiles.Concat(excluded).Concat(unread).DistinctBy(s => s.Path).OrderBy(s => s.Path, StringComparer.Ordinal).ToImmutableArray(),
            outcomes.Take(compilations.Length).Sum(o => o.CompilerErrors),
            projects,
            baseline,
            request.UseMsBuild);
    }

    /// <summary>What one compilation gave: findings, analyzer exceptions reported as diagnostics, compiler errors.</summary>
    private sealed record CompilationOutcome(List<Finding> Findings, List<Diagnostic> ExceptionDiagnostics, int CompilerErrors);

    private static async Task<CompilationOutcome> AnalyseAsync(
        AuditedCompilation audited,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        AnalyzerOptions analyzerOptions,
        ImmutableHashSet<string> ruleIds,
        ConcurrentQueue<AnalyzerFailure> failures,
        string root,
        SortedDictionary<string, InMemoryAdditionalText> registryTexts,
        CultureInfo culture,
        CancellationToken cancellationToken)
    {
        var diagnostics = await DiagnosticsOfAsync(audited, analyzers, analyzerOptions, failures, cancellationToken).ConfigureAwait(false);
        var findings = new List<Finding>();
        var exceptionDiagnostics = new List<Diagnostic>();
        var compilerErrors = 0;
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == AnalyzerExceptionId)
            {
                exceptionDiagnostics.Add(diagnostic);
                continue;
            }

            if (!ruleIds.Contains(diagnostic.Id))
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    compilerErrors++;
                }

                continue;
            }

            if (diagnostic.Location.SourceTree is { } tree && (audited.GeneratedTrees.Contains(tree) || audited.SyntheticTrees.Contains(tree)))
            {
                continue;
            }

            findings.Add(ToFinding(diagnostic, root, registryTexts, culture));
        }

        return new CompilationOutcome(findings, exceptionDiagnostics, compilerErrors);
    }

    /// <summary>
    /// The compiler's diagnostics and every analyzer's, including those located in registry and
    /// bindings files (additional files): tree by tree (<see cref="TreeDriver"/>), or with Roslyn's
    /// driver when an analyzer needs it or a test asks for it.
    /// </summary>
    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsOfAsync(
        AuditedCompilation audited,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        AnalyzerOptions analyzerOptions,
        ConcurrentQueue<AnalyzerFailure> failures,
        CancellationToken cancellationToken)
    {
        void OnException(Exception exception, DiagnosticAnalyzer analyzer)
            => failures.Enqueue(new AnalyzerFailure(analyzer.GetType().FullName ?? analyzer.ToString(), exception.ToString()));

        if (!UseRoslynDriver.Value)
        {
            var skipped = audited.GeneratedTrees.Union(audited.SyntheticTrees);
            var byTree = await TreeDriver.TryAnalyseAsync(audited.Compilation, analyzers, analyzerOptions, skipped, (analyzer, exception) => OnException(exception, analyzer), cancellationToken).ConfigureAwait(false);
                if (byTree is { } diagnostics)
            {
                return diagnostics;
            }
        }

        var withAnalyzers = audited.Compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (exception, analyzer, _) => OnException(exception, analyzer),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        return await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
    }

    private static ProjectSummary Summarise(AuditedCompilation audited, int compilerErrors, string root)
    {
        var unit = audited.Unit;
        var project = unit.Project;
        var framework = unit.TargetFramework;
        var moniker = project?.TargetFrameworksWritten is { } several ? framework.Moniker + " (" + several + ")" : framework.Moniker;
        return new ProjectSummary(
            unit.Name,
            project is null ? null : DropPaths.Relative(root, project.Path),
            moniker,
            (framework.IsExact ? string.Empty : "≈ ") + audited.ReferenceSet.Name,
            Microsoft.CodeAnalysis.CSharp.LanguageVersionFacts.ToDisplayString(audited.LanguageVersion),
            audited.AnalysedTrees.Count(),
            compilerErrors,
            unit.References.Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal).ToImmutableArray(),
            project?.PackageReferences ?? ImmutableArray<string>.Empty,
            project?.AssemblyReferences ?? ImmutableArray<string>.Empty,
            unit.Notes.Distinct(StringComparer.Ordinal).ToImmutableArray());
    }

    /// <summary>The analyzers' global options, as a build would set them from <c>.globalconfig</c> and MSBuild properties.</summary>
    private static Dictionary<string, string> GlobalOptions(AuditRequest request)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [LegalRulesOptions.AsOfKey] = Dates.Format(request.AsOf),
            [LegalRulesOptions.DefaultRegistryKey] = request.DefaultRegistry ? "true" : "false",
        };
        if (OpenFiscaRoot(request) is { } openFisca)
        {
            // The analyzers compare paths with forward slashes; the files are enumerated under this same path.
            options[LegalRulesOptions.OpenFiscaProperty] = openFisca.Replace('\\', '/');
        }

        return options;
    }

    private static string? OpenFiscaRoot(AuditRequest request)
        => request.OpenFiscaFolder is null ? null : DropPaths.RealPath(request.OpenFiscaFolder);

    /// <summary>Reads every registry, OpenFisca and bindings file the auditor named, by full path.</summary>
    private static SortedDictionary<string, InMemoryAdditionalText> ReadRegistryInputs(AuditRequest request)
    {
        // Real paths, like the drop's: a registry file given by flag that lies inside the drop is
        // then recognised as used, and report paths relative to the drop's root stay short.
        var paths = new List<string>(request.RegistryFiles.Select(DropPaths.RealPath));
        paths.AddRange(request.BindingsFiles.Select(DropPaths.RealPath));
        if (OpenFiscaRoot(request) is { } openFisca)
        {
            paths.AddRange(Directory.EnumerateFiles(openFisca, "*", new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive })
                .Where(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)));
        }

        var texts = new SortedDictionary<string, InMemoryAdditionalText>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (texts.ContainsKey(path))
            {
                continue;
            }

            try
            {
                texts.Add(path, new InMemoryAdditionalText(path, SourceFileReader.ReadOrThrow(path)));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                throw new AuditInputException(Strings.Format(request.Culture, "Input_UnreadableRegistry", path, exception.Message), exception);
            }
        }

        return texts;
    }

    private static Finding ToFinding(Diagnostic diagnostic, string root, SortedDictionary<string, InMemoryAdditionalText> registryTexts, CultureInfo culture)
    {
        FindingLocation? location = null;
        string? excerpt = null;
        SourceExcerpt? context = null;
        if (diagnostic.Location.Kind is LocationKind.SourceFile or LocationKind.ExternalFile)
        {
            var span = diagnostic.Location.GetLineSpan();
            if (span.IsValid)
            {
                location = new FindingLocation(
                    DropPaths.Relative(root, span.Path),
                    span.StartLinePosition.Line + 1,
                    span.StartLinePosition.Character + 1,
                    span.EndLinePosition.Line + 1,
                    span.EndLinePosition.Character + 1);

                var text = diagnostic.Location.SourceTree?.GetText()
                    ?? (registryTexts.TryGetValue(span.Path, out var registry) ? registry.GetText() : null);
                excerpt = Excerpt(text, span.StartLinePosition.Line);
                context = Context(text, span.StartLinePosition.Line, span.EndLinePosition.Line);
            }
        }

        var properties = diagnostic.Properties.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new Finding(diagnostic.Id, FindingLevels.From(diagnostic.Severity), diagnostic.GetMessage(culture), location, excerpt, context, properties);
    }

    private static string? Excerpt(SourceText? text, int line)
    {
        if (text is null || line < 0 || line >= text.Lines.Count)
        {
            return null;
        }

        var excerpt = text.Lines[line].ToString().TrimEnd();
        return excerpt.Length <= MaxExcerptLength ? excerpt : string.Concat(excerpt.AsSpan(0, MaxExcerptLength), "…");
    }

    /// <summary>The finding's lines and a few around them (0-based lines in, 1-based first line out).</summary>
    private static SourceExcerpt? Context(SourceText? text, int startLine, int endLine)
    {
        if (text is null || startLine < 0 || startLine >= text.Lines.Count)
        {
            return null;
        }

        var first = Math.Max(0, startLine - ContextLines);
        var last = Math.Min(text.Lines.Count - 1, Math.Max(startLine, endLine) + ContextLines);

        // The empty "line" after a file's final line break is not a line of code.
        if (last > startLine && last == text.Lines.Count - 1 && text.Lines[last].Span.IsEmpty)
        {
            last--;
        }
        var lines = ImmutableArray.CreateBuilder<string>(last - first + 1);
        for (var line = first; line <= last; line++)
        {
            lines.Add(Excerpt(text, line)!);
        }

        return new SourceExcerpt(first + 1, lines.MoveToImmutable());
    }

    /// <summary>File, line, column, rule, message: the order of every report, so the same drop gives the same bytes.</summary>
    private sealed class FindingOrder : IComparer<Finding>
    {
        public static readonly FindingOrder Instance = new();

        public int Compare(Finding? x, Finding? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            var result = string.CompareOrdinal(x.Location?.Path, y.Location?.Path);
            if (result == 0)
            {
                result = (x.Location?.StartLine ?? 0).CompareTo(y.Location?.StartLine ?? 0);
            }

            if (result == 0)
            {
                result = (x.Location?.StartColumn ?? 0).CompareTo(y.Location?.StartColumn ?? 0);
            }

            if (result == 0)
            {
                result = string.CompareOrdinal(x.RuleId, y.RuleId);
            }

            if (result == 0)
            {
                result = string.CompareOrdinal(x.Message, y.Message);
            }

            if (result == 0)
            {
                result = (x.Location?.EndLine ?? 0).CompareTo(y.Location?.EndLine ?? 0);
            }

            return result == 0 ? (x.Location?.EndColumn ?? 0).CompareTo(y.Location?.EndColumn ?? 0) : result;
        }
    }
}
