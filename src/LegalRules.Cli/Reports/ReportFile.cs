using System;
using System.IO;

namespace LegalRules.Cli.Reports;

/// <summary>
/// Writes a report file whole or not at all: into a temporary file of the same folder, then moved
/// over the target in one step, so a reader (or a CI step) never sees half a report.
/// </summary>
internal static class ReportFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target) ?? throw new IOException($"No folder for {target}");
        var temporary = Path.Combine(folder, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
        var moved = false;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
            moved = true;
        }
        finally
        {
            if (!moved)
            {
                TryDelete(temporary);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the write already failed, and that failure is what the user must see.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
