using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using LegalRules.Registry;

namespace LegalRules.Matching;

/// <summary>
/// How many parameters of a registry each word names. A word that names a large share of the
/// parameters (in the whole OpenFisca-France tree: allocation, aide, ressource, logement, bourse…) says
/// nothing about which parameter a number is, so it corroborates none. Built once per registry,
/// the first time a match needs names; a small registry's words are all specific.
/// </summary>
internal sealed class RegistryWords
{
    /// <summary>A word stops being specific when more parameters than this share of the registry carry it…</summary>
    internal const double CommonShare = 0.10;

    /// <summary>
    /// …and more than this many: in a registry of a few dozen parameters no word is common. In the
    /// embedded registry, "allocation" is in the keys of the 15 housing aid parameters
    /// (allocations_logement) and in the words of the family allowances, the school allowance and the
    /// unemployment benefits, nearly 30 of 55: still a word that tells those apart from the
    /// contributions and minimum wages.
    /// </summary>
    internal const int CommonFloor = 40;

    private static readonly ConditionalWeakTable<StatutoryRegistry, RegistryWords> PerRegistry = new();

    private readonly HashSet<string> _common;

    private RegistryWords(StatutoryRegistry registry)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var parameter in registry.Parameters)
        {
            foreach (var word in parameter.Words)
            {
                frequency.TryGetValue(word, out var count);
                frequency[word] = count + 1;
            }
        }

        var limit = Math.Max(CommonFloor, (int)(registry.Count * CommonShare));
        _common = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in frequency)
        {
            if (pair.Value > limit)
            {
                _common.Add(pair.Key);
            }
        }
    }

    public static RegistryWords For(StatutoryRegistry registry) => PerRegistry.GetValue(registry, r => new RegistryWords(r));

    /// <summary>True when the word names few enough of the registry's parameters to tell them apart.</summary>
    public bool IsSpecific(string word) => !_common.Contains(word);
}
