using System.Collections.Immutable;

namespace LegalRules.Cli.Audit;

/// <summary>What was found in the code drop under audit, before anything is parsed.</summary>
internal sealed class Drop
{
    public Drop(string root, ImmutableArray<string> sourceFiles, ImmutableArray<string> registryFiles, ImmutableArray<SkippedFile> skippedFiles)
    {
        Root = root;
        SourceFiles = sourceFiles;
        RegistryFiles = registryFiles;
        SkippedFiles = skippedFiles;
    }

    /// <summary>The audited root (real full path): report paths are relative to it.</summary>
    public string Root { get; }

    /// <summary>The <c>.cs</c> files, real full paths, sorted.</summary>
    public ImmutableArray<string> SourceFiles { get; }

    /// <summary>
    /// Registry and bindings files shipped inside the drop. They are never used: a vendor must not
    /// be able to redefine the law it is audited against. Reports list them.
    /// </summary>
    public ImmutableArray<string> RegistryFiles { get; }

    /// <summary>Entries of the drop that were not read, and why.</summary>
    public ImmutableArray<SkippedFile> SkippedFiles { get; }
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
}

/// <summary>A file of the drop that was not read.</summary>
internal sealed record SkippedFile(string Path, SkipReason Reason, string? Detail = null);
