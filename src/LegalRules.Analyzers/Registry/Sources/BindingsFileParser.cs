using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LegalRules.Registry;
using LegalRules.Registry.Yaml;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Registry.Sources;

/// <summary>
/// Reads a bindings file (<c>*.legal-bindings.yaml</c>): members of code that must not be edited,
/// bound to parameter keys, by <c>Namespace.Type.Member</c> or documentation comment id.
/// <code>
/// bindings:
///   Vendor.Calcul.CalculRsa.k1: prestations_sociales.…montant_de_base_du_rsa
///   "F:Vendor.Paie.Smic.SmicHoraireBrut": {key: marche_travail.salaire_minimum.smic.smic_b_horaire, as_of: 2024-01-01}
/// </code>
/// </summary>
internal static class BindingsFileParser
{
    private static readonly string[] EntryFields = { "as_of", "key" };

    public static ParsedBindingsFile Parse(SourceText text, CancellationToken cancellationToken = default)
    {
        var read = YamlTreeReader.Read(text, cancellationToken);
        var faults = new List<RegistryFault>(read.Faults);
        var bindings = new List<BindingEntry>();
        if (read.Root is null)
        {
            if (faults.Count == 0)
            {
                faults.Add(RegistryFault.At(text, new TextSpan(0, 0), FaultCode.EmptyFile, "bindings"));
            }
        }
        else if (read.Root is not YamlMapping root)
        {
            if (read.Root.IsComplete)
            {
                faults.Add(RegistryFault.At(read.Root, FaultCode.ExpectedMapping, "bindings", read.Root.KindName));
            }
        }
        else
        {
            foreach (var section in root.Entries)
            {
                if (section.Key.Value != "bindings")
                {
                    faults.Add(RegistryFault.At(section.Key, FaultCode.UnknownEntry, section.Key.Value, "bindings"));
                }
            }

            switch (root.Get("bindings"))
            {
                case null:
                    // A file read in part (a syntax error) may well have its section after the error.
                    if (root.IsComplete)
                    {
                        YamlNode where = root.Entries.Count > 0 ? root.Entries[0].Key : root;
                        faults.Add(RegistryFault.At(where, FaultCode.MissingSection, "bindings"));
                    }

                    break;
                case YamlScalar { IsNull: true }:
                    break;
                case YamlMapping entries:
                    ReadEntries(entries, faults, bindings);
                    break;
                case { IsComplete: true } other:
                    faults.Add(RegistryFault.At(other, FaultCode.ExpectedMapping, "bindings", other.KindName));
                    break;
            }
        }

        return new ParsedBindingsFile(bindings.ToImmutableArray(), faults.ToImmutableArray());
    }

    private static void ReadEntries(YamlMapping entries, List<RegistryFault> faults, List<BindingEntry> bindings)
    {
        // A member bound twice is not bound at all: which key the author meant is unknown.
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries.Entries)
        {
            var target = entry.Key.Value.Trim();
            occurrences[target] = occurrences.TryGetValue(target, out var count) ? count + 1 : 1;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries.Entries)
        {
            var target = entry.Key.Value.Trim();
            if (!BindingTargets.IsValid(target))
            {
                faults.Add(RegistryFault.At(entry.Key, FaultCode.InvalidBindingTarget, target));
                continue;
            }

            if (!seen.Add(target))
            {
                faults.Add(RegistryFault.At(entry.Key, FaultCode.DuplicateKey, target));
                continue;
            }

            if (occurrences[target] > 1 || !entry.Value.IsComplete)
            {
                continue; // reported at the repeated target / by the tree reader
            }

            if (ReadEntry(target, entry.Key, entry.Value, faults) is { } binding)
            {
                bindings.Add(binding);
            }
        }
    }

    /// <summary>One binding: <c>target: key</c> or <c>target: {key: …, as_of: YYYY-MM-DD}</c>; null after a fault.</summary>
    private static BindingEntry? ReadEntry(string target, YamlScalar targetNode, YamlNode value, List<RegistryFault> faults)
    {
        YamlNode? keyNode;
        DateTime? asOf = null;
        switch (value)
        {
            case YamlScalar scalar:
                keyNode = scalar;
                break;
            case YamlMapping mapping:
                var valid = true;
                foreach (var field in mapping.Entries)
                {
                    // A misspelt 'as_of' would silently bind to the value in force instead of the one asked for.
                    if (Array.IndexOf(EntryFields, field.Key.Value) < 0)
                    {
                        faults.Add(RegistryFault.At(field.Key, FaultCode.UnknownEntry, field.Key.Value, string.Join(", ", EntryFields)));
                        valid = false;
                    }
                }

                if (mapping.Get("as_of") is { } asOfNode)
                {
                    if (asOfNode is YamlScalar asOfScalar && Dates.TryParse(asOfScalar.Value, out var date))
                    {
                        asOf = date;
                    }
                    else
                    {
                        faults.Add(RegistryFault.At(asOfNode, FaultCode.NotADate, asOfNode is YamlScalar s ? s.Value : asOfNode.KindName));
                        valid = false;
                    }
                }

                keyNode = mapping.Get("key");
                if (keyNode is null)
                {
                    faults.Add(RegistryFault.At(mapping, FaultCode.MissingSection, "key"));
                    return null;
                }

                if (!valid)
                {
                    return null;
                }

                break;
            default:
                faults.Add(RegistryFault.At(value, FaultCode.ExpectedScalar, target, value.KindName));
                return null;
        }

        if (keyNode is not YamlScalar keyScalar)
        {
            faults.Add(RegistryFault.At(keyNode, FaultCode.ExpectedScalar, "key", keyNode.KindName));
            return null;
        }

        var key = keyScalar.Value.Trim();
        if (!RegistryKeys.IsValidReference(key))
        {
            faults.Add(RegistryFault.At(keyScalar, FaultCode.InvalidKey, key));
            return null;
        }

        return new BindingEntry(target, key, asOf, new FileSpan(targetNode.Span, targetNode.LineSpan), new FileSpan(keyScalar.Span, keyScalar.LineSpan));
    }
}

