using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Tests.Infrastructure;

/// <summary>
/// Runs every LegalRules analyzer over sources directly, for tests that look at what the test
/// framework does not check: diagnostics' properties and messages, and that no analyzer threw.
/// </summary>
internal static class DirectRun
{
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
        IEnumerable<string> sources,
        IReadOnlyDictionary<string, string>? options = null,
        IEnumerable<(string Path, string Content)>? additionalFiles = null,
        bool withAnnotations = true,
        CancellationToken cancellationToken = default)
        => await AnalyzeAsync(Compile(sources, withAnnotations), options, additionalFiles, cancellationToken);

    /// <summary>The sources in one compilation, each in its own file (<c>/src/Test0.cs</c>, …).</summary>
    public static CSharpCompilation Compile(IEnumerable<string> sources, bool withAnnotations = true)
    {
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"/src/Test{i}.cs")).ToList();
        return CSharpCompilation.Create(
            "Direct",
            trees,
            withAnnotations ? TestReferences.Runtime.Add(TestReferences.Annotations) : TestReferences.Runtime,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    /// <summary>Every LegalRules analyzer over <paramref name="compilation"/>: its LR diagnostics, in order of place; throws where an analyzer threw.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
        Compilation compilation,
        IReadOnlyDictionary<string, string>? options = null,
        IEnumerable<(string Path, string Content)>? additionalFiles = null,
        CancellationToken cancellationToken = default)
    {
        var globalOptions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["legal_rules.as_of"] = AnalyzerTest<LegalRules.Rules.StatutoryBindingAnalyzer>.DefaultAsOf };
        foreach (var option in options ?? new Dictionary<string, string>())
        {
            globalOptions[option.Key] = option.Value;
        }

        var texts = (additionalFiles ?? Array.Empty<(string, string)>()).Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Content)).ToImmutableArray();
        var analyzerOptions = new AnalyzerOptions(texts, new GlobalOptionsProvider(globalOptions));
        var withAnalyzers = compilation.WithAnalyzers(
            AnalyzerCatalog.CreateAnalyzers(),
            new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken);
        var failures = diagnostics.Where(d => d.Id == "AD0001").ToList();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("An analyzer threw: " + string.Join(Environment.NewLine, failures.Select(f => f.GetMessage(System.Globalization.CultureInfo.InvariantCulture))));
        }

        return diagnostics
            .Where(d => d.Id.StartsWith("LR", StringComparison.Ordinal))
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }
}
