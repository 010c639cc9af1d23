using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Fuzz.Infrastructure;

/// <summary>A C# source or an additional file given to an analysis.</summary>
internal sealed record InputFile(string Path, string Text);

/// <summary>What one analysis gave: LegalRules' findings, what any analyzer threw, and how long it took.</summary>
internal sealed class AnalysisOutcome
{
    public AnalysisOutcome(ImmutableArray<Diagnostic> findings, ImmutableArray<string> failures, TimeSpan elapsed, CSharpCompilation compilation, Exception? compilerCrash = null)
    {
        Findings = findings;
        Failures = failures;
        Elapsed = elapsed;
        Compilation = compilation;
        CompilerCrash = compilerCrash;
    }

    /// <summary>
    /// An exception the compiler itself threw while binding the code (Roslyn has such bugs on broken
    /// code): no analyzer ran to the end, and none is to blame. Exceptions of analyzers never escape
    /// the driver; they are in <see cref="Failures"/>.
    /// </summary>
    public Exception? CompilerCrash { get; }

    /// <summary>The LR diagnostics, sorted by file, position and id.</summary>
    public ImmutableArray<Diagnostic> Findings { get; }

    /// <summary>Exceptions thrown by analyzers (with their stack) and AD0001 diagnostics: each one a bug.</summary>
    public ImmutableArray<string> Failures { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>The time LegalRules' analyzers themselves took (the rest is the compiler's), when it was measured.</summary>
    public TimeSpan? AnalyzerTime { get; init; }

    public CSharpCompilation Compilation { get; }
}

/// <summary>
/// Runs every LegalRules analyzer (<see cref="AnalyzerCatalog.CreateAnalyzers"/>) over sources with
/// <see cref="CompilationWithAnalyzers"/>, as the audit command and the compiler do, with registry
/// and bindings files as additional files and options as <c>.globalconfig</c> gives them.
/// </summary>
internal static class AnalysisHarness
{
    /// <summary>The options every fuzz run starts from: a fixed evaluation date, never today's.</summary>
    public static readonly ImmutableDictionary<string, string> DefaultOptions = ImmutableDictionary.CreateRange(
        StringComparer.OrdinalIgnoreCase,
        new[] { KeyValuePair.Create("legal_rules.as_of", "2026-06-01") });

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
    {
        // The running runtime's assemblies: no reference pack to download, so the tests run offline.
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal))
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
            .Where(p => !Path.GetFileName(p).StartsWith("System.Private.", StringComparison.Ordinal) || Path.GetFileName(p) == "System.Private.CoreLib.dll")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(StatutoryParameterAttribute).Assembly.Location))
            .ToImmutableArray();
    });

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static SyntaxTree Parse(InputFile source) => CSharpSyntaxTree.ParseText(SourceText.From(source.Text), ParseOptions, source.Path);

    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, string name = "Fuzz")
        => CSharpCompilation.Create(name, trees, References, CompilationOptions);

    public static AnalysisOutcome Run(
        IEnumerable<InputFile> sources,
        IEnumerable<InputFile>? additionalFiles = null,
        IReadOnlyDictionary<string, string>? options = null,
        bool measureAnalyzers = false,
        CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var compilation = Compile(sources.Select(Parse));
        return RunOn(compilation, additionalFiles, options, stopwatch, measureAnalyzers, cancellationToken);
    }

    /// <summary>Analyses an existing compilation (the cancellation tests reuse one).</summary>
    public static AnalysisOutcome RunOn(
        CSharpCompilation compilation,
        IEnumerable<InputFile>? additionalFiles,
        IReadOnlyDictionary<string, string>? options,
        Stopwatch? stopwatch = null,
        bool measureAnalyzers = false,
        CancellationToken cancellationToken = default)
    {
        stopwatch ??= Stopwatch.StartNew();
        var thrown = new ConcurrentQueue<string>();
        var texts = (additionalFiles ?? Array.Empty<InputFile>()).Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        var analyzerOptions = new AnalyzerOptions(texts, OptionsProviderFor(options ?? DefaultOptions));
        var analyzers = AnalyzerCatalog.CreateAnalyzers();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (exception, analyzer, _) => thrown.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: measureAnalyzers,
                reportSuppressedDiagnostics: false));
        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            diagnostics = Wait(withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !IsFromLegalRules(exception))
        {
            stopwatch.Stop();
            return new AnalysisOutcome(ImmutableArray<Diagnostic>.Empty, thrown.ToImmutableArray(), stopwatch.Elapsed, compilation, exception);
        }

        stopwatch.Stop();

        var failures = thrown.ToList();
        failures.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));
        var findings = diagnostics
            .Where(d => d.Id.StartsWith("LR", StringComparison.Ordinal))
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        TimeSpan? analyzerTime = null;
        if (measureAnalyzers)
        {
            analyzerTime = TimeSpan.Zero;
            foreach (var analyzer in analyzers)
            {
                analyzerTime += Wait(withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken)).ExecutionTime;
            }
        }

        return new AnalysisOutcome(findings, failures.ToImmutableArray(), stopwatch.Elapsed, compilation) { AnalyzerTime = analyzerTime };
    }

    /// <summary>Options as <c>.globalconfig</c> gives them to analyzers.</summary>
    public static AnalyzerConfigOptionsProvider OptionsProviderFor(IReadOnlyDictionary<string, string> options) => new GlobalOptionsProvider(options);

    /// <summary>True when LegalRules' own code is on the exception's stack: then it is ours, whoever caught it.</summary>
    private static bool IsFromLegalRules(Exception exception)
        => exception.ToString().Split('\n').Any(line => line.TrimStart().StartsWith("at LegalRules.", StringComparison.Ordinal) && !line.Contains("at LegalRules.Fuzz.", StringComparison.Ordinal));

    /// <summary>xunit 2 tests are synchronous here: the analysis runs on the thread pool and is awaited without a context.</summary>
    private static T Wait<T>(Task<T> task) => task.ConfigureAwait(false).GetAwaiter().GetResult();
}
