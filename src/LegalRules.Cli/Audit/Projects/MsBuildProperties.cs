using System;
using System.Collections.Generic;
using System.Text;

namespace LegalRules.Cli.Audit.Projects;

/// <summary>
/// MSBuild properties as a project file states them, read without evaluating anything: <c>$(Name)</c>
/// is replaced by what was read so far, property functions (<c>$([System.IO.File]::…)</c>) and item
/// references are never run. Conditions are decided only when they compare plain strings
/// (<c>'$(Configuration)|$(Platform)' == 'Release|AnyCPU'</c>, with <c>and</c>, <c>or</c>, <c>!</c>,
/// parentheses); any other condition (<c>Exists(…)</c>, a function, a number comparison) is taken as
/// false, and so is the element it guards.
/// </summary>
internal sealed class MsBuildProperties
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public string this[string name]
    {
        get => _values.TryGetValue(name, out var value) ? value : string.Empty;
        set => _values[name] = value;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>Replaces <c>$(Name)</c> by its value; null when the text asks for something only evaluation could give.</summary>
    public string? Expand(string text)
    {
        if (text.Contains("$([", StringComparison.Ordinal) || text.Contains("@(", StringComparison.Ordinal) || text.Contains("%(", StringComparison.Ordinal))
        {
            return null;
        }

        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf("$(", i, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            var end = text.IndexOf(')', start + 2);
            if (end < 0)
            {
                return null;
            }

            result.Append(text, i, start - i);
            result.Append(this[text.Substring(start + 2, end - start - 2).Trim()]);
            i = end + 1;
        }

        return result.ToString();
    }

    /// <summary>Whether an element with this condition applies; an absent condition applies.</summary>
    public bool Applies(string? condition)
    {
        if (string.IsNullOrWhiteSpace(condition))
        {
            return true;
        }

        var parser = new ConditionParser(condition, this);
        return parser.Parse() == true;
    }

    /// <summary>A recursive-descent reader of the plain-string subset of MSBuild conditions; null means "cannot tell".</summary>
    private sealed class ConditionParser
    {
        private readonly string _text;
        private readonly MsBuildProperties _properties;
        private int _position;

        public ConditionParser(string text, MsBuildProperties properties)
        {
            _text = text;
            _properties = properties;
        }

        public bool? Parse()
        {
            var value = Or();
            SkipSpaces();
            return _position == _text.Length ? value : null;
        }

        private bool? Or()
        {
            var left = And();
            while (Keyword("or"))
            {
                var right = And();
                left = left == true || right == true ? true : left is null || right is null ? null : false;
            }

            return left;
        }

        private bool? And()
        {
            var left = Unary();
            while (Keyword("and"))
            {
                var right = Unary();
                left = left == false || right == false ? false : left is null || right is null ? null : true;
            }

            return left;
        }

        private bool? Unary()
        {
            SkipSpaces();
            if (Peek('!') && !PeekAt(1, '='))
            {
                _position++;
                return !Unary();
            }

            if (Peek('('))
            {
                _position++;
                var inner = Or();
                SkipSpaces();
                if (!Peek(')'))
                {
                    return null;
                }

                _position++;
                return inner;
            }

            var left = Operand();
            SkipSpaces();
            string? op = null;
            if (Peek('=') && PeekAt(1, '='))
            {
                op = "==";
            }
            else if (Peek('!') && PeekAt(1, '='))
            {
                op = "!=";
            }

            if (op is null)
            {
                return left is null ? null : bool.TryParse(left, out var flag) ? flag : null;
            }

            _position += 2;
            var right = Operand();
            if (left is null || right is null)
            {
                return null;
            }

            var equal = string.Equals(left.Trim(), right.Trim(), StringComparison.OrdinalIgnoreCase);
            return op == "==" ? equal : !equal;
        }

        /// <summary>A quoted string (expanded) or a bare word; null for anything else (a function call).</summary>
        private string? Operand()
        {
            SkipSpaces();
            if (Peek('\''))
            {
                var end = _text.IndexOf('\'', _position + 1);
                if (end < 0)
                {
                    _position = _text.Length;
                    return null;
                }

                var raw = _text.Substring(_position + 1, end - _position - 1);
                _position = end + 1;
                return _properties.Expand(raw);
            }

            var start = _position;
            while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' or '.' or '$'))
            {
                _position++;
            }

            if (_position == start)
            {
                _position = _text.Length;
                return null;
            }

            var word = _text.Substring(start, _position - start);
            SkipSpaces();
            if (Peek('('))
            {
                // Exists(…), HasTrailingSlash(…): evaluation only.
                _position = _text.Length;
                return null;
            }

            return word.StartsWith('$') ? null : word;
        }

        private bool Keyword(string word)
        {
            SkipSpaces();
            if (_position + word.Length <= _text.Length
                && string.Compare(_text, _position, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (_position + word.Length == _text.Length || !char.IsLetterOrDigit(_text[_position + word.Length])))
            {
                _position += word.Length;
                return true;
            }

            return false;
        }

        private void SkipSpaces()
        {
            while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }
        }

        private bool Peek(char c) => _position < _text.Length && _text[_position] == c;

        private bool PeekAt(int offset, char c) => _position + offset < _text.Length && _text[_position + offset] == c;
    }
}
