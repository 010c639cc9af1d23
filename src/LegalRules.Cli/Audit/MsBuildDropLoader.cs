using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.Cli.Audit.Projects;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.MSBuild;

namespace LegalRules.Cli.Audit;

/// <summary>
/// <c>--msbuild</c>: loads the drop's projects through MSBuild (<see cref="MSBuildWorkspace"/>, in
/// its build-host process, with the SDK <see cref="MSBuildLocator"/> finds). This evaluates the
/// drop's project files and runs its design-time targets — code from the drop runs — so it is
/// opt-in and announced. It gives exactly what the build sees where the drop builds; references
/// it cannot resolve (nothing restored) are replaced by the fixed reference assemblies.
/// </summary>
internal static class MsBuildDropLoader
{
    private static readonly object Gate = new();

    public static async Task<ImmutableArray<AuditedCompilation>> LoadAsync(Drop drop, ImmutableArray<CompilationUnit> units, SourceTexts texts, Action<string> warn, CultureInfo culture, CancellationToken cancellationToken)
    {
        var instance = Locate(culture);
        warn(Strings.Format(culture, "Warning_MsBuildInstance", instance.Name, instance.Version, instance.MSBuildPath));
        return await LoadProjectsAsync(drop, units, texts, culture, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The SDK's MSBuild, registered once per process (before any MSBuild type is loaded).</summary>
    private static VisualStudioInstance Locate(CultureInfo culture)
    {
        lock (Gate)
        {
            var instances = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions { DiscoveryTypes = DiscoveryType.DotNetSdk })
                .OrderByDescending(i => i.Version)
                .ToList();
            if (instances.Count == 0)
            {
                throw new AuditInputException(Strings.Get(culture, "Input_NoMsBuild"));
            }

            if (!MSBuildLocator.IsRegistered)
            {
                MSBuildLocator.RegisterInstance(instances[0]);
            }

            return instances[0];
        }
    }

    /// <summary>Kept out of <see cref="LoadAsync"/> so that no workspace type is compiled before the locator has registered MSBuild.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<ImmutableArray<AuditedCompilation>> LoadProjectsAsync(Drop drop, ImmutableArray<CompilationUnit> units, SourceTexts texts, CultureInfo culture, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["Configuration"] = ProjectFileReader.Configuration };
        using var workspace = MSBuildWorkspace.Create(properties);
        foreach (var unit in units.Where(u => u.Project is not null))
        {
            // Opening a project opens the projects it references: open each only once.
            if (!workspace.CurrentSolution.Projects.Any(p => string.Equals(p.FilePath, unit.Project!.Path, StringComparison.Ordinal)))
            {
                await workspace.OpenProjectAsync(unit.Project!.Path, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        var workspaceNotes = workspace.Diagnostics.Select(d => d.Message).Distinct(StringComparer.Ordinal).Take(5).ToList();
        var dropFiles = drop.SourceFiles.ToHashSet(StringComparer.Ordinal);
        var loaded = new Dictionary<CompilationUnit, AuditedCompilation>();
        var results = new List<AuditedCompilation>();
        foreach (var unit in units)
        {
            if (unit.Project is null)
            {
                var loose = DropCompilation.Create(unit, loaded, texts, drop.Root, name => Strings.Get(culture, name), cancellationToken);
                loaded[unit] = loose[0];
                results.AddRange(loose);
                continue;
            }

            var project = workspace.CurrentSolution.Projects.First(p => string.Equals(p.FilePath, unit.Project.Path, StringComparison.Ordinal));
            var compilation = (CSharpCompilation)(await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            var referenceSet = ReferenceSet.Resolved("MSBuild");
            if (compilation.GetTypeByMetadataName("System.Object") is null)
            {
                // Not restored: MSBuild resolved no framework. Compile against the fixed set instead.
                referenceSet = unit.TargetFramework.References;
                compilation = compilation.AddReferences(referenceSet.References);
                unit.Notes.Add(Strings.Format(culture, "Note_MsBuildNoReferences", referenceSet.Name));
            }

            compilation = compilation.AddReferences(MetadataReference.CreateFromFile(typeof(StatutoryParameterAttribute).Assembly.Location));
            unit.Notes.AddRange(workspaceNotes);

            // Files MSBuild adds outside the drop's sources (obj/…AssemblyInfo.cs, global usings) are not the vendor's.
            var synthetic = compilation.SyntaxTrees.Where(t => !dropFiles.Contains(t.FilePath)).ToImmutableHashSet();
            var generated = compilation.SyntaxTrees
                .Where(t => !synthetic.Contains(t) && (GeneratedCode.IsGeneratedName(t.FilePath) || GeneratedCode.HasGeneratedHeader(t)))
                .ToImmutableHashSet();
            var audited = new AuditedCompilation(unit, compilation, generated, synthetic, referenceSet, ((CSharpParseOptions?)compilation.SyntaxTrees.FirstOrDefault()?.Options)?.LanguageVersion ?? LanguageVersion.Default);
            loaded[unit] = audited;
            results.Add(audited);
        }

        return results.ToImmutableArray();
    }
}
