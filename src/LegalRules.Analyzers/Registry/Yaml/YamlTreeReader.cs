using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LegalRules.Registry.Yaml;

/// <summary>
/// Reads the first document of a YAML text into a tree of <see cref="YamlNode"/>s that keep their
/// positions. Built from the parser's events without recursion, with limits on depth and size, so
/// that a hostile file (deep nesting, alias bombs) yields a fault instead of exhausting the stack
/// or memory. Aliases resolve to the anchored node itself: nothing is copied or expanded.
/// </summary>
internal static class YamlTreeReader
{
    internal const int MaxDepth = 64;
    internal const int MaxNodes = 2_000_000;

    private static readonly Regex MarkPrefix = new(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*", RegexOptions.CultureInvariant);

    public static YamlReadResult Read(SourceText text)
    {
        var faults = new List<RegistryFault>();
        YamlNode? root = null;
        try
        {
            root = ReadCore(text, faults);
        }
        catch (YamlException ex)
        {
            faults.Add(RegistryFault.At(text, ToSpan(text, ex.Start, ex.End), FaultCode.YamlSyntax, CleanMessage(ex.Message)));
            root = null;
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet reports some malformed inputs (bad escapes) this way.
            faults.Add(RegistryFault.At(text, new TextSpan(0, 0), FaultCode.YamlSyntax, ex.Message));
            root = null;
        }

        return new YamlReadResult(root, faults);
    }

    private static YamlNode? ReadCore(SourceText text, List<RegistryFault> faults)
    {
        var parser = new Parser(new StringReader(text.ToString()));
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        YamlNode? root = null;
        var nodes = 0;
        var documents = 0;

        while (parser.MoveNext())
        {
            var ev = parser.Current!;
            switch (ev)
            {
                case DocumentStart:
                    documents++;
                    if (documents > 1)
                    {
                        faults.Add(RegistryFault.At(text, ToSpan(text, ev.Start, ev.End), FaultCode.MultipleDocuments));
                        return root;
                    }

                    continue;
                case StreamStart or StreamEnd or DocumentEnd or Comment:
                    continue;
            }

            if (++nodes > MaxNodes)
            {
                faults.Add(RegistryFault.At(text, ToSpan(text, ev.Start, ev.End), FaultCode.TooLarge, MaxNodes));
                return null;
            }

            switch (ev)
            {
                case MappingStart mappingStart:
                    if (stack.Count >= MaxDepth)
                    {
                        faults.Add(RegistryFault.At(text, ToSpan(text, ev.Start, ev.End), FaultCode.TooDeep, MaxDepth));
                        return null;
                    }

                    stack.Push(Frame.ForMapping(mappingStart.Start, mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value));
                    break;
                case SequenceStart sequenceStart:
                    if (stack.Count >= MaxDepth)
                    {
                        faults.Add(RegistryFault.At(text, ToSpan(text, ev.Start, ev.End), FaultCode.TooDeep, MaxDepth));
                        return null;
                    }

                    stack.Push(Frame.ForSequence(sequenceStart.Start, sequenceStart.Anchor.IsEmpty ? null : sequenceStart.Anchor.Value));
                    break;
                case MappingEnd:
                {
                    var frame = stack.Pop();
                    var span = ToSpan(text, frame.Start, ev.End);
                    var node = new YamlMapping(frame.Entries!, span.Span, span.LineSpan);
                    Register(anchors, frame.Anchor, node);
                    if (!Attach(stack, node, text, faults, ref root))
                    {
                        return root;
                    }

                    break;
                }

                case SequenceEnd:
                {
                    var frame = stack.Pop();
                    var span = ToSpan(text, frame.Start, ev.End);
                    var node = new YamlSequence(frame.Items!, span.Span, span.LineSpan);
                    Register(anchors, frame.Anchor, node);
                    if (!Attach(stack, node, text, faults, ref root))
                    {
                        return root;
                    }

                    break;
                }

                case Scalar scalar:
                {
                    var span = ToSpan(text, scalar.Start, scalar.End);
                    var node = new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, span.Span, span.LineSpan);
                    Register(anchors, scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, node);
                    if (!Attach(stack, node, text, faults, ref root))
                    {
                        return root;
                    }

                    break;
                }

                case AnchorAlias alias:
                {
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        var span = ToSpan(text, alias.Start, alias.End);
                        faults.Add(RegistryFault.At(text, span, FaultCode.UnknownAlias, alias.Value.Value));
                        return null;
                    }

                    if (!Attach(stack, target, text, faults, ref root))
                    {
                        return root;
                    }

                    break;
                }
            }
        }

        return root;
    }

    private static void Register(Dictionary<string, YamlNode> anchors, string? anchor, YamlNode node)
    {
        if (anchor is not null)
        {
            anchors[anchor] = node;
        }
    }

    private static bool Attach(Stack<Frame> stack, YamlNode node, SourceText text, List<RegistryFault> faults, ref YamlNode? root)
    {
        if (stack.Count == 0)
        {
            root = node;
            return true;
        }

        var parent = stack.Peek();
        if (parent.Items is not null)
        {
            parent.Items.Add(node);
            return true;
        }

        if (parent.PendingKey is null)
        {
            if (node is not YamlScalar key)
            {
                faults.Add(RegistryFault.At(text, new FileSpan(node.Span, node.LineSpan), FaultCode.ComplexKey));
                return false;
            }

            parent.PendingKey = key;
            return true;
        }

        parent.Entries!.Add(new KeyValuePair<YamlScalar, YamlNode>(parent.PendingKey, node));
        parent.PendingKey = null;
        return true;
    }

    internal static FileSpan ToSpan(SourceText text, Mark start, Mark end)
    {
        var length = text.Length;
        var startIndex = (int)Math.Min(Math.Max(start.Index, 0), length);
        var endIndex = (int)Math.Min(Math.Max(end.Index, startIndex), length);
        var span = TextSpan.FromBounds(startIndex, endIndex);
        return new FileSpan(span, text.Lines.GetLinePositionSpan(span));
    }

    private static string CleanMessage(string message) => MarkPrefix.Replace(message, string.Empty);

    private sealed class Frame
    {
        private Frame(Mark start, string? anchor)
        {
            Start = start;
            Anchor = anchor;
        }

        public Mark Start { get; }

        public string? Anchor { get; }

        public List<YamlNode>? Items { get; private set; }

        public List<KeyValuePair<YamlScalar, YamlNode>>? Entries { get; private set; }

        public YamlScalar? PendingKey { get; set; }

        public static Frame ForMapping(Mark start, string? anchor) => new(start, anchor) { Entries = new() };

        public static Frame ForSequence(Mark start, string? anchor) => new(start, anchor) { Items = new() };
    }
}

internal readonly struct YamlReadResult
{
    public YamlReadResult(YamlNode? root, IReadOnlyList<RegistryFault> faults)
    {
        Root = root;
        Faults = faults;
    }

    public YamlNode? Root { get; }

    public IReadOnlyList<RegistryFault> Faults { get; }
}
