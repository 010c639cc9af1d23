using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LegalRules.Cli.Audit;

/// <summary>Everything an audit found, ready for any report writer.</summary>
internal sealed class AuditResult
{
    public AuditResult(
        DateTime asOf,
        CultureInfo culture,
        ImmutableArray<DiagnosticDescriptor> rules,
        ImmutableArray<Finding> findings,
        ImmutableArray<AnalyzerFailure> analyzerFailures,
        ImmutableArray<string> analysedFiles,
        ImmutableArray<string> generatedFiles,
        ImmutableArray<string> ignoredRegistryFiles,
        ImmutableArray<SkippedFile> skippedFiles,
        int compilerErrorCount,
        ImmutableArray<ProjectSummary> projects = default,
        BaselineSummary? baseline = null,
        bool loadedWithMsBuild = false)
    {
        AsOf = asOf;
        Culture = culture;
        Rules = rules;
        AllFindings = findings;
        Findings = findings.Where(f => f.BaselineState != BaselineState.Unchanged).ToImmutableArray();
        AnalyzerFailures = analyzerFailures;
        AnalysedFiles = analysedFiles;
        GeneratedFiles = generatedFiles;
        IgnoredRegistryFiles = ignoredRegistryFiles;
        SkippedFiles = skippedFiles;
        CompilerErrorCount = compilerErrorCount;
        Projects = projects.IsDefault ? ImmutableArray<ProjectSummary>.Empty : projects;
        Baseline = baseline;
        LoadedWithMsBuild = loadedWithMsBuild;
    }

    public DateTime AsOf { get; }

    public CultureInfo Culture { get; }

    /// <summary>Every rule LegalRules has, sorted by id.</summary>
    public ImmutableArray<DiagnosticDescriptor> Rules { get; }

    /// <summary>The findings reported: all of them, or those absent from the baseline. Sorted by file, line, column, rule and message.</summary>
    public ImmutableArray<Finding> Findings { get; }

    /// <summary>Every finding, those of the baseline included (the SARIF log keeps them, marked unchanged).</summary>
    public ImmutableArray<Finding> AllFindings { get; }

    /// <summary>Analyzers that threw (AD0001): the audit is incomplete.</summary>
    public ImmutableArray<AnalyzerFailure> AnalyzerFailures { get; }

    /// <summary>Relative paths of the C# files analysed.</summary>
    public ImmutableArray<string> AnalysedFiles { get; }

    /// <summary>Relative paths of generated C# files: compiled, not reported on.</summary>
    public ImmutableArray<string> GeneratedFiles { get; }

    /// <summary>Relative paths of registry and bindings files found in the drop and not used.</summary>
    public ImmutableArray<string> IgnoredRegistryFiles { get; }

    /// <summary>Files of the drop that were not read or not compiled, and why.</summary>
    public ImmutableArray<SkippedFile> SkippedFiles { get; }

    /// <summary>
    /// Compiler errors in the drop. Missing dependencies are normal in an audit; many errors warn
    /// that parts of the code did not bind and so could not be checked.
    /// </summary>
    public int CompilerErrorCount { get; }

    /// <summary>The compilations of the audit: each project, and the files outside any project.</summary>
    public ImmutableArray<ProjectSummary> Projects { get; }

    /// <summary>How the findings compare with <c>--baseline</c>, when one was given.</summary>
    public BaselineSummary? Baseline { get; }

    /// <summary>Whether the projects were loaded through MSBuild (<c>--msbuild</c>).</summary>
    public bool LoadedWithMsBuild { get; }
}

/// <summary>An analyzer that threw: a bug of LegalRules, and a hole in the audit.</summary>
internal sealed record AnalyzerFailure(string Analyzer, string Message);

/// <summary>What the baseline held and how this audit compares: <c>Unchanged + Absent = InBaseline</c>.</summary>
internal sealed record BaselineSummary(string Name, int InBaseline, int Unchanged, int Absent, int New);

/// <summary>One compilation of the audit, as reports describe it.</summary>
/// <param name="Name">The assembly name; the files outside any project are named by the report.</param>
/// <param name="Path">The project file relative to the root; null for the files outside any project.</param>
/// <param name="TargetFramework">The framework compiled for (as the project writes it).</param>
/// <param name="ReferenceAssemblies">The reference set used (".NET 8.0"), with "≈" when it is the nearest one shipped.</param>
internal sealed record ProjectSummary(
    string Name,
    string? Path,
    string TargetFramework,
    string ReferenceAssemblies,
    string LanguageVersion,
    int SourceFiles,
    int CompilerErrors,
    ImmutableArray<string> ProjectReferences,
    ImmutableArray<string> PackageReferences,
    ImmutableArray<string> AssemblyReferences,
    ImmutableArray<string> Notes);
