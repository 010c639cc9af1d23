using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegalRules.Bench;

/// <summary>
/// An analyzer that registers syntax-node actions on numeric literals and binary expressions — what
/// a rule that reads literals from syntax registers — and does nothing: the driver's own cost for an
/// analyzer that asks for no bound operation (no operation tree per method body), to set beside
/// <see cref="DriverFloorAnalyzer"/>.
/// </summary>
#pragma warning disable RS1001, RS2008 // A benchmark baseline, never loaded by a compiler.
internal sealed class SyntaxFloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BENCH0002", "never reported", "never reported", "Bench", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            _ => { },
            SyntaxKind.NumericLiteralExpression,
            SyntaxKind.AddExpression,
            SyntaxKind.SubtractExpression,
            SyntaxKind.MultiplyExpression,
            SyntaxKind.DivideExpression,
            SyntaxKind.ModuloExpression);
    }
}
#pragma warning restore RS1001, RS2008
