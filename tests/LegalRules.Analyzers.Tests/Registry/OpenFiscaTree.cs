using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using LegalRules.Analysis;
using LegalRules.Registry;
using LegalRules.Registry.Sources;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Tests.Registry;

/// <summary>
/// The OpenFisca-France copy of <see cref="SharedData"/>, read file by file with the product's
/// parser and merged into keys the way the analyzer does (file key + suffix, <c>index.yaml</c>
/// skipped). Read once per test run: two test classes use it.
/// </summary>
internal sealed class OpenFiscaTree
{
    private static readonly Lazy<OpenFiscaTree> LazyShared = new(() => Load(SharedData.OpenFiscaParameters));

    private OpenFiscaTree(string root, ImmutableArray<OpenFiscaFile> files, int skippedIndexFiles, StatutoryRegistry registry)
    {
        Root = root;
        Files = files;
        SkippedIndexFiles = skippedIndexFiles;
        Registry = registry;
    }

    public static OpenFiscaTree Shared => LazyShared.Value;

    public string Root { get; }

    /// <summary>The parameter files read (every <c>.yaml</c> but <c>index.yaml</c>), sorted by path.</summary>
    public ImmutableArray<OpenFiscaFile> Files { get; }

    public int SkippedIndexFiles { get; }

    /// <summary>Every parameter of the tree under its full key, merged as the analyzer merges.</summary>
    public StatutoryRegistry Registry { get; }

    public static OpenFiscaTree Load(string root)
    {
        var files = ImmutableArray.CreateBuilder<OpenFiscaFile>();
        var skipped = 0;
        foreach (var path in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (Path.GetFileName(relative) == "index.yaml")
            {
                skipped++;
                continue;
            }

            var key = RegistryKeys.FromRelativePath(relative)
                ?? throw new InvalidOperationException($"No key for '{relative}'.");
            files.Add(new OpenFiscaFile(relative, key, ReadFile(path)));
        }

        var inputs = files.Select(f => new RegistryFileInput(Path.Combine(root, f.RelativePath), RegistryFileKind.OpenFisca, f.Key, f.Parsed, null)).ToImmutableArray();
        return new OpenFiscaTree(root, files.ToImmutable(), skipped, RegistryMerger.Merge(includeEmbedded: false, inputs));
    }

    /// <summary>Parses one file of the tree; null when there is no such file.</summary>
    public static ParsedRegistryFile? TryParseFile(string root, string relativePath)
    {
        var path = Path.Combine(root, relativePath);
        return File.Exists(path) ? ReadFile(path) : null;
    }

    private static ParsedRegistryFile ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return OpenFiscaParameterParser.Parse(SourceText.From(stream));
    }
}

/// <summary>One file of an OpenFisca tree: its path under the root, its key, what the parser made of it.</summary>
internal sealed record OpenFiscaFile(string RelativePath, string Key, ParsedRegistryFile Parsed);
