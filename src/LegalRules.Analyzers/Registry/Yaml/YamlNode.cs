using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Registry.Yaml;

/// <summary>A node of a YAML document, with the span of text it came from.</summary>
internal abstract class YamlNode
{
    protected YamlNode(FileSpan span)
    {
        Span = span.Span;
        LineSpan = span.LineSpan;
    }

    public TextSpan Span { get; }

    public LinePositionSpan LineSpan { get; }

    /// <summary>
    /// False when the reader could not read all of this node (a syntax error, an alias too large or
    /// too deep, a complex key inside it): what it holds is only part of what the text says, so
    /// nothing may be taken from it as data. The reader has reported why.
    /// </summary>
    public bool IsComplete { get; init; } = true;

    /// <summary>How many nodes this node stands for once aliases are expanded (itself included).</summary>
    public long ExpandedSize { get; init; } = 1;

    /// <summary>How many levels this node spans once aliases are expanded (1 for a value).</summary>
    public int ExpandedHeight { get; init; } = 1;

    /// <summary>A short word for messages: "a mapping", "a list", "a value".</summary>
    public abstract string KindName { get; }
}

internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, bool isPlain, FileSpan span)
        : base(span)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>False when the scalar was quoted: "12" is a string, 12 a number.</summary>
    public bool IsPlain { get; }

    /// <summary>True for the plain scalars YAML reads as null: <c>~</c>, <c>null</c>, empty.</summary>
    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public override string KindName => "a value";
}

internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(IReadOnlyList<YamlNode> items, FileSpan span)
        : base(span)
    {
        Items = items;
    }

    public IReadOnlyList<YamlNode> Items { get; }

    public override string KindName => "a list";
}

internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries, FileSpan span)
        : base(span)
    {
        Entries = entries;
    }

    /// <summary>The entries in document order. Keys are scalars; complex keys are rejected by the reader.</summary>
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; }

    public override string KindName => "a mapping";

    public YamlNode? Get(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }
}
