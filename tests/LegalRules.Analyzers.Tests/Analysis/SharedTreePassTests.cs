using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LegalRules.Analysis;
using LegalRules.Matching;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LegalRules.Tests.Analysis;

/// <summary>
/// The reading of every tree that the threads asking for a compilation-wide answer share
/// (<see cref="SharedTreePass"/>), and the answers put together after it.
/// </summary>
public class SharedTreePassTests
{
    [Fact]
    public void One_thread_reads_every_tree_once_and_a_second_join_reads_nothing()
    {
        var trees = Trees(20);
        var pass = new SharedTreePass(trees);
        var read = new List<SyntaxTree>();

        Assert.False(pass.IsTaken);
        pass.Join(read.Add);
        pass.Join(read.Add);

        Assert.True(pass.IsTaken);
        Assert.Equal(trees, read);
    }

    [Fact]
    public void No_tree_is_nothing_to_read()
    {
        var pass = new SharedTreePass(Array.Empty<SyntaxTree>());
        var reads = 0;
        pass.Join(_ => reads++);

        Assert.True(pass.IsTaken);
        Assert.Equal(0, reads);
    }

    [Fact]
    public void Threads_that_join_together_share_the_trees_each_read_once()
    {
        var trees = Trees(100);
        var pass = new SharedTreePass(trees);
        var readers = new ConcurrentDictionary<SyntaxTree, int>();
        var readTwice = 0;

        // Nothing throws on these threads: a failed assertion there would end the test process.
        Concurrency.RunTogether(4, thread => pass.Join(tree =>
        {
            Thread.Sleep(2); // a tree's reading takes time: the other threads take the next ones meanwhile
            if (!readers.TryAdd(tree, thread))
            {
                Interlocked.Increment(ref readTwice);
            }
        }));

        Assert.Equal(0, readTwice);
        Assert.Equal(trees.Count, readers.Count);
        Assert.True(readers.Values.Distinct().Count() > 1, "one thread read every tree while the others waited");
    }

    [Fact]
    public void A_reading_that_fails_leaves_the_other_trees_to_the_next_join()
    {
        var trees = Trees(10);
        var pass = new SharedTreePass(trees);
        var read = new List<SyntaxTree>();

        Assert.Throws<InvalidOperationException>(() => pass.Join(tree =>
        {
            if (tree == trees[3])
            {
                throw new InvalidOperationException("broken");
            }

            read.Add(tree);
        }));
        pass.Join(read.Add);

        Assert.Equal(trees.Where((_, i) => i != 3), read);
    }

    [Fact]
    public void The_compilation_s_constant_names_are_the_same_whether_threads_ask_together_or_one_asks_alone()
    {
        var sources = Enumerable.Range(0, 60).Select(i => $$"""
            namespace Paie;
            public enum Statut{{i}} { Actif{{i}}, Inactif{{i}} }
            public class Calcul{{i}}
            {
                public const decimal Taux{{i}} = 0.055m;
                public decimal M(decimal x) { const int Mois{{i}} = 12; return x * Mois{{i}}; }
            }
            """).ToList();
        var together = Compile(sources);
        var alone = Compile(sources);
        var answers = new HashSet<string>[4];

        Concurrency.RunTogether(4, thread => answers[thread] = ConstantSyntax.ConstantNamesOf(together));
        var expected = ConstantSyntax.ConstantNamesOf(alone);

        Assert.Contains("Taux59", expected);
        Assert.Contains("Mois0", expected);
        Assert.Contains("Inactif30", expected);
        Assert.All(answers, answer => Assert.True(answer.SetEquals(expected)));
        Assert.All(answers, answer => Assert.Same(answers[0], answer));
    }

    private static List<SyntaxTree> Trees(int count)
        => Enumerable.Range(0, count).Select(i => CSharpSyntaxTree.ParseText($"class C{i} {{ }}")).ToList();

    private static CSharpCompilation Compile(IEnumerable<string> sources)
        => CSharpCompilation.Create("Pass", sources.Select(s => CSharpSyntaxTree.ParseText(s)));
}
