using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Bench;

/// <summary>
/// Builds what the benchmarks measure, as the audit command builds it: the corpus's files parsed
/// into one compilation against fixed reference assemblies (.NET 10 and LegalRules.Annotations),
/// and analyzer options with a fixed evaluation date.
/// </summary>
internal static class BenchInputs
{
    public const string AsOf = "2026-11-29";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
        ImmutableArray.CreateRange<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All)
            .Add(MetadataReference.CreateFromFile(typeof(StatutoryParameterAttribute).Assembly.Location)));

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>Every <c>.cs</c> file under <paramref name="folder"/>, sorted, parsed in parallel.</summary>
    public static ImmutableArray<SyntaxTree> ParseFolder(string folder)
    {
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        var trees = new SyntaxTree[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            using var stream = File.OpenRead(files[i]);
            trees[i] = CSharpSyntaxTree.ParseText(SourceText.From(stream), ParseOptions, files[i]);
        });
        return trees.ToImmutableArray();
    }

    /// <summary>
    /// The same files parsed again: new trees, as a build has (the compiler parses every file anew),
    /// so that nothing kept with a tree by an earlier compilation serves this one.
    /// </summary>
    public static ImmutableArray<SyntaxTree> Reparse(ImmutableArray<SyntaxTree> trees)
    {
        var fresh = new SyntaxTree[trees.Length];
        Parallel.For(0, trees.Length, i => fresh[i] = CSharpSyntaxTree.ParseText(trees[i].GetText(), ParseOptions, trees[i].FilePath));
        return fresh.ToImmutableArray();
    }

    /// <summary>The trees in one compilation; with <paramref name="concurrentBuild"/> false, the compiler binds on one thread.</summary>
    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, bool concurrentBuild = true)
        => CSharpCompilation.Create(
            "LegalRulesBench",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: concurrentBuild, deterministic: true));

    /// <summary>Analyzer options as a build sets them: additional files, and global options (evaluation date, OpenFisca root).</summary>
    public static AnalyzerOptions Options(IEnumerable<AdditionalText> additionalFiles, string? openFiscaRoot = null, bool defaultRegistry = true)
    {
        var global = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["legal_rules.as_of"] = AsOf,
            ["legal_rules.default_registry"] = defaultRegistry ? "true" : "false",
        };
        if (openFiscaRoot is not null)
        {
            global["build_property.LegalRulesOpenFiscaParameters"] = openFiscaRoot.Replace('\\', '/');
        }

        return new AnalyzerOptions(additionalFiles.ToImmutableArray(), new GlobalOptionsProvider(global));
    }

    /// <summary>The YAML files of an OpenFisca tree, read into memory (as the compiler hands additional files to analyzers).</summary>
    public static ImmutableArray<AdditionalText> ReadOpenFiscaTree(string root)
    {
        var files = Directory.GetFiles(root, "*.yaml", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        return files.Select(f => (AdditionalText)new InMemoryAdditionalText(f, SourceText.From(File.ReadAllText(f)))).ToImmutableArray();
    }

    /// <summary>The same files with new text objects of the same content: what another build on the compiler server hands.</summary>
    public static ImmutableArray<AdditionalText> CopyTexts(ImmutableArray<AdditionalText> files)
        => files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, SourceText.From(f.GetText()!.ToString()))).ToImmutableArray();

    /// <summary>Finds the repository's root (the folder of LegalRules.sln) above the running program.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LegalRules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LegalRules.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The shared OpenFisca-France parameters copy beside the repository.</summary>
    public static string DefaultOpenFiscaTree() => Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "openfisca-france-parameters"));
}
