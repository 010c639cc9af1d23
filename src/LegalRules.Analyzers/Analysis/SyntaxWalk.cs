using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LegalRules.Analysis;

/// <summary>
/// A node and its descendant nodes in the order of the text (as <c>DescendantNodesAndSelf()</c>),
/// enumerated without allocating: the rules look into expression after expression from syntax, and
/// each <c>DescendantNodesAndSelf()</c> makes an enumerator and its stack. The stack of nodes still
/// to visit is kept for the thread and reused; a walk begun inside another on the same thread makes
/// its own.
/// </summary>
internal struct SyntaxWalk : IDisposable
{
    [ThreadStatic]
    private static Stack<SyntaxNode>? spare;

    private readonly SyntaxNode _root;
    private readonly Func<SyntaxNode, bool>? _descendInto;
    private bool _skipRoot;
    private Stack<SyntaxNode>? _pending;
    private SyntaxNode? _current;

    private SyntaxWalk(SyntaxNode root, bool skipRoot, Func<SyntaxNode, bool>? descendInto = null)
    {
        _root = root;
        _descendInto = descendInto;
        _skipRoot = skipRoot;
        _pending = null;
        _current = null;
    }

    /// <summary>The walk of <paramref name="root"/> and every node under it, for <c>foreach</c>.</summary>
    public static SyntaxWalk DescendantsAndSelf(SyntaxNode root) => new(root, skipRoot: false);

    /// <summary>The walk of every node under <paramref name="root"/>, without it (as <c>DescendantNodes()</c>).</summary>
    public static SyntaxWalk Descendants(SyntaxNode root) => new(root, skipRoot: true);

    /// <summary>
    /// The walk of the nodes under <paramref name="root"/>, without it, that are reached through nodes
    /// <paramref name="descendInto"/> accepts, itself included (as <c>DescendantNodes(descendInto)</c>).
    /// </summary>
    public static SyntaxWalk Descendants(SyntaxNode root, Func<SyntaxNode, bool> descendInto) => new(root, skipRoot: true, descendInto);

    public readonly SyntaxWalk GetEnumerator() => this;

    public readonly SyntaxNode Current => _current!;

    public bool MoveNext()
    {
        if (_pending is null)
        {
            if (_current is not null)
            {
                return false; // disposed, or ended
            }

            _pending = spare ?? new Stack<SyntaxNode>();
            spare = null;
            _pending.Push(_root);
        }

        if (_pending.Count == 0)
        {
            Dispose();
            return false;
        }

        var node = _pending.Pop();

        // The children pushed last to first, so that the first is visited next: the order of the text.
        if (_descendInto is null || _descendInto(node))
        {
            foreach (var child in node.ChildNodesAndTokens().Reverse())
            {
                if (child.AsNode() is { } childNode)
                {
                    _pending.Push(childNode);
                }
            }
        }

        if (_skipRoot)
        {
            _skipRoot = false;
            return MoveNext();
        }

        _current = node;
        return true;
    }

    /// <summary>Gives the stack back to the thread; <c>foreach</c> calls it, also when the loop is left early.</summary>
    public void Dispose()
    {
        if (_pending is { } pending)
        {
            pending.Clear();
            spare = pending;
            _pending = null;
            _current ??= _root;
        }
    }
}
