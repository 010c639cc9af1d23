using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LegalRules.Registry.Yaml;

/// <summary>
/// Reads the first document of a YAML text into a tree of <see cref="YamlNode"/>s that keep their
/// positions. Built from the parser's events without recursion, with limits on depth and size, so
/// that a hostile file (deep nesting, alias bombs) yields a fault instead of exhausting the stack
/// or memory. Aliases resolve to the anchored node itself: nothing is copied, but the tree they
/// stand for is bounded too (<see cref="YamlNode.ExpandedSize"/>, <see cref="YamlNode.ExpandedHeight"/>),
/// so that code walking the tree recursively stays within the same limits.
/// <para>
/// A fault does not lose the rest of the file: what was read is kept, and the nodes that could
/// not be read whole (those around a syntax error, an over-deep subtree, an unknown alias…) are
/// marked incomplete, so that readers skip exactly the entries the fault is in.
/// </para>
/// </summary>
internal static class YamlTreeReader
{
    internal const int MaxDepth = 64;
    internal const int MaxNodes = 2_000_000;

    /// <summary>
    /// How deep a subtree nested past <see cref="MaxDepth"/> is skipped before reading stops: deep
    /// enough that what follows a subtree 10,000 levels deep still loads, shallow enough that the
    /// scanner's cost (in the square of the flow depth) stays under a second.
    /// </summary>
    internal const int MaxSkippedDepth = 10_000;

    /// <summary>How many nodes aliases may add once expanded, over the whole document.</summary>
    internal const long MaxAliasExpansion = 2_000_000;

    /// <param name="cancellationToken">Observed while reading: a file of many megabytes takes seconds, and the IDE cancels analyses all the time.</param>
    /// <remarks>
    /// A text within the subset of YAML that <see cref="YamlSubsetReader"/> reads (every file of an
    /// OpenFisca tree but a few) is read by it; any other, and every text with an error, by YamlDotNet's
    /// parser, so faults and their messages are the parser's. Both give the same tree.
    /// </remarks>
    public static YamlReadResult Read(SourceText text, CancellationToken cancellationToken = default)
    {
        var builder = new TreeBuilder(text, cancellationToken);
        builder.Run(trySubset: true);
        return new YamlReadResult(builder.Root, builder.Faults);
    }

    /// <summary>Reads with YamlDotNet's parser only: the reference the subset reader is checked against.</summary>
    internal static YamlReadResult ReadWithParser(SourceText text, CancellationToken cancellationToken = default)
    {
        var builder = new TreeBuilder(text, cancellationToken);
        builder.Run(trySubset: false);
        return new YamlReadResult(builder.Root, builder.Faults);
    }

    /// <summary>Reads with the subset reader only: null when it declines the text.</summary>
    internal static YamlReadResult? ReadWithSubset(SourceText text, CancellationToken cancellationToken = default)
        => ReadWithSubset(text, out _, cancellationToken);

    /// <param name="declinedAt">Where the subset reader was when it declined, -1 when it did not.</param>
    internal static YamlReadResult? ReadWithSubset(SourceText text, out int declinedAt, CancellationToken cancellationToken = default)
    {
        var content = text.ToString();
        var offset = content.Length > 0 && content[0] == '\uFEFF' ? 1 : 0;
        return YamlSubsetReader.TryRead(content, offset, LineMap.For(text, content), cancellationToken, out var root, out declinedAt)
            ? new YamlReadResult(root, Array.Empty<RegistryFault>())
            : null;
    }

