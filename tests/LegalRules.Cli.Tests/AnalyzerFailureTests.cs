using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NJsonSchema;
using Xunit;

namespace LegalRules.Cli.Tests;

/// <summary>An analyzer that throws (AD0001) leaves a hole in the audit: it must be loud, never swallowed.</summary>
public sealed class AnalyzerFailureTests
{
    private static ImmutableArray<DiagnosticAnalyzer> WithFailingAnalyzer()
        => AnalyzerCatalog.CreateAnalyzers().Add(new ThrowingAnalyzer());

    [Fact]
    public async Task Failing_analyzer_exits_2_and_says_so()
    {
        using var drop = new TempDrop();
        drop.Write("Texte.cs", Samples.Clean);

        var run = await CommandRunner.RunWithAnalyzersAsync(WithFailingAnalyzer, "audit", drop.Root, "--as-of", Samples.AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(nameof(ThrowingAnalyzer), run.Stderr, StringComparison.Ordinal);
        Assert.Contains("the audit is incomplete", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("ANALYZER FAILURES", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failing_analyzer_makes_the_SARIF_run_unsuccessful()
    {
        using var drop = new TempDrop();
        drop.Write("CalculRsa.cs", Samples.BoundRsa);

        var run = await CommandRunner.RunWithAnalyzersAsync(WithFailingAnalyzer, "audit", drop.Root, "--as-of", Samples.AsOf, "--format", "sarif");

        Assert.Equal(2, run.ExitCode);
        var report = SarifReport.Parse(run.Stdout);
        Assert.False(report.ExecutionSuccessful);
        Assert.Contains(report.Results, r => r.RuleId == "LR0001");
        var notification = report.Run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0];
        Assert.Equal("AD0001", notification.GetProperty("descriptor").GetProperty("id").GetString());
        var errors = (await JsonSchema.FromFileAsync(RepositoryPaths.SarifSchema)).Validate(run.Stdout);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    /// <summary>
    /// Throws on every class it sees, as a buggy rule would. Handed to the engine directly, so it
    /// needs no [DiagnosticAnalyzer] attribute (which would make this test assembly an analyzer assembly).
    /// </summary>
#pragma warning disable RS1001 // See above: not discovered, handed over.
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // A test-only rule, never shipped: no release tracking.
        private static readonly DiagnosticDescriptor Rule = new("TEST0001", "Test", "Test", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSymbolAction(_ => throw new InvalidOperationException("rule bug"), SymbolKind.NamedType);
        }
    }
}
