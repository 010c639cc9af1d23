using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegalRules;

/// <summary>Every LegalRules analyzer and rule, for hosts that run them without a build (the audit command, tests).</summary>
public static class AnalyzerCatalog
{
    /// <summary>A new instance of each analyzer of this assembly.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers()
        => typeof(AnalyzerCatalog).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>Every rule, once, sorted by id.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Rules
        => CreateAnalyzers()
            .SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
}
