using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Registry.Yaml;

/// <summary>
/// A reader for the part of YAML that parameter files are written in, which yields the same tree as
/// <see cref="YamlTreeReader"/>'s YamlDotNet path (same values, kinds, spans, expanded sizes) or
/// declines. It reads in one pass over the text, without the parser's generic machinery: most of
/// the cold cost of a parameter tree was that machinery running before the runtime had optimised it.
/// <para>
/// What it reads: block mappings whose keys are plain one-line scalars; block sequences, indented
/// or at the level of their key, with items that are values, mappings (<c>- key: value</c>) or
/// sequences; plain one-line values; one-line single-quoted values and double-quoted values with
/// the escapes <c>\\ \" \/ \n \t \r \0 \_</c> and <c>\ </c>; block scalars <c>|</c> and
/// <c>&gt;</c> with or without a chomping indicator, their first line not empty; <c>[]</c> and
/// <c>{}</c>; empty values; comments; a byte order mark.
/// </para>
/// <para>
/// It declines everything else, and everything it cannot be sure of: anchors, aliases, tags,
/// directives, document markers, quoted or complex keys, other flow collections, plain or quoted
/// values over several lines, other escapes, indentation indicators, spaces past a block scalar's
/// indentation on an empty line, a line indented more than its place allows, tabs, line breaks
/// other than <c>\n</c>, control characters, surrogates, a key over 1,000 characters, a tree deeper
/// than half of <see cref="YamlTreeReader.MaxDepth"/>. Every syntax error is among these, so
/// faults are always the parser's.
/// </para>
/// </summary>
internal sealed class YamlSubsetReader
{
    private const int MaxDepth = YamlTreeReader.MaxDepth / 2;

    /// <summary>Under YAML's limit on the length of an implicit key (1,024), with a margin.</summary>
    private const int MaxKeyLength = 1000;

    private readonly string _s;
    private readonly int _length;
    private readonly LineMap _lines;
    private readonly CancellationToken _cancellationToken;

    // The reader's position, and the start of the line it is on.
    private int _pos;
    private int _lineStart;
    private int _nodes;
    private int _lineCount;
    private bool _declined;
    private int _declinedAt = -1;
    private StringBuilder? _builder;

    private YamlSubsetReader(string content, int offset, LineMap lines, CancellationToken cancellationToken)
    {
        _s = content;
        _length = content.Length;
        _lines = lines;
        _cancellationToken = cancellationToken;
        _pos = offset;
        _lineStart = offset;
    }

    /// <summary>
    /// Reads <paramref name="content"/> (from <paramref name="offset"/>, past a byte order mark).
    /// False when the text is not within the subset: the caller reads it with the parser.
    /// </summary>
    public static bool TryRead(string content, int offset, LineMap lines, CancellationToken cancellationToken, out YamlNode? root)
        => TryRead(content, offset, lines, cancellationToken, out root, out _);

    /// <param name="declinedAt">Where the reader was when it declined (-1 when it did not): for tests.</param>
    internal static bool TryRead(string content, int offset, LineMap lines, CancellationToken cancellationToken, out YamlNode? root, out int declinedAt)
    {
        root = null;
        declinedAt = -1;
        if (!HasOnlyPlainCharacters(content, offset))
        {
            declinedAt = 0;
            return false;
        }

        var reader = new YamlSubsetReader(content, offset, lines, cancellationToken);
        var read = reader.ReadDocument(out root);
        declinedAt = read ? -1 : reader._declinedAt;
        return read;
    }

    /// <summary>
    /// Line feeds and printable characters only: no tab, no other line break, no control character,
    /// no surrogate, no byte order mark past the start, none of the characters YAML rejects.
    /// </summary>
    private static bool HasOnlyPlainCharacters(string content, int offset)
    {
        for (var i = offset; i < content.Length; i++)
        {
            var c = content[i];
            if (c < ' ')
            {
                if (c != '\n')
                {
                    return false;
                }
            }
            else if (c >= '\u007F' && (c < '\u00A0' || (c >= '\uD800' && c <= '\uDFFF') || c == '\u2028' || c == '\u2029' || c >= '\uFEFF'))
            {
                // U+FEFF and up: the byte order mark, the specials, U+FFFE and U+FFFF; the rest of that
                // range (half-width forms) is printable but never in a parameter file.
                return false;
            }
        }

        return true;
    }

