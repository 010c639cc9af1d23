using System;
using System.IO;

namespace LegalRules.Fuzz.Infrastructure;

/// <summary>Where the repository, its samples and the shared data beside it are, found from the test's own folder.</summary>
internal static class Repository
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

    public static string Root => LazyRoot.Value;

    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>The OpenFisca-France parameters of <c>../shared/</c> (CI lays shared/ beside the checkout; a worktree finds it beside the main checkout).</summary>
    public static string OpenFiscaParameters
    {
        get
        {
            for (var directory = new DirectoryInfo(Root); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "openfisca-france-parameters");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException($"shared/openfisca-france-parameters was not found beside {Root}: the fuzz tests mutate its real files.");
        }
    }
}
