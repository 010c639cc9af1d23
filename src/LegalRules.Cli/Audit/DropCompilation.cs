using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.Cli.Audit.Projects;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Cli.Audit;

/// <summary>A compilation of the audit with what reports need to know about its trees.</summary>
internal sealed class AuditedCompilation
{
    public AuditedCompilation(CompilationUnit unit, CSharpCompilation compilation, ImmutableHashSet<SyntaxTree> generatedTrees, ImmutableHashSet<SyntaxTree> syntheticTrees, ReferenceSet referenceSet, LanguageVersion languageVersion)
    {
        Unit = unit;
        Compilation = compilation;
        GeneratedTrees = generatedTrees;
        SyntheticTrees = syntheticTrees;
        ReferenceSet = referenceSet;
        LanguageVersion = languageVersion;
    }

    public CompilationUnit Unit { get; }

    public CSharpCompilation Compilation { get; }

    /// <summary>Generated files of the drop: compiled so that code around them binds, never reported on.</summary>
    public ImmutableHashSet<SyntaxTree> GeneratedTrees { get; }

    /// <summary>Trees the SDK would generate (global usings): not files of the drop.</summary>
    public ImmutableHashSet<SyntaxTree> SyntheticTrees { get; }

    public ReferenceSet ReferenceSet { get; }

    public LanguageVersion LanguageVersion { get; }

    /// <summary>The drop's own files: neither generated nor synthetic.</summary>
    public IEnumerable<SyntaxTree> AnalysedTrees => Compilation.SyntaxTrees.Where(t => !GeneratedTrees.Contains(t) && !SyntheticTrees.Contains(t));
}

/// <summary>
/// The texts of the drop's files, read once each (a file two projects compile is read once), or
/// the reason they were not.
/// </summary>
internal sealed class SourceTexts
{
    // Lazy: two projects compiling the same file in parallel read it once.
    private readonly ConcurrentDictionary<string, Lazy<SourceReadResult>> _results = new(StringComparer.Ordinal);
    private readonly long _maxFileBytes;
    private readonly AuditProgress? _progress;

    public SourceTexts(long maxFileBytes, AuditProgress? progress)
    {
        _maxFileBytes = maxFileBytes;
        _progress = progress;
    }

    public SourceReadResult Read(string path) => _results.GetOrAdd(path, p => new Lazy<SourceReadResult>(() =>
    {
        var result = SourceFileReader.Read(p, _maxFileBytes);
        _progress?.FileRead();

        // Every file read here was found by the walk of the drop: one not found now was removed since.
        return result.Reason == SkipReason.Unreadable && result.Detail == SourceFileReader.NotFound
            ? SourceReadResult.Skipped(SkipReason.Unreadable, "disappeared during the audit")
            : result;
    })).Value;

    /// <summary>Files that could not be read, with why.</summary>
    public IEnumerable<(string Path, SourceReadResult Result)> Failures => _results.Where(r => r.Value.Value.Text is null).Select(r => (r.Key, r.Value.Value));
}

/// <summary>
/// Turns each compilation unit of the drop into a compilation against fixed reference assemblies
/// chosen from its target framework: nothing from the drop is built, restored or run, and code
/// whose dependencies are missing still binds as far as it can.
/// </summary>
internal static class DropCompilation
{
    /// <summary>
    /// The compilation of <paramref name="unit"/>; for the files outside any project, one compilation
    /// per program they make up (<see cref="LooseGroups"/>), each with a note naming its folder.
    /// </summary>
    public static ImmutableArray<AuditedCompilation> Create(CompilationUnit unit, IReadOnlyDictionary<CompilationUnit, AuditedCompilation> referenced, SourceTexts texts, string root, Func<string, string> localized, CancellationToken cancellationToken)
    {
        var project = unit.Project;
        var framework = unit.TargetFramework;
        var languageVersion = framework.DefaultLanguageVersion;
        if (project?.LanguageVersion is { } written)
        {
            if (LanguageVersionFacts.TryParse(written, out var version))
            {
                languageVersion = version;
            }
            else
            {
                unit.Notes.Add("LangVersion " + written + " → " + LanguageVersionFacts.ToDisplayString(languageVersion));
            }
        }

        // Files outside any project are compiled as an SDK project of their framework would compile
        // them (Release): what sits under #if RELEASE, TRACE or NET8_0_OR_GREATER is audited there too.
        var parseOptions = new CSharpParseOptions(
            languageVersion,
            DocumentationMode.None,
            SourceCodeKind.Regular,
            project?.Defines ?? ImmutableArray.Create(ProjectFileReader.Configuration.ToUpperInvariant(), "TRACE").AddRange(framework.ImplicitDefines()));

        var files = unit.Files;
        var trees = new SyntaxTree?[files.Length];

        // Parsing is independent per file: spread it over the cores.
        Parallel.For(0, files.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            if (texts.Read(files[i]).Text is { } text)
            {
                trees[i] = CSharpSyntaxTree.ParseText(text, parseOptions, files[i], cancellationToken);
            }
        });

        var all = trees.Where(t => t is not null).Select(t => t!).ToList();
        var groups = unit.Project is null && all.Count > 1 ? LooseGroups.Split(all, root, cancellationToken) : null;
        if (groups is null || groups.Count == 1)
        {
            return ImmutableArray.Create(Compile(unit, all, parseOptions, languageVersion, referenced, cancellationToken));
        }

