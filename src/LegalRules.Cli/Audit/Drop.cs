using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace LegalRules.Cli.Audit;

/// <summary>What was found in the code drop under audit, before anything is parsed.</summary>
internal sealed class Drop
{
    public Drop(
        string root,
        ImmutableArray<string> folders,
        ImmutableArray<string> sourceFiles,
        ImmutableArray<string> projectFiles,
        ImmutableArray<string> buildPropsFiles,
        ImmutableArray<string> registryFiles,
        ImmutableArray<SkippedFile> skippedFiles,
        ImmutableArray<string> requestedProjects,
        ImmutableArray<string> looseFolders,
        ImmutableArray<string> looseFiles)
    {
        Root = root;
        Folders = folders;
        SourceFiles = sourceFiles;
        ProjectFiles = projectFiles;
        BuildPropsFiles = buildPropsFiles;
        RegistryFiles = registryFiles;
        SkippedFiles = skippedFiles;
        RequestedProjects = requestedProjects;
        LooseFolders = looseFolders;
        LooseFiles = looseFiles;
    }

    private Dictionary<string, string>? _byPath;
    private Dictionary<string, string>? _byPathIgnoringCase;

    /// <summary>The audited root (real full path): report paths are relative to it.</summary>
    public string Root { get; }

    /// <summary>The folders walked (real full paths): the drop's boundary, which no link or project item crosses.</summary>
    public ImmutableArray<string> Folders { get; }

    /// <summary>Every <c>.cs</c> file found, real full paths, sorted.</summary>
    public ImmutableArray<string> SourceFiles { get; }

    /// <summary>Every <c>.csproj</c> file found, real full paths, sorted.</summary>
    public ImmutableArray<string> ProjectFiles { get; }

    /// <summary>Every <c>Directory.Build.props</c> found: read as XML for the properties of the projects below them.</summary>
    public ImmutableArray<string> BuildPropsFiles { get; }

    /// <summary>
    /// Registry and bindings files shipped inside the drop. They are never used: a vendor must not
    /// be able to redefine the law it is audited against. Reports list them.
    /// </summary>
    public ImmutableArray<string> RegistryFiles { get; }

    /// <summary>Entries of the drop that were not read, and why.</summary>
    public ImmutableArray<SkippedFile> SkippedFiles { get; }

    /// <summary>The projects the auditor asked for: every one of a folder, a solution's, a named one.</summary>
    public ImmutableArray<string> RequestedProjects { get; }

    /// <summary>Folders given as inputs: their C# files outside any project are audited together.</summary>
    public ImmutableArray<string> LooseFolders { get; }

    /// <summary><c>.cs</c> files given as inputs.</summary>
    public ImmutableArray<string> LooseFiles { get; }

    /// <summary>
    /// The source or project file of the drop a project or solution names: the exact path, else the
    /// one path that differs only by case — drops are written on Windows, where
    /// <c>calcul\rsa.cs</c> names <c>Calcul/Rsa.cs</c>. Null when the drop has no such file.
    /// </summary>
    public string? Find(string fullPath)
    {
        if (_byPath is null)
        {
            var all = SourceFiles.Concat(ProjectFiles).ToList();
            _byPath = all.ToDictionary(p => p, p => p, StringComparer.Ordinal);
            _byPathIgnoringCase = all
                .GroupBy(p => p, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() == 1)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        }

        var real = System.IO.File.Exists(fullPath) ? DropPaths.RealPath(fullPath) : fullPath;
        return _byPath.TryGetValue(real, out var exact) ? exact
            : _byPathIgnoringCase!.TryGetValue(real, out var other) ? other
            : null;
    }
}

/// <summary>Why a file of the drop was not read.</summary>
internal enum SkipReason
{
    /// <summary>A symbolic link that leads out of the drop.</summary>
    LinkOutsideDrop,

    /// <summary>The file could not be read (permissions, I/O error, broken link).</summary>
    Unreadable,

    /// <summary>The file holds binary data, not C# text.</summary>
    Binary,

    /// <summary>The file is larger than the limit (<c>--max-file-size</c>).</summary>
    TooLarge,

    /// <summary>A FIFO, socket or device named like a source file: never opened.</summary>
    NotRegularFile,

    /// <summary>A project of the drop does not compile it (<c>Compile Remove</c>, no default items).</summary>
    ExcludedByProject,

    /// <summary>A project or solution names a file outside the drop: not read.</summary>
    OutsideDrop,

    /// <summary>A symbolic link to a folder of the drop (a loop back to an ancestor, a shortcut): the folder is walked where it is, never through the link.</summary>
    LinkWithinDrop,
}

/// <summary>A file of the drop that was not read.</summary>
internal sealed record SkippedFile(string Path, SkipReason Reason, string? Detail = null);
