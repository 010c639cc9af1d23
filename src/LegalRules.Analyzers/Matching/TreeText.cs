using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

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
    /// The names a search for any of <paramref name="names"/> must look for: a text that contains a
    /// name contains every part of it, so a name that holds another of the set (<c>StatutoryParameterAttribute</c>
    /// holds <c>StatutoryParameter</c>) need not be searched for. Each name once, in the order given.
    /// </summary>
    public static string[] Needles(IEnumerable<string> names)
    {
        var all = new List<string>(names);
        var needles = new List<string>(all.Count);
        for (var i = 0; i < all.Count; i++)
        {
            var held = false;
            for (var j = 0; j < all.Count && !held; j++)
            {
                // Of two equal names, the first is kept.
                held = i != j && all[i].IndexOf(all[j], StringComparison.Ordinal) >= 0 && (all[i].Length > all[j].Length || j < i);
            }

            if (!held)
            {
                needles.Add(all[i]);
            }
        }

        return needles.ToArray();
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
        return MayEscape(content, node.Span.Start, node.Span.Length) ? null : content;
    }

    /// <summary>
    /// The positions in <paramref name="content"/>, within <paramref name="span"/>, where
    /// <paramref name="name"/> is written as a whole word (<see cref="IsWholeWordAt"/>), in order. None
    /// for an empty name, such as a name missing from broken code: an empty text is found everywhere.
    /// </summary>
    /// <remarks>
    /// A value, enumerated by <c>foreach</c> without allocating: it is asked for each member and each
    /// name searched, and most searches find nothing.
    /// </remarks>
    public static WholeWords WholeWordsIn(string content, string name, TextSpan span) => new(content, name, span);

    /// <summary>The enumeration of <see cref="WholeWordsIn"/>: its own enumerator, a value.</summary>
    public struct WholeWords
    {
        private readonly string _content;
        private readonly string _name;
        private readonly int _start;
        private readonly int _end;
        private int _at;

        internal WholeWords(string content, string name, TextSpan span)
        {
            _content = content;
            _name = name;
            _start = span.Start;
            _end = Math.Min(span.End, content.Length);
            _at = -1;
        }

        public readonly int Current => _at;

        public readonly WholeWords GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_name.Length == 0)
            {
                return false;
            }

            var from = _at < 0 ? _start : _at + _name.Length;
            while (from < _end)
            {
                var found = _content.IndexOf(_name, from, _end - from, StringComparison.Ordinal);
                if (found < 0)
                {
                    break;
                }

                if (IsWholeWordAt(_content, found, _name.Length))
                {
                    _at = found;
                    return true;
                }

                from = found + _name.Length;
            }

            _at = _end;
            return false;
        }
    }

    /// <summary>
    /// Whether the text found at <paramref name="at"/>, of <paramref name="length"/> characters, is a
    /// whole word: no letter, digit or underscore touches it on either side. A name found inside a
    /// longer identifier is not that name.
    /// </summary>
    public static bool IsWholeWordAt(string content, int at, int length)
        => (at == 0 || !IsIdentifierPart(content[at - 1]))
            && (at + length >= content.Length || !IsIdentifierPart(content[at + length]));

    /// <summary>
    /// Whether what follows a name ending at <paramref name="index"/> may make it the target of an
    /// assignment or a declared variable's initialiser: after spaces and closing parentheses, an
    /// <c>=</c> that is not <c>==</c> or <c>=&gt;</c>, a compound assignment, or anything the text
    /// alone does not settle (a comment, a directive, <c>&lt;</c>, <c>&gt;</c>, <c>?</c>). False when
    /// the name is surely read: followed by <c>,</c>, <c>;</c>, <c>.</c>, <c>(</c>, <c>==</c>, an
    /// arithmetic operator…
    /// </summary>
    public static bool MayBeAssignedAfter(string content, int index, int end)
    {
        var i = index;
        while (i < end && (char.IsWhiteSpace(content[i]) || content[i] == ')'))
        {
            i++;
        }

        if (i >= end)
        {
            return false;
        }

        var next = i + 1 < content.Length ? content[i + 1] : '\0';
        switch (content[i])
        {
            case '=':
                return next is not '=' and not '>';
            case '+' or '-' or '*' or '%' or '&' or '|' or '^':
                return next == '=';
            case '/':
                return next is '=' or '/' or '*';
            case '<' or '>' or '?' or '#':
                return true;
            default:
                return false;
        }
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>Whether <paramref name="content"/> may write an identifier with Unicode escapes, which a search for its name would not find.</summary>
    public static bool MayEscape(string content) => MayEscape(content, 0, content.Length);

    private static bool MayEscape(string content, int start, int length)
        => content.IndexOf("\\u", start, length, StringComparison.Ordinal) >= 0 || content.IndexOf("\\U", start, length, StringComparison.Ordinal) >= 0;
}
