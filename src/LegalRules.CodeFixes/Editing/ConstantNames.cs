using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LegalRules.CodeFixes.Editing;

/// <summary>
/// Names a constant extracted for a statutory parameter, from the parameter's label or key:
/// "Taux de la CRDS (revenus d'activité…)" → <c>TauxCrds</c>, "Plafond mensuel de la sécurité
/// sociale (PMSS)" → <c>Pmss</c>. PascalCase, no accents, no French glue words, at most four words.
/// </summary>
internal static class ConstantNames
{
    private const int MaximumWords = 4;

    private static readonly HashSet<string> Glue = new(StringComparer.Ordinal)
    {
        "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par", "pour", "sur", "un", "une",
        "the", "of", "for", "and",
    };

    private static readonly Regex Parenthesized = new(@"\(([^()]*)\)", RegexOptions.CultureInvariant);
    private static readonly Regex Acronym = new(@"^\s*([A-Z]{2,8})\s*$", RegexOptions.CultureInvariant);

    /// <summary>The base name for a parameter; callers add a number when it collides.</summary>
    public static string For(string? label, string key)
    {
        if (!string.IsNullOrWhiteSpace(label))
        {
            // "… (BMAF)": the acronym is what calculation code calls the parameter.
            foreach (Match match in Parenthesized.Matches(label!))
            {
                var acronym = Acronym.Match(match.Groups[1].Value);
                if (acronym.Success)
                {
                    return Pascal(new[] { acronym.Groups[1].Value });
                }
            }

            var name = Pascal(Words(Parenthesized.Replace(label!, " ")));
            if (name.Length > 0)
            {
                return name;
            }
        }

        var lastSegment = key.Substring(key.LastIndexOf('.') + 1);
        var fromKey = Pascal(Words(lastSegment));
        return fromKey.Length > 0 ? fromKey : "ValeurLegale";
    }

    /// <summary><paramref name="name"/>, or <paramref name="name"/>2, 3… — the first that <paramref name="isTaken"/> refuses.</summary>
    public static string Unique(string name, Func<string, bool> isTaken)
    {
        if (!isTaken(name))
        {
            return name;
        }

        for (var i = 2; ; i++)
        {
            var candidate = name + i.ToString(CultureInfo.InvariantCulture);
            if (!isTaken(candidate))
            {
                return candidate;
            }
        }
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in RemoveAccents(text))
        {
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                current.Append(c);
                continue;
            }

            Flush(current, words);
        }

        Flush(current, words);
        return words;
    }

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length == 0)
        {
            return;
        }

        var word = current.ToString();
        current.Clear();
        if (!Glue.Contains(word.ToLowerInvariant()))
        {
            words.Add(word);
        }
    }

    private static string Pascal(IReadOnlyList<string> words)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < words.Count && i < MaximumWords; i++)
        {
            var word = words[i];
            builder.Append(char.ToUpperInvariant(word[0])).Append(word.Substring(1).ToLowerInvariant());
        }

        // An identifier cannot start with a digit ("35 heures").
        if (builder.Length > 0 && char.IsDigit(builder[0]))
        {
            builder.Insert(0, "Valeur");
        }

        return builder.ToString();
    }

    private static string RemoveAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
