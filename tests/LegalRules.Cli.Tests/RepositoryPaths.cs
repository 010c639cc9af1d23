using System;
using System.IO;

namespace LegalRules.Cli.Tests;

/// <summary>
/// Files beside the repository: <c>shared/</c> sits next to the checkout (as <c>../shared</c> in CI,
/// and beside every developer's work tree).
/// </summary>
internal static class RepositoryPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SarifSchema => Path.Combine(RepositoryRoot, "..", "shared", "sarif", "sarif-schema-2.1.0.json");

    public static string OpenFiscaParameters => Path.Combine(RepositoryRoot, "..", "shared", "openfisca-france-parameters");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LegalRules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LegalRules.sln not found above " + AppContext.BaseDirectory);
    }
}
