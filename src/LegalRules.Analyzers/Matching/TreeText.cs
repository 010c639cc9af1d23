using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LegalRules.Matching;

/// <summary>
/// A search of a file's text for identifiers, before its syntax is walked: a file whose text does
/// not contain a name cannot declare or reference anything of that name, and searching a string is
/// far cheaper than walking its nodes.
/// </summary>
internal static class TreeText
{
    // The compiler keeps a text below this size as one string, which ToString() returns without a copy.
    private const int WholeTextLimit = 40 * 1024;

    /// <summary>
    /// False only when <paramref name="tree"/>'s text surely writes none of <paramref name="names"/>
    /// as an identifier: it contains none of them, and no Unicode escape (an identifier may be written
    /// with escapes). True when it may, and when the text is not at hand or too large to search whole.
    /// </summary>
    public static bool MayWriteAny(SyntaxTree tree, IEnumerable<string> names)
    {
        if (!tree.TryGetText(out var text) || text.Length > WholeTextLimit)
        {
            return true;
        }

        var content = text.ToString();
        if (MayEscape(content))
        {
            return true;
        }

        foreach (var name in names)
        {
            if (content.IndexOf(name, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The whole text of <paramref name="node"/>'s file, to search for names within the node's span;
    /// null when the text is not at hand or too large to be one string, or when the node's span may
    /// write an identifier with Unicode escapes.
    /// </summary>
    public static string? SearchableTextOf(SyntaxNode node)
    {
        if (!node.SyntaxTree.TryGetText(out var text) || text.Length > WholeTextLimit)
        {
            return null;
        }

        var content = text.ToString();
        var span = node.Span;
        return content.IndexOf("\\u", span.Start, span.Length, StringComparison.Ordinal) >= 0
            || content.IndexOf("\\U", span.Start, span.Length, StringComparison.Ordinal) >= 0
            ? null
            : content;
    }

    /// <summary>Whether <paramref name="content"/> may write an identifier with Unicode escapes, which a search for its name would not find.</summary>
    public static bool MayEscape(string content)
        => content.IndexOf("\\u", StringComparison.Ordinal) >= 0 || content.IndexOf("\\U", StringComparison.Ordinal) >= 0;
}
