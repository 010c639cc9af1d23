using System;
using System.IO;

namespace LegalRules.Tests.Registry;

/// <summary>
/// The project's shared data, which lies beside the repository (<c>&lt;repo&gt;/../shared/</c>): the
/// OpenFisca-France copy that the embedded registry's facts are checked against.
/// </summary>
internal static class SharedData
{
    private const string OpenFiscaFolder = "openfisca-france-parameters";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The <c>shared/</c> folder beside the repository; throws with a clear message when absent.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The root of the OpenFisca-France parameter tree (its <c>parameters/</c> folder).</summary>
    public static string OpenFiscaParameters => Path.Combine(Root, OpenFiscaFolder);

    private static string FindRoot()
    {
        // Tests run from bin/<configuration>/<framework>/ of a clone (or a worktree) of the repository;
        // the repository's root holds LegalRules.sln and shared/ is its sibling.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (!File.Exists(Path.Combine(directory.FullName, "LegalRules.sln")) || directory.Parent is null)
            {
                continue;
            }

            var shared = Path.Combine(directory.Parent.FullName, "shared");
            if (Directory.Exists(Path.Combine(shared, OpenFiscaFolder)))
            {
                return shared;
            }
        }

        throw new InvalidOperationException(
            $"Shared data not found: no '<repo>/../shared/{OpenFiscaFolder}/' above '{AppContext.BaseDirectory}'. "
            + "The tests that check the embedded registry against OpenFisca-France need the project's shared/ folder beside the repository.");
    }
}
