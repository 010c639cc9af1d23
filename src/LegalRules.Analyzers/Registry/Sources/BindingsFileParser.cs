using System.Collections.Generic;
using System.Collections.Immutable;
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
    public static ParsedBindingsFile Parse(SourceText text)
    {
        var read = YamlTreeReader.Read(text);
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
            faults.Add(RegistryFault.At(read.Root, FaultCode.ExpectedMapping, "bindings", read.Root.KindName));
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
                    faults.Add(RegistryFault.At(root, FaultCode.MissingSection, "bindings"));
                    break;
                case YamlScalar { IsNull: true }:
                    break;
                case YamlMapping entries:
                    ReadEntries(entries, faults, bindings);
                    break;
                case { } other:
                    faults.Add(RegistryFault.At(other, FaultCode.ExpectedMapping, "bindings", other.KindName));
                    break;
            }
        }

        return new ParsedBindingsFile(bindings.ToImmutableArray(), faults.ToImmutableArray());
    }

    private static void ReadEntries(YamlMapping entries, List<RegistryFault> faults, List<BindingEntry> bindings)
    {
        var seen = new HashSet<string>();
        foreach (var entry in entries.Entries)
        {
            var target = entry.Key.Value.Trim();
            if (target.Length == 0 || target.IndexOf(' ') >= 0)
            {
                faults.Add(RegistryFault.At(entry.Key, FaultCode.InvalidBindingTarget, target));
                continue;
            }

            if (!seen.Add(target))
            {
                faults.Add(RegistryFault.At(entry.Key, FaultCode.DuplicateKey, target));
                continue;
            }

            YamlScalar? keyNode;
            System.DateTime? asOf = null;
            switch (entry.Value)
            {
                case YamlScalar scalar:
                    keyNode = scalar;
                    break;
                case YamlMapping mapping:
                    keyNode = mapping.Get("key") as YamlScalar;
                    if (mapping.Get("as_of") is { } asOfNode)
                    {
                        if (asOfNode is YamlScalar asOfScalar && Dates.TryParse(asOfScalar.Value, out var date))
                        {
                            asOf = date;
                        }
                        else
                        {
                            faults.Add(RegistryFault.At(asOfNode, FaultCode.NotADate, asOfNode is YamlScalar s ? s.Value : asOfNode.KindName));
                            continue;
                        }
                    }

                    if (keyNode is null)
                    {
                        faults.Add(RegistryFault.At(mapping, FaultCode.MissingSection, "key"));
                        continue;
                    }

                    break;
                default:
                    faults.Add(RegistryFault.At(entry.Value, FaultCode.ExpectedScalar, target, entry.Value.KindName));
                    continue;
            }

            var key = keyNode.Value.Trim();
            if (!RegistryKeys.IsValidReference(key))
            {
                faults.Add(RegistryFault.At(keyNode, FaultCode.InvalidKey, key));
                continue;
            }

            bindings.Add(new BindingEntry(target, key, asOf, new FileSpan(entry.Key.Span, entry.Key.LineSpan), new FileSpan(keyNode.Span, keyNode.LineSpan)));
        }
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