    private bool ReadDocument(out YamlNode? root)
    {
        root = null;
        SkipBlankLines();
        if (_declined)
        {
            return false;
        }

        if (_pos < _length)
        {
            root = ReadBlockNode(Indent, 0);
            if (root is not null && !_declined && _pos < _length)
            {
                Decline(); // something after the root collection, less indented than it
            }

            if (root is null || _declined)
            {
                root = null;
                return false;
            }
        }

        return true;
    }

    private int Indent => _pos - _lineStart;

    /// <summary>A mapping or a sequence starting at the current position, at <paramref name="indent"/>.</summary>
    private YamlNode? ReadBlockNode(int indent, int depth)
    {
        if (depth >= MaxDepth)
        {
            return Decline();
        }

        if (IsSequenceEntry(_pos))
        {
            return ReadSequence(indent, depth);
        }

        return IsKeyLine(_pos) ? ReadMapping(indent, depth) : Decline();
    }

    private YamlNode? ReadMapping(int indent, int depth)
    {
        var start = _pos;
        var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
        long size = 1;
        var childHeight = 1;
        var lastEnd = start;
        while (true)
        {
            var key = ReadKey();
            if (key is null)
            {
                return null;
            }

            var value = ReadValue(indent, depth, afterKey: true);
            if (value is null)
            {
                return null;
            }

            entries.Add(new KeyValuePair<YamlScalar, YamlNode>(key, value));
            size += 1 + value.ExpandedSize;
            childHeight = System.Math.Max(childHeight, value.ExpandedHeight);
            lastEnd = value.Span.End;

            if (_pos >= _length || Indent < indent)
            {
                break;
            }

            if (Indent > indent)
            {
                return Decline(); // a value over several lines, or an error
            }
        }

        return Count(new YamlMapping(entries, Span(start, System.Math.Max(start, lastEnd))) { ExpandedSize = size, ExpandedHeight = childHeight + 1 });
    }

    private YamlNode? ReadSequence(int indent, int depth)
    {
        var start = _pos;
        var items = new List<YamlNode>();
        long size = 1;
        var childHeight = 0;
        var lastEnd = start;
        while (true)
        {
            // At a '-' followed by a space or the end of the line.
            _pos++;
            var item = ReadValue(indent, depth, afterKey: false);
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            size += item.ExpandedSize;
            childHeight = System.Math.Max(childHeight, item.ExpandedHeight);
            lastEnd = item.Span.End;

            if (_pos >= _length || Indent < indent)
            {
                break;
            }

            if (Indent > indent)
            {
                return Decline();
            }

            if (!IsSequenceEntry(_pos))
            {
                break; // the next key of the mapping this sequence is a value of; the caller checks
            }
        }

        return Count(new YamlSequence(items, Span(start, System.Math.Max(start, lastEnd))) { ExpandedSize = size, ExpandedHeight = childHeight + 1 });
    }

    /// <summary>
    /// The value after a key's colon or a sequence's dash, in a collection at <paramref name="indent"/>;
    /// leaves the position at the next content line.
    /// </summary>
    private YamlNode? ReadValue(int indent, int depth, bool afterKey)
    {
        var indicatorEnd = _pos;
        var p = SkipSpaces(_pos);
        if (p >= _length || _s[p] == '\n' || (_s[p] == '#' && p > _pos))
        {
            if (!FinishLine(p))
            {
                return null;
            }

            SkipBlankLines();
            if (_declined)
            {
                return null;
            }

            if (_pos < _length)
            {
                var next = Indent;
                if (next > indent || (afterKey && next == indent && IsSequenceEntry(_pos)))
                {
                    return ReadBlockNode(next, depth + 1);
                }
            }

            // An empty value: YamlDotNet places it just after the colon or the dash.
            return Count(new YamlScalar(string.Empty, isPlain: true, Span(indicatorEnd, indicatorEnd)));
        }

        if (p == _pos)
        {
            return Decline(); // "key:value" or "-value" are not what they seem
        }

        // Something on the same line: a value, or a collection that starts there ("- key: value", "- - item").
        if (IsSequenceEntry(p) || IsKeyLine(p))
        {
            if (afterKey)
            {
                return Decline(); // "key: - item" and "key: a: b" are errors
            }

            _pos = p;
            return ReadBlockNode(p - _lineStart, depth + 1);
        }

        return ReadInline(p, indent);
    }

