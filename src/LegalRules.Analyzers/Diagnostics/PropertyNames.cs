using System.Collections.Immutable;
using System.Globalization;
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
    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

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
