using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LegalRules.Analysis;

/// <summary>
/// An answer kept with a syntax tree, for the last key it was computed for. A compilation's trees are
/// the same objects in the next compilation of the same files — in the IDE, a keystroke makes a new
/// compilation in which only the edited file is a new tree — so what a rule reads from a tree for the
/// whole compilation (declarations, constants) is read once per tree, not once per compilation. The
/// key is what else the answer depends on (a registry, a set of names): the same in the next
/// compilation, almost always; when it differs, the answer is computed again and replaces the one kept.
/// </summary>
/// <typeparam name="TKey">What the answer depends on besides the tree, compared with its default equality.</typeparam>
/// <typeparam name="TValue">The answer; never changed once computed.</typeparam>
internal sealed class TreeMemo<TKey, TValue>
    where TKey : notnull
    where TValue : class
{
    private static readonly Func<SyntaxTree, Slot> NewSlot = _ => new Slot();

    private readonly TreeTable<Slot> _slots = new();

    /// <summary>The answer for <paramref name="tree"/> and <paramref name="key"/>: the one kept, or <paramref name="compute"/>'s, given <paramref name="state"/>.</summary>
    /// <remarks>
    /// Without a lock: the rules' threads ask about the same tree at once. The key and its answer are
    /// kept together in one object, never changed, which a reader sees whole or not at all.
    /// </remarks>
    public TValue Get<TState>(SyntaxTree tree, TKey key, TState state, Func<SyntaxTree, TState, TValue> compute)
    {
        var slot = _slots.GetValue(tree, NewSlot);
        if (Volatile.Read(ref slot.Kept) is { } kept && EqualityComparer<TKey>.Default.Equals(kept.Key, key))
        {
            return kept.Value;
        }

        // Two threads may compute the same answer; either is kept.
        var value = compute(tree, state);
        Volatile.Write(ref slot.Kept, new Answer(key, value));
        return value;
    }

    private sealed class Slot
    {
        public Answer? Kept;
    }

    private sealed class Answer
    {
        public Answer(TKey key, TValue value)
        {
            Key = key;
            Value = value;
        }

        public TKey Key { get; }

        public TValue Value { get; }
    }
}
