using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using LegalRules.Analysis;
using LegalRules.Cli.Audit;
using LegalRules.Registry;
using LegalRules.Registry.Sources;
using LegalRules.Registry.Yaml;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Cli.Registries;

/// <summary>A registry, bindings or OpenFisca file named on the command line, parsed by the analyzer's own readers.</summary>
/// <param name="Display">The path as the user wrote it (a folder's files under the folder as written).</param>
internal sealed record CheckedFile(string Display, string FullPath, RegistryFileInput Input);

/// <summary>
/// Turns the files and folders given to <c>legalrules registry</c> into the analyzer's registry
/// inputs, read as the analyzer reads them: native files (<c>*.legal.yaml</c>), bindings files
/// (<c>*.legal-bindings.yaml</c>), and OpenFisca trees — a folder holding any other YAML file is read
/// as the root of one, a file's key being its path under that root.
/// </summary>
internal static class RegistrySources
{
    private static readonly EnumerationOptions Recursive = new() { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive, AttributesToSkip = FileAttributes.Hidden };

    /// <summary>Reads every file under the given paths.</summary>
    /// <exception cref="AuditInputException">A path does not exist, names no registry file, or cannot be read.</exception>
    public static List<CheckedFile> Read(IEnumerable<string> paths, Func<string, object?[], string> message)
    {
        var files = new List<CheckedFile>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (File.Exists(full))
            {
                var kind = Kind(full) ?? throw new AuditInputException(message("Input_NotRegistryInput", new object?[] { path }));

                // A single OpenFisca file: its key is its name, as at the root of a tree.
                files.Add(ReadFile(path, full, kind, kind == RegistryFileKind.OpenFisca ? RegistryKeys.FromRelativePath(Path.GetFileName(full)) : null, message));
            }
            else if (Directory.Exists(full))
            {
                var yaml = Directory.EnumerateFiles(full, "*", Recursive)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (yaml.Count == 0)
                {
                    throw new AuditInputException(message("Input_NoRegistryFiles", new object?[] { path }));
                }

                foreach (var file in yaml)
                {
                    var relative = Path.GetRelativePath(full, file).Replace(Path.DirectorySeparatorChar, '/');
                    var display = Path.Combine(path, relative.Replace('/', Path.DirectorySeparatorChar));
                    var kind = Kind(file)!.Value;
                    files.Add(ReadFile(display, file, kind, kind == RegistryFileKind.OpenFisca ? RegistryKeys.FromRelativePath(relative) : null, message));
                }
            }
            else
            {
                throw new AuditInputException(message("Input_PathNotFound", new object?[] { "registry", path }));
            }
        }

        return files;
    }

    /// <summary>Native and bindings files by their suffix; any other YAML file is part of an OpenFisca tree.</summary>
    private static RegistryFileKind? Kind(string path)
    {
        if (path.EndsWith(RegistryInputs.BindingsSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return RegistryFileKind.Bindings;
        }

        if (path.EndsWith(RegistryInputs.NativeSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return RegistryFileKind.Native;
        }

        return path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            ? RegistryFileKind.OpenFisca
            : null;
    }

    private static CheckedFile ReadFile(string display, string full, RegistryFileKind kind, string? key, Func<string, object?[], string> message)
    {
        SourceText text;
        try
        {
            text = SourceFileReader.ReadOrThrow(full);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new AuditInputException(message("Input_UnreadableRegistry", new object?[] { display, exception.Message }), exception);
        }

        var name = Path.GetFileName(full);
        RegistryFileInput input = kind switch
        {
            RegistryFileKind.Bindings => new RegistryFileInput(full, kind, null, null, BindingsFileParser.Parse(text)),
            RegistryFileKind.Native => new RegistryFileInput(full, kind, null, NativeRegistryParser.Parse(text), null),

            // index.yaml holds a node's metadata only: its YAML must read, it declares no parameter.
            _ when name is "index.yaml" or "index.yml" => new RegistryFileInput(full, kind, null, new ParsedRegistryFile(null, ImmutableArray<StatutoryParameter>.Empty, YamlTreeReader.Read(text).Faults.ToImmutableArray()), null),
            _ when key is null || !RegistryKeys.IsValidOpenFiscaName(key) => new RegistryFileInput(full, kind, key, new ParsedRegistryFile(null, ImmutableArray<StatutoryParameter>.Empty, ImmutableArray.Create(RegistryFault.At(new FileSpan(default, default), FaultCode.InvalidKey, key ?? name))), null),
            _ => new RegistryFileInput(full, kind, key, OpenFiscaParameterParser.Parse(text), null),
        };
        return new CheckedFile(display, full, input);
    }

    /// <summary>The registry these files make, merged after the embedded one when it is wanted.</summary>
    public static StatutoryRegistry Merge(bool includeEmbedded, IEnumerable<CheckedFile> files)
        => RegistryMerger.Merge(includeEmbedded, files.Select(f => f.Input).Where(i => i.Kind == RegistryFileKind.Native || (i.Kind == RegistryFileKind.OpenFisca && i.Key is not null)).OrderBy(i => i.Path, StringComparer.Ordinal).ToImmutableArray());
}
