using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LegalRules.Analysis;

/// <summary>
/// Every name the compilation's source declares — namespaces, types, and the types' members —
/// gathered in one walk of the compiler's declaration table, which the compiler builds anyway. Asked
/// about one name, the table walks all its declarations whenever the name is not there, which is the
/// usual answer (<c>Round</c>, <c>Max</c>, <c>MidpointRounding</c>): rules that ask about many names
/// pay for one walk.
/// </summary>
internal static class SourceNames
{
    private static readonly ConditionalWeakTable<Compilation, Lazy<HashSet<string>>> PerCompilation = new();

    // Rules ask from several threads at once: the table may create two gatherings, the Lazy runs only the one it keeps.
    private static readonly ConditionalWeakTable<Compilation, Lazy<HashSet<string>>>.CreateValueCallback NewGathering
        = compilation => new Lazy<HashSet<string>>(() => Gather(compilation), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// False when no namespace, type or member of the source is named <paramref name="name"/>; true
    /// when one of them may be (of any kind: the caller asks the compiler for the symbols it wants).
    /// </summary>
    public static bool MayDeclare(Compilation compilation, string name)
        => PerCompilation.GetValue(compilation, NewGathering).Value.Contains(name);

    /// <summary>The names, gathered once per compilation (not cancelled: a cancelled gathering would stay cached).</summary>
    private static HashSet<string> Gather(Compilation compilation)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);

        // The table gives the predicate every declared name until it answers true: answering false, it gives them all.
        compilation.ContainsSymbolsWithName(
            name =>
            {
                names.Add(name);
                return false;
            },
            SymbolFilter.All);
        return names;
    }
}
