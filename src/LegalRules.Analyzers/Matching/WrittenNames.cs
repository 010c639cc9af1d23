using System.Collections.Generic;
using Microsoft.CodeAnalysis;
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

    /// <summary>The using directives that give an alias, of a file and of its namespaces, in the order of the text.</summary>
    public static IEnumerable<UsingDirectiveSyntax> Aliases(CompilationUnitSyntax file) => Aliases(file.Usings, file.Members);

    private static IEnumerable<UsingDirectiveSyntax> Aliases(SyntaxList<UsingDirectiveSyntax> usings, SyntaxList<MemberDeclarationSyntax> members)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias is not null)
            {
                yield return directive;
            }
        }

        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax space)
            {
                foreach (var directive in Aliases(space.Usings, space.Members))
                {
                    yield return directive;
                }
            }
        }
    }
}
