using System;
using LegalRules.Configuration;
using LegalRules.Diagnostics;
using LegalRules.Registry;
using Microsoft.CodeAnalysis;

namespace LegalRules.Rules;

/// <summary>
/// The checks of the registry's data that code relies on, reported where the code relies on it:
/// a dated value that cites no legal text (LR0902), a parameter whose last confirmation is older
/// than the configured age at the evaluation date (LR0903).
/// </summary>
internal static class LegalDataChecks
{
    /// <param name="bound">True where the code is bound to the parameter: only bound code relies on the
    /// registry being current, so staleness (LR0903) is reported there and not on mere matches.</param>
    public static void Report(Action<Diagnostic> report, StatutoryParameter parameter, int index, DateTime date, LegalRulesOptions options, Location location, bool bound)
    {
        var value = parameter.Values[index];
        var period = parameter.PeriodOf(index);
        if (parameter.ReferencesOf(value).IsDefaultOrEmpty)
        {
            var properties = DiagnosticData.ForValue(parameter, index, null, date);
            report(Diagnostic.Create(
                Descriptors.ValueWithoutReference,
                location,
                properties.ToImmutable(),
                value.Value is { } number ? DiagnosticData.Number(number) : "null",
                parameter.Key,
                parameter.DisplayLabel,
                period.ToString()));
        }

        if (bound && index == parameter.Values.Length - 1 && parameter.LastValueStillValidOn is { } confirmed && IsStale(confirmed, options.StaleAfterMonths, date))
        {
            var properties = DiagnosticData.ForValue(parameter, index, null, date);
            properties["lastValueStillValidOn"] = Dates.Format(confirmed);
            report(Diagnostic.Create(
                Descriptors.StaleData,
                location,
                properties.ToImmutable(),
                parameter.Key,
                parameter.DisplayLabel,
                Dates.Format(confirmed),
                options.StaleAfterMonths,
                Dates.Format(date)));
        }
    }

    /// <summary>More than <paramref name="months"/> months between the confirmation and the date; a file may confirm up to 9999-12-31, past which no month can be added.</summary>
    private static bool IsStale(DateTime confirmed, int months, DateTime date)
        => confirmed <= DateTime.MaxValue.AddMonths(-months) && confirmed.AddMonths(months) < date;
}
