using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LegalRules.Fuzz.Infrastructure;

/// <summary>What must hold of every analysis, whatever its input.</summary>
internal static class Invariants
{
    /// <summary>The bound on one input's analysis: generous, for a hang is what it catches; speed is the benchmarks' business.</summary>
    public static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Every problem with an outcome: analyzer exceptions and AD0001, findings located outside the
    /// text they point into, and an analysis slower than <see cref="TimeBound"/>.
    /// </summary>
    public static List<string> Violations(AnalysisOutcome outcome, IReadOnlyDictionary<string, string> additionalTexts, TimeSpan? bound = null)
    {
        var violations = new List<string>(outcome.Failures);
        var lines = new Dictionary<string, Microsoft.CodeAnalysis.Text.TextLineCollection>(StringComparer.Ordinal);
        foreach (var finding in outcome.Findings)
        {
            if (LocationProblem(finding, outcome, additionalTexts, lines) is { } problem)
            {
                violations.Add($"{finding.Id} {problem}: {finding}");
            }
        }

        if (outcome.Elapsed > (bound ?? TimeBound))
        {
            violations.Add($"analysis took {FuzzSummary.Duration(outcome.Elapsed)}, over the bound of {FuzzSummary.Duration(bound ?? TimeBound)}");
        }

        return violations;
    }

    private static string? LocationProblem(Diagnostic finding, AnalysisOutcome outcome, IReadOnlyDictionary<string, string> additionalTexts, Dictionary<string, Microsoft.CodeAnalysis.Text.TextLineCollection> linesByPath)
    {
        var location = finding.Location;
        if (location.Kind == LocationKind.None)
        {
            // Only option faults have no place in a file: the options are not a file.
            return finding.Id == "LR0901" && !finding.Properties.ContainsKey("fault") ? null : "has no location";
        }

        if (location.IsInSource)
        {
            var tree = location.SourceTree!;
            if (!outcome.Compilation.ContainsSyntaxTree(tree))
            {
                return "is in a tree that is not the compilation's";
            }

            return location.SourceSpan.End <= tree.Length ? null : $"ends at {location.SourceSpan.End}, past the end of its file ({tree.Length})";
        }

        var lineSpan = location.GetLineSpan();
        if (!additionalTexts.TryGetValue(lineSpan.Path, out var text))
        {
            return $"is in '{lineSpan.Path}', which is no file of the analysis";
        }

        if (location.SourceSpan.End > text.Length)
        {
            return $"ends at {location.SourceSpan.End}, past the end of its file ({text.Length})";
        }

        if (!linesByPath.TryGetValue(lineSpan.Path, out var lines))
        {
            linesByPath[lineSpan.Path] = lines = Microsoft.CodeAnalysis.Text.SourceText.From(text).Lines;
        }

        var expected = lines.GetLinePositionSpan(location.SourceSpan);
        return expected == lineSpan.Span ? null : $"says lines {lineSpan.Span} where its span is at {expected}";
    }
}
