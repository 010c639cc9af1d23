using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using LegalRules.Analysis;
using Microsoft.CodeAnalysis;

namespace LegalRules.Rules;

/// <summary>
/// Which simple names can name a bound field or property: a filter on syntax, so that only the names
/// that can reach a bound member are given to the semantic model. A name passes when a member of
/// that name in source is bound (attribute or bindings file), when a bindings file names a member of
/// that name, or when a referenced assembly that can carry <c>[StatutoryParameter]</c> declares a
/// field or property of that name. It may pass names that bind nothing; it never stops one that does.
/// One instance per compilation; answers are cached by name.
/// </summary>
internal sealed class BoundMemberNames
{
    private readonly Compilation _compilation;
    private readonly StatutoryUses _uses;
    private readonly ConcurrentDictionary<string, bool> _answers = new(StringComparer.Ordinal);
    private readonly Lazy<HashSet<string>> _namedElsewhere;

    public BoundMemberNames(Compilation compilation, StatutoryUses uses)
    {
        _compilation = compilation;
        _uses = uses;
        _namedElsewhere = new Lazy<HashSet<string>>(NamedByBindingsAndReferences, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether <paramref name="name"/> (an identifier's value text) may name a bound field or property.</summary>
    public bool MayBeBound(string name, CancellationToken cancellationToken)
    {
        if (_answers.TryGetValue(name, out var known))
        {
            return known;
        }

        var answer = _namedElsewhere.Value.Contains(name) || IsBoundInSource(name, cancellationToken);
        return _answers.GetOrAdd(name, answer);
    }

    private bool IsBoundInSource(string name, CancellationToken cancellationToken)
    {
        foreach (var symbol in _compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
        {
            if (symbol is IFieldSymbol or IPropertySymbol && _uses.BoundKey(symbol) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Members' names from the bindings files' targets, and the fields and properties of the referenced assemblies that can be annotated.</summary>
    private HashSet<string> NamedByBindingsAndReferences()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in _uses.State.Bindings.Keys)
        {
            names.Add(SimpleName(target));
        }

        // An attribute of a referenced assembly is of a type it declares or of one of its references:
        // the assemblies that declare a type named StatutoryParameterAttribute, and those that reference one.
        var referenced = _compilation.SourceModule.ReferencedAssemblySymbols;
        var declaring = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in referenced)
        {
            if (assembly.TypeNames.Contains(StatutoryBindings.AttributeName) || assembly.TypeNames.Contains(StatutoryBindings.AttributeShortName))
            {
                declaring.Add(assembly.Identity.Name);
            }
        }

        if (declaring.Count == 0)
        {
            return names;
        }

        foreach (var assembly in referenced)
        {
            if (declaring.Contains(assembly.Identity.Name) || References(assembly, declaring))
            {
                AddMemberNames(assembly.GlobalNamespace, names);
            }
        }

        return names;
    }

    private static bool References(IAssemblySymbol assembly, HashSet<string> declaring)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var identity in module.ReferencedAssemblies)
            {
                if (declaring.Contains(identity.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void AddMemberNames(INamespaceOrTypeSymbol container, HashSet<string> names)
    {
        foreach (var member in container.GetMembers())
        {
            switch (member)
            {
                case INamespaceSymbol @namespace:
                    AddMemberNames(@namespace, names);
                    break;
                case INamedTypeSymbol type:
                    foreach (var name in type.MemberNames)
                    {
                        names.Add(name);
                    }

                    AddMemberNames(type, names);
                    break;
            }
        }
    }

    /// <summary>A bindings target's member name: <c>F:Ns.Type.Member</c> or <c>Ns.Type.Member</c> give <c>Member</c>.</summary>
    private static string SimpleName(string target)
    {
        var end = target.IndexOf('(');
        if (end < 0)
        {
            end = target.Length;
        }

        if (end == 0)
        {
            return target;
        }

        var start = target.LastIndexOf('.', end - 1) + 1;
        if (start == 0 && target.Length > 1 && target[1] == ':')
        {
            start = 2;
        }

        return target.Substring(start, end - start).Trim();
    }
}
