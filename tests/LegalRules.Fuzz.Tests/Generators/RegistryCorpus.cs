using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using LegalRules.Fuzz.Infrastructure;

namespace LegalRules.Fuzz.Generators;

/// <summary>What a registry or bindings file is read as.</summary>
internal enum RegistrySeedKind
{
    Native,
    OpenFisca,
    Bindings,
}

/// <summary>A valid file to mutate, with its kind and, for OpenFisca, its path under the tree's root.</summary>
internal sealed record RegistrySeed(RegistrySeedKind Kind, string Name, string Text);

/// <summary>
/// Valid registry and bindings files to mutate: the embedded French registry, the samples' files,
/// the fuzz registry, and real OpenFisca-France parameter files read from <c>../shared/</c> at test
/// time (every leaf, scale and node file kind the tree has: one file in eight, by path).
/// </summary>
internal static class RegistryCorpus
{
    private static readonly Lazy<ImmutableArray<RegistrySeed>> LazySeeds = new(Load);

    public static ImmutableArray<RegistrySeed> Seeds => LazySeeds.Value;

    private static ImmutableArray<RegistrySeed> Load()
    {
        var builder = ImmutableArray.CreateBuilder<RegistrySeed>();
        var embedded = Path.Combine(Repository.Root, "src", "LegalRules.Analyzers", "Registry", "Embedded", "france.legal.yaml");
        builder.Add(new RegistrySeed(RegistrySeedKind.Native, "france", File.ReadAllText(embedded)));
        foreach (var file in CSharpCorpus.AdditionalFiles)
        {
            var kind = file.Path.EndsWith(".legal-bindings.yaml", StringComparison.Ordinal) ? RegistrySeedKind.Bindings : RegistrySeedKind.Native;
            builder.Add(new RegistrySeed(kind, Path.GetFileName(file.Path).Split('.')[0], file.Text));
        }

        var root = Repository.OpenFiscaParameters;
        var files = Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => Path.GetFileName(p) != "index.yaml")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Where((_, i) => i % 8 == 0);
        foreach (var relative in files)
        {
            builder.Add(new RegistrySeed(RegistrySeedKind.OpenFisca, relative, File.ReadAllText(Path.Combine(root, relative))));
        }

        return builder.ToImmutable();
    }
}
