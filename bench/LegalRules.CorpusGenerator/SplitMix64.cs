namespace LegalRules.Bench.Corpus;

/// <summary>
/// A small seeded generator (SplitMix64). Written out rather than <see cref="System.Random"/> so that
/// the corpus is the same on every runtime version: the benchmark input must not drift.
/// </summary>
internal sealed class SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed)
    {
        _state = seed;
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public int Next(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min));

    /// <summary>True with probability <paramref name="percent"/> / 100.</summary>
    public bool Chance(int percent) => Next(0, 100) < percent;

    public T Pick<T>(System.Collections.Generic.IReadOnlyList<T> items) => items[Next(0, items.Count)];
}
