using System;
using System.Collections.Generic;
using LegalRules.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Matching;

/// <summary>
/// The names of French schemes that the comments beside a value write. Code often says in a comment
/// what a constant is, not in its name: <c>HourlyRate = 11.88m; // SMIC</c>, a doc comment
/// "Taux horaire (SMIC)" above it, <c>// CSG déductible</c> above an element of a table. Only the
/// names of schemes count (csg, crds, smic, rsa, aah, pmss, chômage… — <see cref="StatutorySubject.NamesASchemeInProse"/>):
/// the other words of a comment are prose, and "taux", "plafond" or "mensuel" in a sentence say
/// nothing of which parameter a number is.
/// </summary>
internal static class CommentWords
{
    /// <summary>A comment longer than this is a notice or a block of documentation, not a label.</summary>
    private const int MaxCommentLength = 400;

    /// <summary>
    /// Adds to <paramref name="words"/> the scheme names of the comments that label
    /// <paramref name="value"/>: the comment ending its line, the comments on the lines just above
    /// that line, and those above the declaration or statement that holds it.
    /// </summary>
    public static void AddSchemeNames(SyntaxNode value, ISet<string> words)
    {
        var tree = value.SyntaxTree;
        var root = tree.GetRoot();
        var text = tree.GetText();
        var line = text.Lines.GetLineFromPosition(value.Span.End);

        // The comment ending the line belongs to the trivia of the line's last token.
        if (line.End > line.Start)
        {
            var last = root.FindToken(line.End - 1);
            AddFrom(last.TrailingTrivia, words);
        }

        // The comments just above the line lead its first token.
        var first = root.FindToken(FirstNonBlank(text, line));
        AddFrom(first.LeadingTrivia, words);

        // A declaration written over several lines is labelled above its first line.
        for (var node = value.Parent; node is not null; node = node.Parent)
        {
            if (node is FieldDeclarationSyntax or PropertyDeclarationSyntax or EnumMemberDeclarationSyntax or LocalDeclarationStatementSyntax
                or ExpressionStatementSyntax or ReturnStatementSyntax)
            {
                var leading = node.GetFirstToken();
                if (leading != first)
                {
                    AddFrom(leading.LeadingTrivia, words);
                }

                return;
            }

            if (node is MemberDeclarationSyntax or StatementSyntax)
            {
                return;
            }
        }
    }

    private static int FirstNonBlank(Microsoft.CodeAnalysis.Text.SourceText text, Microsoft.CodeAnalysis.Text.TextLine line)
    {
        for (var position = line.Start; position < line.End; position++)
        {
            if (!char.IsWhiteSpace(text[position]))
            {
                return position;
            }
        }

        return line.Start;
    }

    private static void AddFrom(SyntaxTriviaList trivia, ISet<string> words)
    {
        foreach (var piece in trivia)
        {
            if (!piece.IsKind(SyntaxKind.SingleLineCommentTrivia) && !piece.IsKind(SyntaxKind.MultiLineCommentTrivia)
                && !piece.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) && !piece.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
            {
                continue;
            }

            var comment = piece.ToFullString();
            if (comment.Length > MaxCommentLength)
            {
                continue;
            }

            var found = new HashSet<string>(StringComparer.Ordinal);
            NameWords.AddWords(comment, found);
            foreach (var word in found)
            {
                if (StatutorySubject.NamesASchemeInProse(word))
                {
                    words.Add(word);
                }
            }
        }
    }
}