    /// <summary>A value that starts at <paramref name="p"/> on the current line.</summary>
    private YamlNode? ReadInline(int p, int indent)
    {
        var c = _s[p];
        switch (c)
        {
            case '"':
                return ReadDoubleQuoted(p);
            case '\'':
                return ReadSingleQuoted(p);
            case '|' or '>':
                return ReadBlockScalar(p, indent);
            case '[' or '{':
                return ReadEmptyFlow(p);
            case '-' when p + 1 >= _length || _s[p + 1] is ' ' or '\n':
            case '?' or ':' or ']' or '}' or ',' or '#' or '&' or '*' or '!' or '%' or '@' or '`':
                return Decline();
        }

        // A plain value: to the end of the line or a comment, trailing spaces left out.
        var end = p;
        var i = p;
        for (; i < _length; i++)
        {
            var ch = _s[i];
            if (ch == '\n' || (ch == '#' && _s[i - 1] == ' '))
            {
                break;
            }

            if (ch == ':' && (i + 1 >= _length || _s[i + 1] is ' ' or '\n'))
            {
                return Decline(); // "a: b: c"
            }

            if (ch != ' ')
            {
                end = i + 1;
            }
        }

        var scalar = new YamlScalar(_s.Substring(p, end - p), isPlain: true, Span(p, end));
        return FinishLine(end) && SkipBlankLines() ? Count(scalar) : null;
    }

