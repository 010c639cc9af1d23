using System;
using System.Collections.Immutable;

namespace LegalRules.Registry;

/// <summary>
/// A statutory parameter: a dotted key, a label, a unit, optional keywords and a history of dated
/// values sorted by date. Brackets of a scale are parameters of their own
/// (<c>key.brackets[0].rate</c>).
/// </summary>
internal sealed class StatutoryParameter
{
    private ImmutableArray<string> _words;

    public StatutoryParameter(
        string key,
        string? label,
        string? unit,
        ImmutableArray<string> keywords,
        ImmutableArray<LegalReference> references,
        ImmutableArray<DatedValue> values,
        DateTime? lastValueStillValidOn,
        RegistryOrigin origin)
    {
        Key = key;
        Label = label;
        Unit = unit;
        Keywords = keywords.IsDefault ? ImmutableArray<string>.Empty : keywords;
        References = references.IsDefault ? ImmutableArray<LegalReference>.Empty : references;
        Values = values;
        LastValueStillValidOn = lastValueStillValidOn;
        Origin = origin;
    }

    public string Key { get; }

    public string? Label { get; }

    /// <summary>The label for messages: the label, else the key.</summary>
    public string DisplayLabel => string.IsNullOrWhiteSpace(Label) ? Key : Label!;

    public string? Unit { get; }

    public ImmutableArray<string> Keywords { get; }

    /// <summary>The parameter's own legal references, which apply to values that have none.</summary>
    public ImmutableArray<LegalReference> References { get; }

    /// <summary>The dated values, sorted by date, no two on the same date.</summary>
    public ImmutableArray<DatedValue> Values { get; }

    /// <summary>The last date on which the source checked that the last value still applied.</summary>
    public DateTime? LastValueStillValidOn { get; }

    /// <summary>Where the parameter was declared.</summary>
    public RegistryOrigin Origin { get; }

    /// <summary>True when at least one dated value is a number: only those can be hard-coded.</summary>
    public bool IsNumeric
    {
        get
        {
            foreach (var value in Values)
            {
                if (value.IsNumeric)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Lower-case words of the key, label and keywords that corroborate a match in code.</summary>
    internal ImmutableArray<string> Words
    {
        get
        {
            if (_words.IsDefault)
            {
                _words = Matching.NameWords.ForParameter(this);
            }

            return _words;
        }
    }

    /// <summary>The index of the dated value in force at <paramref name="date"/>, or -1 before the first.</summary>
    public int IndexAt(DateTime date)
    {
        var lo = 0;
        var hi = Values.Length - 1;
        var found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (Values[mid].From <= date)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    /// <summary>The period of the dated value at <paramref name="index"/>: its date and the last day it applied (null while in force).</summary>
    public ValuePeriod PeriodOf(int index)
    {
        var from = Values[index].From;
        DateTime? to = index + 1 < Values.Length ? Values[index + 1].From.AddDays(-1) : null;
        return new ValuePeriod(from, to);
    }

    /// <summary>
    /// The period over which the value at <paramref name="index"/> applied without a change: the dated
    /// values before and after it that restate the same number (a ceiling frozen for three years, each
    /// year by its own text) extend it. 41136 was the annual social security ceiling from 2020-01-01 to
    /// 2022-12-31, not only in 2022.
    /// </summary>
    public ValuePeriod PeriodOfValue(int index)
    {
        if (Values[index].Value is not { } value)
        {
            return PeriodOf(index);
        }

        var first = index;
        while (first > 0 && Values[first - 1].Value == value)
        {
            first--;
        }

        var last = index;
        while (last + 1 < Values.Length && Values[last + 1].Value == value)
        {
            last++;
        }

        return new ValuePeriod(Values[first].From, PeriodOf(last).To);
    }

    /// <summary>The references that apply to a dated value: its own, else the parameter's.</summary>
    public ImmutableArray<LegalReference> ReferencesOf(DatedValue value)
        => value.References.IsDefaultOrEmpty ? References : value.References;

    /// <summary>Where the parameter is declared in its file.</summary>
    public FileSpan Span { get; private set; }

    public StatutoryParameter WithKey(string key, RegistryOrigin origin)
        => new(key, Label, Unit, Keywords, References, Values, LastValueStillValidOn, origin) { Span = Span };

    public StatutoryParameter WithSpan(FileSpan span)
        => new(Key, Label, Unit, Keywords, References, Values, LastValueStillValidOn, Origin) { Span = span };

    public override string ToString() => Key;
}

/// <summary>The dates between which a value applied; <see cref="To"/> is the last day, null while in force.</summary>
internal readonly struct ValuePeriod
{
    public ValuePeriod(DateTime from, DateTime? to)
    {
        From = from;
        To = to;
    }

    public DateTime From { get; }

    public DateTime? To { get; }

    public string FromText => Dates.Format(From);

    public string ToText => To is { } to ? Dates.Format(to) : string.Empty;

    /// <summary>Language-neutral: "2025-04-01 → 2026-03-31", or "2026-04-01 →" while in force.</summary>
    public override string ToString() => To is null ? FromText + " →" : FromText + " → " + ToText;
}

/// <summary>Where parameters come from: the embedded registry, an OpenFisca tree or a native file.</summary>
internal sealed class RegistryOrigin
{
    public static readonly RegistryOrigin Embedded = new(RegistrySourceKind.Embedded, "embedded");

    public RegistryOrigin(RegistrySourceKind kind, string path)
    {
        Kind = kind;
        Path = path;
    }

    public RegistrySourceKind Kind { get; }

    /// <summary>The file's path (or "embedded").</summary>
    public string Path { get; }

    public override string ToString() => Path;
}

internal enum RegistrySourceKind
{
    Embedded,
    OpenFisca,
    Native,
}
