using System;
using System.Globalization;

namespace LegalRules.Registry;

/// <summary>Dates as the registry writes them: <c>YYYY-MM-DD</c>, nothing else.</summary>
internal static class Dates
{
    /// <summary>
    /// Reads <c>YYYY-MM-DD</c> (ASCII digits, a real date), surrounding white space ignored: what
    /// <c>DateTime.TryParseExact(text, "yyyy-MM-dd", InvariantCulture)</c> accepts, read by hand
    /// because the framework's date parser costs some 9 ms to start in a fresh process.
    /// </summary>
    public static bool TryParse(string? text, out DateTime date)
    {
        date = default;
        if (text is null)
        {
            return false;
        }

        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end - start != 10 || text[start + 4] != '-' || text[start + 7] != '-')
        {
            return false;
        }

        var year = Digits(text, start, 4);
        var month = Digits(text, start + 5, 2);
        var day = Digits(text, start + 8, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTime(year, month, day);
        return true;
    }

    public static string Format(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The number the ASCII digits at <paramref name="start"/> write, or -1.</summary>
    private static int Digits(string text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return -1;
            }

            value = (value * 10) + digit;
        }

        return value;
    }
}
