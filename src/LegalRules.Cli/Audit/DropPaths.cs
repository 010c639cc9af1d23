using System;
using System.IO;

namespace LegalRules.Cli.Audit;

/// <summary>
/// Paths of a drop: real (link-free) full paths for containment checks, and the forward-slash
/// relative paths that reports show, so two checkouts of the same drop give the same report.
/// </summary>
internal static class DropPaths
{
    private static readonly StringComparison FileNameComparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparison.OrdinalIgnoreCase
        : StringComparison.Ordinal;

    /// <summary>
    /// The path with every symbolic link resolved, component by component: a drop's root may itself
    /// be reached through a link, and a link inside it is judged by where it really leads.
    /// </summary>
    public static string RealPath(string path)
    {
        // Links may point at links: bound the resolutions like the OS does (ELOOP).
        var budget = 40;
        return Resolve(Path.GetFullPath(path), ref budget);
    }

    private static string Resolve(string full, ref int budget)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var components = full.Substring(root.Length).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < components.Length; i++)
        {
            var next = Path.Combine(current, components[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is { } target)
            {
                if (--budget < 0)
                {
                    throw new IOException($"Too many levels of symbolic links: {full}");
                }

                // The target may hold links of its own: resolve it with the rest of the path.
                var resolved = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target));
                var rest = string.Join(Path.DirectorySeparatorChar, components, i + 1, components.Length - i - 1);
                return Resolve(rest.Length == 0 ? resolved : Path.Combine(resolved, rest), ref budget);
            }

            current = next;
        }

        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="directory"/> or lies under it (both real full paths).</summary>
    public static bool IsUnder(string path, string directory) => IsUnder(path, directory, ignoreCase: false);

    /// <summary>As above; <paramref name="ignoreCase"/> for paths written in a Windows project file.</summary>
    public static bool IsUnder(string path, string directory, bool ignoreCase)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : FileNameComparison;
        var prefix = Path.EndsInDirectorySeparator(directory) ? directory : directory + Path.DirectorySeparatorChar;
        return path.Equals(directory, comparison) || path.StartsWith(prefix, comparison);
    }

    /// <summary>
    /// The path as reports show it: relative to the audited root, with forward slashes. A file
    /// outside the root (a registry given by flag) gets <c>../</c> segments, still machine-independent.
    /// </summary>
    public static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The deepest directory that holds every path (the audited root of several inputs).</summary>
    public static string CommonDirectory(string[] directories)
    {
        var common = directories[0];
        foreach (var directory in directories)
        {
            while (!IsUnder(directory, common))
            {
                var parent = Path.GetDirectoryName(common);
                if (parent is null)
                {
                    return common;
                }

                common = parent;
            }
        }

        return common;
    }
}
