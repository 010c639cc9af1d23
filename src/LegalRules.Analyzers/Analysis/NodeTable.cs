using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace LegalRules.Analysis;

/// <summary>
/// Answers kept with syntax nodes for as long as their tree lives, in one table per tree. A
/// <see cref="ConditionalWeakTable{TKey, TValue}"/> keyed by the nodes themselves gives each answer
/// its own weak handle: the garbage collector examines every one of them at every collection, and
/// releasing them keeps the finalizer thread busy. Here a tree has one handle, however many of its
/// nodes have answers (shared with the other kinds of answers kept per tree, <see cref="TreeTable{TValue}"/>),
/// and reading an answer takes no lock.
/// </summary>
/// <typeparam name="TValue">The answer; computed once per node (two threads may compute it, one is kept).</typeparam>
internal sealed class NodeTable<TValue>
    where TValue : class
{
    private static readonly Func<SyntaxTree, ConcurrentDictionary<SyntaxNode, TValue>> NewTable = _ => new ConcurrentDictionary<SyntaxNode, TValue>();

    private readonly TreeTable<ConcurrentDictionary<SyntaxNode, TValue>> _byTree = new();

    /// <summary>The answer kept for <paramref name="node"/>, or null when none is.</summary>
    public TValue? Find(SyntaxNode node)
        => _byTree.TryGetValue(node.SyntaxTree, out var answers) && answers.TryGetValue(node, out var value) ? value : null;

    /// <summary>The answer kept for <paramref name="node"/>, or <paramref name="create"/>'s, which is then kept.</summary>
    public TValue GetValue(SyntaxNode node, Func<SyntaxNode, TValue> create)
        => _byTree.GetValue(node.SyntaxTree, NewTable).GetOrAdd(node, create);
}
