using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LegalRules.Matching;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LegalRules.Tests.Matching;

public class ConstantSyntaxTests
{
    [Theory]
    [InlineData("6 * 12", "72")]
    [InlineData("1 / 2 * 3.0", "0")]
    [InlineData("7 % 4 - 10", "-7")]
    [InlineData("41m / 100m", "0.41")]
    [InlineData("-(4005m * 12)", "-48060")]
    [InlineData("4005 * 12m", "48060")]
    public void Literal_arithmetic_folds_as_the_compiler_folds_it(string expression, string expected)
    {
        Assert.True(ConstantSyntax.TryFoldLiterals(SyntaxFactory.ParseExpression(expression), out var folded));
        var value = folded.Kind switch
        {
            FoldedKind.Integer => folded.Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
            FoldedKind.Decimal => folded.Decimal.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => folded.Double.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Doubles_fold_in_binary_floating_point()
    {
        Assert.True(ConstantSyntax.TryFoldLiterals(SyntaxFactory.ParseExpression("0.1 + 0.2"), out var folded));
        Assert.Equal(FoldedKind.Double, folded.Kind);
        Assert.Equal(0.1 + 0.2, folded.Double);
    }

    [Theory]
    [InlineData("Taux * 12")]
    [InlineData("(int)12m * 2")]
    [InlineData("2147483647 + 1")]
    [InlineData("1m / 0m")]
    [InlineData("1m + 0.5")]
    [InlineData("3f * 2")]
    [InlineData("1e3 * 2")]
    [InlineData("1 << 4")]
    [InlineData("0x10 * 2")]
    public void What_syntax_does_not_fold_is_left_to_the_compiler(string expression)
        => Assert.False(ConstantSyntax.TryFoldLiterals(SyntaxFactory.ParseExpression(expression), out _));

    [Fact]
    public void The_largest_expressions_that_may_be_constant_are_found_inside_one_that_is_not()
    {
        var outermost = (BinaryExpressionSyntax)SyntaxFactory.ParseExpression("x * (4005m * 12m) + -(Mois * 2) - y");
        System.Collections.Generic.List<BinaryExpressionSyntax>? found = null;
        ConstantSyntax.CollectMaybeConstant(outermost, name => name == "Mois", ref found);
        Assert.NotNull(found);
        Assert.Equal(new[] { "4005m * 12m", "Mois * 2" }, System.Linq.Enumerable.OrderBy(System.Linq.Enumerable.Select(found!, f => f.ToString()), s => s, System.StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("x * (y + z)", "")]
    [InlineData("(x + 1) * (y - 2) / -z", "")]
    [InlineData("(decimal)(1 + 2) * x", "1 + 2")]
    [InlineData("checked(3 * 4) + x", "3 * 4")]
    [InlineData("(b ? 1 : 2) * 3 + x", "")]
    [InlineData("(B ? 1 : 2) * 3 + x", "(B ? 1 : 2) * 3")]
    [InlineData("x + (Mois * (12 - 1)) * y", "Mois * (12 - 1)")]
    [InlineData("x * PARENS(1 + 2)", "1 + 2")]
    [InlineData("SUM(60) + x", "SUM(60)")]
    [InlineData("x + (SUM(60)) * y", "SUM(60)")]
    [InlineData("x + SUM(60) * y", "")]
    [InlineData("SUM(60) + x + 1 * 2", "1 * 2|SUM(60)")]
    public void Composite_expressions_give_their_largest_parts_that_may_be_constant_however_deep(string expression, string expected)
    {
        // PARENS(e): e in 60 pairs of parentheses; SUM(n): 1 + 2 + … + n, nested on the left. Deeper
        // than the quick walk goes: the iterative walk answers.
        var parens = string.Concat(System.Linq.Enumerable.Repeat("(", 60));
        var closing = string.Concat(System.Linq.Enumerable.Repeat(")", 60));
        var sum = string.Join(" + ", System.Linq.Enumerable.Range(1, 60));
        string Expand(string text) => text.Replace("PARENS(1 + 2)", parens + "1 + 2" + closing, System.StringComparison.Ordinal).Replace("SUM(60)", sum, System.StringComparison.Ordinal);
        var outermost = (BinaryExpressionSyntax)SyntaxFactory.ParseExpression(Expand(expression));
        System.Collections.Generic.List<BinaryExpressionSyntax>? found = null;
        ConstantSyntax.CollectMaybeConstant(outermost, name => name is "Mois" or "B", ref found);
        var parts = found is null ? "" : string.Join("|", System.Linq.Enumerable.OrderBy(System.Linq.Enumerable.Select(found, f => f.ToString()), t => t, System.StringComparer.Ordinal));
        Assert.Equal(Expand(expected), parts);
    }

    [Fact]
    public void A_tree_s_constants_are_read_from_its_keywords_as_a_walk_of_every_node_reads_them()
    {
        const string source = """"
            // const int EnComment = 1; an enum in a comment
            namespace Paie;
            #if NEVER
            const int Desactive = 2;
            #endif
            public enum Statut { Actif, Inactif = 3 }
            public class Calcul
            {
                public const decimal Taux = 0.055m, Double = Taux * 2;
                private const string Texte = "const int DansUneChaine = 4;";
                private readonly int constante = 5, @const = 6;
                private static readonly System.Func<decimal> Lambda = () => { const decimal DansUnLambda = 0.5m; return DansUnLambda; };
                private enum Interne { Premier }
                public decimal Montant()
                {
                    const decimal Local = 651.69m;
                    decimal Fonction() { const int DansUneFonction = 12; return DansUneFonction; }
                    var texte = $"{Local} const {Texte}";
                    var brut = """
                        const int Brut = 7;
                        """;
                    return Local * Fonction() + constante + @const;
                }
                const = 8;
                const int;
            }
            """";
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: Array.Empty<string>()));
        AssertReadAsAWalk(tree);
        Assert.Equal(
            new[] { string.Empty, "Actif", "DansUnLambda", "DansUneFonction", "Double", "Inactif", "Local", "Premier", "Taux", "Texte" },
            ConstantSyntax.ConstantNamesOf(tree).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_source_file_of_the_repository_has_its_constants_read_as_a_walk_of_every_node_reads_them()
    {
        var files = new[] { "src", "samples", "bench" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 100, $"{files.Count} files");
        var constants = 0;
        foreach (var path in files)
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path);
            AssertReadAsAWalk(tree);
            constants += ConstantSyntax.DeclaredConstantsOf(tree).Count;
        }

        Assert.True(constants > 100, $"{constants} constants");
    }

    /// <summary>The names and declared constants a walk of every node finds, in the same order.</summary>
    private static void AssertReadAsAWalk(SyntaxTree tree)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var declared = new List<string>();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var declaration = node switch
            {
                FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword) => field.Declaration,
                LocalDeclarationStatementSyntax local when local.IsConst => local.Declaration,
                _ => null,
            };
            foreach (var variable in declaration?.Variables ?? default)
            {
                names.Add(variable.Identifier.ValueText);
                declared.Add(variable.Identifier.ValueText + " = " + variable.Initializer?.Value);
            }

            if (node is EnumMemberDeclarationSyntax member)
            {
                names.Add(member.Identifier.ValueText);
            }
        }

        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), ConstantSyntax.ConstantNamesOf(tree).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(declared, ConstantSyntax.DeclaredConstantsOf(tree).Select(c => c.Key + " = " + c.Value));
    }
}
