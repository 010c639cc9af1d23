using LegalRules.Matching;
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
}
