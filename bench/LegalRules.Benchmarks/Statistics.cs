using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LegalRules.Bench;

/// <summary>Median and spread of repeated measurements: what docs/performance.md reports.</summary>
internal static class Statistics
{
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>"median [min–max] (n)".</summary>
    public static string Summary(IReadOnlyCollection<double> values, string format = "0.000")
        => values.Count == 0
            ? "—"
            : string.Create(CultureInfo.InvariantCulture, $"{Median(values).ToString(format, CultureInfo.InvariantCulture)} [{values.Min().ToString(format, CultureInfo.InvariantCulture)}–{values.Max().ToString(format, CultureInfo.InvariantCulture)}] (n={values.Count})");

    /// <summary>A line the scripts read: <c>RESULT name value</c>, the value in invariant culture.</summary>
    public static void Result(string name, double value)
        => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {name} {value:0.######}"));
}
