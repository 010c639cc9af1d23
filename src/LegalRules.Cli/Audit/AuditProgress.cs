using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;

namespace LegalRules.Cli.Audit;

/// <summary>
/// The progress line of a long audit, redrawn in place on a terminal's error stream: files read,
/// projects analysed, time elapsed. Only made when the error stream is a terminal and not in CI,
/// so logs and redirected output stay clean.
/// </summary>
internal sealed class AuditProgress : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(200);

    private readonly TextWriter _terminal;
    private readonly CultureInfo _culture;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly object _gate = new();
    private int _files;
    private int _filesRead;
    private int _projects;
    private int _projectsAnalysed;
    private int _width;
    private bool _disposed;

    public AuditProgress(TextWriter terminal, CultureInfo culture)
    {
        _terminal = terminal;
        _culture = culture;
        _timer = new Timer(_ => Draw(), null, Period, Period);
    }

    /// <summary>Whether a progress line belongs on this error stream: a terminal, outside CI.</summary>
    public static bool IsWanted(bool errorIsTerminal)
        => errorIsTerminal && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public void Planned(int projects, int files)
    {
        Interlocked.Exchange(ref _projects, projects);
        Interlocked.Exchange(ref _files, files);

        // Show at once what is ahead; the timer keeps the line current.
        Draw();
    }

    public void FileRead() => Interlocked.Increment(ref _filesRead);

    public void ProjectAnalysed() => Interlocked.Increment(ref _projectsAnalysed);

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            _disposed = true;
            if (_width > 0)
            {
                // Leave the terminal as it was: the report follows on the standard output.
                _terminal.Write("\r" + new string(' ', _width) + "\r");
                _terminal.Flush();
            }
        }
    }

    private void Draw()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var line = Strings.Format(
                _culture,
                "Progress_Line",
                Volatile.Read(ref _filesRead),
                Volatile.Read(ref _files),
                Volatile.Read(ref _projectsAnalysed),
                Volatile.Read(ref _projects),
                _elapsed.Elapsed.ToString(@"mm\:ss", CultureInfo.InvariantCulture));
            _terminal.Write("\r" + line.PadRight(_width));
            _terminal.Flush();
            _width = Math.Max(_width, line.Length);
        }
    }
}
