using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using LegalRules.Analysis;
using LegalRules.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Rules;

/// <summary>
/// Whether the names around a member say it computes a French benefit or social contribution: a
/// word of the member's name, of a type containing it or of its namespace names one
/// (<c>CalculRsa</c>, <c>Prestations.Familiales</c>, <c>CotisationsSalariales</c>). Such a member's
/// decimals are amounts of that calculation, whether or not a statutory value reaches them in the
/// same statement. The words are French, and acronyms of French schemes: they name the subject in
/// French code and in nothing else (English words such as "benefit" or "payroll" do not, in code
/// that has nothing to do with French law).
/// </summary>
internal sealed class StatutorySubject
{
    // Words that mean something else in ordinary code are left out: "prestation" (a service
    // invoiced), "allocation" (of memory, of assets), "casa" (a house).
    private static readonly HashSet<string> SubjectWords = new(StringComparer.Ordinal)
    {
        // Benefits and their schemes.
        "rsa", "ppa", "aah", "aspa", "bmaf", "paje", "apl", "als", "alf", "ars", "caf", "cnaf", "msa",
        "allocataire", "familiale", "minima",
        // Contributions and payroll.
        "csg", "crds", "urssaf", "smic", "pss", "pmss", "cotisation", "salaire", "paie",
        // Replacement incomes.
        "retraite", "chomage", "indemnite",
    };

    // Words of amounts of money and of rounding them: in code about French benefits or contributions,
    // what they name is an amount of them.
    private static readonly HashSet<string> AmountWords = new(StringComparer.Ordinal)
    {
        "montant", "amount", "centime", "cent", "euro", "arrondi", "arrondir",
    };

    // Types and namespaces are asked about for every member they contain: their answer is kept.
    private readonly ConcurrentDictionary<ISymbol, string?> _containers = new(SymbolEqualityComparer.Default);
    private readonly Lazy<bool> _aboutSocialLaw;

    public StatutorySubject(Compilation compilation)
    {
        _aboutSocialLaw = new Lazy<bool>(() => NamesASubject(compilation.Assembly.TypeNames) || NamesASubject(compilation.Assembly.NamespaceNames));
    }

    /// <summary>
    /// In a compilation about French benefits or contributions (a type or namespace of its source is
    /// named after one: <c>CalculRsa</c>, <c>Prestations.Familiales</c>), the word of an amount that
    /// the names of <paramref name="symbol"/>, of its types, or of what <paramref name="rounding"/>
    /// rounds have (<c>ArrondiCentime</c>, <c>MontantExtensions</c>, <c>Math.Round(r.Montant, 2)</c>);
    /// null elsewhere. A shared rounding helper of such code rounds its amounts.
    /// </summary>
    public string? AmountIn(InvocationExpressionSyntax rounding, ISymbol symbol)
    {
        if (!_aboutSocialLaw.Value)
        {
            return null;
        }

        var member = symbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : symbol;
        for (var named = member; named is IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol or INamedTypeSymbol; named = named.ContainingSymbol)
        {
            if (WordIn(named.Name, AmountWords) is { } word)
            {
                return word;
            }
        }

        if (rounding.ArgumentList.Arguments.Count > 0)
        {
            foreach (var node in SyntaxWalk.DescendantsAndSelf(rounding.ArgumentList.Arguments[0].Expression))
            {
                if (node is IdentifierNameSyntax name && WordIn(name.Identifier.ValueText, AmountWords) is { } word)
                {
                    return word;
                }
            }
        }

        return null;
    }

    private static bool NamesASubject(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (SubjectIn(name) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The subject word that the names of <paramref name="symbol"/> (an accessor's property for an
    /// accessor), of its containing types or of its namespace contain, or null.
    /// </summary>
    public string? Of(ISymbol symbol)
    {
        var member = symbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : symbol;
        if (SubjectIn(member.Name) is { } word)
        {
            return word;
        }

        for (var container = member.ContainingSymbol; container is INamedTypeSymbol or INamespaceSymbol { IsGlobalNamespace: false }; container = container.ContainingSymbol)
        {
            if (!_containers.TryGetValue(container, out var containerWord))
            {
                containerWord = _containers.GetOrAdd(container, SubjectIn(container.Name));
            }

            if (containerWord is not null)
            {
                return containerWord;
            }
        }

        return null;
    }

    /// <summary>The first subject word of <paramref name="name"/> (plural or singular), or null.</summary>
    internal static string? SubjectIn(string name) => WordIn(name, SubjectWords);

    private static string? WordIn(string name, HashSet<string> words)
    {
        foreach (var word in NameWords.Split(name))
        {
            var singular = word.Length > 4 && word[word.Length - 1] is 's' or 'x' ? word.Substring(0, word.Length - 1) : word;
            if (words.Contains(singular))
            {
                return singular;
            }
        }

        return null;
    }
}
