using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using LegalRules.Analysis;
using LegalRules.Cli.Audit.Projects;

namespace LegalRules.Cli.Audit;

/// <summary>
/// Walks the inputs of an audit (folders, solutions, projects, <c>.cs</c> files) and lists what a
/// build would see: C# files, projects, <c>Directory.Build.props</c>, outside build output and
/// hidden folders, never through a link that leads out of the drop. This walk is the only way the
/// audit reaches the file system: project items are matched against what it found. Nothing in the
/// drop is run.
/// </summary>
internal static class DropScanner
{
    private static readonly HashSet<string> ExcludedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj" };

    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Whether the command accepts this file as an input (a solution, a project or C#).</summary>
    public static bool IsAcceptedFile(string path)
        => IsSolution(path)
            || path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

    /// <param name="inputs">Existing folders and accepted files (full paths).</param>
    /// <exception cref="InvalidDataException">A solution given as input cannot be read as one.</exception>
    public static Drop Scan(IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        var realInputs = inputs.Select(DropPaths.RealPath).ToArray();
        var looseFolders = realInputs.Where(Directory.Exists).ToList();
        var looseFiles = realInputs.Where(p => File.Exists(p) && p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).ToList();
        var projectInputs = realInputs.Where(p => File.Exists(p) && p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
        var solutionInputs = realInputs.Where(p => File.Exists(p) && IsSolution(p)).ToList();

        // A solution or project is read with the folder it sits in: its files, and its neighbours' it references.
        var folders = looseFolders
            .Concat(projectInputs.Concat(solutionInputs).Select(p => Path.GetDirectoryName(p)!))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var root = DropPaths.CommonDirectory(folders.Concat(looseFiles.Select(p => Path.GetDirectoryName(p)!)).ToArray());

        var found = new Found();
        foreach (var file in looseFiles)
        {
            // A file named on the command line is part of the drop by the auditor's choice.
            found.Sources.Add(file);
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

            List<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder).EnumerateFileSystemInfos("*", OneLevel)
                    .OrderBy(e => e.Name, StringComparer.Ordinal)
                    .ToList();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A folder the auditor may not list, or one removed while the drop is walked: listed, and the walk goes on.
                found.Skipped.Add(new SkippedFile(DropPaths.Relative(root, folder) + "/", SkipReason.Unreadable, exception is DirectoryNotFoundException ? "disappeared during the audit" : SourceFileReader.Describe(exception, folder)));
                continue;
            }

            var subfolders = new List<string>();
            foreach (var entry in entries)
            {
                if (entry.LinkTarget is not null)
                {
                    FollowLink(entry, root, folders, found);
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
                    found.Classify(entry.FullName);
                }
            }

            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                pending.Push(subfolders[i]);
            }
        }

