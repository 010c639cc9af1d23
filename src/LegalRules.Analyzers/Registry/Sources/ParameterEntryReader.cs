using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using LegalRules.Registry.Yaml;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Registry.Sources;

/// <summary>
/// Reads one parameter entry — a leaf with dated values, or a scale with brackets — written as
/// OpenFisca writes it, with the native format's shorthands at entry level (<c>label</c>,
/// <c>unit</c>, <c>keywords</c>, <c>reference</c>, <c>last_value_still_valid_on</c>).
/// </summary>
internal sealed class ParameterEntryReader
{
    private static readonly HashSet<string> KnownUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "currency", "currency-EUR", "currency-FRF", "/1", "year", "month", "week", "day", "hour", "count", "people",
        "BMAF", "RSA", "PSS", "PMSS", "smic", "smic_horaire_brut", "smic_mensuel_brut", "smic_annuel",
    };

    private static readonly HashSet<string> NativeEntryFields = new(StringComparer.Ordinal)
    {
        "label", "description", "short_label", "unit", "keywords", "reference", "references", "values",
        "brackets", "metadata", "last_value_still_valid_on", "documentation",
    };

    /// <summary>What a dated value may hold besides its number (OpenFisca's, and the native shorthand).</summary>
    private static readonly HashSet<string> ValueFields = new(StringComparer.Ordinal) { "value", "reference", "references", "metadata", "unit" };

    private static readonly string[] BracketComponents = { "threshold", "rate", "amount", "average_rate", "base" };

    private readonly List<RegistryFault> _faults;
    private readonly bool _strict;

    // Set by a fault that makes the entry's data unreliable (a value skipped, a date unreadable):
    // the entry is then not loaded at all, rather than loaded with part of its history.
    private bool _entryBroken;

    /// <param name="faults">Where faults go.</param>
    /// <param name="strict">Native files are read strictly (unknown fields and units, values that
    /// are not numbers are faults); OpenFisca trees as OpenFisca reads them (texts, lists and
    /// booleans are values, units are open-ended).</param>
    public ParameterEntryReader(List<RegistryFault> faults, bool strict)
    {
        _faults = faults;
        _strict = strict;
    }

    /// <summary>
    /// True for what OpenFisca reads as a parameter rather than a node: a mapping with
    /// <c>values</c> or <c>brackets</c>, or the short form whose keys are all dates.
    /// </summary>
    public static bool IsParameterEntry(YamlMapping mapping) => mapping.Get("values") is not null || mapping.Get("brackets") is not null || IsShortForm(mapping);

    /// <summary>The short form of a leaf, values without <c>values:</c> (<c>2024-01-01: 12</c>), as OpenFisca accepts it.</summary>
    private static bool IsShortForm(YamlMapping mapping) => AllKeysAreDates(mapping);

    /// <summary>True for a mapping with entries, all keyed by dates (a loop: no LINQ to JIT over the entries' struct type).</summary>
    private static bool AllKeysAreDates(YamlMapping mapping)
    {
        var entries = mapping.Entries;
        if (entries.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (!Dates.TryParse(entries[i].Key.Value, out _))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads an entry into parameters whose keys are <paramref name="key"/> plus a suffix for brackets.
    /// An entry with a fault in its data (dates, values, brackets) yields no parameter: a history
    /// with a value missing would give a wrong value in force. Faults in what only describes the
    /// parameter (unit, keywords, references, unknown fields) are reported and the parameter loads.
    /// </summary>
    /// <param name="name">Where the entry is named (its key in a native file), for faults about the whole entry.</param>
    public void Read(string key, YamlMapping entry, List<StatutoryParameter> into, YamlNode? name = null)
    {
        if (!entry.IsComplete)
        {
            return; // the tree reader reported why; what was read of it is only part of it
        }

        _entryBroken = false;
        var read = new List<StatutoryParameter>();
        ReadEntry(key, entry, name ?? entry, read);
        if (!_entryBroken)
        {
            into.AddRange(read);
        }
    }

    private void ReadEntry(string key, YamlMapping entry, YamlNode name, List<StatutoryParameter> into)
    {
        if (IsShortForm(entry))
        {
            into.Add(new StatutoryParameter(key, null, null, ImmutableArray<string>.Empty, ImmutableArray<LegalReference>.Empty, ReadValues(entry, null), null, RegistryOrigin.Embedded));
            return;
        }

        var metadata = entry.Get("metadata") as YamlMapping;
        if (entry.Get("metadata") is { } metadataNode && metadata is null && !IsNull(metadataNode))
        {
            Fault(metadataNode, FaultCode.ExpectedMapping, "metadata", metadataNode.KindName);
        }

        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in entry.Entries)
        {
            // Which of two 'values:' (or units, labels) applies is anyone's guess.
            if (!fields.Add(field.Key.Value))
            {
                DataFault(field.Key, FaultCode.DuplicateKey, field.Key.Value);
            }
            else if (_strict && !NativeEntryFields.Contains(field.Key.Value))
            {
                Fault(field.Key, FaultCode.UnknownEntry, field.Key.Value, string.Join(", ", NativeEntryFields.OrderBy(f => f, StringComparer.Ordinal)));
            }
        }

        var label = ScalarText(entry.Get("label")) ?? ScalarText(entry.Get("description")) ?? ScalarText(metadata?.Get("short_label")) ?? ScalarText(entry.Get("short_label"));
        var keywords = ReadKeywords(entry.Get("keywords") ?? metadata?.Get("keywords"));
        var lastValid = ReadDate(entry.Get("last_value_still_valid_on") ?? metadata?.Get("last_value_still_valid_on"));

        // A reference keyed by date applies to the value of that date; otherwise to the parameter.
        var referenceNode = entry.Get("reference") ?? entry.Get("references") ?? metadata?.Get("reference");
        var parameterReferences = ImmutableArray<LegalReference>.Empty;
        SortedDictionary<DateTime, ImmutableArray<LegalReference>>? datedReferences = null;
        if (referenceNode is YamlMapping refMap && AllKeysAreDates(refMap))
        {
            datedReferences = new SortedDictionary<DateTime, ImmutableArray<LegalReference>>();
            foreach (var dated in refMap.Entries)
            {
                if (Dates.TryParse(dated.Key.Value, out var date))
                {
                    datedReferences[date] = ReadReferences(dated.Value);
                }
            }
        }
        else if (referenceNode is not null)
        {
            parameterReferences = ReadReferences(referenceNode);
        }

        if (entry.Get("brackets") is { } bracketsNode)
        {
            ReadScale(key, entry, bracketsNode, metadata, label, keywords, parameterReferences, datedReferences, lastValid, into);
            return;
        }

        var unit = ReadUnit(entry.Get("unit") ?? metadata?.Get("unit"));
        var valuesNode = entry.Get("values");
        if (valuesNode is null)
        {
            DataFault(name, FaultCode.MissingValues, key);
            return;
        }

        var values = ReadValues(valuesNode, datedReferences);
        into.Add(new StatutoryParameter(key, label, unit, keywords, parameterReferences, values, lastValid, RegistryOrigin.Embedded));
    }

    private void ReadScale(
        string key,
        YamlMapping entry,
        YamlNode bracketsNode,
        YamlMapping? metadata,
        string? label,
        ImmutableArray<string> keywords,
        ImmutableArray<LegalReference> parameterReferences,
        SortedDictionary<DateTime, ImmutableArray<LegalReference>>? datedReferences,
        DateTime? lastValid,
        List<StatutoryParameter> into)
    {
        if (bracketsNode is not YamlSequence brackets)
        {
            if (!IsNull(bracketsNode))
            {
                DataFault(bracketsNode, FaultCode.ExpectedScalar, "brackets", bracketsNode.KindName);
            }

            return;
        }

        var rateUnit = ReadUnit(metadata?.Get("rate_unit") ?? entry.Get("rate_unit"));
        var thresholdUnit = ReadUnit(metadata?.Get("threshold_unit") ?? entry.Get("threshold_unit"));
        var amountUnit = ReadUnit(metadata?.Get("amount_unit") ?? entry.Get("amount_unit"));
        for (var i = 0; i < brackets.Items.Count; i++)
        {
            if (brackets.Items[i] is not YamlMapping bracket)
            {
                DataFault(brackets.Items[i], FaultCode.ExpectedMapping, $"brackets[{i}]", brackets.Items[i].KindName);
                continue;
            }

            if (bracket.Get("threshold") is null)
            {
                DataFault(bracket, FaultCode.BracketWithoutThreshold, i);
            }

            foreach (var component in BracketComponents)
            {
                if (bracket.Get(component) is not { } componentNode)
                {
                    continue;
                }

                var unit = component switch
                {
                    "threshold" => thresholdUnit,
                    "amount" => amountUnit,
                    _ => rateUnit,
                };
                // A component may also be written as a leaf of its own: {values: …, metadata: …}.
                if (componentNode is YamlMapping { } componentEntry && componentEntry.Get("values") is { } componentValues)
                {
                    componentNode = componentValues;
                }

                var values = ReadValues(componentNode, datedReferences);
                var componentLabel = label is null ? null : $"{label} [{i}] {component}";
                into.Add(new StatutoryParameter($"{key}.brackets[{i}].{component}", componentLabel, unit, keywords, parameterReferences, values, lastValid, RegistryOrigin.Embedded));
            }
        }
    }

    private ImmutableArray<DatedValue> ReadValues(YamlNode node, SortedDictionary<DateTime, ImmutableArray<LegalReference>>? datedReferences)
    {
        if (node is not YamlMapping mapping)
        {
            DataFault(node, FaultCode.ExpectedMapping, "values", node.KindName);
            return ImmutableArray<DatedValue>.Empty;
        }

        var values = new List<DatedValue>(mapping.Entries.Count);
        // A date has one spelling (YYYY-MM-DD): its text, trimmed, identifies it.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (!Dates.TryParse(entry.Key.Value, out var date))
            {
                DataFault(entry.Key, FaultCode.NotADate, entry.Key.Value);
                continue;
            }

            if (!seen.Add(entry.Key.Value.Trim()))
            {
                DataFault(entry.Key, FaultCode.DuplicateDate, entry.Key.Value);
                continue;
            }

            var valueNode = entry.Value;
            if (IsExpected(valueNode))
            {
                continue; // a value announced but not yet set: OpenFisca ignores it, so must we
            }

            var ownReferences = ImmutableArray<LegalReference>.Empty;
            if (valueNode is YamlMapping valueMapping && valueMapping.Get("value") is { } inner)
            {
                if (_strict)
                {
                    foreach (var field in valueMapping.Entries)
                    {
                        // {value: 3,5} reads as value 3 and a field "5": the number itself is in doubt.
                        if (!ValueFields.Contains(field.Key.Value))
                        {
                            DataFault(field.Key, FaultCode.UnknownEntry, field.Key.Value, string.Join(", ", ValueFields.OrderBy(f => f, StringComparer.Ordinal)));
                        }
                    }
                }

                var valueMetadata = valueMapping.Get("metadata") as YamlMapping;
                if ((valueMapping.Get("reference") ?? valueMapping.Get("references") ?? valueMetadata?.Get("reference")) is { } valueReference)
                {
                    ownReferences = ReadReferences(valueReference);
                }

                valueNode = inner;
            }

            if (ownReferences.IsEmpty && datedReferences is not null)
            {
                ownReferences = ReferencesFor(date, datedReferences);
            }

            var span = new FileSpan(valueNode.Span, valueNode.LineSpan);
            if (valueNode is YamlScalar scalar)
            {
                if (scalar.IsNull)
                {
                    values.Add(new DatedValue(date, null, false, ownReferences, span));
                    continue;
                }

                if (scalar.IsPlain && TryParseNumber(scalar.Value, out var number))
                {
                    values.Add(new DatedValue(date, number, true, ownReferences, span));
                    continue;
                }
            }

            if (_strict)
            {
                DataFault(valueNode, FaultCode.NotANumber, valueNode is YamlScalar s ? s.Value : valueNode.KindName);
                continue;
            }

            values.Add(new DatedValue(date, null, false, ownReferences, span) { IsOther = true });
        }

        values.Sort((a, b) => a.From.CompareTo(b.From));
        return values.ToImmutableArray();
    }

    /// <summary>
    /// OpenFisca's mark for a value announced but not in force yet: <c>2026-01-01: expected</c> or
    /// <c>{expected: 600}</c>. It is metadata, not a value.
    /// </summary>
    private static bool IsExpected(YamlNode node) => node switch
    {
        YamlScalar scalar => scalar.Value == "expected",
        YamlMapping mapping => mapping.Get("expected") is { } expected && !IsNull(expected) && !(expected is YamlScalar { IsPlain: true, Value: "false" or "False" or "FALSE" }),
        _ => false,
    };

    /// <summary>
    /// The references dated on the value's date, else the latest ones dated before it: a reference
    /// dated D is the text in force from D on, as a dated value is (OpenFisca dates a decree that
    /// sets a formula, and not each value the formula gives later).
    /// </summary>
    private static ImmutableArray<LegalReference> ReferencesFor(DateTime date, SortedDictionary<DateTime, ImmutableArray<LegalReference>> datedReferences)
    {
        var result = ImmutableArray<LegalReference>.Empty;
        foreach (var pair in datedReferences)
        {
            if (pair.Key > date)
            {
                break;
            }

            result = pair.Value;
        }

        return result;
    }

    internal static bool TryParseNumber(string text, out decimal value)
    {
        text = text.Trim().Replace("_", string.Empty);
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private ImmutableArray<LegalReference> ReadReferences(YamlNode node)
    {
        var builder = ImmutableArray.CreateBuilder<LegalReference>();
        AddReferences(node, builder);
        return builder.ToImmutable();
    }

    private void AddReferences(YamlNode node, ImmutableArray<LegalReference>.Builder builder)
    {
        switch (node)
        {
            case YamlScalar scalar when !scalar.IsNull && scalar.Value.Trim().Length > 0:
                builder.Add(new LegalReference(scalar.Value.Trim(), null));
                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (item is YamlSequence)
                    {
                        Fault(item, FaultCode.EmptyReference);
                        continue;
                    }

                    AddReferences(item, builder);
                }

                break;
            case YamlMapping mapping:
                var title = ScalarText(mapping.Get("title"));
                var href = ScalarText(mapping.Get("href"));
                if (title is null && href is null)
                {
                    Fault(mapping, FaultCode.EmptyReference);
                    break;
                }

                builder.Add(new LegalReference(title ?? href!, href));
                break;
            default:
                if (_strict)
                {
                    Fault(node, FaultCode.EmptyReference);
                }

                break;
        }
    }

    private ImmutableArray<string> ReadKeywords(YamlNode? node)
    {
        switch (node)
        {
            case null:
                return ImmutableArray<string>.Empty;
            case YamlScalar scalar:
                return scalar.IsNull ? ImmutableArray<string>.Empty : ImmutableArray.Create(scalar.Value.Trim().ToLowerInvariant());
            case YamlSequence sequence:
                var builder = ImmutableArray.CreateBuilder<string>(sequence.Items.Count);
                foreach (var item in sequence.Items)
                {
                    if (item is YamlScalar word && !word.IsNull)
                    {
                        builder.Add(word.Value.Trim().ToLowerInvariant());
                    }
                    else
                    {
                        Fault(item, FaultCode.ExpectedScalar, "keywords", item.KindName);
                    }
                }

                return builder.ToImmutable();
            default:
                Fault(node, FaultCode.ExpectedScalar, "keywords", node.KindName);
                return ImmutableArray<string>.Empty;
        }
    }

    private DateTime? ReadDate(YamlNode? node)
    {
        if (node is null || (node is YamlScalar s && s.IsNull))
        {
            return null;
        }

        if (node is YamlScalar scalar && Dates.TryParse(scalar.Value, out var date))
        {
            return date;
        }

        Fault(node, FaultCode.NotADate, node is YamlScalar text ? text.Value : node.KindName);
        return null;
    }

    private string? ReadUnit(YamlNode? node)
    {
        if (node is null || (node is YamlScalar s && s.IsNull))
        {
            return null;
        }

        if (node is not YamlScalar scalar)
        {
            Fault(node, FaultCode.ExpectedScalar, "unit", node.KindName);
            return null;
        }

        var unit = scalar.Value.Trim();
        if (_strict && !IsKnownUnit(unit))
        {
            Fault(scalar, FaultCode.UnknownUnit, unit);
        }

        return unit;
    }

    /// <summary>A known unit, or the full key of a base parameter the value is a multiple of.</summary>
    internal static bool IsKnownUnit(string unit) => KnownUnits.Contains(unit) || (unit.IndexOf('.') > 0 && RegistryKeys.IsValid(unit));

    private static string? ScalarText(YamlNode? node)
        => node is YamlScalar scalar && !scalar.IsNull && scalar.Value.Trim().Length > 0 ? scalar.Value.Trim() : null;

    private static bool IsNull(YamlNode node) => node is YamlScalar scalar && scalar.IsNull;

    private void Fault(YamlNode node, FaultCode code, params object[] arguments) => _faults.Add(RegistryFault.At(node, code, arguments));

    /// <summary>A fault that leaves the entry's history unreliable: the entry is reported and not loaded.</summary>
    private void DataFault(YamlNode node, FaultCode code, params object[] arguments)
    {
        _entryBroken = true;
        Fault(node, code, arguments);
    }
}
