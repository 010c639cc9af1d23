using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.Configuration;
using LegalRules.Registry;
using LegalRules.Registry.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Analysis;

/// <summary>What an additional file is to LegalRules.</summary>
internal enum RegistryFileKind
{
    Native,
    OpenFisca,
    Bindings,
}

/// <summary>A registry or bindings file of the compilation, parsed (from the cache).</summary>
internal sealed class RegistryFileInput
{
    public RegistryFileInput(string path, RegistryFileKind kind, string? key, ParsedRegistryFile? registry, ParsedBindingsFile? bindings)
    {
        Path = path;
        Kind = kind;
        Key = key;
        Registry = registry;
        Bindings = bindings;
    }

    public string Path { get; }

    public RegistryFileKind Kind { get; }

    /// <summary>For an OpenFisca file, the key its path gives.</summary>
    public string? Key { get; }

    public ParsedRegistryFile? Registry { get; }

    public ParsedBindingsFile? Bindings { get; }

    public ImmutableArray<RegistryFault> Faults => Registry?.Faults ?? Bindings?.Faults ?? ImmutableArray<RegistryFault>.Empty;
}

/// <summary>Finds and parses the registry and bindings files among a compilation's additional files.</summary>
internal static class RegistryInputs
{
    public const string NativeSuffix = ".legal.yaml";
    public const string BindingsSuffix = ".legal-bindings.yaml";

    /// <summary>From how many registry files parsing is spread over the cores (a few files are parsed faster in line).</summary>
    private const int ParallelFrom = 16;

    public static ImmutableArray<RegistryFileInput> Collect(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var globalRoot = options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(LegalRulesOptions.OpenFiscaProperty, out var root) && !string.IsNullOrWhiteSpace(root)
            ? NormalizeDirectory(root)
            : null;

        var found = new List<(string Path, RegistryFileKind Kind, string? Key, SourceText Text)>();

        // Additional files come in no particular order: sort by path so the merge is deterministic.
        foreach (var file in options.AdditionalFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = file.Path;
            var kind = Classify(path, options, file, globalRoot, out var key);
            if (kind is null)
            {
                continue;
            }

            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                continue;
            }

            found.Add((path, kind.Value, key, text));
        }

        var inputs = new RegistryFileInput[found.Count];
        if (found.Count >= ParallelFrom)
        {
            // A whole OpenFisca tree is some 1,800 files: parsing them is most of its cold cost, and
            // files are independent. Each result goes to its file's index, so the order stays the same.
            Parallel.For(0, found.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => inputs[i] = Parse(found[i], cancellationToken));
        }
        else
        {
            for (var i = 0; i < found.Count; i++)
            {
                inputs[i] = Parse(found[i], cancellationToken);
            }
        }

        return ImmutableArray.Create(inputs);
    }

    private static RegistryFileInput Parse((string Path, RegistryFileKind Kind, string? Key, SourceText Text) file, CancellationToken cancellationToken)
    {
        var (path, kind, key, text) = file;
        return kind switch
        {
            RegistryFileKind.Bindings => new RegistryFileInput(path, kind, null, null, ParsedFiles.Bindings.Get(text, cancellationToken)),
            RegistryFileKind.Native => new RegistryFileInput(path, kind, null, ParsedFiles.Native.Get(text, cancellationToken), null),
            _ when !RegistryKeys.IsValidOpenFiscaName(key!) => new RegistryFileInput(path, kind, key, InvalidFileKey(key!), null),
            _ => new RegistryFileInput(path, kind, key, ParsedFiles.OpenFisca.Get(text, cancellationToken), null),
        };
    }

    private static RegistryFileKind? Classify(string path, AnalyzerOptions options, AdditionalText file, string? globalRoot, out string? key)
    {
        key = null;
        if (path.EndsWith(BindingsSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return RegistryFileKind.Bindings;
        }

        if (path.EndsWith(NativeSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return RegistryFileKind.Native;
        }

        if (!path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var root = options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(LegalRulesOptions.OpenFiscaRootMetadata, out var fileRoot) && !string.IsNullOrWhiteSpace(fileRoot)
            ? NormalizeDirectory(fileRoot)
            : globalRoot;
        if (root is null)
        {
            return null;
        }

        var normalized = path.Replace('\\', '/');
        if (!normalized.StartsWith(root, StringComparison.Ordinal))
        {
            return null;
        }

        var relative = normalized.Substring(root.Length);
        var name = relative.Substring(relative.LastIndexOf('/') + 1);
        if (name is "index.yaml" or "index.yml")
        {
            return null; // node metadata only
        }

        key = RegistryKeys.FromRelativePath(relative);
        return key is null ? null : RegistryFileKind.OpenFisca;
    }

    /// <summary>A file of an OpenFisca tree whose path gives no valid key (<c>montant-2024.yaml</c>): nobody could bind it.</summary>
    private static ParsedRegistryFile InvalidFileKey(string key)
        => new(
            null,
            ImmutableArray<StatutoryParameter>.Empty,
            ImmutableArray.Create(RegistryFault.At(new FileSpan(default, default), FaultCode.InvalidKey, key)));

    /// <summary>A directory as a prefix: forward slashes, one trailing slash.</summary>
    private static string NormalizeDirectory(string directory) => directory.Trim().Replace('\\', '/').TrimEnd('/') + "/";
}
