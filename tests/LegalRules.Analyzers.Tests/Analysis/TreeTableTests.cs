using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using LegalRules.Analysis;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LegalRules.Tests.Analysis;

/// <summary>
/// The answers the rules keep per tree (<see cref="TreeTable{TValue}"/>), every kind in one shared
/// entry per tree: each kind keeps its own answer, once, for every thread, and lets the tree go.
/// </summary>
public class TreeTableTests
{
    [Fact]
    public void Each_kind_keeps_its_own_answer_for_each_tree()
    {
        // Kinds made before and after the trees' entries: those made after have places past the entries' end.
        var kinds = Enumerable.Range(0, 20).Select(_ => new TreeTable<string>()).ToList();
        var trees = Enumerable.Range(0, 3).Select(i => CSharpSyntaxTree.ParseText($"class C{i} {{ }}")).ToList();
        foreach (var tree in trees)
        {
            kinds[0].GetValue(tree, _ => "kind 0 of " + tree.GetRoot().ToFullString());
        }

        kinds.AddRange(Enumerable.Range(0, 20).Select(_ => new TreeTable<string>()));
        var computed = 0;

        for (var round = 0; round < 2; round++)
        {
            for (var k = 0; k < kinds.Count; k++)
            {
                foreach (var tree in trees)
                {
                    var kind = k;
                    var answer = kinds[k].GetValue(tree, t =>
                    {
                        computed++;
                        return "kind " + kind + " of " + t.GetRoot().ToFullString();
                    });
                    Assert.Equal("kind " + k + " of " + tree.GetRoot().ToFullString(), answer);
                }
            }
        }

        // Computed in the first round only (kind 0 before it).
        Assert.Equal((kinds.Count - 1) * trees.Count, computed);
    }

    [Fact]
    public void Looking_an_answer_up_creates_none()
    {
        var kind = new TreeTable<object>();
        var other = new TreeTable<object>();
        var tree = CSharpSyntaxTree.ParseText("class C { }");

        Assert.False(kind.TryGetValue(tree, out _));
        var kept = kind.GetValue(tree, _ => new object());

        Assert.True(kind.TryGetValue(tree, out var found));
        Assert.Same(kept, found);
        Assert.False(other.TryGetValue(tree, out _)); // the tree's entry exists now, not the other kind's answer
    }

    [Fact]
    public void Threads_that_compute_an_answer_at_once_all_get_the_one_kept()
    {
        var kind = new TreeTable<object>();
        var trees = Enumerable.Range(0, 20).Select(i => CSharpSyntaxTree.ParseText($"class C{i} {{ }}")).ToArray();

        // Each tree's answer is computed by two threads at once at least: the first to compute waits,
        // a second at most, for another to compute it too. More threads may compute it (all four may
        // start on the first tree together); only the first two signal, and nothing throws on these
        // threads, where an exception would end the test process.
        var computing = trees.ToDictionary(t => t, _ => new CountdownEvent(2));
        var computations = trees.ToDictionary(t => t, _ => new StrongBox<int>());
        Func<SyntaxTree, object> create = tree =>
        {
            if (Interlocked.Increment(ref computations[tree].Value) <= 2)
            {
                computing[tree].Signal();
            }

            computing[tree].Wait(TimeSpan.FromSeconds(2));
            return new object();
        };

        var seen = new object[4][];
        Concurrency.RunTogether(seen.Length, t => seen[t] = trees.Select(tree => kind.GetValue(tree, create)).ToArray());

        Assert.All(computing.Values, c => Assert.True(c.IsSet, "two threads computed each answer"));
        for (var i = 0; i < trees.Length; i++)
        {
            var kept = kind.GetValue(trees[i], _ => new object());
            Assert.All(seen, answers => Assert.Same(kept, answers[i]));
        }

        foreach (var countdown in computing.Values)
        {
            countdown.Dispose();
        }
    }

    [Fact]
    public void A_tree_and_its_answers_are_not_kept_alive()
    {
        var kind = new TreeTable<List<SyntaxNode>>();
        var tree = AnswerAbout(kind);


        // The answer holds the tree's root, and the table holds the answer: still, nothing else
        // holding the tree, it is collected.
        Assert.True(Concurrency.IsCollected(tree));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference AnswerAbout(TreeTable<List<SyntaxNode>> kind)
    {
        var tree = CSharpSyntaxTree.ParseText("class C { int M() => 1; }");
        kind.GetValue(tree, t => new List<SyntaxNode> { t.GetRoot() });
        return new WeakReference(tree);
    }
}
