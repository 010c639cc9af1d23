using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Registry.Yaml;

/// <summary>A node of a YAML document, with the span of text it came from.</summary>
internal abstract class YamlNode
{
    protected YamlNode(TextSpan span, LinePositionSpan lineSpan)
    {
        Span = span;
        LineSpan = lineSpan;
    }

    public TextSpan Span { get; }

    public LinePositionSpan LineSpan { get; }

    /// <summary>A short word for messages: "a mapping", "a list", "a value".</summary>
    public abstract string KindName { get; }
}

internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, bool isPlain, TextSpan span, LinePositionSpan lineSpan)
        : base(span, lineSpan)
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
    public YamlSequence(IReadOnlyList<YamlNode> items, TextSpan span, LinePositionSpan lineSpan)
        : base(span, lineSpan)
    {
        Items = items;
    }

    public IReadOnlyList<YamlNode> Items { get; }

    public override string KindName => "a list";
}

internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries, TextSpan span, LinePositionSpan lineSpan)
        : base(span, lineSpan)
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
