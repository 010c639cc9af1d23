using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegalRules.Bench.Floor;

/// <summary>
/// An analyzer that does nothing, with the kind of action named by the MSBuild property
/// <c>BenchFloor</c> (made visible to the compiler by the corpus project): <c>tree</c> — one
/// syntax-tree action per file; <c>model</c> — one semantic-model action per file, asking nothing;
/// <c>syntax</c> — syntax-node actions on numeric literals and binary expressions; <c>operation</c> —
/// operation actions on literals and binary operations; anything else — no action at all. Its build
/// time over the build without analyzers is the floor under any analyzer of that shape.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH0100", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "A benchmark baseline: this analyzer reports nothing.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.BenchFloor", out var kind);
            switch (kind)
            {
                case "tree":
                    start.RegisterSyntaxTreeAction(_ => { });
                    break;
                case "model":
                    start.RegisterSemanticModelAction(_ => { });
                    break;
                case "syntax":
                    start.RegisterSyntaxNodeAction(
                        _ => { },
                        SyntaxKind.NumericLiteralExpression,
                        SyntaxKind.AddExpression,
                        SyntaxKind.SubtractExpression,
                        SyntaxKind.MultiplyExpression,
                        SyntaxKind.DivideExpression);
                    break;
                case "operation":
                    start.RegisterOperationAction(_ => { }, OperationKind.Literal, OperationKind.Binary);
                    break;
            }
        });
    }
}
