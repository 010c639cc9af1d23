using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Bench;

/// <summary>The LegalRules analyzers, by the rules they implement.</summary>
internal static class AnalyzerGroups
{
    /// <summary>Rules about arithmetic on statutory values (rounding, binary floating point, legal basis).</summary>
    private static readonly ImmutableHashSet<string> ArithmeticRules = ImmutableHashSet.Create(StringComparer.Ordinal, "LR0101", "LR0102", "LR0201");

    public static readonly ImmutableArray<string> Names = ImmutableArray.Create("all", "statutory", "arithmetic", "unbound", "binding", "driver-floor", "syntax-floor", "tree-floor", "model-floor", "bind-floor");

    /// <summary>
    /// <c>statutory</c>: binding, unbound values and registry files; <c>arithmetic</c>: the analyzers
    /// of LR0101, LR0102 and LR0201 (empty until they exist); <c>all</c>: every LegalRules analyzer;
    /// <c>unbound</c> and <c>binding</c>: the statutory group's parts; <c>driver-floor</c>: an analyzer
    /// with the same operation actions as the unbound-value rule that does nothing; <c>syntax-floor</c>: an
    /// analyzer with syntax-node actions on numeric literals and binary expressions that does nothing;
    /// <c>tree-floor</c> and <c>model-floor</c>: an analyzer with one syntax-tree or semantic-model action per file that does nothing;
    /// <c>bind-floor</c>: an analyzer that asks for the operation at each of <paramref name="findings"/> (every
    /// rule's findings on the same files) and does nothing else.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> Create(string group, ImmutableDictionary<string, ImmutableArray<TextSpan>>? findings = null)
    {
        var all = AnalyzerCatalog.CreateAnalyzers();
        return group switch
        {
            "all" => all,
            "statutory" => all.Where(a => a.GetType().Name is "StatutoryBindingAnalyzer" or "UnboundStatutoryValueAnalyzer" or "RegistryFileAnalyzer").ToImmutableArray(),
            "arithmetic" => all.Where(a => a.SupportedDiagnostics.Any(d => ArithmeticRules.Contains(d.Id))).ToImmutableArray(),
            "unbound" => all.Where(a => a.GetType().Name is "UnboundStatutoryValueAnalyzer").ToImmutableArray(),
            "binding" => all.Where(a => a.GetType().Name is "StatutoryBindingAnalyzer" or "RegistryFileAnalyzer").ToImmutableArray(),
            "driver-floor" => ImmutableArray.Create<DiagnosticAnalyzer>(new DriverFloorAnalyzer()),
            "syntax-floor" => ImmutableArray.Create<DiagnosticAnalyzer>(new SyntaxFloorAnalyzer()),
            "tree-floor" => ImmutableArray.Create<DiagnosticAnalyzer>(new SyntaxTreeFloorAnalyzer()),
            "model-floor" => ImmutableArray.Create<DiagnosticAnalyzer>(new SemanticModelFloorAnalyzer()),
            "bind-floor" => ImmutableArray.Create<DiagnosticAnalyzer>(new BindFloorAnalyzer(findings ?? ImmutableDictionary<string, ImmutableArray<TextSpan>>.Empty)),
            _ => throw new ArgumentException("unknown analyzer group: " + group, nameof(group)),
        };
    }
}
