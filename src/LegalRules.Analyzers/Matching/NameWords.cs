using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Threading;
using LegalRules.Registry;
using LegalRules.Rules;

namespace LegalRules.Matching;

/// <summary>
/// Words of identifiers and of parameters, compared to decide whether the names around a constant
/// corroborate a parameter: <c>CRDSNonDeductible</c> shares "crds" with the CRDS rate; <c>epsilon</c>
/// shares nothing. Generic words (taux, montant, rate, value…) corroborate nothing.
/// </summary>
internal static class NameWords
{
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        // French and English glue and generic nouns of calculation code.
        "de", "du", "des", "la", "le", "les", "et", "en", "par", "pour", "sur", "avec", "sans", "au", "aux", "un", "une", "ou", "dans",
        // A label's negation and verb ("n'est pas versée"); in code, "pas" is a step (PasArrondiMinutes).
        "pas", "est", "ne",
        "the", "of", "for", "and", "per", "by", "to", "in", "on", "or", "with", "from",
        "taux", "rate", "ratio", "montant", "amount", "valeur", "value", "val", "base", "total", "max", "min", "maximum", "minimum",
        "get", "set", "calcul", "calculer", "calcule", "compute", "calculate", "default", "const", "constant", "param", "parametre",
        "parameter", "coef", "coefficient", "prix", "price", "new", "old", "cas", "case", "nombre", "number", "count", "index",
        "annuel", "annuelle", "mensuel", "mensuelle", "horaire", "journalier", "annual", "monthly", "hourly", "daily", "year",
        "month", "hour", "day", "annee", "mois", "heure", "jour", "personne", "person", "result", "resultat", "data", "info",
        "prestation", "sociale", "sociaux", "social", "prelevement", "contribution", "generale", "solidarite", "insertion",
        "minima", "marche", "travail", "etat", "sante", "revenu", "income", "seuil", "threshold", "limit", "limite",
        "tranche", "bracket", "brackets", "bareme", "scale", "echelon", "step", "average", "non", "sum", "somme", "brut", "net", "gross",
        "fraction", "share", "part",
        // A flat fee or package in any French business code (forfait social, forfait mobile); the
        // statutory flat rates are named by what they are for (logement, charges).
        "forfait",
        // What every household has and pays: a rent, charges. Their ceilings and allowances are named by more.
        "loyer", "rent", "charge",
        // Aid: every benefit is one; "aides_logement" names fifteen parameters of the embedded registry.
        "aide", "aid",
        // Words that name people, places and periods in any business code.
        "deux", "trois", "quatre", "seul", "seule", "couple", "age", "ages", "heure", "duree", "legale", "legal", "plein",
        "reduit", "median", "global", "globale", "enfant", "supplementaire", "troisieme", "prime", "foyer", "metropole",
        "france", "remplacement", "general", "mensuelle", "annuelle", "applique", "appliquee", "partir",
    };

    // Schemes that English code names in two ordinary words: the prime d'activité (ActivityBonus). Each
    // word alone is a game's or a fitness tracker's; together they are one word, and one word only.
    private static readonly (string First, string Second, string Joined)[] Compounds = { ("activity", "bonus", "activitybonus") };

    /// <summary>The one word that <paramref name="first"/> followed by <paramref name="second"/> make, or null.</summary>
    private static string? CompoundOf(string first, string second)
    {
        foreach (var compound in Compounds)
        {
            if (compound.First == first && compound.Second == second)
            {
                return compound.Joined;
            }
        }

        return null;
    }

    /// <summary>The words of a parameter: its key's segments, its label and its keywords, less generic words.</summary>
    public static ImmutableArray<string> ForParameter(StatutoryParameter parameter)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var keyword in parameter.Keywords)
        {
            // Keywords may be acronyms of two letters (af, cf); generic words corroborate nothing even there.
            var normalized = Stem(Normalize(keyword));
            if (normalized.Length >= 2 && !Generic.Contains(normalized))
            {
                words.Add(normalized);
            }
        }

        AddWords(parameter.Key, words, minimumLength: 3);
        if (parameter.Label is not null)
        {
            AddWords(parameter.Label, words, minimumLength: 3);
        }

        var result = new List<string>(words);
        result.Sort(StringComparer.Ordinal);
        return result.ToImmutableArray();
    }

    /// <summary>Adds the significant words of an identifier or a text to <paramref name="into"/>.</summary>
    /// <remarks>Code may write acronyms of two letters (<c>TauxAf</c>); a parameter's key and label need three.</remarks>
    public static void AddWords(string text, ISet<string> into, int minimumLength = 2)
    {
        if (minimumLength != CodeMinimumLength)
        {
            foreach (var word in SignificantWords(text, minimumLength))
            {
                into.Add(word);
            }

            return;
        }

        // Code repeats its names: each is split once. The cache is dropped when it grows past its
        // bound, so that a long-lived host (the IDE) does not keep every name it ever met.
        // The names split are counted apart: a concurrent dictionary's Count takes every one of its locks.
        if (!WordsOfNames.TryGetValue(text, out var words))
        {
            if (Interlocked.Increment(ref wordsOfNamesAdded) > WordsOfNamesBound)
            {
                WordsOfNames.Clear();
                Interlocked.Exchange(ref wordsOfNamesAdded, 0);
            }

            words = WordsOfNames.GetOrAdd(text, SignificantWords(text, CodeMinimumLength));
        }

        foreach (var word in words)
        {
            into.Add(word);
        }
    }

    /// <summary>Whether <paramref name="name"/> has no significant word (Value, Text, Montant, Taux).</summary>
    public static bool SaysNothing(string name)
    {
        if (!WordsOfNames.TryGetValue(name, out var words))
        {
            words = SignificantWords(name, CodeMinimumLength);
        }

        return words.Length == 0;
    }

    private const int CodeMinimumLength = 2;
    private const int WordsOfNamesBound = 200_000;
    private static readonly ConcurrentDictionary<string, string[]> WordsOfNames = new(StringComparer.Ordinal);
    private static int wordsOfNamesAdded;

    private static string[] SignificantWords(string text, int minimumLength)
    {
        List<string>? words = null;
        var afterNon = false;
        string? previous = null;
        foreach (var word in Split(text))
        {
            // "Non déductible" is the very thing a name or a label distinguishes: read as one word too (nondeductible).
            if (afterNon && word.Length >= 3)
            {
                (words ??= new List<string>()).Add(Stem("non" + word));
            }

            // English names of a scheme in two words that each say nothing of it: read as one (activitybonus).
            if (previous is not null && CompoundOf(previous, word) is { } compound)
            {
                (words ??= new List<string>()).Add(compound);
            }

            previous = word;
            afterNon = word == "non";
            if (word.Length < minimumLength)
            {
                continue;
            }

            var stem = Stem(word);
            if (!Generic.Contains(stem) && !Generic.Contains(word))
            {
                (words ??= new List<string>()).Add(stem);

                // A feminine past participle is its masculine too: "versée" and "versé", "majorée" and "majoré".
                if (stem.Length > 5 && stem.EndsWith("ee", StringComparison.Ordinal))
                {
                    words.Add(stem.Substring(0, stem.Length - 1));
                }
            }
        }

        if (words is not null && minimumLength == CodeMinimumLength)
        {
            DropTechnicalAcronyms(words);
        }

        return words?.ToArray() ?? Array.Empty<string>();
    }

    /// <summary>
    /// Drops from a name's words an acronym that the name's other words say is technology's: the RSA
    /// of <c>CleRsa</c> or <c>RsaKeyHelper</c>, the PSS of <c>PssPadding</c>, are not the benefit's or
    /// the ceiling's, and corroborate nothing.
    /// </summary>
    private static void DropTechnicalAcronyms(List<string> words)
    {
        var technology = false;
        foreach (var word in words)
        {
            technology |= StatutorySubject.IsTechnologyWord(word);
        }

        if (technology)
        {
            words.RemoveAll(StatutorySubject.IsTechnicalAcronym);
        }
    }

    /// <summary>
    /// How many of the parameter's words the code's words share, counting only words specific in
    /// <paramref name="registryWords"/> (all of them when it is null), up to <paramref name="stopAt"/>.
    /// </summary>
    public static int SharedWords(IReadOnlyCollection<string> codeWords, StatutoryParameter parameter, RegistryWords? registryWords, int stopAt)
    {
        if (codeWords.Count == 0)
        {
            return 0;
        }

        var shared = 0;
        foreach (var word in parameter.Words)
        {
            if ((codeWords is ISet<string> set ? set.Contains(word) : Contains(codeWords, word))
                && (registryWords is null || registryWords.IsSpecific(word))
                && ++shared >= stopAt)
            {
                break;
            }
        }

        return shared;
    }

    private static bool Contains(IReadOnlyCollection<string> words, string word)
    {
        foreach (var candidate in words)
        {
            if (candidate == word)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Splits identifiers and texts into lower-case words without accents: camelCase and PascalCase
    /// humps, acronyms (<c>CRDSNonDeductible</c> → crds, non, deductible; <c>CSGdedu</c> → csg, dedu),
    /// underscores, dots, digits.
    /// </summary>
    public static IEnumerable<string> Split(string text)
    {
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsLetter(c))
            {
                if (current.Length > 0)
                {
                    yield return Normalize(current.ToString());
                    current.Clear();
                }

                continue;
            }

            if (current.Length > 0 && char.IsUpper(c))
            {
                var previous = text[i - 1];
                var nextIsLower = i + 1 < text.Length && char.IsLower(text[i + 1]);
                if (char.IsLower(previous) || (char.IsUpper(previous) && nextIsLower && !IsAcronym(current, c)))
                {
                    yield return Normalize(current.ToString());
                    current.Clear();
                }
            }
            else if (current.Length > 1 && char.IsLower(c) && IsAcronym(current, null))
            {
                // A scheme's acronym glued to a lower-case word: CSGdeductible → csg, deductible.
                yield return Normalize(current.ToString());
                current.Clear();
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            yield return Normalize(current.ToString());
        }
    }

    /// <summary>
    /// Acronyms of French schemes and contributions, which code glues to the next word in capitals
    /// (<c>CSGdeductible</c>, <c>AFmontant</c>): the capitals are read as the acronym, not as an acronym
    /// and the first letter of a word (<c>XMLHttp</c>).
    /// </summary>
    private static readonly HashSet<string> Acronyms = new(StringComparer.Ordinal)
    {
        "af", "cf", "als", "alf", "apl", "ars", "aah", "aspa", "ppa", "rsa", "bmaf", "paje", "caf", "cnaf", "msa",
        "csg", "crds", "smic", "pss", "pmss", "urssaf", "agirc", "arrco",
    };

    /// <summary>Whether the capitals of <paramref name="word"/>, and <paramref name="next"/> if given, spell one of <see cref="Acronyms"/>.</summary>
    private static bool IsAcronym(StringBuilder word, char? next)
    {
        var length = word.Length + (next is null ? 0 : 1);
        if (length < 2 || length > 6)
        {
            return false;
        }

        var letters = new char[length];
        for (var i = 0; i < word.Length; i++)
        {
            if (!char.IsUpper(word[i]))
            {
                return false;
            }

            letters[i] = char.ToLowerInvariant(word[i]);
        }

        if (next is { } last)
        {
            letters[length - 1] = char.ToLowerInvariant(last);
        }

        return Acronyms.Contains(new string(letters));
    }

    /// <summary>Lower case, accents removed: "Déductible" → "deductible".</summary>
    public static string Normalize(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
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

    /// <summary>A crude stem so that plurals meet: "familiales" → "familiale", "allocations" → "allocation".</summary>
    internal static string Stem(string word)
        => word.Length > 4 && (word[word.Length - 1] == 's' || word[word.Length - 1] == 'x') ? word.Substring(0, word.Length - 1) : word;
}
