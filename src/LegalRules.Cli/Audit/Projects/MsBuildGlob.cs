using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace LegalRules.Cli.Audit.Projects;

/// <summary>
/// An MSBuild item pattern (<c>Legacy\**\*.cs</c>, <c>..\Shared\Common.cs</c>) matched against the
/// files the scanner found — never against the file system, so a pattern cannot lead the audit
/// anywhere the scanner did not go. Separators are <c>\</c> or <c>/</c>; <c>**</c> spans folders,
/// <c>*</c> and <c>?</c> stay within one. Matching ignores case, as on the Windows machines drops come from.
/// </summary>
internal sealed class MsBuildGlob
{
    private readonly Regex? _regex;
    private readonly string? _literal;

    private MsBuildGlob(string baseDirectory, Regex? regex, string? literal)
    {
        BaseDirectory = baseDirectory;
        _regex = regex;
        _literal = literal;
    }

    /// <summary>The folder the pattern's wildcards start from (full path): the pattern's literal prefix under the project folder.</summary>
    public string BaseDirectory { get; }

    /// <summary>For a pattern without wildcards, the one full path it names.</summary>
    public string? LiteralPath => _literal;

    public static MsBuildGlob Parse(string projectDirectory, string pattern)
    {
        var segments = pattern.Trim().Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var firstWild = Array.FindIndex(segments, s => s.Contains('*', StringComparison.Ordinal) || s.Contains('?', StringComparison.Ordinal));
        var rooted = pattern.TrimStart().StartsWith('/') || Path.IsPathRooted(pattern.Trim());
        var start = rooted ? Path.GetPathRoot(Path.GetFullPath(pattern.Trim())) ?? "/" : projectDirectory;
        if (firstWild < 0)
        {
            return new MsBuildGlob(projectDirectory, null, Path.GetFullPath(Path.Combine(start, string.Join(Path.DirectorySeparatorChar, segments))));
        }

        var baseDirectory = Path.GetFullPath(Path.Combine(start, string.Join(Path.DirectorySeparatorChar, segments, 0, firstWild)));
        var regex = new StringBuilder("^");
        for (var i = firstWild; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            if (segments[i] == "**")
            {
                // Any number of folders, none included.
                regex.Append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }

            foreach (var c in segments[i])
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }

            if (!last)
            {
                regex.Append('/');
            }
        }

        regex.Append('$');
        return new MsBuildGlob(baseDirectory, new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), null);
    }

    public bool IsMatch(string fullPath)
    {
        if (_literal is not null)
        {
            return string.Equals(_literal, fullPath, StringComparison.OrdinalIgnoreCase);
        }

        if (!DropPaths.IsUnder(fullPath, BaseDirectory, ignoreCase: true) || fullPath.Length == BaseDirectory.Length)
        {
            return false;
        }

        var relative = fullPath.Substring(BaseDirectory.Length).TrimStart(Path.DirectorySeparatorChar).Replace(Path.DirectorySeparatorChar, '/');
        return _regex!.IsMatch(relative);
    }
}
