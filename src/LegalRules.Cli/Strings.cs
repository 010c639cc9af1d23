using System.Globalization;
using System.Resources;

namespace LegalRules.Cli;

/// <summary>
/// The command's own texts (help, errors, report headings) in English (neutral) and French,
/// chosen like the analyzers' messages by the UI culture.
/// </summary>
internal static class Strings
{
    private static readonly ResourceManager Manager = new("LegalRules.Cli.Strings", typeof(Strings).Assembly);

    public static string Get(CultureInfo culture, string name) => Manager.GetString(name, culture) ?? name;

    public static string Format(CultureInfo culture, string name, params object?[] arguments)
        => string.Format(culture, Get(culture, name), arguments);
}
