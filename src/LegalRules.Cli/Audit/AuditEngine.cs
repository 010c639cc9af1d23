using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.Configuration;
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

    /// <param name="analyzers">The analyzers to run: LegalRules' own (<see cref="AnalyzerCatalog.CreateAnalyzers"/>), or others in tests.</param>
    public static async Task<AuditResult> RunAsync(AuditRequest request, ImmutableArray<DiagnosticAnalyzer> analyzers, Action<string>? progress, CancellationToken cancellationToken)
    {
        // Registry files first: a bad one is bad input, found before the long part of the work.
        var registryTexts = ReadRegistryInputs(request);

        var drop = DropScanner.Scan(request.Inputs, cancellationToken);
        if (drop.SourceFiles.IsEmpty)
        {
            throw new AuditInputException(Strings.Format(request.Culture, "Input_NoSourceFiles", string.Join(", ", request.Inputs)));
        }

        progress?.Invoke(Strings.Format(request.Culture, "Progress_Parsing", drop.SourceFiles.Length));
        var (compilation, generatedTrees, unreadable) = DropCompilation.Create(drop, cancellationToken);

        var rules = analyzers
            .SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        var ruleIds = rules.Select(r => r.Id).ToImmutableHashSet(StringComparer.Ordinal);
        var failures = new ConcurrentQueue<AnalyzerFailure>();

        var analyzerOptions = new AnalyzerOptions(
            registryTexts.Values.ToImmutableArray<AdditionalText>(),
            new AuditOptionsProvider(GlobalOptions(request)));
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (exception, analyzer, _) => failures.Enqueue(new AnalyzerFailure(analyzer.GetType().FullName ?? analyzer.ToString(), exception.ToString())),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));

        progress?.Invoke(Strings.Format(request.Culture, "Progress_Analysing", compilation.SyntaxTrees.Length));

        // One pass gives the compiler's diagnostics and every analyzer's, including those located
        // in registry and bindings files (additional files).
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

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

            if (diagnostic.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
            {
                continue;
            }

            findings.Add(ToFinding(diagnostic, drop.Root, registryTexts, request.Culture));
        }

        // The exception callback names the analyzer; should a host report AD0001 only as a
        // diagnostic, keep that instead, so that no analyzer failure ever goes unreported.
        if (failures.IsEmpty)
        {
            foreach (var diagnostic in exceptionDiagnostics)
            {
                failures.Enqueue(new AnalyzerFailure(AnalyzerExceptionId, diagnostic.GetMessage(request.Culture)));
            }
        }

        var sourcePaths = compilation.SyntaxTrees.Where(t => !generatedTrees.Contains(t)).Select(t => DropPaths.Relative(drop.Root, t.FilePath));
        return new AuditResult(
            request.AsOf,
            request.Culture,
            rules,
            findings.OrderBy(f => f, FindingOrder.Instance).ToImmutableArray(),
            failures.OrderBy(f => f.Analyzer, StringComparer.Ordinal).ThenBy(f => f.Message, StringComparer.Ordinal).ToImmutableArray(),
            sourcePaths.OrderBy(p => p, StringComparer.Ordinal).ToImmutableArray(),
            generatedTrees.Select(t => DropPaths.Relative(drop.Root, t.FilePath)).OrderBy(p => p, StringComparer.Ordinal).ToImmutableArray(),
            drop.RegistryFiles.Where(p => !registryTexts.ContainsKey(p)).Select(p => DropPaths.Relative(drop.Root, p)).ToImmutableArray(),
            drop.SkippedFiles.Concat(unreadable).OrderBy(s => s.Path, StringComparer.Ordinal).ToImmutableArray(),
            compilerErrors);
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
    private static SortedDictionary<string, RegistryText> ReadRegistryInputs(AuditRequest request)
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

        var texts = new SortedDictionary<string, RegistryText>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (texts.ContainsKey(path))
            {
                continue;
            }

            try
            {
                texts.Add(path, new RegistryText(path, SourceFileReader.Read(path)));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new AuditInputException(Strings.Format(request.Culture, "Input_UnreadableRegistry", path, exception.Message), exception);
            }
        }

        return texts;
    }

    private static Finding ToFinding(Diagnostic diagnostic, string root, SortedDictionary<string, RegistryText> registryTexts, CultureInfo culture)
    {
        FindingLocation? location = null;
        string? excerpt = null;
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
            }
        }

        var properties = diagnostic.Properties.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new Finding(diagnostic.Id, FindingLevels.From(diagnostic.Severity), diagnostic.GetMessage(culture), location, excerpt, properties);
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
