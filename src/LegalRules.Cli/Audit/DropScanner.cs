using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using LegalRules.Analysis;

namespace LegalRules.Cli.Audit;

/// <summary>
/// Walks the inputs of an audit (folders and <c>.cs</c> files) and lists what a build would see:
/// C# files, outside build output and hidden folders, never through a link that leads out of the
/// drop. Nothing in the drop is run.
/// </summary>
internal static class DropScanner
{
    private static readonly HashSet<string> ExcludedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj" };

    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <param name="inputs">Existing folders and <c>.cs</c> files (full paths).</param>
    public static Drop Scan(IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        var realInputs = inputs.Select(DropPaths.RealPath).ToArray();
        var folders = realInputs.Where(Directory.Exists).ToArray();
        var root = DropPaths.CommonDirectory(realInputs.Select(p => Directory.Exists(p) ? p : Path.GetDirectoryName(p)!).ToArray());

        var sources = new SortedSet<string>(StringComparer.Ordinal);
        var registries = new SortedSet<string>(StringComparer.Ordinal);
        var skipped = new List<SkippedFile>();

        foreach (var file in realInputs.Where(File.Exists))
        {
            // A file named on the command line is part of the drop by the auditor's choice.
            sources.Add(file);
        }

        var pending = new Stack<string>(folders.OrderByDescending(f => f, StringComparer.Ordinal));
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var folder = pending.Pop();
            if (!visited.Add(folder))
            {
                continue;
            }

            var entries = new DirectoryInfo(folder).EnumerateFileSystemInfos("*", OneLevel)
                .OrderBy(e => e.Name, StringComparer.Ordinal)
                .ToList();
            var subfolders = new List<string>();
            foreach (var entry in entries)
            {
                if (entry.LinkTarget is not null)
                {
                    FollowLink(entry, root, folders, sources, registries, skipped);
                    continue;
                }

                if (entry is DirectoryInfo directory)
                {
                    if (!IsExcludedFolder(directory))
                    {
                        subfolders.Add(directory.FullName);
                    }
                }
                else
                {
                    Classify(entry.FullName, sources, registries);
                }
            }

            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                pending.Push(subfolders[i]);
            }
        }

        return new Drop(root, sources.ToImmutableArray(), registries.ToImmutableArray(), skipped.ToImmutableArray());
    }

    /// <summary>Build output, version control and hidden folders hold nothing a build compiles from the drop.</summary>
    private static bool IsExcludedFolder(DirectoryInfo directory)
        => ExcludedFolders.Contains(directory.Name)
            || directory.Name.StartsWith('.')
            || (directory.Attributes & FileAttributes.Hidden) != 0;

    /// <summary>
    /// A link is read only when it leads to a file inside an audited folder, and then under its
    /// real path (so a file linked twice is compiled once). A linked folder inside the drop is
    /// walked through its real path already; one outside is never entered.
    /// </summary>
    private static void FollowLink(FileSystemInfo entry, string root, string[] folders, SortedSet<string> sources, SortedSet<string> registries, List<SkippedFile> skipped)
    {
        string target;
        try
        {
            target = DropPaths.RealPath(entry.FullName);
        }
        catch (IOException exception)
        {
            skipped.Add(new SkippedFile(DropPaths.Relative(root, entry.FullName), SkipReason.Unreadable, exception.Message));
            return;
        }

        if (!folders.Any(f => DropPaths.IsUnder(target, f)))
        {
            if (entry is DirectoryInfo || IsOfInterest(entry.FullName))
            {
                skipped.Add(new SkippedFile(DropPaths.Relative(root, entry.FullName), SkipReason.LinkOutsideDrop));
            }

            return;
        }

        if (File.Exists(target))
        {
            Classify(target, sources, registries);
        }
    }

    private static bool IsOfInterest(string path)
        => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(RegistryInputs.NativeSuffix, StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(RegistryInputs.BindingsSuffix, StringComparison.OrdinalIgnoreCase);

    private static void Classify(string path, SortedSet<string> sources, SortedSet<string> registries)
    {
        if (path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
        {
            sources.Add(path);
        }
        else if (path.EndsWith(RegistryInputs.NativeSuffix, StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(RegistryInputs.BindingsSuffix, StringComparison.OrdinalIgnoreCase))
        {
            registries.Add(path);
        }
    }
}
