using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegalRules.Bench;

/// <summary>
/// An analyzer that registers what UnboundStatutoryValueAnalyzer registers — operation actions on
/// literals and binary operations — and does nothing: the driver's own cost for any analyzer built
/// on the compiler's bound operations (building the operation trees, dispatching the actions), the
/// floor under LegalRules' cost.
/// </summary>
#pragma warning disable RS1001, RS2008 // A benchmark baseline, never loaded by a compiler.
internal sealed class DriverFloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BENCH0001", "never reported", "never reported", "Bench", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(_ => { }, OperationKind.Literal, OperationKind.Binary);
    }
}
#pragma warning restore RS1001, RS2008
