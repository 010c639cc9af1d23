using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegalRules.Analysis;

/// <summary>
/// Where the answer for <paramref name="ancestor"/> is known: true, with the answer (possibly null);
/// false to go on to its parent.
/// </summary>
internal delegate bool AncestorAnswer(SyntaxNode ancestor, out SyntaxNode? answer);

/// <summary>
/// Questions about a node's ancestors, in time that does not grow with the node's depth. Code of
/// ordinary shape answers them within a few parents; a generated sum of twenty thousand terms puts
/// its literals thousands of parents below their member, and walking up from each of them cost time
/// in the square of the sum's length. Past <see cref="ShallowSteps"/> parents the walk remembers its
/// answer on every node it passed, so that the next walk from that expression stops where this one went.
/// </summary>
internal sealed class AncestorMemo
{
    /// <summary>Parents walked without memory: far more than ordinary code needs, far fewer than a generated expression has.</summary>
    public const int ShallowSteps = 32;

    private readonly NodeTable<StrongBox<SyntaxNode?>> _answers = new();
    private readonly AncestorAnswer _answerAt;

    public AncestorMemo(AncestorAnswer answerAt) => _answerAt = answerAt;

    /// <summary>
    /// The answer at <paramref name="start"/> or its first ancestor that has one (null when none has),
    /// remembered on every node passed.
    /// </summary>
    public SyntaxNode? From(SyntaxNode start)
    {
        var passed = new List<SyntaxNode>();
        SyntaxNode? answer = null;
        for (var node = start; node is not null; node = node.Parent)
        {
            if (_answers.Find(node) is { } known)
            {
                answer = known.Value;
                break;
            }

            if (_answerAt(node, out answer))
            {
                break;
            }

            passed.Add(node);
        }

        var box = new StrongBox<SyntaxNode?>(answer);
        Func<SyntaxNode, StrongBox<SyntaxNode?>> remember = _ => box;
        foreach (var node in passed)
        {
            // Another thread may have remembered the same answer first: the answer is the same.
            _answers.GetValue(node, remember);
        }

        return answer;
    }
}

/// <summary>
/// The compiler's operations of nodes deep inside long expressions. The compiler finds the member of
/// a node by walking up from it, each time it is asked; for a node thousands of parents below its
/// statement, the operations of the whole expression are instead read once, from its top.
/// </summary>
internal static class DeepExpressions
{
    private static readonly AncestorMemo Tops = new(TopAt);

    // Per semantic model (operations belong to one compilation), per top of a deep expression.
    private static readonly ConditionalWeakTable<SemanticModel, ConcurrentDictionary<SyntaxNode, Dictionary<SyntaxNode, IOperation>?>> PerModel = new();
    private static readonly ConditionalWeakTable<SemanticModel, ConcurrentDictionary<SyntaxNode, Dictionary<SyntaxNode, IOperation>?>>.CreateValueCallback NewTops = _ => new();

    /// <summary>
    /// The top of the expression <paramref name="node"/> is part of, when more than
    /// <see cref="AncestorMemo.ShallowSteps"/> parents of expression separate them; null otherwise.
    /// </summary>
    public static SyntaxNode? DeepTopOf(SyntaxNode node)
    {
        var steps = 0;
        for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (!IsPartOfExpression(ancestor))
            {
                return null;
            }

            if (++steps == AncestorMemo.ShallowSteps)
            {
                return Tops.From(ancestor);
            }
        }

        return null;
    }

    /// <summary>
    /// The operation of <paramref name="node"/> inside the expression whose top is <paramref name="top"/>,
    /// as the compiler gives it (its one operation of this syntax that is not implicit). False when
    /// the compiler has no operation for the top: the node itself is to be asked for.
    /// </summary>
    public static bool TryGetOperation(SemanticModel model, SyntaxNode top, SyntaxNode node, CancellationToken cancellationToken, out IOperation? operation)
    {
        var byTop = PerModel.GetValue(model, NewTops);
        if (!byTop.TryGetValue(top, out var operations))
        {
            // Read with this question's cancellation: a read cancelled stores nothing, and another
            // analysis of the same model reads it again with its own. Two threads may both read it.
            operations = byTop.GetOrAdd(top, Read(model, top, cancellationToken));
        }

        if (operations is null)
        {
            operation = null;
            return false;
        }

        operation = operations.TryGetValue(node, out var found) ? found : null;
        return true;
    }

    private static Dictionary<SyntaxNode, IOperation>? Read(SemanticModel model, SyntaxNode top, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (model.GetOperation(top, cancellationToken) is not { } root)
        {
            return null;
        }

        // The walk over the descendants is iterative: the tree is as deep as the expression.
        var operations = new Dictionary<SyntaxNode, IOperation>();
        foreach (var operation in root.DescendantsAndSelf())
        {
            // The compiler has at most one operation per syntax that is not implicit (a literal's
            // conversion to decimal is implicit, the literal is not): that is the one it gives.
            if (!operation.IsImplicit && !operations.ContainsKey(operation.Syntax))
            {
                operations.Add(operation.Syntax, operation);
            }

            if (operations.Count % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return operations;
    }

    private static bool TopAt(SyntaxNode ancestor, out SyntaxNode? answer)
    {
        answer = ancestor;
        return ancestor.Parent is not { } parent || !IsPartOfExpression(parent);
    }

    /// <summary>Nodes an expression is made of: expressions, and the argument lists of calls and indexers.</summary>
    private static bool IsPartOfExpression(SyntaxNode node) => node is ExpressionSyntax or ArgumentSyntax or BaseArgumentListSyntax;
}
