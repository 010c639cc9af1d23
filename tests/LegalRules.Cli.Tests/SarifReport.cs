using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace LegalRules.Cli.Tests;

/// <summary>A result of a SARIF log, as the tests read it.</summary>
internal sealed record SarifResult(string RuleId, int RuleIndex, string Level, string Message, string? Uri, int StartLine, int StartColumn, IReadOnlyDictionary<string, string?> Properties);

/// <summary>The parts of the command's SARIF log that tests look at.</summary>
internal sealed class SarifReport
{
    private SarifReport(string text, JsonElement run, List<SarifResult> results)
    {
        Text = text;
        Run = run;
        Results = results;
    }

    public string Text { get; }

    public JsonElement Run { get; }

    public List<SarifResult> Results { get; }

    public int CompilerErrors => Run.GetProperty("properties").GetProperty("compilerErrors").GetInt32();

    public int AnalysedFiles => Run.GetProperty("properties").GetProperty("analysedFiles").GetInt32();

    public string[] GeneratedFiles => Strings(Run.GetProperty("properties").GetProperty("generatedFiles"));

    public string[] IgnoredRegistryFiles => Strings(Run.GetProperty("properties").GetProperty("ignoredRegistryFiles"));

    public bool ExecutionSuccessful => Run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean();

    public static SarifReport Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        var run = document.RootElement.GetProperty("runs")[0].Clone();
        var results = new List<SarifResult>();
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            string? uri = null;
            int line = 0, column = 0;
            if (result.TryGetProperty("locations", out var locations))
            {
                var physical = locations[0].GetProperty("physicalLocation");
                uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString();
                line = physical.GetProperty("region").GetProperty("startLine").GetInt32();
                column = physical.GetProperty("region").GetProperty("startColumn").GetInt32();
            }

            var properties = result.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString(), StringComparer.Ordinal);
            results.Add(new SarifResult(
                result.GetProperty("ruleId").GetString()!,
                result.GetProperty("ruleIndex").GetInt32(),
                result.GetProperty("level").GetString()!,
                result.GetProperty("message").GetProperty("text").GetString()!,
                uri,
                line,
                column,
                properties));
        }

        return new SarifReport(text, run, results);
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}

/// <summary>Audits with <c>--format sarif</c>, checks the log against the SARIF 2.1.0 schema and reads it.</summary>
internal static class Sarif
{
    private static readonly Lazy<Task<NJsonSchema.JsonSchema>> Schema = new(() => NJsonSchema.JsonSchema.FromFileAsync(RepositoryPaths.SarifSchema));

    public static async Task<SarifReport> AuditAsync(string path, params string[] options)
    {
        var run = await CommandRunner.RunAsync(new[] { "audit", path, "--format", "sarif" }.Concat(options).ToArray());
        Assert.True(run.ExitCode is 0 or 1, $"exit code {run.ExitCode}: {run.Stderr}");
        Assert.Equal(string.Empty, run.Stderr);
        await AssertValidAsync(run.Stdout);
        return SarifReport.Parse(run.Stdout);
    }

    /// <summary>Every log the tests write must be valid SARIF 2.1.0.</summary>
    public static async Task AssertValidAsync(string log)
    {
        var errors = (await Schema.Value).Validate(log);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    /// <summary>The run's <c>properties.projects</c>, by name.</summary>
    public static Dictionary<string, JsonElement> Projects(this SarifReport report)
        => report.Run.GetProperty("properties").GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.Clone(), StringComparer.Ordinal);

    /// <summary>The run's <c>properties.skippedFiles</c> as "path: reason".</summary>
    public static string[] Skipped(this SarifReport report)
        => report.Run.GetProperty("properties").GetProperty("skippedFiles").EnumerateArray().Select(s => s.GetProperty("path").GetString() + ": " + s.GetProperty("reason").GetString()).ToArray();
}

internal static class TupleAssertions
{
    /// <summary>Compares a result's fields with the expected ones in one assertion that shows both.</summary>
    public static void AssertIs<T>(this T actual, T expected) => Assert.Equal(expected, actual);
}
