using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegalRules.Bench.Floor;

/// <summary>
/// An analyzer that does nothing, with the kind of action named by the MSBuild property
/// <c>BenchFloor</c> (made visible to the compiler by the corpus project): <c>tree</c> — one
/// syntax-tree action per file; <c>model</c> — one semantic-model action per file, asking nothing;
/// <c>syntax</c> — syntax-node actions on numeric literals and binary expressions; <c>operation</c> —
/// operation actions on literals and binary operations; <c>bind</c> — one semantic-model action per
/// file that asks for the operation at each place listed in the additional file <c>bind-floor.tsv</c>
/// (path, line, column: LegalRules' findings in the same build) and nothing else; <c>shape</c> — every
/// action LegalRules' six analyzers register, in this one analyzer (<see cref="LegalRulesShape"/>;
/// <c>shape6</c>, the same split over six analyzers, is registered by <see cref="ShapePartAnalyzer"/>);
/// anything else — no action at all. Its build time over the build without analyzers is the floor under any analyzer of
/// that shape; for <c>bind</c>, under any analyzer that confirms the same findings with the compiler.
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
                case "shape":
                    LegalRulesShape.RegisterAll(start);
                    break;
                case "bind":
                    var places = PlacesToBind(start.Options.AdditionalFiles, start.CancellationToken);
                    start.RegisterSemanticModelAction(c => Bind(c, places));
                    break;
            }
        });
    }

    /// <summary>The lines and columns (1-based) of <c>bind-floor.tsv</c>, by file path.</summary>
    private static Dictionary<string, List<(int Line, int Column)>> PlacesToBind(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var places = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!file.Path.EndsWith("bind-floor.tsv", StringComparison.Ordinal) || file.GetText(cancellationToken) is not { } text)
            {
                continue;
            }

            foreach (var line in text.Lines)
            {
                var fields = line.ToString().Split('\t');
                if (fields.Length == 3 && int.TryParse(fields[1], out var row) && int.TryParse(fields[2], out var column))
                {
                    if (!places.TryGetValue(fields[0], out var list))
                    {
                        places[fields[0]] = list = new List<(int, int)>();
                    }

                    list.Add((row, column));
                }
            }
        }

        return places;
    }

    private static void Bind(SemanticModelAnalysisContext context, Dictionary<string, List<(int Line, int Column)>> places)
    {
        var tree = context.SemanticModel.SyntaxTree;
        if (!places.TryGetValue(tree.FilePath, out var list))
        {
            return;
        }

        var text = tree.GetText(context.CancellationToken);
        var root = tree.GetRoot(context.CancellationToken);
        foreach (var (line, column) in list)
        {
            // A place that no longer fits the file (edited since the list was written) is skipped.
            if (line >= 1 && line <= text.Lines.Count && column >= 1 && column - 1 <= text.Lines[line - 1].Span.Length
                && root.FindToken(text.Lines[line - 1].Start + column - 1).Parent is { } node)
            {
                _ = context.SemanticModel.GetOperation(node, context.CancellationToken);
            }
        }
    }
}
