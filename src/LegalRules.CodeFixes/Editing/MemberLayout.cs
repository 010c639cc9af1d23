using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.CodeFixes.Editing;

/// <summary>
/// Adds attributes and members the way the file already lays them out: its line endings, the
/// indentation of the neighbouring members; comments and documentation stay where they were.
/// </summary>
internal static class MemberLayout
{
    /// <summary>The file's line ending (the first one found), or <c>\n</c>.</summary>
    public static string NewLine(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia.ToString();
            }
        }

        return "\n";
    }

    /// <summary>The whitespace that starts a member's line.</summary>
    public static SyntaxTriviaList Indentation(SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
    }

    /// <summary>
    /// Puts <paramref name="attribute"/> on a line of its own above a field, property or method, after its
    /// comments and documentation, before its other attributes.
    /// </summary>
    public static MemberDeclarationSyntax AddAttribute(MemberDeclarationSyntax member, AttributeSyntax attribute, string newLine)
    {
        var leading = member.GetLeadingTrivia();
        var indentation = Indentation(member);
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine));
        var rest = member.WithLeadingTrivia(indentation);
        return rest switch
        {
            FieldDeclarationSyntax field => field.WithAttributeLists(field.AttributeLists.Insert(0, list)),
            PropertyDeclarationSyntax property => property.WithAttributeLists(property.AttributeLists.Insert(0, list)),
            MethodDeclarationSyntax method => method.WithAttributeLists(method.AttributeLists.Insert(0, list)),
            _ => member,
        };
    }

    /// <summary>
    /// Inserts constants after the type's leading fields (or first, followed by a blank line, when the
    /// type starts with something else), indented like their neighbours.
    /// </summary>
    public static TypeDeclarationSyntax InsertConstants(TypeDeclarationSyntax type, IReadOnlyList<FieldDeclarationSyntax> constants, string newLine)
    {
        var members = type.Members;
        var index = 0;
        while (index < members.Count && members[index] is FieldDeclarationSyntax)
        {
            index++;
        }

        var neighbour = members.Count == 0 ? null : members[index < members.Count ? index : members.Count - 1];
        var indentation = neighbour is not null
            ? Indentation(neighbour)
            : Indentation(type).Add(SyntaxFactory.Whitespace("    "));
        // Where the type separates its fields from one another by blank lines, so do the constants.
        var separated = index > 1 && StartsWithBlankLine(members[index - 1]);
        var laidOut = new List<MemberDeclarationSyntax>();
        for (var i = 0; i < constants.Count; i++)
        {
            var constant = Indent(constants[i], indentation, newLine);
            if (separated)
            {
                constant = constant.WithLeadingTrivia(constant.GetLeadingTrivia().Insert(0, SyntaxFactory.EndOfLine(newLine)));
            }

            var trailing = SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(newLine));
            if (i == constants.Count - 1 && index == 0 && members.Count > 0)
            {
                trailing = trailing.Add(SyntaxFactory.EndOfLine(newLine));
            }

            laidOut.Add(constant.WithTrailingTrivia(trailing));
        }

        return type.WithMembers(members.InsertRange(index, laidOut));
    }

    private static bool StartsWithBlankLine(SyntaxNode member)
    {
        var leading = member.GetLeadingTrivia();
        return leading.Count > 0 && leading[0].IsKind(SyntaxKind.EndOfLineTrivia);
    }

    /// <summary>A field whose attribute lists each take a line, at <paramref name="indentation"/>.</summary>
    private static FieldDeclarationSyntax Indent(FieldDeclarationSyntax field, SyntaxTriviaList indentation, string newLine)
    {
        var lists = field.AttributeLists
            .Select(l => l.WithLeadingTrivia(indentation).WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine)))
            .ToList();
        var withoutLists = field.WithAttributeLists(default).WithLeadingTrivia(indentation);
        return withoutLists.WithAttributeLists(SyntaxFactory.List(lists));
    }
}
