using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LegalRules.Analysis;

/// <summary>
/// A reading of every tree of a compilation that the analysis threads share. Some answers need every
/// file (the names of the compilation's constants, the members bound by attribute): the first rule
/// to ask reads them all, and a rule asking on another thread meanwhile used to wait for it, its
/// waiting counted as analyzer time. With a shared pass, each thread that asks before the answer is
/// ready reads the trees no thread has taken yet, then the answer is put together from what each
/// tree's reading kept.
/// </summary>
/// <remarks>
/// The pass only reads ahead: what a tree's reading gives must be kept with the tree (a
/// <see cref="TreeTable{T}"/>), and the answer is put together as before, reading any tree whose
/// reading is not kept yet (one another thread is still reading, or one whose reading failed).
/// Nothing waits for another thread here, and an exception leaves the pass as any other call would.
/// </remarks>
internal sealed class SharedTreePass
{
    private readonly SyntaxTree[] _trees;
    private int _next = -1;

    public SharedTreePass(IEnumerable<SyntaxTree> trees)
    {
        _trees = trees.ToArray();
    }

    /// <summary>Whether every tree has been taken by some thread (not necessarily read yet).</summary>
    public bool IsTaken => Volatile.Read(ref _next) >= _trees.Length - 1;

    /// <summary>
    /// Reads, with <paramref name="read"/>, the trees no thread has taken yet, one after another,
    /// until none is left. Returns at once when none is.
    /// </summary>
    public void Join(Action<SyntaxTree> read)
    {
        // The check keeps the counter from growing past the trees once they are all taken.
        while (!IsTaken)
        {
            var index = Interlocked.Increment(ref _next);
            if (index >= _trees.Length)
            {
                return;
            }

            read(_trees[index]);
        }
    }
}
