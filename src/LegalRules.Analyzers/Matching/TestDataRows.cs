using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Matching;

/// <summary>
/// A row of a parameterised test: a value written in <c>[InlineData]</c> (xUnit), <c>[TestCase]</c>
/// (NUnit) or <c>[DataRow]</c> (MSTest) on a test method is passed to that method as the parameter at
/// its position. <c>[InlineData(false, 12523.14)]</c> on <c>Aspa(bool enCouple, double plafondAttendu)</c>
/// is an expected ceiling, and a statutory value there is as hard-coded as anywhere in the code under
/// test. Other attributes' arguments are metadata, and are not matched.
/// </summary>
internal static class TestDataRows
{
    private static readonly HashSet<string> AttributeNames = new(StringComparer.Ordinal)
    {
        "InlineData", "InlineDataAttribute", "TestCase", "TestCaseAttribute", "DataRow", "DataRowAttribute",
    };

    /// <summary>
    /// The parameter of the test method that <paramref name="constant"/> (through parentheses, casts,
    /// signs and arithmetic) is passed as, when it is a positional argument of a test-data attribute on
    /// a method; null otherwise, and where the method has no parameter at that position.
    /// </summary>
    public static ParameterSyntax? ParameterOf(ExpressionSyntax constant)
    {
        if (PositionalArgumentOf(constant, AttributeNames, throughArithmetic: true) is not { Parent: AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } list } argument
            || attribute.Parent?.Parent is not MethodDeclarationSyntax method)
        {
            return null;
        }

        var position = 0;
        foreach (var other in list.Arguments)
        {
            if (other == argument)
            {
                break;
            }

            if (other.NameEquals is null && other.NameColon is null)
            {
                position++;
            }
        }

        var parameters = method.ParameterList.Parameters;
        if (position < parameters.Count)
        {
            return parameters[position];
        }

        // The rest of a row goes to a params array, if the method ends with one.
        return parameters.Count > 0 && parameters[parameters.Count - 1].Modifiers.Any(SyntaxKind.ParamsKeyword)
            ? parameters[parameters.Count - 1]
            : null;
    }

    /// <summary>
    /// Adds the words of the test method's parameter that <paramref name="constant"/> is passed as, and
    /// of the texts written in the same row (<c>[TestCase("crds", 0.005)]</c>); false when it is not in
    /// a test-data row.
    /// </summary>
    public static bool TryAddWords(ExpressionSyntax constant, HashSet<string> words)
    {
        if (ParameterOf(constant) is not { } parameter)
        {
            return false;
        }

        NameWords.AddWords(parameter.Identifier.ValueText, words);
        if (parameter.Parent is ParameterListSyntax { Parent: MethodDeclarationSyntax method })
        {
            foreach (var list in method.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    if (attribute.ArgumentList is { } arguments && arguments.Arguments.Any(a => a.Span.Contains(constant.Span)))
                    {
                        foreach (var other in arguments.Arguments)
                        {
                            if (other.Expression is LiteralExpressionSyntax text && text.IsKind(SyntaxKind.StringLiteralExpression))
                            {
                                NameWords.AddWords(text.Token.ValueText, words);
                            }
                        }
                    }
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The positional argument that <paramref name="constant"/> is (through parentheses, casts and
    /// signs, and with <paramref name="throughArithmetic"/> arithmetic) of an attribute whose simple
    /// name is one of <paramref name="attributeNames"/>; null otherwise.
    /// </summary>
    internal static AttributeArgumentSyntax? PositionalArgumentOf(ExpressionSyntax constant, HashSet<string> attributeNames, bool throughArithmetic)
    {
        var node = constant.Parent;
        while (node is ParenthesizedExpressionSyntax or CastExpressionSyntax or PrefixUnaryExpressionSyntax or CheckedExpressionSyntax
            || (throughArithmetic && node is BinaryExpressionSyntax))
        {
            node = node.Parent;
        }

        return node is AttributeArgumentSyntax { NameEquals: null, NameColon: null, Parent: AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } } argument
            && attributeNames.Contains(SimpleName(attribute.Name))
            ? argument
            : null;
    }

    private static string SimpleName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };
}
