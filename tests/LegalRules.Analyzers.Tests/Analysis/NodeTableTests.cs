using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using LegalRules.Analysis;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LegalRules.Tests.Analysis;

/// <summary>
/// The answers the rules keep per node (<see cref="NodeTable{TValue}"/>): one per node, computed once,
/// the same for every thread, and gone with their tree.
/// </summary>
public class NodeTableTests
{
    private const string Source = """
        class Bareme
        {
            decimal A(decimal x) => x * 0.5m;
            decimal B(decimal x) { return x + 12m; }
            decimal C => 3m;
        }
        """;

    [Fact]
    public void Each_node_gets_its_own_answer_computed_once_whichever_tree_it_is_in()
    {
        var table = new NodeTable<string>();
        var computed = 0;
        Func<SyntaxNode, string> describe = node =>
        {
            Interlocked.Increment(ref computed);
            return node.SyntaxTree.FilePath + "@" + node.SpanStart + ":" + node.Kind();
        };

        var first = CSharpSyntaxTree.ParseText(Source, path: "first.cs");
        var second = CSharpSyntaxTree.ParseText(Source, path: "second.cs");
        var nodes = first.GetRoot().DescendantNodes().Concat(second.GetRoot().DescendantNodes()).ToList();

        Assert.All(nodes, n => Assert.Null(table.Find(n)));
        var answers = nodes.Select(n => table.GetValue(n, describe)).ToList();
        var again = nodes.Select(n => table.GetValue(n, describe)).ToList();
        var found = nodes.Select(table.Find).ToList();

        Assert.Equal(nodes.Count, computed);
        Assert.Equal(nodes.Count, answers.Distinct(StringComparer.Ordinal).Count());
        Assert.All(nodes.Zip(answers), pair => Assert.Equal(describe(pair.First), pair.Second));
        Assert.All(answers.Zip(again), pair => Assert.Same(pair.First, pair.Second));
        Assert.All(answers.Zip(found), pair => Assert.Same(pair.First, pair.Second));
    }

    [Fact]
    public void Threads_asking_at_once_for_a_node_all_get_the_answer_kept()
    {
        var table = new NodeTable<object>();
        var tree = CSharpSyntaxTree.ParseText(Source);
        var methods = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ToArray();

        var seen = new object[8][];
        Concurrency.RunTogether(seen.Length, t => seen[t] = methods.Select(m => table.GetValue(m, _ => new object())).ToArray());

        for (var i = 0; i < methods.Length; i++)
        {
            var kept = table.GetValue(methods[i], _ => new object());
            Assert.All(seen, answers => Assert.Same(kept, answers[i]));
        }
    }

    [Fact]
    public void A_tree_and_its_answers_are_not_kept_alive_by_the_table()
    {
        var table = new NodeTable<List<SyntaxNode>>();
        var tree = AnswerEveryNode(table);


        // The answers hold the tree's nodes, and the table holds the answers: still, nothing else
        // holding the tree, it is collected.
        Assert.True(Concurrency.IsCollected(tree));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference AnswerEveryNode(NodeTable<List<SyntaxNode>> table)
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            table.GetValue(node, n => new List<SyntaxNode> { n, n.Parent! });
        }

        return new WeakReference(tree);
    }
}
