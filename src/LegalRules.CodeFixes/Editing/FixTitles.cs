namespace LegalRules.CodeFixes.Editing;

/// <summary>Titles of code actions, in the IDE's UI culture (English or French, like the diagnostics).</summary>
internal static class FixTitles
{
    public static string Of(string name, params string[] arguments)
    {
        // LocalizableString resolves the UI culture itself: RS1035 forbids reading it here, and the
        // title is for the reader, so CA1305's invariant culture would be the wrong one.
#pragma warning disable CA1305
        return Resources.Localizable(name, arguments).ToString();
#pragma warning restore CA1305
    }
}
