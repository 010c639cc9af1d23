using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using LegalRules.Registry;

namespace LegalRules.Diagnostics;

/// <summary>
/// The names of the data a diagnostic carries in <c>Diagnostic.Properties</c>, for code fixes and
/// reports. Dates are <c>YYYY-MM-DD</c>; <c>validTo</c> is the last day the statutory value applied,
/// empty while it is in force; numbers use the invariant culture.
/// </summary>
public static class PropertyNames
{
    public const string Key = "key";
    public const string Label = "label";
    public const string Found = "found";
    public const string Statutory = "statutory";
    public const string ValidFrom = "validFrom";
    public const string ValidTo = "validTo";
    public const string ReferenceTitle = "referenceTitle";
    public const string ReferenceHref = "referenceHref";
    public const string AsOf = "asOf";
    public const string FoundValidFrom = "foundValidFrom";
    public const string FoundValidTo = "foundValidTo";
    public const string NearestKeys = "nearestKeys";
    public const string Unit = "unit";
}

internal static class DiagnosticData
{
    // The properties of the findings of an unbound value, kept with the parameter (the registry is
    // kept across compilations while its text is unchanged): a project repeats the same few values.
    private static readonly ConditionalWeakTable<StatutoryParameter, ConcurrentDictionary<FoundValue, ImmutableDictionary<string, string?>>> ByParameter = new();
    private static readonly ConditionalWeakTable<StatutoryParameter, ConcurrentDictionary<FoundValue, ImmutableDictionary<string, string?>>>.CreateValueCallback NewTable = _ => new();

    // Beyond this many kinds of findings for one parameter, properties are built each time.
    private const int MaxKeptPerParameter = 256;

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The properties of a finding of <paramref name="found"/>, a value of <paramref name="parameter"/>
    /// hard-coded without binding: <see cref="ForValue"/> for the value in force at <paramref name="index"/>
    /// (-1 when none), and, when the value found is a past one (<paramref name="foundIndex"/> ≥ 0), the
    /// period of that value. The same properties each time for the same arguments, built once.
    /// </summary>
    public static ImmutableDictionary<string, string?> ForUnboundValue(StatutoryParameter parameter, int index, string found, System.DateTime asOf, int foundIndex)
    {
        var key = new FoundValue(index, found, asOf, foundIndex);
        var table = ByParameter.GetValue(parameter, NewTable);
        if (table.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var builder = ForValue(parameter, index, found, asOf);
        if (foundIndex >= 0)
        {
            var foundPeriod = parameter.PeriodOfValue(foundIndex);
            builder[PropertyNames.FoundValidFrom] = foundPeriod.FromText;
            builder[PropertyNames.FoundValidTo] = foundPeriod.ToText;
        }

        var properties = builder.ToImmutable();
        return table.Count < MaxKeptPerParameter ? table.GetOrAdd(key, properties) : properties;
    }

    private readonly struct FoundValue : System.IEquatable<FoundValue>
    {
        private readonly int _index;
        private readonly string _found;
        private readonly System.DateTime _asOf;
        private readonly int _foundIndex;

        public FoundValue(int index, string found, System.DateTime asOf, int foundIndex)
        {
            _index = index;
            _found = found;
            _asOf = asOf;
            _foundIndex = foundIndex;
        }

        public bool Equals(FoundValue other)
            => _index == other._index && _foundIndex == other._foundIndex && _asOf == other._asOf && string.Equals(_found, other._found, System.StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is FoundValue other && Equals(other);

        public override int GetHashCode()
            => unchecked((((_index * 397) ^ _foundIndex) * 397 ^ _asOf.GetHashCode()) * 397 ^ System.StringComparer.Ordinal.GetHashCode(_found));
    }

    /// <summary>The properties describing a parameter's value and its period.</summary>
    public static ImmutableDictionary<string, string?>.Builder ForValue(StatutoryParameter parameter, int index, string? found, System.DateTime asOf)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        builder[PropertyNames.Key] = parameter.Key;
        builder[PropertyNames.Label] = parameter.DisplayLabel;
        builder[PropertyNames.AsOf] = Dates.Format(asOf);
        if (parameter.Unit is not null)
        {
            builder[PropertyNames.Unit] = parameter.Unit;
        }

        if (found is not null)
        {
            builder[PropertyNames.Found] = found;
        }

        if (index >= 0)
        {
            var value = parameter.Values[index];
            var period = parameter.PeriodOf(index);
            var references = parameter.ReferencesOf(value);
            builder[PropertyNames.Statutory] = value.Value is { } number ? Number(number) : string.Empty;
            builder[PropertyNames.ValidFrom] = period.FromText;
            builder[PropertyNames.ValidTo] = period.ToText;
            builder[PropertyNames.ReferenceTitle] = LegalReference.Titles(references);
            builder[PropertyNames.ReferenceHref] = LegalReference.FirstHref(references) ?? string.Empty;
        }

        return builder;
    }
}