    private sealed class TreeBuilder
    {
        private static readonly Regex MarkPrefix = new(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*", RegexOptions.CultureInvariant);

        private readonly SourceText _text;
        private readonly CancellationToken _cancellationToken;
        private readonly Stack<Frame> _stack = new();
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
        private string _content = string.Empty;
        private LineMap? _lines;

        // A byte order mark is not YAML content; the parser reads without it and positions are shifted back.
        private int _offset;
        private int _nodes;
        private long _aliasExpansion;
        private bool _aliasExpansionReported;

        // While > 0, the events of a subtree nested deeper than MaxDepth are being skipped.
        private int _skipDepth;
        private int _skipStart;

        // Where the last event ended: locates failures the parser reports without a position.
        private int _lastEnd;

        public TreeBuilder(SourceText text, CancellationToken cancellationToken)
        {
            _text = text;
            _cancellationToken = cancellationToken;
        }

        public YamlNode? Root { get; private set; }

        public List<RegistryFault> Faults { get; } = new();

        public void Run(bool trySubset)
        {
            _content = _text.ToString();
            _offset = _content.Length > 0 && _content[0] == '\uFEFF' ? 1 : 0;
            _lines = LineMap.For(_text, _content);
            if (trySubset && YamlSubsetReader.TryRead(_content, _offset, _lines, _cancellationToken, out var root))
            {
                Root = root;
                return;
            }

            var parser = new Parser(new StringReader(_offset == 0 ? _content : _content.Substring(_offset)));
            try
            {
                ReadEvents(parser);
            }
            catch (YamlException ex)
            {
                Faults.Add(SyntaxFault(ex));
                MarkOpenFramesIncomplete();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                // YamlDotNet fails this way on some malformed inputs (a flow collection left open
                // before more lines): a syntax error after the last thing it read. Its message
                // ("Operation is not valid…") would tell the user nothing.
                Faults.Add(Fault(_lastEnd, _lastEnd, FaultCode.YamlSyntax, "unreadable YAML after this point (a bracket or a quote left open?)"));
                MarkOpenFramesIncomplete();
            }

            CloseOpenFrames();
        }

        private void ReadEvents(Parser parser)
        {
            var documents = 0;
            var events = 0;
            while (parser.MoveNext())
            {
                if ((++events & 0x3FF) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                var ev = parser.Current!;
                switch (ev)
                {
                    case DocumentStart:
                        if (++documents > 1)
                        {
                            Faults.Add(Fault(ev.Start.Index, ev.End.Index, FaultCode.MultipleDocuments));
                            return;
                        }

                        continue;
                    case StreamStart or StreamEnd or DocumentEnd or Comment:
                        continue;
                }

                if (++_nodes > MaxNodes)
                {
                    Faults.Add(Fault(ev.Start.Index, ev.End.Index, FaultCode.TooLarge, MaxNodes));
                    MarkOpenFramesIncomplete();
                    return;
                }

                _lastEnd = (int)ev.End.Index;
                switch (ev)
                {
                    case MappingStart or SequenceStart when _skipDepth > 0:
                        // YamlDotNet's scanner spends time in proportion to the flow nesting on every
                        // token: skipping [[[[…]]]] 100,000 deep took a minute. Past MaxSkippedDepth
                        // the rest of the file is not read.
                        if (++_skipDepth > MaxSkippedDepth)
                        {
                            Faults.Add(Fault(ev.Start.Index, ev.End.Index, FaultCode.TooDeep, MaxDepth + MaxSkippedDepth));
                            MarkOpenFramesIncomplete();
                            return;
                        }

                        break;
                    case MappingEnd or SequenceEnd when _skipDepth > 0:
                        if (--_skipDepth == 0)
                        {
                            Attach(Placeholder(_skipStart, (int)ev.End.Index), (int)ev.End.Index);
                        }

                        break;
                    case not null when _skipDepth > 0:
                        break;
                    case MappingStart or SequenceStart when _stack.Count >= MaxDepth:
                        // Skip the subtree rather than stop: what follows it still loads.
                        Faults.Add(Fault(ev.Start.Index, ev.End.Index, FaultCode.TooDeep, MaxDepth));
                        _skipDepth = 1;
                        _skipStart = (int)ev.Start.Index;
                        break;
                    case MappingStart mappingStart:
                        _stack.Push(new Frame(isMapping: true, mappingStart.Style == MappingStyle.Block, (int)ev.Start.Index, AnchorOf(mappingStart.Anchor)));
                        break;
                    case SequenceStart sequenceStart:
                        _stack.Push(new Frame(isMapping: false, sequenceStart.Style == SequenceStyle.Block, (int)ev.Start.Index, AnchorOf(sequenceStart.Anchor)));
                        break;
                    case MappingEnd or SequenceEnd:
                    {
                        // A flow collection's end mark is at its closing bracket: include the bracket.
                        var end = (int)ev.End.Index;
                        if (end < _content.Length - _offset && _content[_offset + end] is ']' or '}')
                        {
                            end++;
                        }

                        var node = Close(_stack.Pop(), end, complete: true);
                        Attach(node, node.Span.End - _offset);
                        break;
                    }

                    case Scalar scalar:
                    {
                        var node = new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, ToSpan((int)scalar.Start.Index, (int)scalar.End.Index));
                        Register(AnchorOf(scalar.Anchor), node);
                        Attach(node, (int)scalar.End.Index);
                        break;
                    }

                    case AnchorAlias alias:
                        Attach(ResolveAlias(alias), (int)alias.End.Index);
                        break;
                }
            }
        }

        /// <summary>The anchored node, or an incomplete placeholder where the alias is unknown or would expand too far.</summary>
        private YamlNode ResolveAlias(AnchorAlias alias)
        {
            var start = (int)alias.Start.Index;
            var end = (int)alias.End.Index;
            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                Faults.Add(Fault(start, end, FaultCode.UnknownAlias, alias.Value.Value));
                return Placeholder(start, end);
            }

            if (_stack.Count + target.ExpandedHeight > MaxDepth)
            {
                Faults.Add(Fault(start, end, FaultCode.TooDeep, MaxDepth));
                return Placeholder(start, end);
            }

            if (_aliasExpansion + target.ExpandedSize > MaxAliasExpansion)
            {
                // One fault is enough: an alias bomb repeats the same alias many times.
                if (!_aliasExpansionReported)
                {
                    _aliasExpansionReported = true;
                    Faults.Add(Fault(start, end, FaultCode.TooLarge, MaxNodes));
                }

                return Placeholder(start, end);
            }

            _aliasExpansion += target.ExpandedSize;
            return target;
        }

