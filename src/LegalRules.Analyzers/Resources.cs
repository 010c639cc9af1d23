using System.Globalization;
using System.Resources;
using Microsoft.CodeAnalysis;

namespace LegalRules;

/// <summary>
/// Messages of the analyzers, in English (neutral) and French (satellite assembly). Analyzers
/// hand out <see cref="LocalizableString"/>s, formatted in the culture of whoever reads them.
/// </summary>
internal static class Resources
{
    public static ResourceManager ResourceManager { get; } = new("LegalRules.Resources", typeof(Resources).Assembly);

    public static LocalizableString Localizable(string name, params string[] arguments)
        => new LocalizableResourceString(name, ResourceManager, typeof(Resources), arguments);

    /// <summary>A message in an explicit culture, for tools that print outside a diagnostic.</summary>
    public static string Format(CultureInfo culture, string name, params object[] arguments)
        => string.Format(culture, ResourceManager.GetString(name, culture) ?? name, arguments);
}
