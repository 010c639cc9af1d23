using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LegalRules.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LegalRules.Tests.Analysis;

/// <summary>
/// The walk the rules use instead of <c>DescendantNodes()</c> (<see cref="SyntaxWalk"/>): the same
/// nodes in the same order, whether it runs to its end, is left early, or runs inside another walk.
/// </summary>
public class SyntaxWalkTests
{
    private const string Source = """
        using System;
        namespace Caf.Calcul
        {
            class Bareme
            {
                private const decimal Taux = 0.5m;
                decimal A(decimal x) => Math.Round(x * Taux, 2);
                decimal B(decimal x) { var y = x + 12m; if (y > 3) { return y * (1 - 0.2m); } return y; }
                decimal C => new[] { 1m, 2m, 3m }.Sum(v => v / 4m);
                string D(int k) => k switch { 1 => "a", 2 => $"b{k}", _ => "c" };
            }
        }
        """;

    public static IEnumerable<object[]> Roots()
    {
        var root = CSharpSyntaxTree.ParseText(Source).GetRoot();
        yield return new object[] { "file", root };
        yield return new object[] { "method B", root.DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "B") };
        yield return new object[] { "argument list", root.DescendantNodes().OfType<ArgumentListSyntax>().First() };
        yield return new object[] { "a literal, no child", root.DescendantNodes().OfType<LiteralExpressionSyntax>().First() };
    }

    [Theory]
    [MemberData(nameof(Roots))]
    public void Visits_the_nodes_DescendantNodes_visits_in_the_same_order(string what, SyntaxNode root)
    {
        var walked = new List<SyntaxNode>();
        foreach (var node in SyntaxWalk.DescendantsAndSelf(root))
        {
            walked.Add(node);
        }

        var below = new List<SyntaxNode>();
        foreach (var node in SyntaxWalk.Descendants(root))
        {
            below.Add(node);
        }

        Assert.True(walked.Count > 0, what);
        Assert.Equal(root.DescendantNodesAndSelf(), walked);
        Assert.Equal(root.DescendantNodes(), below);
    }

    public static IEnumerable<object[]> Filters()
    {
        yield return new object[] { "statements only", (Func<SyntaxNode, bool>)(n => n is not (ExpressionSyntax or LocalFunctionStatementSyntax)) };
        yield return new object[] { "not into methods", (Func<SyntaxNode, bool>)(n => n is not MethodDeclarationSyntax) };
        yield return new object[] { "nothing, not even the root", (Func<SyntaxNode, bool>)(_ => false) };
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public void A_filtered_walk_visits_the_nodes_DescendantNodes_visits_with_the_same_filter(string what, Func<SyntaxNode, bool> descendInto)
    {
        foreach (var root in Roots().Select(r => (SyntaxNode)r[1]))
        {
            var walked = new List<SyntaxNode>();
            foreach (var node in SyntaxWalk.Descendants(root, descendInto))
            {
                walked.Add(node);
            }

            Assert.Equal(root.DescendantNodes(descendInto), walked);
        }

        // The filter cuts something off the file: the comparison above is not of two whole walks.
        var file = CSharpSyntaxTree.ParseText(Source).GetRoot();
        Assert.True(file.DescendantNodes(descendInto).Count() < file.DescendantNodes().Count(), what);
    }

    [Fact]
    public void A_walk_left_early_leaves_the_next_walk_whole()
    {
        var root = CSharpSyntaxTree.ParseText(Source).GetRoot();
        var firstLiteral = (SyntaxNode?)null;
        foreach (var node in SyntaxWalk.DescendantsAndSelf(root))
        {
            if (node is LiteralExpressionSyntax)
            {
                firstLiteral = node;
                break; // the stack still holds nodes to visit
            }
        }

        var all = new List<SyntaxNode>();
        foreach (var node in SyntaxWalk.DescendantsAndSelf(root))
        {
            all.Add(node);
        }

        Assert.NotNull(firstLiteral);
        Assert.Equal(root.DescendantNodesAndSelf(), all);
    }

    [Fact]
    public void A_walk_inside_another_on_the_same_thread_does_not_disturb_it()
    {
        var root = CSharpSyntaxTree.ParseText(Source).GetRoot();
        var outer = new List<SyntaxNode>();
        var innerCounts = new List<int>();
        foreach (var node in SyntaxWalk.DescendantsAndSelf(root))
        {
            outer.Add(node);
            if (node is MethodDeclarationSyntax method)
            {
                var count = 0;
                foreach (var inner in SyntaxWalk.Descendants(method))
                {
                    count++;
                }

                innerCounts.Add(count);
            }
        }

        Assert.Equal(root.DescendantNodesAndSelf(), outer);
        Assert.Equal(root.DescendantNodes().OfType<MethodDeclarationSyntax>().Select(m => m.DescendantNodes().Count()), innerCounts);
    }

    [Fact]
    public void A_sum_of_thousands_of_terms_is_walked_without_recursion()
    {
        var sum = new StringBuilder("class C { decimal M() => 1m");
        for (var i = 0; i < 20_000; i++)
        {
            sum.Append(" + 1m");
        }

        var root = CSharpSyntaxTree.ParseText(sum.Append("; }").ToString()).GetRoot();
        var literals = 0;
        foreach (var node in SyntaxWalk.Descendants(root))
        {
            literals += node is LiteralExpressionSyntax ? 1 : 0;
        }

        Assert.Equal(20_001, literals);
    }
}
