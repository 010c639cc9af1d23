using System;
using System.Threading;

namespace LegalRules.Fuzz.Infrastructure;

/// <summary>
/// The peak growth of the managed heap while some work runs: a background thread samples the heap
/// every few milliseconds. Approximate (a short peak between samples is missed), which is enough to
/// tell a bounded reader from one that expands an alias bomb or copies a multi-megabyte file many times.
/// </summary>
internal sealed class MemoryProbe : IDisposable
{
    private readonly long _baseline;
    private readonly Thread _sampler;
    private long _peak;
    private volatile bool _stopped;

    private MemoryProbe()
    {
        _baseline = GC.GetTotalMemory(forceFullCollection: true);
        _peak = _baseline;
        _sampler = new Thread(Sample) { IsBackground = true, Name = "memory probe" };
        _sampler.Start();
    }

    /// <summary>Peak managed heap above the baseline, in bytes.</summary>
    public long PeakGrowth => Math.Max(0, Interlocked.Read(ref _peak) - _baseline);

    public static MemoryProbe Start() => new();

    public void Dispose()
    {
        _stopped = true;
        _sampler.Join();
        Record();
    }

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", FuzzSummary.Culture) + " MB";

    private void Sample()
    {
        while (!_stopped)
        {
            Record();
            Thread.Sleep(2);
        }
    }

    private void Record()
    {
        var now = GC.GetTotalMemory(forceFullCollection: false);
        long peak;
        do
        {
            peak = Interlocked.Read(ref _peak);
        }
        while (now > peak && Interlocked.CompareExchange(ref _peak, now, peak) != peak);
    }
}