        // Each program is named after its first folder, so that reports tell them apart.
        var compilations = ImmutableArray.CreateBuilder<AuditedCompilation>(groups.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var name = unit.Name + (group.Folders[0] == "." ? string.Empty : "." + AssemblyNamePart(group.Folders[0]));
            for (var n = 2; !names.Add(name); n++)
            {
                name = unit.Name + "." + AssemblyNamePart(group.Folders[0]) + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var part = new CompilationUnit(name, null, group.Trees.Select(t => t.FilePath).ToImmutableArray());
            part.Notes.AddRange(unit.Notes);
            part.Notes.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, localized("Note_LooseGroup"), string.Join(", ", group.Folders), group.Trees.Length));
            compilations.Add(Compile(part, group.Trees.ToList(), parseOptions, languageVersion, referenced, cancellationToken));
        }

        return compilations.MoveToImmutable();
    }

    private static AuditedCompilation Compile(CompilationUnit unit, List<SyntaxTree> parsed, CSharpParseOptions parseOptions, LanguageVersion languageVersion, IReadOnlyDictionary<CompilationUnit, AuditedCompilation> referenced, CancellationToken cancellationToken)
    {
        var project = unit.Project;
        var framework = unit.TargetFramework;
        var generated = parsed
            .Where(t => GeneratedCode.IsGeneratedName(t.FilePath) || GeneratedCode.HasGeneratedHeader(t))
            .ToImmutableHashSet();

        var synthetic = ImmutableHashSet<SyntaxTree>.Empty;
        var implicitUsings = project?.ImplicitUsings ?? ImmutableArray<GlobalUsing>.Empty;
        if (project is null && parsed.Any(WritesFileScopedNamespace))
        {
            // Files outside any project written in C# 10's style (namespace X;) come from SDK projects,
            // which import these namespaces implicitly: without them, Math, Task and List do not bind.
            implicitUsings = ProjectFileReader.SdkImplicitUsings.Select(n => new GlobalUsing(n, null, false)).ToImmutableArray();
            unit.Notes.Add("namespace X; → global usings of Microsoft.NET.Sdk (" + string.Join(", ", ProjectFileReader.SdkImplicitUsings) + ")");
        }

        if (!implicitUsings.IsEmpty)
        {
            // What the SDK writes to obj/…/<Project>.GlobalUsings.g.cs.
            var usings = new StringBuilder("// <auto-generated/>\n");
            foreach (var u in implicitUsings)
            {
                usings.Append("global using ").Append(u.IsStatic ? "static " : string.Empty).Append(u.Alias is null ? string.Empty : u.Alias + " = ").Append("global::").Append(u.Namespace).Append(";\n");
            }

            var path = project is null
                ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(parsed[0].FilePath) ?? string.Empty, "obj", unit.Name + ".GlobalUsings.g.cs")
                : System.IO.Path.Combine(project.Directory, "obj", project.Name + ".GlobalUsings.g.cs");
            var tree = CSharpSyntaxTree.ParseText(SourceText.From(usings.ToString(), Encoding.UTF8), parseOptions, path, cancellationToken);
            parsed.Add(tree);
            synthetic = synthetic.Add(tree);
        }

        var options = new CSharpCompilationOptions(
            // Loose files with top-level statements are a program's: compiled as a library, they would be an error.
            project is null && parsed.Any(HasTopLevelStatements) ? Microsoft.CodeAnalysis.OutputKind.ConsoleApplication : OutputKind(project?.OutputType),
            allowUnsafe: project?.AllowUnsafe ?? true,
            concurrentBuild: true,
            deterministic: true,
            nullableContextOptions: Nullable(project?.Nullable));

        // The drop's own attributes bind when it declares them; LegalRules.Annotations is added so
        // that code using the published attributes (namespace LegalRules) binds too.
        var referenceSet = framework.References;
        var references = new List<MetadataReference>(referenceSet.References)
        {
            MetadataReference.CreateFromFile(typeof(StatutoryParameterAttribute).Assembly.Location),
        };
        foreach (var reference in unit.References)
        {
            if (referenced.TryGetValue(reference, out var compilation))
            {
                references.Add(compilation.Compilation.ToMetadataReference());
            }
        }

        var created = CSharpCompilation.Create(unit.Name, parsed, references, options);
        return new AuditedCompilation(unit, created, generated, synthetic, referenceSet, languageVersion);
    }

    // A folder's path as segments of an assembly name: letters, digits and underscores.
    private static string AssemblyNamePart(string folder)
        => string.Join(".", folder.Split('/', '\\').Select(segment => new string(segment.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray())));

    private static bool HasTopLevelStatements(SyntaxTree tree)
        => tree.GetRoot() is CompilationUnitSyntax root && root.Members.Any(m => m is GlobalStatementSyntax);

    private static bool WritesFileScopedNamespace(SyntaxTree tree)
        => tree.GetRoot() is CompilationUnitSyntax root && root.Members.Any(m => m is FileScopedNamespaceDeclarationSyntax);

    private static OutputKind OutputKind(string? outputType) => outputType?.ToLowerInvariant() switch
    {
        "exe" => Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
        "winexe" => Microsoft.CodeAnalysis.OutputKind.WindowsApplication,
        _ => Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary,
    };

    private static NullableContextOptions Nullable(string? written) => written?.ToLowerInvariant() switch
    {
        "enable" => NullableContextOptions.Enable,
        "warnings" => NullableContextOptions.Warnings,
        "annotations" => NullableContextOptions.Annotations,
        _ => NullableContextOptions.Disable,
    };
}
