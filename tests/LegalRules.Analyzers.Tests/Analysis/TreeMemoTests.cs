using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LegalRules.Tests.Analysis;

/// <summary>
/// The answers kept with a tree for the last key asked (<see cref="TreeMemo{TKey, TValue}"/>): the
/// answer kept is never one computed for another key, whatever threads ask at once.
/// </summary>
public class TreeMemoTests
{
    [Fact]
    public void An_answer_is_computed_once_per_tree_and_again_when_the_key_changes()
    {
        var memo = new TreeMemo<string, string>();
        var first = CSharpSyntaxTree.ParseText("class A { }");
        var second = CSharpSyntaxTree.ParseText("class B { }");
        var computed = 0;
        Func<SyntaxTree, string, string> compute = (tree, key) =>
        {
            computed++;
            return key + ":" + tree.GetRoot().ToFullString();
        };

        var a = memo.Get(first, "k1", "k1", compute);
        var again = memo.Get(first, "k1", "k1", compute);
        var b = memo.Get(second, "k1", "k1", compute);
        Assert.Equal(2, computed);
        Assert.Same(a, again);
        Assert.Equal("k1:class B { }", b);

        var changed = memo.Get(first, "k2", "k2", compute);
        Assert.Equal(3, computed);
        Assert.Equal("k2:class A { }", changed);
        Assert.Same(changed, memo.Get(first, "k2", "k2", compute));
    }

    [Fact]
    public async Task Threads_asking_with_different_keys_each_get_their_key_s_answer()
    {
        var memo = new TreeMemo<int, string>();
        var tree = CSharpSyntaxTree.ParseText("class A { }");
        var wrong = 0;
        using var start = new Barrier(4);
        var tasks = Enumerable.Range(0, 4).Select(thread => Task.Run(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 20_000; i++)
            {
                var key = (thread + i) % 3;
                if (memo.Get(tree, key, key, static (_, k) => "answer " + k) != "answer " + key)
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        })).ToArray();

        await Task.WhenAll(tasks);
        Assert.Equal(0, wrong);
    }
}