        private void Attach(YamlNode node, int end)
        {
            if (_stack.Count == 0)
            {
                Root = node;
                return;
            }

            var parent = _stack.Peek();
            parent.LastEnd = end;
            parent.ExpandedSize += node.ExpandedSize;
            parent.ChildHeight = Math.Max(parent.ChildHeight, node.ExpandedHeight);
            if (!node.IsComplete)
            {
                parent.Incomplete = true;
            }

            if (!parent.IsMapping)
            {
                parent.Items.Add(node);
                return;
            }

            if (parent.SkipValue)
            {
                parent.SkipValue = false;
                return;
            }

            if (parent.PendingKey is null)
            {
                if (node is not YamlScalar key || !node.IsComplete)
                {
                    if (node.IsComplete)
                    {
                        Faults.Add(RegistryFault.At(node, FaultCode.ComplexKey));
                    }

                    // The pair cannot be read: drop its value and mark the mapping as read in part.
                    parent.Incomplete = true;
                    parent.SkipValue = true;
                    return;
                }

                parent.PendingKey = key;
                return;
            }

            parent.Entries.Add(new KeyValuePair<YamlScalar, YamlNode>(parent.PendingKey, node));
            parent.PendingKey = null;
        }

        private YamlNode Close(Frame frame, int end, bool complete)
        {
            // A block collection ends where its last child ends, not at the next token (which may be
            // lines further down): a diagnostic on it then underlines the entry and nothing else.
            if (frame.IsBlock || !complete)
            {
                end = Math.Max(frame.Start, frame.LastEnd);
            }

            var span = ToSpan(frame.Start, end);
            var isComplete = complete && !frame.Incomplete;
            YamlNode node = frame.IsMapping
                ? new YamlMapping(frame.Entries, span) { IsComplete = isComplete, ExpandedSize = frame.ExpandedSize, ExpandedHeight = frame.ChildHeight + 1 }
                : new YamlSequence(frame.Items, span) { IsComplete = isComplete, ExpandedSize = frame.ExpandedSize, ExpandedHeight = frame.ChildHeight + 1 };
            // An incomplete node is registered too: its aliases are then incomplete, without a fault of their own.
            Register(frame.Anchor, node);
            return node;
        }

        /// <summary>
        /// Every open collection contains the point where reading stopped: none is whole. Nor is the
        /// last child of the innermost one when the error comes right after it, for the error may
        /// have cut it short (a line indented one space too few ends an entry before its 'values:');
        /// after a key whose value never came, the key is what the error cut.
        /// </summary>
        private void MarkOpenFramesIncomplete()
        {
            foreach (var frame in _stack)
            {
                frame.Incomplete = true;
            }

            if (_stack.Count == 0)
            {
                return;
            }

            var innermost = _stack.Peek();
            if (innermost.IsMapping && innermost.Entries.Count > 0 && innermost.PendingKey is null)
            {
                var last = innermost.Entries[innermost.Entries.Count - 1];
                innermost.Entries[innermost.Entries.Count - 1] = new KeyValuePair<YamlScalar, YamlNode>(last.Key, Placeholder(last.Value.Span.Start - _offset, last.Value.Span.End - _offset));
            }
            else if (!innermost.IsMapping && innermost.Items.Count > 0)
            {
                var last = innermost.Items[innermost.Items.Count - 1];
                innermost.Items[innermost.Items.Count - 1] = Placeholder(last.Span.Start - _offset, last.Span.End - _offset);
            }
        }

