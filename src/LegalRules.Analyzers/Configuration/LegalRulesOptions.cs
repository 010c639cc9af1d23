using System;
using System.Collections.Generic;
using System.Globalization;
using LegalRules.Registry;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegalRules.Configuration;

/// <summary>
/// The options of LegalRules, read from <c>.editorconfig</c> / <c>.globalconfig</c> (and the
/// MSBuild properties the package makes visible to the compiler).
/// </summary>
internal sealed class LegalRulesOptions
{
    public const string AsOfKey = "legal_rules.as_of";
    public const string DefaultRegistryKey = "legal_rules.default_registry";
    public const string HistoryYearsKey = "legal_rules.history_years";
    public const string StaleAfterMonthsKey = "legal_rules.stale_after_months";
    public const string AsOfProperty = "build_property.LegalRulesAsOf";
    public const string OpenFiscaProperty = "build_property.LegalRulesOpenFiscaParameters";
    public const string OpenFiscaRootMetadata = "build_metadata.AdditionalFiles.LegalRulesOpenFiscaRoot";

    public const int DefaultHistoryYears = 10;
    public const int DefaultStaleAfterMonths = 12;

    private LegalRulesOptions(DateTime asOf, bool defaultRegistry, int historyYears, int staleAfterMonths, IReadOnlyList<OptionFault> faults)
    {
        AsOf = asOf;
        DefaultRegistry = defaultRegistry;
        HistoryYears = historyYears;
        StaleAfterMonths = staleAfterMonths;
        Faults = faults;
    }

    /// <summary>The evaluation date: the value in force on this date is the statutory value.</summary>
    public DateTime AsOf { get; }

    /// <summary>Whether the embedded French registry is part of the registry.</summary>
    public bool DefaultRegistry { get; }

    /// <summary>How many years back a past value still counts as superseded (LR0002).</summary>
    public int HistoryYears { get; }

    /// <summary>After how many months a parameter's last check makes its data stale (LR0903).</summary>
    public int StaleAfterMonths { get; }

    /// <summary>The first day of the look-back window; the calendar's first day when the window reaches before year 1.</summary>
    public DateTime WindowStart => AsOf.Year > HistoryYears ? AsOf.AddYears(-HistoryYears) : DateTime.MinValue;

    /// <summary>Options that could not be read, with the default used instead.</summary>
    public IReadOnlyList<OptionFault> Faults { get; }

    /// <summary>Reads the options; <paramref name="today"/> is the evaluation date when none is set.</summary>
    public static LegalRulesOptions Read(AnalyzerConfigOptions options, DateTime today)
    {
        var faults = new List<OptionFault>();
        var asOf = today.Date;
        if (TryGet(options, AsOfKey, out var asOfText) || TryGet(options, AsOfProperty, out asOfText))
        {
            if (Dates.TryParse(asOfText, out var parsed))
            {
                asOf = parsed;
            }
            else
            {
                faults.Add(new OptionFault(AsOfKey, asOfText, "YYYY-MM-DD"));
            }
        }

        var defaultRegistry = true;
        if (TryGet(options, DefaultRegistryKey, out var defaultText))
        {
            if (bool.TryParse(defaultText, out var parsed))
            {
                defaultRegistry = parsed;
            }
            else
            {
                faults.Add(new OptionFault(DefaultRegistryKey, defaultText, "true | false"));
            }
        }

        var historyYears = ReadCount(options, HistoryYearsKey, DefaultHistoryYears, 0, 200, faults);
        var staleAfterMonths = ReadCount(options, StaleAfterMonthsKey, DefaultStaleAfterMonths, 1, 1200, faults);
        return new LegalRulesOptions(asOf, defaultRegistry, historyYears, staleAfterMonths, faults);
    }

    private static int ReadCount(AnalyzerConfigOptions options, string key, int fallback, int min, int max, List<OptionFault> faults)
    {
        if (!TryGet(options, key, out var text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        faults.Add(new OptionFault(key, text, $"{min}–{max}"));
        return fallback;
    }

    private static bool TryGet(AnalyzerConfigOptions options, string key, out string value)
    {
        if (options.TryGetValue(key, out var raw) && !string.IsNullOrWhiteSpace(raw))
        {
            value = raw.Trim();
            return true;
        }

        value = string.Empty;
        return false;
    }
}

/// <summary>An option whose value could not be read.</summary>
internal sealed class OptionFault
{
    public OptionFault(string key, string value, string expected)
    {
        Key = key;
        Value = value;
        Expected = expected;
    }

    public string Key { get; }

    public string Value { get; }

    public string Expected { get; }
}
