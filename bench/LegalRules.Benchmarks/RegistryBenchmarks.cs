using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using LegalRules.Analysis;
using LegalRules.Registry;
using LegalRules.Registry.Sources;
using LegalRules.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Bench;

/// <summary>
/// The registry, warm: parsing the embedded registry and a whole OpenFisca tree without any cache,
/// and what a new compilation costs when the registry has not changed — the same text objects
/// (the IDE) or new ones with the same content (another build on the compiler server).
/// Cold figures come from <see cref="RegistryRun"/> in fresh processes.
/// </summary>
[MemoryDiagnoser]
public class RegistryBenchmarks
{
    private SourceText _embedded = SourceText.From(string.Empty);
    private string _embeddedData = string.Empty;
    private string _root = string.Empty;
    private ImmutableArray<AdditionalText> _tree;
    private (string Path, string Text)[] _treeContents = Array.Empty<(string, string)>();

    [GlobalSetup]
    public void Setup()
    {
        _embedded = EmbeddedRegistry.ReadText();
        _embeddedData = EmbeddedRegistry.Data;
        _root = BenchInputs.DefaultOpenFiscaTree();
        _tree = BenchInputs.ReadOpenFiscaTree(_root);
        _treeContents = _tree.Select(f => (f.Path, f.GetText()!.ToString())).ToArray();

        // Fill the caches once, as the first compilation of a session does.
        _ = RegistryRun.StateFor(_tree, _root, defaultRegistry: true).Registry;
    }

    [Benchmark(Description = "embedded registry: parse the YAML")]
    public int EmbeddedParse() => NativeRegistryParser.Parse(_embedded).Parameters.Length;

    [Benchmark(Description = "embedded registry: load the compact data (as the analyzer does)")]
    public int EmbeddedLoad() => EmbeddedRegistryFormat.Read(_embeddedData).Parameters.Length;

    [Benchmark(Description = "OpenFisca tree: parse every file and merge (no cache)")]
    public int OpenFiscaTreeParseAndMerge()
    {
        var prefix = _root.Replace('\\', '/').TrimEnd('/') + "/";
        var inputs = new List<RegistryFileInput>(_tree.Length);
        foreach (var file in _tree)
        {
            var relative = file.Path.Replace('\\', '/').Substring(prefix.Length);
            if (relative.EndsWith("index.yaml", StringComparison.Ordinal) || RegistryKeys.FromRelativePath(relative) is not { } key || !RegistryKeys.IsValidOpenFiscaName(key))
            {
                continue;
            }

            inputs.Add(new RegistryFileInput(file.Path, RegistryFileKind.OpenFisca, key, OpenFiscaParameterParser.Parse(file.GetText()!), null));
        }

        return RegistryMerger.Merge(includeEmbedded: false, inputs.ToImmutableArray()).Count;
    }

    [Benchmark(Description = "new compilation, same registry text objects (IDE)")]
    public int NewCompilationSameTexts() => RegistryRun.StateFor(_tree, _root, defaultRegistry: true).Registry.Count;

    [Benchmark(Description = "new compilation, new texts of the same content (build server)")]
    public int NewCompilationSameContent()
    {
        var copies = _treeContents.Select(c => (AdditionalText)new InMemoryAdditionalText(c.Path, SourceText.From(c.Text))).ToImmutableArray();
        return RegistryRun.StateFor(copies, _root, defaultRegistry: true).Registry.Count;
    }
}