/// <summary>
/// What a bindings file may bind: a field or property, by <c>Namespace.Type.Member</c> (as C# displays
/// it, generic arguments included) or by documentation comment id (<c>F:…</c>, <c>P:…</c>).
/// </summary>
internal static class BindingTargets
{
    public static bool IsValid(string target)
    {
        if (target.Length > 2 && target[1] == ':')
        {
            // Only fields (constants and enum members included) and properties hold a value to check.
            return (target[0] == 'F' || target[0] == 'P') && IsDottedName(target.Substring(2), documentationId: true);
        }

        return IsDottedName(target, documentationId: false);
    }

    /// <summary>At least a type and a member: identifiers separated by dots, generic arguments allowed.</summary>
    private static bool IsDottedName(string name, bool documentationId)
    {
        var segments = 0;
        var depth = 0;
        var segmentStart = true;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (depth > 0)
            {
                depth += c == '<' || c == '{' ? 1 : c == '>' || c == '}' ? -1 : 0;
                continue;
            }

            if (segmentStart)
            {
                if (!(char.IsLetter(c) || c == '_' || c == '@'))
                {
                    return false;
                }

                segmentStart = false;
                segments++;
                continue;
            }

            switch (c)
            {
                case '.':
                    segmentStart = true;
                    break;
                case '<' when !documentationId:
                case '{' when documentationId:
                    depth = 1;
                    break;
                case '`' when documentationId:
                    break;
                default:
                    if (!(char.IsLetterOrDigit(c) || c == '_'))
                    {
                        return false;
                    }

                    break;
            }
        }

        return segments >= 2 && !segmentStart && depth == 0;
    }
}

internal sealed class ParsedBindingsFile
{
    public ParsedBindingsFile(ImmutableArray<BindingEntry> bindings, ImmutableArray<RegistryFault> faults)
    {
        Bindings = bindings;
        Faults = faults;
    }

    public ImmutableArray<BindingEntry> Bindings { get; }

    public ImmutableArray<RegistryFault> Faults { get; }
}

/// <summary>One line of a bindings file: a member, by name or documentation id, bound to a key.</summary>
internal sealed class BindingEntry
{
    public BindingEntry(string target, string key, System.DateTime? asOf, FileSpan targetSpan, FileSpan keySpan)
    {
        Target = target;
        Key = key;
        AsOf = asOf;
        TargetSpan = targetSpan;
        KeySpan = keySpan;
    }

    /// <summary><c>Namespace.Type.Member</c> or a documentation comment id (<c>F:…</c>, <c>P:…</c>).</summary>
    public string Target { get; }

    public string Key { get; }

    public System.DateTime? AsOf { get; }

    public FileSpan TargetSpan { get; }

    public FileSpan KeySpan { get; }
}
