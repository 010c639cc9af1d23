using System;
using System.Globalization;

namespace LegalRules.Registry;

/// <summary>
/// The grammar of parameter keys: dotted segments of <c>[a-z0-9_]</c> for the keys a native file
/// declares. OpenFisca-France also names some folders with capitals (<c>plafonds_par_zones/zone_A/</c>):
/// a key read from an OpenFisca tree keeps OpenFisca's name, so that a tree is used without renaming
/// anything, and what code and bindings may name accepts capitals too.
/// </summary>
internal static class RegistryKeys
{
    /// <summary>A key a native registry file may declare: dotted segments of <c>[a-z0-9_]</c>.</summary>
    public static bool IsValid(string key) => IsValid(key, allowCapitals: false);

    /// <summary>A name OpenFisca gives a parameter or a node: <c>[A-Za-z0-9_]</c>, dotted.</summary>
    public static bool IsValidOpenFiscaName(string key) => IsValid(key, allowCapitals: true);

    private static bool IsValid(string key, bool allowCapitals)
    {
        if (key.Length == 0 || key[0] == '.' || key[key.Length - 1] == '.')
        {
            return false;
        }

        var previousDot = false;
        foreach (var c in key)
        {
            if (c == '.')
            {
                if (previousDot)
                {
                    return false;
                }

                previousDot = true;
                continue;
            }

            previousDot = false;
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (allowCapitals && c >= 'A' && c <= 'Z')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A key code may name: a parameter's key (OpenFisca's included), or a bracket component of a scale (<c>a.b.brackets[0].rate</c>).</summary>
    public static bool IsValidReference(string key) => IsValidOpenFiscaName(key) || IsBracketKey(key);

    /// <summary>Keys of a scale's brackets: <c>a.b.brackets[0].rate</c>.</summary>
    public static bool IsBracketKey(string key)
    {
        var open = key.IndexOf(".brackets[", StringComparison.Ordinal);
        if (open <= 0)
        {
            return false;
        }

        var close = key.IndexOf("].", open, StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }

        var index = key.Substring(open + 10, close - open - 10);
        return IsValidOpenFiscaName(key.Substring(0, open))
            && int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && IsValid(key.Substring(close + 2));
    }

    /// <summary>The key of a file in an OpenFisca tree: its path under the root, '/' as '.', extension dropped.</summary>
    public static string? FromRelativePath(string relativePath)
    {
        var path = relativePath.Replace('\\', '/').Trim('/');
        var dot = path.LastIndexOf('.');
        if (dot <= path.LastIndexOf('/'))
        {
            return null;
        }

        return path.Substring(0, dot).Replace('/', '.');
    }
}
