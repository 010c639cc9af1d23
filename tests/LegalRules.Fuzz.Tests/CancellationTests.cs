using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.Fuzz.Generators;
using LegalRules.Fuzz.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LegalRules.Fuzz;

/// <summary>
/// The IDE cancels analyses all the time (every keystroke): the analyzers must stop promptly when
/// asked, in their loops over large inputs (registry files, YAML of huge files, bindings), and a
/// cancelled analysis must leave nothing behind that breaks the next one.
/// </summary>
[Collection(FuzzGroup.Name)]
public sealed class CancellationTests
{
    /// <summary>Generous: a prompt stop takes milliseconds; a loop that ignores the token takes seconds to minutes.</summary>
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);

    /// <summary>The OpenFisca tree is read from its root, as the package's MSBuild property says.</summary>
    private static readonly IReadOnlyDictionary<string, string> Options = AnalysisHarness.DefaultOptions.Add("build_property.LegalRulesOpenFiscaParameters", "/openfisca");

    [Theory]
    [InlineData(100)]
    [InlineData(1_000)]
    [InlineData(3_000)]
    public void Cancelling_the_analysis_of_a_large_drop_stops_it_promptly(int cancelAfterMilliseconds)
    {
        var compilation = LargeDrop(500);
        var additional = OpenFiscaTree(unique: true).Concat(CSharpCorpus.AdditionalFiles).ToList();
        var stopped = CancelAfter(compilation, additional, TimeSpan.FromMilliseconds(cancelAfterMilliseconds), out var outcome);

        FuzzSummary.Write("cancellation", $"500 files ({compilation.SyntaxTrees.Sum(t => t.GetText().Lines.Count):N0} lines) and {additional.Count:N0} registry files, cancelled after {cancelAfterMilliseconds} ms: {outcome} {FuzzSummary.Duration(stopped)} after the cancel");
        Assert.Equal("stopped", outcome);
        Assert.True(stopped < StopBound, $"The analysis went on {stopped} after it was cancelled.");
    }

    [Fact]
    public void Cancelling_while_a_huge_registry_file_is_read_stops_promptly()
    {
        // A registry file that takes long to read: 40 subtrees nested 10,000 deep (YamlDotNet's scanner
        // costs time in the square of the depth), unique to this run so that no cache has read it already.
        var slow = SlowRegistry(40);
        var compilation = AnalysisHarness.Compile(new[] { AnalysisHarness.Parse(new InputFile("/src/Small.cs", "class Small { const decimal Rsa = 646.52m; }")) });
        var stopped = CancelAfter(compilation, new[] { new InputFile("/reg/slow.legal.yaml", slow) }, TimeSpan.FromMilliseconds(1_000), out var outcome);

        FuzzSummary.Write("cancellation", $"a registry file slow to read ({slow.Length / 1_000_000.0:F1} MB, 40 subtrees 10,000 deep), cancelled after 1,000 ms: {outcome} {FuzzSummary.Duration(stopped)} after the cancel");
        Assert.Equal("stopped", outcome);
        Assert.True(stopped < StopBound, $"The analysis went on {stopped} after it was cancelled.");
    }

    [Fact]
    public async Task An_analysis_cancelled_while_the_registry_loads_leaves_the_compilation_analysable()
    {
        // The IDE keeps one CompilationWithAnalyzers per project and asks it again after a cancelled
        // request; the compilation start actions then run again on the same compilation. They must
        // not inherit the first request's cancellation: an analyzer that throws it is disabled (AD0001).
        // The first request is cancelled exactly while the registry files are collected: reading one of them trips the cancel.
        var compilation = LargeDrop(20);
        var additional = OpenFiscaTree(unique: true).Concat(CSharpCorpus.AdditionalFiles).ToList();
        using var source = new CancellationTokenSource();
        var texts = additional.Select(f => (AdditionalText)new TextOf(f.Path, f.Text, f.Path.EndsWith("caisse.legal.yaml", StringComparison.Ordinal) ? source : null)).ToImmutableArray();
        var thrown = new List<string>();
        var analysis = compilation.WithAnalyzers(
            AnalyzerCatalog.CreateAnalyzers(),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(texts, AnalysisHarness.OptionsProviderFor(Options)),
                (exception, analyzer, _) => thrown.Add($"{analyzer.GetType().Name} threw {exception}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analysis.GetAnalyzerDiagnosticsAsync(source.Token));

        var second = await analysis.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var reference = AnalysisHarness.Run(compilation.SyntaxTrees.Select(t => new InputFile(t.FilePath, t.GetText().ToString())), additional, Options);

        Assert.Empty(thrown);
        Assert.DoesNotContain(second, d => d.Id == "AD0001");
        Assert.Equal(reference.Findings.Length, second.Count(d => d.Id.StartsWith("LR", StringComparison.Ordinal)));
    }

    /// <summary>Starts the analysis, cancels it after <paramref name="delay"/>, and measures how long it goes on.</summary>
    private static TimeSpan CancelAfter(CSharpCompilation compilation, IReadOnlyList<InputFile> additional, TimeSpan delay, out string outcome)
    {
        using var source = new CancellationTokenSource();
        var analysis = Task.Run(() => AnalysisHarness.RunOn(compilation, additional, Options, cancellationToken: source.Token));
        if (analysis.Wait(delay))
        {
            outcome = "finished before the cancel";
            return TimeSpan.Zero;
        }

        var stopwatch = Stopwatch.StartNew();
        source.Cancel();
        try
        {
            var result = analysis.GetAwaiter().GetResult();
            outcome = result.Failures.IsEmpty ? "finished despite the cancel" : "failed: " + string.Join("; ", result.Failures);
        }
        catch (OperationCanceledException)
        {
            outcome = "stopped";
        }

        return stopwatch.Elapsed;
    }

    /// <summary>A drop of <paramref name="files"/> files of calculation code, each with a hundred literals.</summary>
    internal static CSharpCompilation LargeDrop(int files)
    {
        string[] literals = { "646.52m", "0.005m", "11.88m", "4005m", "42.5m", "0.25m", "1033.32m", "635.71m", "3m", "12.5m" };
        var trees = Enumerable.Range(0, files).Select(i =>
        {
            var builder = new StringBuilder().Append(CultureInfo.InvariantCulture, $"namespace Drop.Module{i % 20};\n\npublic static class Calcul{i}\n{{\n");
            for (var m = 0; m < 20; m++)
            {
                builder.Append(CultureInfo.InvariantCulture, $"    public const decimal Taux{m} = {literals[(i + m) % literals.Length]};\n")
                    .Append(CultureInfo.InvariantCulture, $"    public static decimal Montant{m}(decimal assiette, decimal crds) => assiette * {literals[m % literals.Length]} + crds * {literals[(m + 3) % literals.Length]} - {literals[(i + 7) % literals.Length]} + ({literals[(m + i) % literals.Length]} / 12m);\n");
            }

            return AnalysisHarness.Parse(new InputFile($"/drop/Calcul{i}.cs", builder.Append("}\n").ToString()));
        });
        return AnalysisHarness.Compile(trees);
    }

    /// <summary>The OpenFisca-France copy as additional files under its root, made unique to the run so that the parse cache is cold.</summary>
    private static IEnumerable<InputFile> OpenFiscaTree(bool unique)
    {
        var root = Repository.OpenFiscaParameters;
        var mark = unique ? "\n# " + Guid.NewGuid().ToString("N") + "\n" : string.Empty;
        return Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new InputFile("/openfisca/" + Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllText(p) + mark));
    }

    private static string SlowRegistry(int subtrees)
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var builder = new StringBuilder("# " + Guid.NewGuid().ToString("N") + "\nparameters:\n");
        for (var i = 0; i < subtrees; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"  lent.p{i}: {deep}\n");
        }

        return builder.ToString();
    }

    /// <summary>An additional file that cancels the analysis when it is read, if given a source to cancel.</summary>
    private sealed class TextOf : AdditionalText
    {
        private readonly SourceText _text;
        private readonly CancellationTokenSource? _tripwire;

        public TextOf(string path, string text, CancellationTokenSource? tripwire)
        {
            Path = path;
            _text = SourceText.From(text);
            _tripwire = tripwire;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default)
        {
            _tripwire?.Cancel();
            return _text;
        }
    }
}
