using System.Linq;
using System.Threading;
using LegalRules.Analysis;
using LegalRules.Rules;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LegalRules.Tests.Analysis;

/// <summary>
/// Nodes deep in long expressions get their member and their operation without walking up from each
/// of them (<see cref="AncestorMemo"/>, <see cref="DeepExpressions"/>): the answers must be the ones
/// the plain walk and the compiler give, for every node, whatever the expression is made of.
/// </summary>
public class DeepSyntaxTests
{
    // Sums, calls, lambdas, conditionals, casts, object creation, strings and a local function,
    // each nested far past the depth at which memory starts.
    private const string Source = """
        using System;
        using System.Linq;
        class Calcul
        {
            const decimal Mois = 12m;
            static decimal F(decimal a, decimal b = 1m) => a + b;
            decimal Somme(decimal x) => {SUM};
            decimal Appels(decimal x) { return {CALLS}; }
            decimal Lambdas(decimal[] xs) => xs.Select(x => {SUM}).Sum() + {SUM};
            string Texte => {STRINGS};
            decimal Local(decimal x) { decimal G(decimal y) => {SUM}; return G(x) + (x > 0m ? {SUM} : (decimal)(double){SUM}); }
            object Objet => new Tuple<decimal, decimal>({SUM}, Mois);
            decimal Champ = {SUM};
        }
        """;

    private static string Code()
    {
        var sum = string.Join(" + ", Enumerable.Range(0, 120).Select(i => i % 3 == 0 ? "635.71m" : i % 3 == 1 ? "Mois * 2m" : "F(0.005m)"));
        var calls = string.Concat(Enumerable.Repeat("F(x * 2m + ", 80)) + "1m" + new string(')', 80);
        var strings = string.Join(" + ", Enumerable.Repeat("\"a\" + Mois", 60));
        return Source.Replace("{SUM}", sum).Replace("{CALLS}", calls).Replace("{STRINGS}", strings);
    }

    [Fact]
    public void Every_node_of_a_deep_expression_gets_the_operation_the_compiler_gives()
    {
        var tree = CSharpSyntaxTree.ParseText(Code(), new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("Deep", new[] { tree }, TestReferences.Runtime, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        // The compiler's answers first, from a model of their own (nothing read deep yet), then ours.
        var reference = compilation.GetSemanticModel(tree);
        var model = compilation.GetSemanticModel(tree);
        var nodes = tree.GetRoot().DescendantNodes().ToList();
        var expected = nodes.Select(n => reference.GetOperation(n)).ToList();
        var actual = nodes.Select(n => BoundOperations.Of(model, n, CancellationToken.None)).ToList();

        var deep = nodes.Count(n => DeepExpressions.DeepTopOf(n) is not null);
        Assert.True(deep > 1_000, deep + " deep nodes");
        for (var i = 0; i < nodes.Count; i++)
        {
            Assert.True(
                Describe(expected[i]) == Describe(actual[i]),
                $"{nodes[i].Kind()} at {nodes[i].GetLocation().GetLineSpan().StartLinePosition}: the compiler gives {Describe(expected[i])}, the rule got {Describe(actual[i])}");
        }

        // With the model that the compiler answers from, the deep answers are its own objects.
        var same = nodes.Where(n => DeepExpressions.DeepTopOf(n) is not null).Take(200).ToList();
        Assert.All(same, n => Assert.Same(model.GetOperation(n), BoundOperations.Of(model, n, CancellationToken.None)));
    }

    [Fact]
    public void A_read_cancelled_with_its_analysis_leaves_the_next_analysis_of_the_model_its_answers()
    {
        // The IDE asks again, with a new token, after a cancelled request on the same semantic model.
        var tree = CSharpSyntaxTree.ParseText(Code(), new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("Deep", new[] { tree }, TestReferences.Runtime, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var model = compilation.GetSemanticModel(tree);
        var literal = tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Last(n => DeepExpressions.DeepTopOf(n) is not null);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<System.OperationCanceledException>(() => BoundOperations.Of(model, literal, cancelled.Token));
        var operation = BoundOperations.Of(model, literal, CancellationToken.None);

        Assert.Same(compilation.GetSemanticModel(tree).GetOperation(literal)?.Syntax, operation?.Syntax);
        Assert.Equal(OperationKind.Literal, operation?.Kind);
    }

    [Fact]
    public void Every_node_of_a_deep_expression_gets_the_member_the_plain_walk_gives()
    {
        var root = CSharpSyntaxTree.ParseText(Code() + "\nSystem.Console.WriteLine(" + string.Join(" + ", Enumerable.Repeat("1m", 100)) + ");\n", new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();

        // Twice: the second pass reads what the first remembered.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var node in root.DescendantNodes())
            {
                var plain = node.Ancestors().FirstOrDefault(a => a is GlobalStatementSyntax || (a is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax));
                Assert.Same(plain is GlobalStatementSyntax ? plain.Parent : plain, MemberSyntax.MemberOf(node));
            }
        }
    }

    private static string Describe(IOperation? operation)
        => operation is null ? "nothing" : $"{operation.Kind} '{Short(operation.Syntax.ToString())}' of type {operation.Type?.ToDisplayString() ?? "none"}, constant {(operation.ConstantValue.HasValue ? operation.ConstantValue.Value : "none")}";

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
