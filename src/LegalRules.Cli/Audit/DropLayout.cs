using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using LegalRules.Cli.Audit.Projects;

namespace LegalRules.Cli.Audit;

/// <summary>One compilation of the audit: a project of the drop, or the drop's C# files outside any project.</summary>
internal sealed class CompilationUnit
{
    public CompilationUnit(string name, ProjectDefinition? project, ImmutableArray<string> files)
    {
        Name = name;
        Project = project;
        Files = files;
    }

    /// <summary>The assembly name (a project's <c>AssemblyName</c>).</summary>
    public string Name { get; }

    /// <summary>Null for the files outside any project.</summary>
    public ProjectDefinition? Project { get; }

    /// <summary>The C# files compiled (real full paths, sorted).</summary>
    public ImmutableArray<string> Files { get; }

    /// <summary>The units this one references (<c>ProjectReference</c> inside the drop), compiled before it.</summary>
    public List<CompilationUnit> References { get; } = new();

    /// <summary>What the auditor should know about how this unit was put together.</summary>
    public List<string> Notes { get; } = new();

    public TargetFramework TargetFramework => Project?.TargetFramework ?? TargetFramework.Default;
}

/// <summary>
/// Decides what is compiled with what: each project of the drop with the files its <c>Compile</c>
/// items select, the rest together, in an order where referenced projects come first. A file a
/// project's folder holds but the project does not compile is listed, never analysed: a value the
/// vendor's build leaves out is not in the delivered program.
/// </summary>
internal static class DropLayout
{
    public static (ImmutableArray<CompilationUnit> Units, ImmutableArray<SkippedFile> Skipped) Plan(Drop drop, Func<string, string> text)
    {
        var skipped = new List<SkippedFile>();
        var definitions = new Dictionary<string, ProjectDefinition>(StringComparer.Ordinal);
        ProjectDefinition Definition(string path)
        {
            if (!definitions.TryGetValue(path, out var definition))
            {
                definitions[path] = definition = ProjectFileReader.Read(path, NearestBuildProps(drop, path), text);
            }

            return definition;
        }

        // The projects asked for, and those they reference inside the drop.
        var selected = new List<string>();
        var queue = new Queue<string>(drop.RequestedProjects);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            if (!seen.Add(path))
            {
                continue;
            }

            selected.Add(path);
            foreach (var reference in Definition(path).ProjectReferences)
            {
                if (drop.Find(reference) is { } found && found.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                {
                    queue.Enqueue(found);
                }
            }
        }

        selected.Sort(StringComparer.Ordinal);
        var projectDirectories = drop.ProjectFiles.Select(p => Path.GetDirectoryName(p)!).Distinct(StringComparer.Ordinal).ToList();
        var owners = drop.SourceFiles.ToDictionary(f => f, f => Owner(f, projectDirectories), StringComparer.Ordinal);
        var units = new Dictionary<string, CompilationUnit>(StringComparer.Ordinal);
        var compiled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in selected)
        {
            var definition = Definition(path);
            var files = SelectFiles(drop, definition, owners, skipped);
            compiled.UnionWith(files);
            var unit = new CompilationUnit(definition.AssemblyName, definition, files);
            unit.Notes.AddRange(definition.Notes);
            units[path] = unit;
        }

