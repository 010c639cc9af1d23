using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Registry.Yaml;

/// <summary>
/// Line positions of a text, as <see cref="SourceText.Lines"/> gives them, for the common case of a
/// text whose only line break is <c>\n</c>: the line starts are found with <see cref="string.IndexOf(char, int)"/>
/// and looked up from the last line found (positions come mostly in order). Building Roslyn's line
/// table char by char was a tenth of the cold cost of reading an OpenFisca tree. A text with any
/// other line break (<c>\r</c>, U+0085, U+2028, U+2029) uses Roslyn's table.
/// </summary>
internal sealed class LineMap
{
    private static readonly char[] OtherBreaks = { '\r', '\u0085', '\u2028', '\u2029' };

    private readonly SourceText? _fallback;
    private readonly int[] _starts;
    private readonly int _count;
    private int _last;

    private LineMap(SourceText? fallback, int[] starts, int count)
    {
        _fallback = fallback;
        _starts = starts;
        _count = count;
    }

    /// <param name="content">The text's characters (<paramref name="text"/>.ToString()).</param>
    public static LineMap For(SourceText text, string content)
    {
        if (content.IndexOfAny(OtherBreaks) >= 0)
        {
            return new LineMap(text, System.Array.Empty<int>(), 0);
        }

        var starts = new List<int>(64) { 0 };
        for (var i = content.IndexOf('\n'); i >= 0; i = content.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }

        return new LineMap(null, starts.ToArray(), starts.Count);
    }

    public LinePositionSpan GetLinePositionSpan(TextSpan span)
        => _fallback is not null
            ? _fallback.Lines.GetLinePositionSpan(span)
            : new LinePositionSpan(GetLinePosition(span.Start), GetLinePosition(span.End));

    private LinePosition GetLinePosition(int position)
    {
        var line = _last;
        if (position < _starts[line] || (line + 1 < _count && position >= _starts[line + 1]))
        {
            if (line + 2 < _count && position >= _starts[line + 1] && position < _starts[line + 2])
            {
                line++;
            }
            else
            {
                line = FindLine(position);
            }

            _last = line;
        }

        return new LinePosition(line, position - _starts[line]);
    }

    /// <summary>The last line that starts at or before <paramref name="position"/>.</summary>
    private int FindLine(int position)
    {
        var lo = 0;
        var hi = _count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (_starts[mid] <= position)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }
}
