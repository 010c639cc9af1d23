using System.Collections.Immutable;

namespace LegalRules.Cli.Audit.Projects;

/// <summary>What a <c>.csproj</c> says statically about how its C# is compiled, read as XML and never evaluated.</summary>
internal sealed class ProjectDefinition
{
    public ProjectDefinition(
        string path,
        string assemblyName,
        bool isSdkStyle,
        TargetFramework targetFramework,
        string? targetFrameworksWritten,
        ImmutableArray<string> defines,
        string? languageVersion,
        string? nullable,
        bool allowUnsafe,
        string? outputType,
        ImmutableArray<GlobalUsing> implicitUsings,
        ImmutableArray<CompileItemOperation> compileItems,
        ImmutableArray<string> projectReferences,
        ImmutableArray<string> packageReferences,
        ImmutableArray<string> assemblyReferences,
        ImmutableArray<string> notes)
    {
        Path = path;
        AssemblyName = assemblyName;
        IsSdkStyle = isSdkStyle;
        TargetFramework = targetFramework;
        TargetFrameworksWritten = targetFrameworksWritten;
        Defines = defines;
        LanguageVersion = languageVersion;
        Nullable = nullable;
        AllowUnsafe = allowUnsafe;
        OutputType = outputType;
        ImplicitUsings = implicitUsings;
        CompileItems = compileItems;
        ProjectReferences = projectReferences;
        PackageReferences = packageReferences;
        AssemblyReferences = assemblyReferences;
        Notes = notes;
    }

    /// <summary>The project file (real full path).</summary>
    public string Path { get; }

    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The file name without extension: the project's name in reports.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public string AssemblyName { get; }

    /// <summary>An SDK-style project (<c>&lt;Project Sdk="…"&gt;</c>): default compile items, implicit usings, SDK defines.</summary>
    public bool IsSdkStyle { get; }

    /// <summary>The framework the audit compiles for (the first a multi-targeting project lists).</summary>
    public TargetFramework TargetFramework { get; }

    /// <summary><c>TargetFrameworks</c> as written, for a multi-targeting project.</summary>
    public string? TargetFrameworksWritten { get; }

    /// <summary>Preprocessor symbols: <c>DefineConstants</c>, the configuration's and the framework's.</summary>
    public ImmutableArray<string> Defines { get; }

    /// <summary><c>LangVersion</c> as written, if any.</summary>
    public string? LanguageVersion { get; }

    /// <summary><c>Nullable</c> as written, if any.</summary>
    public string? Nullable { get; }

    public bool AllowUnsafe { get; }

    public string? OutputType { get; }

    /// <summary>The global usings the SDK generates (<c>ImplicitUsings</c> and <c>Using</c> items).</summary>
    public ImmutableArray<GlobalUsing> ImplicitUsings { get; }

    /// <summary><c>Compile</c> items in evaluation order, the SDK's defaults first.</summary>
    public ImmutableArray<CompileItemOperation> CompileItems { get; }

    /// <summary><c>ProjectReference</c> items, full paths.</summary>
    public ImmutableArray<string> ProjectReferences { get; }

    /// <summary><c>PackageReference</c> items ("Name Version"): never restored, code using them binds as far as it can.</summary>
    public ImmutableArray<string> PackageReferences { get; }

    /// <summary><c>Reference</c> items of assemblies outside the reference set (<c>System.Web</c>, a vendor DLL).</summary>
    public ImmutableArray<string> AssemblyReferences { get; }

    /// <summary>What the auditor should know about how the project was read.</summary>
    public ImmutableArray<string> Notes { get; }
}

/// <summary>A global using the SDK would generate: <c>global using System.Linq;</c>, with an alias or <c>static</c>.</summary>
internal sealed record GlobalUsing(string Namespace, string? Alias, bool IsStatic);

/// <summary>One <c>Compile</c> element: include (minus its excludes) or remove these patterns.</summary>
internal sealed record CompileItemOperation(bool IsRemove, ImmutableArray<MsBuildGlob> Patterns, ImmutableArray<MsBuildGlob> Excludes, bool IsSdkDefault);
