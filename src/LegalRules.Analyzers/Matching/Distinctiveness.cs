using System;
using System.Collections.Generic;

namespace LegalRules.Matching;

/// <summary>
/// Whether a number is distinctive enough that, equal to a statutory value, it is believably that
/// value even with no name around it to say so: <c>635.71</c>, <c>46368</c> and <c>0.5985</c> are;
/// <c>0.5</c>, <c>100</c>, <c>0.005</c>, years and well-known technical constants are not.
/// </summary>
internal static class Distinctiveness
{
    /// <summary>Significant digits from which a number is distinctive.</summary>
    public const int MinimumSignificantDigits = 4;

    private static readonly HashSet<decimal> TechnicalConstants = new()
    {
        1024m, 2048m, 4096m, 8192m, 16384m, 32768m, 65536m, 32767m, 65535m, 1048576m, 2147483647m, 4294967295m,
        86400m, 1440m, 10080m, 525600m, 31536000m, 3600000m, 86400000m,
        3.1416m, 3.14159m, 3.141593m, 3.1415926m, 3.14159265m, 2.7183m, 2.71828m, 1.4142m, 1.41421m, 0.7071m, 0.70711m,
        1.618m, 1.6180m, 9.8067m, 9.80665m, 6.2832m, 57.2958m, 0.0174533m, 1.7321m, 1.73205m, 0.5772m,
        2.54m, 25.4m, 0.4536m, 0.45359m, 1.6093m, 1.60934m, 0.3048m, 273.15m,
    };

    /// <summary>Whole numbers used as whole numbers need this magnitude too: four-digit integers are codes, ports and years far more often than amounts.</summary>
    public const decimal MinimumIntegerMagnitude = 10000m;

    /// <param name="value">The constant's exact value.</param>
    /// <param name="integerUse">True when code uses the number as an integer (not written or converted as an amount).</param>
    public static bool IsDistinctive(decimal value, bool integerUse = false)
    {
        if (integerUse && Math.Abs(value) < MinimumIntegerMagnitude)
        {
            return false;
        }

        if (value == 0m)
        {
            return false;
        }

        var magnitude = Math.Abs(value);
        if (magnitude == decimal.Truncate(magnitude) && magnitude >= 1900m && magnitude <= 2100m)
        {
            return false; // a year
        }

        if (TechnicalConstants.Contains(magnitude))
        {
            return false;
        }

        return SignificantDigits(magnitude) >= MinimumSignificantDigits;
    }

    /// <summary>The digits of the number without leading or trailing zeros: 46368 → 5, 1500 → 2, 0.005 → 1.</summary>
    public static int SignificantDigits(decimal value)
    {
        var bits = decimal.GetBits(value);
        // The 96-bit mantissa as three 32-bit words; drop trailing zeros, then count digits.
        var mantissa = new decimal(bits[0], bits[1], bits[2], false, 0);
        if (mantissa == 0m)
        {
            return 0;
        }

        while (decimal.Remainder(mantissa, 10m) == 0m)
        {
            mantissa /= 10m;
        }

        var digits = 0;
        while (mantissa >= 1m)
        {
            mantissa = decimal.Truncate(mantissa / 10m);
            digits++;
        }

        return digits;
    }
}