        /// <summary>Keeps what was read before a fault: open collections close as incomplete nodes.</summary>
        private void CloseOpenFrames()
        {
            while (_stack.Count > 0)
            {
                var node = Close(_stack.Pop(), _lastEnd, complete: false);
                Attach(node, node.Span.End - _offset);
            }
        }

        private YamlSequence Placeholder(int start, int end)
            => new YamlSequence(Array.Empty<YamlNode>(), ToSpan(start, end)) { IsComplete = false };

        private void Register(string? anchor, YamlNode node)
        {
            if (anchor is not null)
            {
                _anchors[anchor] = node;
            }
        }

        private static string? AnchorOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

        private RegistryFault SyntaxFault(YamlException ex)
        {
            var message = MarkPrefix.Replace(ex.Message, string.Empty);
            var start = (int)ex.Start.Index;
            var end = (int)ex.End.Index;

            // YamlDotNet places a tab used as indentation at the start of the enclosing mapping; the
            // user needs the tab itself.
            if (message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 && FindIndentationTab(start) is { } tab)
            {
                start = tab;
                end = tab + 1;
            }

            // An unknown escape is marked at its backslash: include the escape itself (\q).
            if (message.IndexOf("escape", StringComparison.OrdinalIgnoreCase) >= 0 && end < _content.Length - _offset && _content[_offset + end] == '\\')
            {
                end = Math.Min(end + 2, _content.Length - _offset);
            }

            return Fault(start, end, FaultCode.YamlSyntax, message);
        }

        /// <summary>The first tab in the indentation of a line, from the line holding <paramref name="from"/> on.</summary>
        private int? FindIndentationTab(int from)
        {
            var content = _content;
            var lineStart = Math.Min(Math.Max(from, 0), content.Length - _offset);
            while (lineStart > 0 && content[_offset + lineStart - 1] != '\n')
            {
                lineStart--;
            }

            for (var i = _offset + lineStart; i < content.Length; i++)
            {
                var atLineStart = i == _offset || content[i - 1] == '\n';
                if (!atLineStart)
                {
                    continue;
                }

                for (var j = i; j < content.Length && (content[j] == ' ' || content[j] == '\t'); j++)
                {
                    if (content[j] == '\t')
                    {
                        return j - _offset;
                    }
                }
            }

            return null;
        }

        private RegistryFault Fault(long start, long end, FaultCode code, params object[] arguments)
            => RegistryFault.At(ToSpan((int)start, (int)end), code, arguments);

        /// <summary>A span from indexes in the parser's text (which lacks the byte order mark).</summary>
        private FileSpan ToSpan(int start, int end)
        {
            var length = _text.Length;
            var startIndex = Math.Min(Math.Max(start + _offset, 0), length);
            var endIndex = Math.Min(Math.Max(end + _offset, startIndex), length);
            var span = TextSpan.FromBounds(startIndex, endIndex);
            return new FileSpan(span, _lines!.GetLinePositionSpan(span));
        }
    }

    private sealed class Frame
    {
        public Frame(bool isMapping, bool isBlock, int start, string? anchor)
        {
            IsMapping = isMapping;
            IsBlock = isBlock;
            Start = start;
            LastEnd = start;
            Anchor = anchor;
        }

        public bool IsMapping { get; }

        public bool IsBlock { get; }

        public int Start { get; }

        public string? Anchor { get; }

        public List<YamlNode> Items { get; } = new();

        public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = new();

        public YamlScalar? PendingKey { get; set; }

        /// <summary>The value that follows a key the reader rejected: dropped.</summary>
        public bool SkipValue { get; set; }

        public bool Incomplete { get; set; }

        public int LastEnd { get; set; }

        public long ExpandedSize { get; set; } = 1;

        public int ChildHeight { get; set; }
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
