using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Matching;

/// <summary>Names as code writes them, read from syntax.</summary>
internal static class WrittenNames
{
    /// <summary>The simple name a type is written with: <c>T</c>, <c>N.T</c>, <c>global::T</c>, <c>T&lt;U&gt;</c>; null for other types (arrays, tuples…).</summary>
    public static string? Rightmost(TypeSyntax type) => type switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        _ => null,
    };
}
