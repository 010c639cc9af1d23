using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LegalRules.Registry.Yaml;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Registry.Sources;

/// <summary>
/// Reads one file of an OpenFisca parameter tree: a leaf, a scale, or a node file whose entries
/// are parameters or nodes themselves. <c>index.yaml</c> holds only node metadata and yields no
/// parameter. Keys in the result are suffixes of the file's key.
/// </summary>
internal static class OpenFiscaParameterParser
{
    // OpenFisca's reserved keys of a node ("unit" and "reference" kept there for older files): not children.
    private static readonly HashSet<string> NodeFields = new() { "description", "metadata", "documentation", "reference", "unit" };

    public static ParsedRegistryFile Parse(SourceText text, CancellationToken cancellationToken = default)
        => Parse(text, YamlTreeReader.Read(text, cancellationToken));

    /// <summary>The file from a YAML tree already read (by either of <see cref="YamlTreeReader"/>'s paths).</summary>
    internal static ParsedRegistryFile Parse(SourceText text, YamlReadResult read)
    {
        var faults = new List<RegistryFault>(read.Faults);
        var parameters = new List<StatutoryParameter>();
        switch (read.Root)
        {
            case null:
                if (faults.Count == 0)
                {
                    faults.Add(RegistryFault.At(text, new TextSpan(0, 0), FaultCode.EmptyFile, "values"));
                }

                break;
            case YamlMapping root:
                ReadNode(string.Empty, root, new ParameterEntryReader(faults, strict: false), faults, parameters);
                break;
            case { IsComplete: false }:
                break; // the tree reader reported why
            default:
                faults.Add(RegistryFault.At(read.Root, FaultCode.ExpectedMapping, "parameter", read.Root.KindName));
                break;
        }

        return new ParsedRegistryFile(null, parameters.ToImmutableArray(), faults.ToImmutableArray());
    }

    private static void ReadNode(string suffix, YamlMapping node, ParameterEntryReader reader, List<RegistryFault> faults, List<StatutoryParameter> parameters)
    {
        // The tree's depth is bounded (aliases included), so this recursion is too.
        if (ParameterEntryReader.IsParameterEntry(node))
        {
            var before = parameters.Count;
            reader.Read(suffix, node, parameters);
            for (var i = before; i < parameters.Count; i++)
            {
                parameters[i] = parameters[i].WithSpan(new FileSpan(node.Span, node.LineSpan));
            }

            return;
        }

        foreach (var entry in node.Entries)
        {
            var name = entry.Key.Value;
            if (NodeFields.Contains(name))
            {
                continue;
            }

            // Named as OpenFisca names folders, capitals included: the same name as a file or a node file.
            if (!RegistryKeys.IsValidOpenFiscaName(name) || name.IndexOf('.') >= 0)
            {
                faults.Add(RegistryFault.At(entry.Key, FaultCode.InvalidKey, name));
                continue;
            }

            if (entry.Value is YamlMapping child)
            {
                ReadNode(suffix + "." + name, child, reader, faults, parameters);
            }
            else if (entry.Value.IsComplete)
            {
                faults.Add(RegistryFault.At(entry.Value, FaultCode.ExpectedMapping, name, entry.Value.KindName));
            }
        }
    }
}
