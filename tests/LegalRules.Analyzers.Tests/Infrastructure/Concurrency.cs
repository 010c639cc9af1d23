using System;
using System.Linq;
using System.Threading;

namespace LegalRules.Tests.Infrastructure;

/// <summary>Helpers for tests of what the rules share between threads and keep from the collector.</summary>
internal static class Concurrency
{
    /// <summary>
    /// Runs <paramref name="body"/> on <paramref name="threads"/> threads of their own, released
    /// together (the thread pool of a small machine would run them one after the other), and waits for all.
    /// </summary>
    public static void RunTogether(int threads, Action<int> body)
    {
        using var start = new ManualResetEventSlim();
        var started = Enumerable.Range(0, threads)
            .Select(t => new Thread(() =>
            {
                start.Wait();
                body(t);
            }))
            .ToList();
        started.ForEach(t => t.Start());
        start.Set();
        started.ForEach(t => t.Join());
    }

    /// <summary>Whether the object <paramref name="reference"/> points to is collected, after full collections.</summary>
    public static bool IsCollected(WeakReference reference)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return !reference.IsAlive;
    }
}