        var drop = new Drop(
            root,
            folders.ToImmutableArray(),
            found.Sources.ToImmutableArray(),
            found.Projects.ToImmutableArray(),
            found.BuildProps.ToImmutableArray(),
            found.Registries.ToImmutableArray(),
            ImmutableArray<SkippedFile>.Empty,
            ImmutableArray<string>.Empty,
            ImmutableArray<string>.Empty,
            ImmutableArray<string>.Empty);
        var requested = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in looseFolders)
        {
            requested.UnionWith(found.Projects.Where(p => DropPaths.IsUnder(p, folder)));
        }

        requested.UnionWith(projectInputs);
        foreach (var solution in solutionInputs)
        {
            foreach (var listed in SolutionFileReader.ReadProjects(solution))
            {
                if (drop.Find(listed) is { } project && project.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                {
                    requested.Add(project);
                }
                else
                {
                    var inside = folders.Any(f => DropPaths.IsUnder(listed, f, ignoreCase: true));
                    found.Skipped.Add(new SkippedFile(
                        DropPaths.Relative(root, listed),
                        inside ? SkipReason.Unreadable : SkipReason.OutsideDrop,
                        inside ? "listed in " + Path.GetFileName(solution) + ", not found" : "listed in " + Path.GetFileName(solution)));
                }
            }
        }

        return new Drop(
            root,
            folders.ToImmutableArray(),
            found.Sources.ToImmutableArray(),
            found.Projects.ToImmutableArray(),
            found.BuildProps.ToImmutableArray(),
            found.Registries.ToImmutableArray(),
            found.Skipped.ToImmutableArray(),
            requested.ToImmutableArray(),
            looseFolders.ToImmutableArray(),
            looseFiles.ToImmutableArray());
    }

    private static bool IsSolution(string path)
        => path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Build output, version control and hidden folders hold nothing a build compiles from the drop.</summary>
    private static bool IsExcludedFolder(DirectoryInfo directory)
        => ExcludedFolders.Contains(directory.Name)
            || directory.Name.StartsWith('.')
            || (directory.Attributes & FileAttributes.Hidden) != 0;

    /// <summary>
    /// A link is read only when it leads to a file inside an audited folder, and then under its
    /// real path (so a file linked twice is compiled once). A linked folder inside the drop is
    /// walked through its real path already, and the link is listed; one outside is never entered;
    /// a loop of links is reported, not followed.
    /// </summary>
    private static void FollowLink(FileSystemInfo entry, string root, string[] folders, Found found)
    {
        string target;
        try
        {
            target = DropPaths.RealPath(entry.FullName);
        }
        catch (IOException)
        {
            // RealPath gives up on a loop of links (as the OS does with ELOOP).
            found.Skipped.Add(new SkippedFile(DropPaths.Relative(root, entry.FullName), SkipReason.Unreadable, "too many levels of symbolic links"));
            return;
        }

        if (!folders.Any(f => DropPaths.IsUnder(target, f)))
        {
            if (entry is DirectoryInfo || IsOfInterest(entry.FullName))
            {
                found.Skipped.Add(new SkippedFile(DropPaths.Relative(root, entry.FullName), SkipReason.LinkOutsideDrop));
            }

            return;
        }

        if (entry is DirectoryInfo && Directory.Exists(target))
        {
            // Listed, so that the auditor sees the loop or shortcut the drop holds and why it was not walked twice.
            var relative = DropPaths.Relative(root, target);
            found.Skipped.Add(new SkippedFile(DropPaths.Relative(root, entry.FullName), SkipReason.LinkWithinDrop, (relative == "." ? "." : relative) + "/"));
            return;
        }

        if (File.Exists(target))
        {
            found.Classify(target);
        }
        else if (!Directory.Exists(target) && IsOfInterest(entry.FullName))
        {
            found.Skipped.Add(new SkippedFile(DropPaths.Relative(root, entry.FullName), SkipReason.Unreadable, "broken symbolic link"));
        }
    }

    private static bool IsOfInterest(string path)
        => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(RegistryInputs.NativeSuffix, StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(RegistryInputs.BindingsSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>What the walk found, sorted by path.</summary>
    private sealed class Found
    {
        public SortedSet<string> Sources { get; } = new(StringComparer.Ordinal);

        public SortedSet<string> Projects { get; } = new(StringComparer.Ordinal);

        public SortedSet<string> BuildProps { get; } = new(StringComparer.Ordinal);

        public SortedSet<string> Registries { get; } = new(StringComparer.Ordinal);

        public List<SkippedFile> Skipped { get; } = new();

        public void Classify(string path)
        {
            if (path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                Sources.Add(path);
            }
            else if (path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            {
                Projects.Add(path);
            }
            else if (Path.GetFileName(path).Equals("Directory.Build.props", StringComparison.OrdinalIgnoreCase))
            {
                BuildProps.Add(path);
            }
            else if (path.EndsWith(RegistryInputs.NativeSuffix, StringComparison.OrdinalIgnoreCase)
                || path.EndsWith(RegistryInputs.BindingsSuffix, StringComparison.OrdinalIgnoreCase))
            {
                Registries.Add(path);
            }
        }
    }
}
