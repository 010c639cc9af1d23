using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegalRules.Bench;

/// <summary>The LegalRules analyzers, by the rules they implement.</summary>
internal static class AnalyzerGroups
{
    /// <summary>Rules about arithmetic on statutory values (rounding, binary floating point, legal basis).</summary>
    private static readonly ImmutableHashSet<string> ArithmeticRules = ImmutableHashSet.Create(StringComparer.Ordinal, "LR0101", "LR0102", "LR0201");

    public static readonly ImmutableArray<string> Names = ImmutableArray.Create("all", "statutory", "arithmetic");

    /// <summary>
    /// <c>statutory</c>: binding, unbound values and registry files; <c>arithmetic</c>: the analyzers
    /// of LR0101, LR0102 and LR0201 (empty until they exist); <c>all</c>: every LegalRules analyzer.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> Create(string group)
    {
        var all = AnalyzerCatalog.CreateAnalyzers();
        return group switch
        {
            "all" => all,
            "statutory" => all.Where(a => a.GetType().Name is "StatutoryBindingAnalyzer" or "UnboundStatutoryValueAnalyzer" or "RegistryFileAnalyzer").ToImmutableArray(),
            "arithmetic" => all.Where(a => a.SupportedDiagnostics.Any(d => ArithmeticRules.Contains(d.Id))).ToImmutableArray(),
            _ => throw new ArgumentException("unknown analyzer group: " + group, nameof(group)),
        };
    }
}
