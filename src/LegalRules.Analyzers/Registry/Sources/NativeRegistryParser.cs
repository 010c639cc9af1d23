using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LegalRules.Registry.Yaml;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Registry.Sources;

/// <summary>Reads a native registry file (<c>*.legal.yaml</c>): many parameters in one file.</summary>
internal static class NativeRegistryParser
{
    public static ParsedRegistryFile Parse(SourceText text, CancellationToken cancellationToken = default)
    {
        var read = YamlTreeReader.Read(text, cancellationToken);
        var faults = new List<RegistryFault>(read.Faults);
        var parameters = new List<StatutoryParameter>();
        string? name = null;

        if (read.Root is null)
        {
            if (faults.Count == 0)
            {
                faults.Add(RegistryFault.At(text, new TextSpan(0, 0), FaultCode.EmptyFile, "parameters"));
            }
        }
        else if (read.Root is not YamlMapping root)
        {
            if (read.Root.IsComplete)
            {
                faults.Add(RegistryFault.At(read.Root, FaultCode.ExpectedMapping, "registry", read.Root.KindName));
            }
        }
        else
        {
            foreach (var section in root.Entries)
            {
                switch (section.Key.Value)
                {
                    case "registry":
                        if (section.Value is YamlMapping header && header.Get("name") is YamlScalar nameScalar && !nameScalar.IsNull)
                        {
                            name = nameScalar.Value;
                        }

                        break;
                    case "parameters":
                        ReadParameters(section.Value, faults, parameters);
                        break;
                    default:
                        faults.Add(RegistryFault.At(section.Key, FaultCode.UnknownEntry, section.Key.Value, "registry, parameters"));
                        break;
                }
            }

            // A file read in part (a syntax error) may well have its section after the error.
            if (root.Get("parameters") is null && root.IsComplete)
            {
                YamlNode where = root.Entries.Count > 0 ? root.Entries[0].Key : root;
                faults.Add(RegistryFault.At(where, FaultCode.MissingSection, "parameters"));
            }
        }

        return new ParsedRegistryFile(name, parameters.ToImmutableArray(), faults.ToImmutableArray());
    }

    private static void ReadParameters(YamlNode node, List<RegistryFault> faults, List<StatutoryParameter> parameters)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return;
        }

        if (node is not YamlMapping mapping)
        {
            if (node.IsComplete)
            {
                faults.Add(RegistryFault.At(node, FaultCode.ExpectedMapping, "parameters", node.KindName));
            }

            return;
        }

        // A key declared twice is not loaded at all: which declaration the author meant is unknown,
        // and a source merged earlier (the embedded registry) then still answers for it.
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value.Trim();
            occurrences[key] = occurrences.TryGetValue(key, out var count) ? count + 1 : 1;
        }

        var reader = new ParameterEntryReader(faults, strict: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value.Trim();
            if (!RegistryKeys.IsValid(key))
            {
                faults.Add(RegistryFault.At(entry.Key, FaultCode.InvalidKey, key));
                continue;
            }

            if (!seen.Add(key))
            {
                faults.Add(RegistryFault.At(entry.Key, FaultCode.DuplicateKey, key));
                continue;
            }

            if (occurrences[key] > 1 || !entry.Value.IsComplete)
            {
                continue; // reported at the repeated key / by the tree reader
            }

            if (entry.Value is not YamlMapping body)
            {
                faults.Add(RegistryFault.At(entry.Value, FaultCode.ExpectedMapping, key, entry.Value.KindName));
                continue;
            }

            var before = parameters.Count;
            reader.Read(key, body, parameters, entry.Key);
            for (var i = before; i < parameters.Count; i++)
            {
                parameters[i] = parameters[i].WithSpan(new FileSpan(entry.Key.Span, entry.Key.LineSpan));
            }
        }
    }
}