    private YamlNode? ReadDoubleQuoted(int p)
    {
        var builder = _builder ??= new StringBuilder();
        builder.Clear();
        var escaped = false;
        var i = p + 1;
        for (; ; i++)
        {
            if (i >= _length || _s[i] == '\n')
            {
                return Decline(); // over several lines
            }

            var c = _s[i];
            if (c == '"')
            {
                break;
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (i + 1 >= _length)
            {
                return Decline();
            }

            escaped = true;
            char value;
            switch (_s[++i])
            {
                case '\\': value = '\\'; break;
                case '"': value = '"'; break;
                case '/': value = '/'; break;
                case ' ': value = ' '; break;
                case 'n': value = '\n'; break;
                case 't': value = '\t'; break;
                case 'r': value = '\r'; break;
                case '0': value = '\0'; break;
                case '_': value = '\u00A0'; break;
                default: return Decline();
            }

            builder.Append(value);
        }

        return FinishQuoted(p, i, escaped ? builder.ToString() : null);
    }

    private YamlNode? ReadSingleQuoted(int p)
    {
        var builder = _builder ??= new StringBuilder();
        builder.Clear();
        var escaped = false;
        var i = p + 1;
        for (; ; i++)
        {
            if (i >= _length || _s[i] == '\n')
            {
                return Decline();
            }

            var c = _s[i];
            if (c == '\'')
            {
                if (i + 1 < _length && _s[i + 1] == '\'')
                {
                    escaped = true;
                    builder.Append('\'');
                    i++;
                    continue;
                }

                break;
            }

            builder.Append(c);
        }

        return FinishQuoted(p, i, escaped ? builder.ToString() : null);
    }

    /// <summary>
    /// A quoted scalar from its opening quote at <paramref name="open"/> to its closing one at
    /// <paramref name="close"/>: <paramref name="unescaped"/> when an escape changed its text, the
    /// text between the quotes otherwise.
    /// </summary>
    private YamlNode? FinishQuoted(int open, int close, string? unescaped)
    {
        var end = close + 1;
        var scalar = new YamlScalar(unescaped ?? _s.Substring(open + 1, close - open - 1), isPlain: false, Span(open, end));
        return FinishLine(end) && SkipBlankLines() ? Count(scalar) : null;
    }

    /// <summary><c>[]</c> or <c>{}</c>, alone on the rest of the line.</summary>
    private YamlNode? ReadEmptyFlow(int p)
    {
        var close = _s[p] == '[' ? ']' : '}';
        if (p + 1 >= _length || _s[p + 1] != close)
        {
            return Decline();
        }

        var end = p + 2;
        var span = Span(p, end);
        YamlNode node = close == ']'
            ? new YamlSequence(System.Array.Empty<YamlNode>(), span)
            : new YamlMapping(System.Array.Empty<KeyValuePair<YamlScalar, YamlNode>>(), span);
        return FinishLine(end) && SkipBlankLines() ? Count(node) : null;
    }

    /// <summary>
    /// A literal (<c>|</c>) or folded (<c>&gt;</c>) scalar, the value of an entry of a collection at
    /// <paramref name="indent"/>. Its indentation is that of its first line, which must be a line
    /// of content; a folded scalar has no line indented further.
    /// </summary>
    private YamlNode? ReadBlockScalar(int p, int indent)
    {
        var literal = _s[p] == '|';
        var i = p + 1;
        var chomp = 0;
        if (i < _length && _s[i] is '-' or '+')
        {
            chomp = _s[i] == '-' ? -1 : 1;
            i++;
        }

        if (i < _length && _s[i] is not (' ' or '\n'))
        {
            return Decline(); // an indentation indicator, or anything else
        }

        if (!FinishLine(i))
        {
            return null;
        }

        // The first line of content fixes the indentation.
        var lineStart = _pos;
        var blockIndent = SkipSpaces(lineStart) - lineStart;
        if (lineStart + blockIndent >= _length || _s[lineStart + blockIndent] == '\n' || blockIndent <= indent)
        {
            return Decline(); // leading empty lines, or an empty scalar
        }

        var builder = _builder ??= new StringBuilder();
        builder.Clear();
        var pendingBreaks = 0; // empty lines since the last line of content
        var first = true;
        var previousSpaced = false;
        int end;
        while (true)
        {
            var contentStart = SkipSpaces(lineStart);
            var spaces = contentStart - lineStart;
            if (contentStart >= _length)
            {
                // The end of the text: the scalar ends here; spaces without a line break after them are left to the parser.
                if (spaces > 0)
                {
                    return Decline();
                }

                end = _length;
                break;
            }

            if (_s[contentStart] == '\n')
            {
                if (spaces > blockIndent)
                {
                    return Decline(); // spaces past the indentation on an empty line are content
                }

                pendingBreaks++;
                lineStart = contentStart + 1;
                continue;
            }

            if (spaces < blockIndent)
            {
                end = lineStart; // YamlDotNet ends the scalar at the start of the next line
                break;
            }

            var eol = _s.IndexOf('\n', contentStart);
            if (eol < 0)
            {
                return Decline(); // no line break after the last line
            }

            // A folded scalar joins two lines with a space, or keeps only the empty lines between them,
            // unless either is indented further than the scalar: then every break is kept (as libyaml does).
            var spaced = spaces > blockIndent;
            if (!first)
            {
                if (literal || spaced || previousSpaced)
                {
                    builder.Append('\n', pendingBreaks + 1);
                }
                else if (pendingBreaks == 0)
                {
                    builder.Append(' ');
                }
                else
                {
                    builder.Append('\n', pendingBreaks);
                }
            }

            previousSpaced = spaced;
            first = false;
            pendingBreaks = 0;
            builder.Append(_s, lineStart + blockIndent, eol - lineStart - blockIndent);
            lineStart = eol + 1;
            if (++_lineCount % 1024 == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }
        }

        if (chomp >= 0)
        {
            builder.Append('\n', chomp > 0 ? pendingBreaks + 1 : 1);
        }

        var scalar = new YamlScalar(builder.ToString(), isPlain: false, Span(p, end));
        _pos = lineStart;
        _lineStart = lineStart;
        return SkipBlankLines() ? Count(scalar) : null;
    }

    private YamlScalar? ReadKey()
    {
        var start = _pos;
        var colon = KeyEnd(start);
        if (colon < 0)
        {
            return (YamlScalar?)Decline();
        }

        _pos = colon + 1;

        // "key : value": the key ends before the spaces.
        var end = colon;
        while (_s[end - 1] == ' ')
        {
            end--;
        }

        return (YamlScalar?)Count(new YamlScalar(_s.Substring(start, end - start), isPlain: true, Span(start, end)));
    }

    private bool IsKeyLine(int p) => KeyEnd(p) >= 0;

    /// <summary>
    /// Where the colon of a plain one-line key starting at <paramref name="p"/> is, or -1: the
    /// line is not such a key (a value, a quoted or complex key, a comment before any colon…).
    /// </summary>
    private int KeyEnd(int p)
    {
        if (p >= _length)
        {
            return -1;
        }

        switch (_s[p])
        {
            case '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' or ' ' or '\n':
                return -1;
        }

        var limit = System.Math.Min(_length, p + MaxKeyLength);
        for (var i = p + 1; i < limit; i++)
        {
            var c = _s[i];
            if (c == '\n' || (c == '#' && _s[i - 1] == ' '))
            {
                return -1;
            }

            if (c == ':' && (i + 1 >= _length || _s[i + 1] is ' ' or '\n'))
            {
                return i;
            }
        }

        return -1;
    }

    private bool IsSequenceEntry(int p) => p < _length && _s[p] == '-' && (p + 1 >= _length || _s[p + 1] is ' ' or '\n');

    private int SkipSpaces(int p)
    {
        while (p < _length && _s[p] == ' ')
        {
            p++;
        }

        return p;
    }

    /// <summary>The rest of the line from <paramref name="p"/> is spaces and maybe a comment: moves to the next line.</summary>
    private bool FinishLine(int p)
    {
        var i = SkipSpaces(p);
        if (i < _length && _s[i] != '\n')
        {
            if (_s[i] != '#' || _s[i - 1] != ' ')
            {
                Decline();
                return false;
            }

            i = _s.IndexOf('\n', i);
            if (i < 0)
            {
                i = _length;
            }
        }

        _pos = i < _length ? i + 1 : _length;
        _lineStart = _pos;
        return true;
    }

    /// <summary>
    /// From the start of a line, past empty lines and comment lines, to the first character of the
    /// next line of content (or the end of the text). Declines at document markers and directives.
    /// </summary>
    private bool SkipBlankLines()
    {
        while (_pos < _length)
        {
            if (++_lineCount % 1024 == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            var lineStart = _pos;
            var i = SkipSpaces(lineStart);
            if (i >= _length)
            {
                _lineStart = lineStart;
                _pos = _length;
                return true;
            }

            var c = _s[i];
            if (c == '\n')
            {
                _pos = i + 1;
                continue;
            }

            if (c == '#')
            {
                var eol = _s.IndexOf('\n', i);
                _pos = eol < 0 ? _length : eol + 1;
                if (eol < 0)
                {
                    _lineStart = lineStart;
                }

                continue;
            }

            if (i == lineStart && (c == '%' || StartsWith(i, "---") || StartsWith(i, "...")))
            {
                Decline();
                return false;
            }

            _lineStart = lineStart;
            _pos = i;
            return true;
        }

        return true;
    }

    private bool StartsWith(int p, string value) => string.CompareOrdinal(_s, p, value, 0, value.Length) == 0;

    private YamlNode? Count(YamlNode node)
    {
        // Counted as the parser's path counts its events (a collection has two); past its limit, the parser reports the fault.
        _nodes += node is YamlScalar ? 1 : 2;
        return _nodes > YamlTreeReader.MaxNodes ? Decline() : node;
    }

    private YamlNode? Decline()
    {
        _declined = true;
        _declinedAt = _declinedAt < 0 ? _pos : _declinedAt;
        return null;
    }

    private FileSpan Span(int start, int end)
    {
        var span = TextSpan.FromBounds(start, end);
        return new FileSpan(span, _lines.GetLinePositionSpan(span));
    }
}
