using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Bench;

/// <summary>
/// An analyzer that asks the compiler for the operation at each place where LegalRules reports a
/// finding, and does nothing else: what any analyzer that confirms the same findings with the
/// compiler's semantic model must pay, whatever its own logic. Asking for one operation binds the
/// whole member that holds it (and builds its operation tree), as the rules' questions do; a second
/// finding in the same member costs a lookup. One semantic-model action per file (the shape of
/// <see cref="SemanticModelFloorAnalyzer"/>), so the driver's part of the cost is the smallest there is.
/// </summary>
#pragma warning disable RS1001, RS2008 // A benchmark baseline, never loaded by a compiler.
internal sealed class BindFloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BENCH0005", "never reported", "never reported", "Bench", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private readonly ImmutableDictionary<string, ImmutableArray<TextSpan>> _findings;

    /// <param name="findings">The spans of the findings, by file path.</param>
    public BindFloorAnalyzer(ImmutableDictionary<string, ImmutableArray<TextSpan>> findings) => _findings = findings;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSemanticModelAction(c =>
        {
            if (!_findings.TryGetValue(c.SemanticModel.SyntaxTree.FilePath, out var spans))
            {
                return;
            }

            var root = c.SemanticModel.SyntaxTree.GetRoot(c.CancellationToken);
            foreach (var span in spans)
            {
                _ = c.SemanticModel.GetOperation(root.FindNode(span, getInnermostNodeForTie: true), c.CancellationToken);
            }
        });
    }

    /// <summary>The spans of the LegalRules findings among <paramref name="diagnostics"/>, by file path.</summary>
    public static ImmutableDictionary<string, ImmutableArray<TextSpan>> FindingsOf(IEnumerable<Diagnostic> diagnostics)
        => diagnostics
            .Where(d => d.Id.StartsWith("LR", StringComparison.Ordinal) && d.Location.IsInSource)
            .GroupBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.Select(d => d.Location.SourceSpan).OrderBy(s => s.Start).ToImmutableArray(), StringComparer.Ordinal);
}
#pragma warning restore RS1001, RS2008
