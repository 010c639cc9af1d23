using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using LegalRules.Cli.Audit;
using LegalRules.Diagnostics;

namespace LegalRules.Cli.Reports;

/// <summary>A count of findings for one rule, parameter or file.</summary>
internal sealed record CountRow(string Name, int Count, string? Description);

/// <summary>
/// What every report's summary shows, computed once: totals by level, and counts by rule, by
/// parameter and by file — largest first, ties by name, so that a report reads the same each run.
/// </summary>
internal sealed class ReportSummary
{
    public ReportSummary(AuditResult result)
    {
        var findings = result.Findings;
        var culture = result.Culture;
        Errors = findings.Count(f => f.Level == FindingLevel.Error);
        Warnings = findings.Count(f => f.Level == FindingLevel.Warning);
        Notes = findings.Count(f => f.Level == FindingLevel.Note);
        FilesWithFindings = findings.Where(f => f.Location is not null).Select(f => f.Location!.Path).Distinct(StringComparer.Ordinal).Count();

        var titles = result.Rules.ToDictionary(r => r.Id, r => r.Title.ToString(culture), StringComparer.Ordinal);
        var labels = findings
            .Where(f => f.ParameterKey is not null)
            .GroupBy(f => f.ParameterKey!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Property(PropertyNames.Label)).FirstOrDefault(l => l is not null), StringComparer.Ordinal);
        ByRule = Rows(findings.GroupBy(f => f.RuleId, StringComparer.Ordinal), id => titles.TryGetValue(id, out var title) ? title : null);
        ByParameter = Rows(findings.Where(f => f.ParameterKey is not null).GroupBy(f => f.ParameterKey!, StringComparer.Ordinal), key => labels[key]);
        ByFile = Rows(findings.Where(f => f.Location is not null).GroupBy(f => f.Location!.Path, StringComparer.Ordinal), _ => null);
    }

    public int Errors { get; }

    public int Warnings { get; }

    public int Notes { get; }

    public int FilesWithFindings { get; }

    public ImmutableArray<CountRow> ByRule { get; }

    public ImmutableArray<CountRow> ByParameter { get; }

    public ImmutableArray<CountRow> ByFile { get; }

    /// <summary>The legal text of the statutory value (title, link) from the finding's data, when it has one.</summary>
    public static (string? Title, string? Href) Reference(Finding finding)
        => (finding.Property(PropertyNames.ReferenceTitle), finding.Property(PropertyNames.ReferenceHref));

    /// <summary>The period of the statutory value: "2026-04-01 →" or "2025-04-01 → 2026-03-31".</summary>
    public static string? Period(Finding finding) => PeriodOf(finding, PropertyNames.ValidFrom, PropertyNames.ValidTo);

    /// <summary>The period the value found in the code applied, when it is a past value: "2025-04-01 → 2026-03-31".</summary>
    public static string? FoundPeriod(Finding finding) => PeriodOf(finding, PropertyNames.FoundValidFrom, PropertyNames.FoundValidTo);

    private static string? PeriodOf(Finding finding, string fromProperty, string toProperty)
    {
        var from = finding.Property(fromProperty);
        if (string.IsNullOrEmpty(from))
        {
            return null;
        }

        return finding.Property(toProperty) is { Length: > 0 } to ? from + " → " + to : from + " →";
    }

    /// <summary>How a project is compiled, in one line: "net8.0 → .NET 8.0, C# 12.0".</summary>
    public static string Compiled(ProjectSummary project)
        => string.Create(CultureInfo.InvariantCulture, $"{project.TargetFramework} → {project.ReferenceAssemblies}, C# {project.LanguageVersion}");

    private static ImmutableArray<CountRow> Rows(IEnumerable<IGrouping<string, Finding>> groups, Func<string, string?> describe)
        => groups
            .Select(g => new CountRow(g.Key, g.Count(), describe(g.Key)))
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToImmutableArray();
}
