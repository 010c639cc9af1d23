using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegalRules.Bench;

/// <summary>
/// Analyzers that register one action per file and do nothing: the driver's own cost for an analyzer
/// that walks each file itself — from its syntax tree alone (<see cref="SyntaxTreeFloorAnalyzer"/>) or
/// with the file's semantic model at hand, asked nothing (<see cref="SemanticModelFloorAnalyzer"/>) —
/// to set beside <see cref="SyntaxFloorAnalyzer"/> and <see cref="DriverFloorAnalyzer"/>.
/// </summary>
#pragma warning disable RS1001, RS2008 // Benchmark baselines, never loaded by a compiler.
internal sealed class SyntaxTreeFloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BENCH0003", "never reported", "never reported", "Bench", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxTreeAction(_ => { });
    }
}

internal sealed class SemanticModelFloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BENCH0004", "never reported", "never reported", "Bench", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSemanticModelAction(_ => { });
    }
}
#pragma warning restore RS1001, RS2008
