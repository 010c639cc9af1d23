using System;
using System.Collections.Immutable;
using System.Globalization;
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
        int compilerErrorCount)
    {
        AsOf = asOf;
        Culture = culture;
        Rules = rules;
        Findings = findings;
        AnalyzerFailures = analyzerFailures;
        AnalysedFiles = analysedFiles;
        GeneratedFiles = generatedFiles;
        IgnoredRegistryFiles = ignoredRegistryFiles;
        SkippedFiles = skippedFiles;
        CompilerErrorCount = compilerErrorCount;
    }

    public DateTime AsOf { get; }

    public CultureInfo Culture { get; }

    /// <summary>Every rule LegalRules has, sorted by id.</summary>
    public ImmutableArray<DiagnosticDescriptor> Rules { get; }

    /// <summary>Findings sorted by file, line, column, rule and message.</summary>
    public ImmutableArray<Finding> Findings { get; }

    /// <summary>Analyzers that threw (AD0001): the audit is incomplete.</summary>
    public ImmutableArray<AnalyzerFailure> AnalyzerFailures { get; }

    /// <summary>Relative paths of the C# files analysed.</summary>
    public ImmutableArray<string> AnalysedFiles { get; }

    /// <summary>Relative paths of generated C# files: compiled, not reported on.</summary>
    public ImmutableArray<string> GeneratedFiles { get; }

    /// <summary>Relative paths of registry and bindings files found in the drop and not used.</summary>
    public ImmutableArray<string> IgnoredRegistryFiles { get; }

    /// <summary>Files of the drop that were not read, and why.</summary>
    public ImmutableArray<SkippedFile> SkippedFiles { get; }

    /// <summary>
    /// Compiler errors in the drop. Missing dependencies are normal in an audit; many errors warn
    /// that parts of the code did not bind and so could not be checked.
    /// </summary>
    public int CompilerErrorCount { get; }
}

/// <summary>An analyzer that threw: a bug of LegalRules, and a hole in the audit.</summary>
internal sealed record AnalyzerFailure(string Analyzer, string Message);
