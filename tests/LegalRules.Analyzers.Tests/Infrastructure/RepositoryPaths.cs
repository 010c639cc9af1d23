using System;
using System.IO;

namespace LegalRules.Tests.Infrastructure;

/// <summary>Where the repository and the shared data beside it are, found from the test's own folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LegalRules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"LegalRules.sln was not found above {AppContext.BaseDirectory}.");
    });

    /// <summary>The repository's root folder.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The <c>shared</c> folder beside the checkout (as CI lays it out).</summary>
    public static string Shared
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            if (!Directory.Exists(shared))
            {
                throw new InvalidOperationException($"The shared data folder was expected at {shared}, beside the checkout.");
            }

            return shared;
        }
    }
}
