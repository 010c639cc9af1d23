using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Matching;

/// <summary>
/// The attributes that give a member a value rather than metadata: the bounds of a validation,
/// <c>[Range(0, 1041.59)]</c> on <c>MontantAahDeclare</c>, and a default, <c>[DefaultValue(15)]</c> on
/// <c>SeuilVersementPrimeActivite</c>. A statutory value there is as hard-coded as in the member's
/// initializer, and is named by the member it decorates. Other attributes' arguments are metadata.
/// </summary>
internal static class MemberValueAttributes
{
    private static readonly HashSet<string> AttributeNames = new(StringComparer.Ordinal)
    {
        "Range", "RangeAttribute", "DefaultValue", "DefaultValueAttribute",
    };

    /// <summary>
    /// The name of the property, field or parameter whose value <paramref name="constant"/> (through
    /// parentheses, casts and signs) bounds or defaults, as a positional argument of such an
    /// attribute; null otherwise.
    /// </summary>
    public static string? DecoratedName(ExpressionSyntax constant)
    {
        if (TestDataRows.PositionalArgumentOf(constant, AttributeNames, throughArithmetic: false) is not { Parent.Parent: AttributeSyntax attribute })
        {
            return null;
        }

        return attribute.Parent?.Parent switch
        {
            PropertyDeclarationSyntax property => property.Identifier.ValueText,
            FieldDeclarationSyntax { Declaration.Variables: { Count: 1 } variables } => variables[0].Identifier.ValueText,
            ParameterSyntax parameter => parameter.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>Adds the words of the member <paramref name="constant"/> gives a value to; false when it gives none.</summary>
    public static bool TryAddWords(ExpressionSyntax constant, ISet<string> words)
    {
        if (DecoratedName(constant) is not { } name)
        {
            return false;
        }

        NameWords.AddWords(name, words);
        return true;
    }
}
