using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LegalRules.Analysis;

/// <summary>
/// One kind of answer kept with each syntax tree for as long as the tree lives, as a weak table
/// keyed by the tree keeps it — but every kind shares one weak table, with one entry per tree.
/// </summary>
/// <remarks>
/// The rules keep a dozen kinds of answers per tree (its constants, its aliases, its delegates'
/// parameters, the tables of <see cref="NodeTable{TValue}"/>…). In a weak table of its own, each kind
/// gave each tree a weak handle, which the garbage collector examines at every collection, and a
/// first question per tree that takes the table's lock: a dozen times per file of every compilation,
/// from every thread of the analysis at once. Here a tree has one entry, an array with a place for
/// each kind, and an answer is read and kept in its place without a lock.
/// </remarks>
/// <typeparam name="TValue">The answer; computed once per tree (two threads may compute it, one is kept).</typeparam>
internal sealed class TreeTable<TValue>
    where TValue : class
{
    private readonly int _place = TreePlaces.Reserve();

    /// <summary>The answer kept for <paramref name="tree"/>, or <paramref name="create"/>'s, which is then kept.</summary>
    public TValue GetValue(SyntaxTree tree, Func<SyntaxTree, TValue> create)
    {
        var entry = TreePlaces.Of(tree);
        if (entry.Get(_place) is TValue found)
        {
            return found;
        }

        var created = create(tree);
        return (TValue)entry.Keep(_place, created);
    }

    /// <summary>Whether an answer is kept for <paramref name="tree"/>; nothing is created.</summary>
    public bool TryGetValue(SyntaxTree tree, out TValue value)
    {
        if (TreePlaces.Find(tree)?.Get(_place) is TValue found)
        {
            value = found;
            return true;
        }

        value = null!;
        return false;
    }
}

/// <summary>The shared entries of <see cref="TreeTable{TValue}"/>: per tree, a place for each kind of answer.</summary>
internal static class TreePlaces
{
    // More than the kinds the rules keep; an entry made after more kinds were reserved has a place for each.
    private const int InitialPlaces = 16;

    private static readonly ConditionalWeakTable<SyntaxTree, Entry> Entries = new();
    private static readonly ConditionalWeakTable<SyntaxTree, Entry>.CreateValueCallback NewEntry = _ => new Entry(Math.Max(InitialPlaces, Volatile.Read(ref reserved)));
    private static int reserved;

    /// <summary>The place of a new kind of answer.</summary>
    public static int Reserve() => Interlocked.Increment(ref reserved) - 1;

    public static Entry Of(SyntaxTree tree) => Entries.GetValue(tree, NewEntry);

    public static Entry? Find(SyntaxTree tree) => Entries.TryGetValue(tree, out var entry) ? entry : null;

    /// <summary>One tree's answers, by place: read and kept without a lock.</summary>
    internal sealed class Entry
    {
        private readonly object?[] _answers;

        // The places of kinds reserved after this entry was made (none, once the rules' types are loaded).
        private ConcurrentDictionary<int, object>? _later;

        public Entry(int places) => _answers = new object?[places];

        public object? Get(int place)
        {
            if (place < _answers.Length)
            {
                return Volatile.Read(ref _answers[place]);
            }

            return Volatile.Read(ref _later) is { } later && later.TryGetValue(place, out var answer) ? answer : null;
        }

        /// <summary>Keeps <paramref name="answer"/> at <paramref name="place"/>, unless one is kept there already: the one kept is returned.</summary>
        public object Keep(int place, object answer)
        {
            if (place < _answers.Length)
            {
                return Interlocked.CompareExchange(ref _answers[place], answer, null) ?? answer;
            }

            if (Volatile.Read(ref _later) is not { } later)
            {
                Interlocked.CompareExchange(ref _later, new ConcurrentDictionary<int, object>(), null);
                later = Volatile.Read(ref _later)!;
            }

            return later.GetOrAdd(place, answer);
        }
    }
}
