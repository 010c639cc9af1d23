using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Matching;

/// <summary>
/// A value a test expects: <c>Assert.Equal(0.024m, taux.CsgNonDeductible)</c> (xUnit, MSTest's
/// <c>Assert.AreEqual</c>), <c>Assert.That(taux.CsgDeductible, Is.EqualTo(0.038m))</c> (NUnit),
/// <c>taux[Code.CsgNonDeductible].Should().Be(0.024m)</c> (FluentAssertions),
/// <c>crds.ShouldBe(0.005m)</c> (Shouldly). What the value is, is what the test compares it with: the
/// assertion's own parameters (<c>expected</c>, <c>actual</c>) say nothing. Read from syntax, so that a
/// drop audited without its test framework reads them as a build does.
/// </summary>
internal static class AssertedValues
{
    /// <summary>How many calls may follow <c>Is.EqualTo(…)</c> in a constraint (<c>.Within(0.01m).Percent</c>).</summary>
    private const int MaxConstraintCalls = 3;

    /// <summary>
    /// Adds the words of what <paramref name="constant"/> (through parentheses, casts and signs) is
    /// compared with, when it is the value an assertion expects; false otherwise.
    /// </summary>
    public static bool TryAddWords(ExpressionSyntax constant, HashSet<string> words)
    {
        if (ActualOf(constant) is not { } actual)
        {
            return false;
        }

        // What the test reads: a member (r.TauxCsg), a call (calcul.TauxGlobalIj()), an element and its
        // keys (taux[Code.CsgNonDeductible], taux["crds"]).
        CodeContext.AddWrittenName(actual, words, throughCallsAndElements: true);
        return true;
    }

    /// <summary>What an assertion compares <paramref name="constant"/> with, or null where it is not an assertion's expected value.</summary>
    internal static ExpressionSyntax? ActualOf(ExpressionSyntax constant)
    {
        var node = constant;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or PrefixUnaryExpressionSyntax)
        {
            node = (ExpressionSyntax)node.Parent;
        }

        if (node.Parent is not ArgumentSyntax { NameColon: null, Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } list } argument)
        {
            return null;
        }

        var arguments = list.Arguments;
        var position = arguments.IndexOf(argument);
        var (receiver, name) = call.Expression switch
        {
            MemberAccessExpressionSyntax access => (access.Expression, access.Name.Identifier.ValueText),
            _ => (null, null),
        };

        switch (name)
        {
            // Assert.Equal(expected, actual[, precision]), Assert.AreEqual(expected, actual[, delta]).
            case "Equal" or "AreEqual" or "StrictEqual" when IsAssert(receiver) && arguments.Count >= 2 && position is 0 or 1:
                return arguments[1 - position].Expression;

            // Assert.That(actual, Is.EqualTo(expected)[.Within(…)]).
            case "EqualTo" when receiver is IdentifierNameSyntax { Identifier.ValueText: "Is" } && position == 0:
                ExpressionSyntax constraint = call;
                for (var calls = 0; constraint.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax chained } && calls < MaxConstraintCalls; calls++)
                {
                    constraint = chained;
                }

                return constraint.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Arguments: { Count: >= 2 } thatArguments, Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "That", Expression: var thatReceiver } } } } constraintArgument
                    && IsAssert(thatReceiver)
                    && thatArguments.IndexOf(constraintArgument) == 1
                    ? thatArguments[0].Expression
                    : null;

            // actual.Should().Be(expected), actual.Should().BeApproximately(expected, precision).
            case "Be" or "BeApproximately" when position == 0
                && receiver is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Should", Expression: var should } }:
                return should;

            // actual.ShouldBe(expected).
            case "ShouldBe" when position == 0 && receiver is not null:
                return receiver;

            default:
                return null;
        }
    }

    private static bool IsAssert(ExpressionSyntax? receiver)
        => receiver is IdentifierNameSyntax { Identifier.ValueText: "Assert" or "ClassicAssert" }
            || receiver is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Assert" or "ClassicAssert" };
}
