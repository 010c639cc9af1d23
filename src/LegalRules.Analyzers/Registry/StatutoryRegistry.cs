using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace LegalRules.Registry;

/// <summary>
/// The merged registry of one compilation: parameters by key, and an index of numeric values so
/// that a constant in code is looked up without scanning the registry.
/// </summary>
internal sealed class StatutoryRegistry
{
    public static readonly StatutoryRegistry Empty = new(Array.Empty<StatutoryParameter>());

    private readonly Dictionary<string, StatutoryParameter> _byKey;
    private readonly Dictionary<decimal, ImmutableArray<ValueOccurrence>> _byValue;
    private readonly HashSet<double> _approximateValues;
    private string[]? _sortedKeys;

    public StatutoryRegistry(IEnumerable<StatutoryParameter> parameters)
    {
        _byKey = new Dictionary<string, StatutoryParameter>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            _byKey[parameter.Key] = parameter;
        }

        var byValue = new Dictionary<decimal, List<ValueOccurrence>>();
        _approximateValues = new HashSet<double>();
        foreach (var parameter in _byKey.Values)
        {
            for (var i = 0; i < parameter.Values.Length; i++)
            {
                // 0 and 1 mean "none" and "all" far more often than they mean a statutory value.
                if (parameter.Values[i].Value is not { } value || value == 0m || value == 1m || value == -1m)
                {
                    continue;
                }

                if (!byValue.TryGetValue(value, out var list))
                {
                    byValue[value] = list = new List<ValueOccurrence>(1);
                    _approximateValues.Add((double)value);
                }

                list.Add(new ValueOccurrence(parameter, i));
            }
        }

        // A loop rather than LINQ's ToDictionary: generic code over these value types is compiled at
        // first use, and the first use is in a fresh compiler.
        _byValue = new Dictionary<decimal, ImmutableArray<ValueOccurrence>>(byValue.Count);
        foreach (var pair in byValue)
        {
            _byValue.Add(pair.Key, ImmutableArray.CreateRange(pair.Value));
        }
    }

    public int Count => _byKey.Count;

    public IEnumerable<StatutoryParameter> Parameters => _byKey.Values;

    public bool TryGetParameter(string key, out StatutoryParameter parameter) => _byKey.TryGetValue(key, out parameter!);

    /// <summary>Every dated value equal to <paramref name="value"/>, in any parameter (0 and ±1 are not indexed).</summary>
    public ImmutableArray<ValueOccurrence> Find(decimal value)
        => _byValue.TryGetValue(value, out var found) ? found : ImmutableArray<ValueOccurrence>.Empty;

    /// <summary>
    /// A cheap first test for a binary floating-point constant, before reading it exactly. A literal
    /// is the double nearest a decimal; folded arithmetic may not be (<c>5.9 / 100</c> is
    /// 0.059000000000000004): such a constant is read as the decimal of its 15 significant digits,
    /// as it is read exactly afterwards.
    /// </summary>
    public bool MayContain(double value)
        => _approximateValues.Contains(value)
            || (!double.IsNaN(value) && Math.Abs(value) < 7.9e28 && _approximateValues.Contains((double)(decimal)value));

    /// <summary>The known keys nearest to <paramref name="key"/>, for a misspelt binding.</summary>
    public ImmutableArray<string> NearestKeys(string key, int count)
    {
        _sortedKeys ??= _byKey.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
        var limit = Math.Max(3, key.Length / 3);
        return _sortedKeys
            // The edit distance is at least the difference in length (halved for keys that end alike):
            // keys too long or too short to be near are not compared, or a key a megabyte long takes hours.
            .Where(k => Math.Abs(k.Length - key.Length) <= (2 * limit) + 1)
            .Select(k => (Key: k, Distance: KeyDistance(key, k)))
            .Where(p => p.Distance <= limit)
            .OrderBy(p => p.Distance)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(p => p.Key)
            .ToImmutableArray();
    }

    /// <summary>Edit distance between keys; a key that ends like the other is near (a typo in the path).</summary>
    private static int KeyDistance(string a, string b)
    {
        var lastA = a.Substring(a.LastIndexOf('.') + 1);
        var lastB = b.Substring(b.LastIndexOf('.') + 1);
        var whole = Levenshtein(a, b);
        return lastA == lastB ? whole / 2 : whole;
    }

    internal static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

/// <summary>A dated value of a parameter, found by value.</summary>
internal readonly struct ValueOccurrence
{
    public ValueOccurrence(StatutoryParameter parameter, int index)
    {
        Parameter = parameter;
        Index = index;
    }

    public StatutoryParameter Parameter { get; }

    public int Index { get; }

    public DatedValue Value => Parameter.Values[Index];

    public ValuePeriod Period => Parameter.PeriodOf(Index);
}
