using System;
using System.Globalization;

namespace LegalRules.Registry;

/// <summary>Dates as the registry writes them: <c>YYYY-MM-DD</c>, nothing else.</summary>
internal static class Dates
{
    public static bool TryParse(string? text, out DateTime date)
    {
        date = default;
        if (text is null)
        {
            return false;
        }

        text = text.Trim();
        return text.Length == 10
            && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static string Format(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
