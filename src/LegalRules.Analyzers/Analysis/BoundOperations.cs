using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LegalRules.Analysis;

/// <summary>The compiler's operations, asked for from syntax by the rules that run on syntax.</summary>
internal static class BoundOperations
{
    /// <summary>
    /// The operation of <paramref name="node"/>, or null where the compiler has none — and where it
    /// fails to build one: Roslyn 4.8 throws (UnexpectedValue) on some broken code, such as an
    /// assignment to an interpolated string in a property body, which must not disable the rule.
    /// </summary>
    public static IOperation? Of(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        try
        {
            // The compiler walks up from the node to its member at each question: deep in a long
            // expression, the expression's operations are read once from its top instead.
            if (DeepExpressions.DeepTopOf(node) is { } top && DeepExpressions.TryGetOperation(model, top, node, cancellationToken, out var deep))
            {
                return deep;
            }

            return model.GetOperation(node, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