        foreach (var path in selected)
        {
            var unit = units[path];
            foreach (var reference in unit.Project!.ProjectReferences)
            {
                var real = drop.Find(reference) ?? reference;
                if (units.TryGetValue(real, out var target))
                {
                    unit.References.Add(target);
                }
                else
                {
                    var inside = drop.Folders.Any(f => DropPaths.IsUnder(real, f));
                    unit.Notes.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, text(inside ? "Note_ProjectReferenceMissing" : "Note_ProjectReferenceOutside"), DropPaths.Relative(drop.Root, reference)));
                }
            }
        }

        // Files in a project's folder that no project compiles.
        foreach (var file in drop.SourceFiles)
        {
            if (compiled.Contains(file))
            {
                continue;
            }

            var ownerDirectory = owners[file];
            var owner = ownerDirectory is null ? null : selected.FirstOrDefault(p => Path.GetDirectoryName(p) == ownerDirectory);
            if (owner is not null && !drop.LooseFiles.Contains(file))
            {
                skipped.Add(new SkippedFile(DropPaths.Relative(drop.Root, file), SkipReason.ExcludedByProject, DropPaths.Relative(drop.Root, owner)));
            }
        }

        // Files outside any project: those of the folders given as inputs, and the files named.
        var loose = drop.SourceFiles
            .Where(f => !compiled.Contains(f))
            .Where(f => drop.LooseFiles.Contains(f)
                || (drop.LooseFolders.Any(folder => DropPaths.IsUnder(f, folder)) && owners[f] is null))
            .ToImmutableArray();

        var ordered = Order(selected.Select(p => units[p]).ToList(), text);
        if (!loose.IsEmpty)
        {
            ordered.Add(new CompilationUnit("LegalRulesAudit", null, loose));
        }

        return (ordered.ToImmutableArray(), skipped.ToImmutableArray());
    }

    /// <summary>The files a project compiles: its <c>Compile</c> items applied in order to the files the scanner found.</summary>
    private static ImmutableArray<string> SelectFiles(Drop drop, ProjectDefinition project, Dictionary<string, string?> owners, List<SkippedFile> skipped)
    {
        var items = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var operation in project.CompileItems)
        {
            if (operation.IsRemove)
            {
                items.RemoveWhere(f => operation.Patterns.Any(p => p.IsMatch(f)));
                continue;
            }

            foreach (var pattern in operation.Patterns)
            {
                if (pattern.LiteralPath is { } literal)
                {
                    var real = File.Exists(literal) ? DropPaths.RealPath(literal) : literal;
                    if (drop.Find(literal) is { } source && source.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
                    {
                        items.Add(source);
                    }
                    else if (!drop.Folders.Any(f => DropPaths.IsUnder(real, f, ignoreCase: true)))
                    {
                        skipped.Add(new SkippedFile(DropPaths.Relative(drop.Root, literal), SkipReason.OutsideDrop, DropPaths.Relative(drop.Root, project.Path)));
                    }

                    continue;
                }

                foreach (var file in drop.SourceFiles)
                {
                    // The SDK's default items stay in the project's own folder: a project nested below
                    // it owns its files (MSBuild would compile them twice, and vendors remove them).
                    if (pattern.IsMatch(file)
                        && !operation.Excludes.Any(e => e.IsMatch(file))
                        && (!operation.IsSdkDefault || owners[file] == project.Directory))
                    {
                        items.Add(file);
                    }
                }
            }
        }

        return items.ToImmutableArray();
    }

    /// <summary>The deepest project folder holding the file (several projects may share it), or null.</summary>
    private static string? Owner(string file, List<string> projectDirectories)
        => projectDirectories.Where(d => DropPaths.IsUnder(file, d)).OrderByDescending(d => d.Length).FirstOrDefault();

    /// <summary>The nearest <c>Directory.Build.props</c> above the project, inside the drop: the one MSBuild would import.</summary>
    private static string? NearestBuildProps(Drop drop, string projectPath)
        => drop.BuildPropsFiles
            .Where(p => DropPaths.IsUnder(projectPath, Path.GetDirectoryName(p)!))
            .OrderByDescending(p => p.Length)
            .FirstOrDefault();

    /// <summary>Referenced units first; a reference that closes a cycle is dropped, with a note.</summary>
    private static List<CompilationUnit> Order(List<CompilationUnit> units, Func<string, string> text)
    {
        var ordered = new List<CompilationUnit>();
        var state = new Dictionary<CompilationUnit, int>();
        void Visit(CompilationUnit unit)
        {
            state[unit] = 1;
            foreach (var reference in unit.References.ToList())
            {
                if (state.TryGetValue(reference, out var s) && s == 1)
                {
                    unit.References.Remove(reference);
                    unit.Notes.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, text("Note_ReferenceCycle"), reference.Name));
                    continue;
                }

                if (!state.ContainsKey(reference))
                {
                    Visit(reference);
                }
            }

            state[unit] = 2;
            ordered.Add(unit);
        }

        foreach (var unit in units)
        {
            if (!state.ContainsKey(unit))
            {
                Visit(unit);
            }
        }

        return ordered;
    }
}
