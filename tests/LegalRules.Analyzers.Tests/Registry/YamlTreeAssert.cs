using System.Collections.Generic;
using System.Text;
using LegalRules.Registry.Yaml;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LegalRules.Tests.Registry;

/// <summary>Compares YAML trees node by node: kinds, values, plain or quoted, spans, line spans, completeness, expanded sizes.</summary>
internal static class YamlTreeAssert
{
    /// <summary>The first difference between two trees (with the path to it), or null when they are equal.</summary>
    public static string? FirstDifference(YamlNode? expected, YamlNode? actual)
    {
        // Iterative: the parser's trees may be as deep as its limit allows.
        var pending = new Stack<(string Path, YamlNode? Expected, YamlNode? Actual)>();
        pending.Push(("$", expected, actual));
        while (pending.Count > 0)
        {
            var (path, e, a) = pending.Pop();
            if (e is null || a is null)
            {
                if (e is not null || a is not null)
                {
                    return $"{path}: expected {Describe(e)}, got {Describe(a)}";
                }

                continue;
            }

            if (e.GetType() != a.GetType() || e.Span != a.Span || e.LineSpan != a.LineSpan || e.IsComplete != a.IsComplete
                || e.ExpandedSize != a.ExpandedSize || e.ExpandedHeight != a.ExpandedHeight)
            {
                return $"{path}: expected {Describe(e)}, got {Describe(a)}";
            }

            switch (e)
            {
                case YamlScalar es:
                {
                    var s = (YamlScalar)a;
                    if (es.Value != s.Value || es.IsPlain != s.IsPlain)
                    {
                        return $"{path}: expected {Describe(e)}, got {Describe(a)}";
                    }

                    break;
                }

                case YamlSequence eq:
                {
                    var q = (YamlSequence)a;
                    if (eq.Items.Count != q.Items.Count)
                    {
                        return $"{path}: expected {eq.Items.Count} items, got {q.Items.Count}";
                    }

                    for (var i = eq.Items.Count - 1; i >= 0; i--)
                    {
                        pending.Push(($"{path}[{i}]", eq.Items[i], q.Items[i]));
                    }

                    break;
                }

                case YamlMapping em:
                {
                    var m = (YamlMapping)a;
                    if (em.Entries.Count != m.Entries.Count)
                    {
                        return $"{path}: expected {em.Entries.Count} entries, got {m.Entries.Count}";
                    }

                    for (var i = em.Entries.Count - 1; i >= 0; i--)
                    {
                        var key = em.Entries[i].Key.Value;
                        pending.Push(($"{path}.{key}", em.Entries[i].Value, m.Entries[i].Value));
                        pending.Push(($"{path}.{key}(key)", em.Entries[i].Key, m.Entries[i].Key));
                    }

                    break;
                }
            }
        }

        return null;
    }

    /// <summary>The subset reader reads <paramref name="yaml"/>, and gives the parser's tree.</summary>
    public static YamlNode? ReadsAsParser(string yaml)
    {
        var text = SourceText.From(yaml);
        var expected = YamlTreeReader.ReadWithParser(text);
        Assert.Empty(expected.Faults);
        var actual = YamlTreeReader.ReadWithSubset(text);
        Assert.True(actual is not null, "The subset reader declined:\n" + yaml);
        var difference = FirstDifference(expected.Root, actual!.Value.Root);
        Assert.True(difference is null, difference + "\nin:\n" + yaml);
        return actual.Value.Root;
    }

    /// <summary>The subset reader declines <paramref name="yaml"/>; <see cref="YamlTreeReader.Read"/> gives the parser's tree and faults.</summary>
    public static void Declines(string yaml)
    {
        var text = SourceText.From(yaml);
        Assert.True(YamlTreeReader.ReadWithSubset(text) is null, "The subset reader read:\n" + yaml);
        var expected = YamlTreeReader.ReadWithParser(text);
        var actual = YamlTreeReader.Read(text);
        Assert.Null(FirstDifference(expected.Root, actual.Root));
        Assert.Equal(Faults(expected.Faults), Faults(actual.Faults));
    }

    private static string Faults(IReadOnlyList<LegalRules.Registry.RegistryFault> faults)
    {
        var builder = new StringBuilder();
        foreach (var fault in faults)
        {
            builder.Append(fault.Code).Append(' ').Append(fault.Span.Span).Append(' ').Append(fault).Append('\n');
        }

        return builder.ToString();
    }

    private static string Describe(YamlNode? node) => node switch
    {
        null => "nothing",
        YamlScalar s => $"{(s.IsPlain ? "plain" : "quoted")} value \"{Escape(s.Value)}\" at {Where(node)}",
        YamlSequence q => $"a list of {q.Items.Count} at {Where(node)}",
        YamlMapping m => $"a mapping of {m.Entries.Count} at {Where(node)}",
        _ => node.KindName,
    } + (node is null ? string.Empty : $" (complete: {node.IsComplete}, size {node.ExpandedSize}, height {node.ExpandedHeight})");

    private static string Where(YamlNode node) => $"{node.Span} {node.LineSpan}";

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t");
}
