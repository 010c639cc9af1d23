using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using LegalRules.Cli.Audit;
using LegalRules.Registry;

namespace LegalRules.Cli.Reports;

/// <summary>
/// The report for a terminal or a plain file: findings grouped by file with the source line, then a
/// summary by rule, by parameter and by file, then what the audit did not read or use.
/// </summary>
internal sealed class TextReportWriter : IReportWriter
{
    private const string Indent = "  ";

    public string Format => "text";

    public void Write(AuditResult result, Stream output)
    {
        var culture = result.Culture;
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 65536, leaveOpen: true) { NewLine = "\n" };

        writer.WriteLine(Strings.Get(culture, "Report_Title"));
        writer.WriteLine(Strings.Format(culture, "Report_AsOf", Dates.Format(result.AsOf)));
        if (result.Baseline is { } baseline)
        {
            writer.WriteLine(BaselineLine(baseline, culture));
        }

        if (result.LoadedWithMsBuild)
        {
            writer.WriteLine(Strings.Get(culture, "Report_MsBuild"));
        }

        WriteFailures(writer, result);
        WriteFindings(writer, result);
        WriteSummary(writer, result);
        WriteProjects(writer, result);
        WriteUnused(writer, result);
    }

    /// <summary>"Baseline previous.sarif: 12 findings; 10 unchanged (not shown), 2 no longer found; 1 new."</summary>
    public static string BaselineLine(BaselineSummary baseline, CultureInfo culture)
        => Strings.Format(culture, "Report_Baseline", baseline.Name, baseline.InBaseline, baseline.Unchanged, baseline.Absent, baseline.New);

    private static void WriteProjects(StreamWriter writer, AuditResult result)
    {
        var culture = result.Culture;
        if (result.Projects.IsEmpty)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine(Strings.Get(culture, "Report_Projects"));
        foreach (var project in result.Projects)
        {
            var name = project.Path is null ? Strings.Get(culture, "Report_LooseFiles") : project.Name + " (" + project.Path + ")";
            writer.WriteLine(Indent + name + ": " + ReportSummary.Compiled(project) + "; " + Strings.Format(culture, "Report_ProjectCounts", project.SourceFiles, project.CompilerErrors));
            WriteDetail(writer, Strings.Get(culture, "Report_ProjectReferences"), project.ProjectReferences);
            WriteDetail(writer, Strings.Get(culture, "Report_PackagesNotRestored"), project.PackageReferences);
            WriteDetail(writer, Strings.Get(culture, "Report_AssembliesNotLoaded"), project.AssemblyReferences);
            foreach (var note in project.Notes)
            {
                writer.WriteLine(Indent + Indent + note);
            }
        }
    }

    private static void WriteDetail(StreamWriter writer, string label, System.Collections.Immutable.ImmutableArray<string> items)
    {
        if (!items.IsEmpty)
        {
            writer.WriteLine(Indent + Indent + label + ": " + string.Join(", ", items));
        }
    }

    private static void WriteFailures(StreamWriter writer, AuditResult result)
    {
        if (result.AnalyzerFailures.IsEmpty)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine(Strings.Get(result.Culture, "Report_AnalyzerFailures"));
        foreach (var failure in result.AnalyzerFailures)
        {
            writer.WriteLine(Indent + failure.Analyzer + ": " + failure.Message.Replace("\n", "\n" + Indent + Indent, System.StringComparison.Ordinal));
        }
    }

    private static void WriteFindings(StreamWriter writer, AuditResult result)
    {
        foreach (var group in result.Findings.GroupBy(f => f.Location?.Path))
        {
            writer.WriteLine();
            writer.WriteLine(group.Key ?? Strings.Get(result.Culture, "Report_NoLocation"));
            var findings = group.ToList();
            var positionWidth = findings.Max(f => Position(f).Length);
            var gutter = new string(' ', positionWidth);
            foreach (var finding in findings)
            {
                writer.WriteLine($"{Indent}{Position(finding).PadLeft(positionWidth)}  {FindingLevels.Name(finding.Level),-7}  {finding.RuleId}  {finding.Message}");
                if (finding.Excerpt is not null)
                {
                    writer.WriteLine($"{Indent}{gutter} | {finding.Excerpt}");
                }

                if (ReferenceText(finding) is { } reference)
                {
                    writer.WriteLine($"{Indent}{gutter} {Strings.Get(result.Culture, "Report_Reference")}: {reference}");
                }
            }
        }
    }

    /// <summary>The legal text of the statutory value (title, link) from the finding's data, when it has one.</summary>
    private static string? ReferenceText(Finding finding)
    {
        var (title, href) = ReportSummary.Reference(finding);
        return (string.IsNullOrEmpty(title), string.IsNullOrEmpty(href)) switch
        {
            (false, false) => $"{title} <{href}>",
            (false, true) => title,
            (true, false) => $"<{href}>",
            _ => null,
        };
    }

    private static string Position(Finding finding)
        => finding.Location is { } location ? string.Create(CultureInfo.InvariantCulture, $"{location.StartLine}:{location.StartColumn}") : string.Empty;

    private static void WriteSummary(StreamWriter writer, AuditResult result)
    {
        var culture = result.Culture;
        var findings = result.Findings;
        writer.WriteLine();
        writer.WriteLine(Strings.Get(culture, "Report_Summary"));
        if (findings.IsEmpty)
        {
            writer.WriteLine(Indent + Strings.Get(culture, "Report_NoFindings"));
        }

        writer.WriteLine(Indent + Strings.Format(
            culture,
            "Report_Totals",
            findings.Length,
            findings.Count(f => f.Level == FindingLevel.Error),
            findings.Count(f => f.Level == FindingLevel.Warning),
            findings.Count(f => f.Level == FindingLevel.Note),
            findings.Where(f => f.Location is not null).Select(f => f.Location!.Path).Distinct().Count(),
            result.AnalysedFiles.Length));

        if (result.CompilerErrorCount > 0)
        {
            writer.WriteLine(Indent + Strings.Format(culture, "Report_CompilerErrors", result.CompilerErrorCount));
        }

        if (findings.IsEmpty)
        {
            return;
        }

        var titles = result.Rules.ToDictionary(r => r.Id, r => r.Title.ToString(culture));
        WriteCounts(writer, Strings.Get(culture, "Report_ByRule"), findings.GroupBy(f => f.RuleId), id => titles.TryGetValue(id, out var title) ? title : null);
        WriteCounts(writer, Strings.Get(culture, "Report_ByParameter"), findings.Where(f => f.ParameterKey is not null).GroupBy(f => f.ParameterKey!), _ => null);
        WriteCounts(writer, Strings.Get(culture, "Report_ByFile"), findings.Where(f => f.Location is not null).GroupBy(f => f.Location!.Path), _ => null);
    }

    /// <summary>One line per group, largest first, ties by name, so the report reads the same each run.</summary>
    private static void WriteCounts(StreamWriter writer, string heading, IEnumerable<IGrouping<string, Finding>> groups, System.Func<string, string?> describe)
    {
        var rows = groups
            .Select(g => (Name: g.Key, Count: g.Count()))
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Name, System.StringComparer.Ordinal)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine(heading);
        var nameWidth = rows.Max(r => r.Name.Length);
        var countWidth = rows.Max(r => r.Count.ToString(CultureInfo.InvariantCulture).Length);
        foreach (var (name, count) in rows)
        {
            var line = $"{Indent}{name.PadRight(nameWidth)}  {count.ToString(CultureInfo.InvariantCulture).PadLeft(countWidth)}";
            var description = describe(name);
            writer.WriteLine(description is null ? line : line + "  " + description);
        }
    }

    private static void WriteUnused(StreamWriter writer, AuditResult result)
    {
        var culture = result.Culture;
        WriteList(writer, Strings.Get(culture, "Report_IgnoredRegistry"), result.IgnoredRegistryFiles);
        WriteList(writer, Strings.Get(culture, "Report_Skipped"), result.SkippedFiles.Where(s => s.Reason != SkipReason.ExcludedByProject).Select(s => s.Path + " (" + SkipReasons.Describe(s, culture) + ")"));
        WriteList(writer, Strings.Get(culture, "Report_Excluded"), result.SkippedFiles.Where(s => s.Reason == SkipReason.ExcludedByProject).Select(s => s.Path + " (" + SkipReasons.Describe(s, culture) + ")"));
        WriteList(writer, Strings.Get(culture, "Report_Generated"), result.GeneratedFiles);
    }

    private static void WriteList(StreamWriter writer, string heading, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine(heading);
        foreach (var item in list)
        {
            writer.WriteLine(Indent + item);
        }
    }
}

/// <summary>Why a file was not read, in words.</summary>
internal static class SkipReasons
{
    public static string Describe(SkippedFile file, CultureInfo culture)
    {
        var reason = Strings.Get(culture, "Skip_" + file.Reason);
        return file.Detail is null ? reason : reason + ": " + file.Detail;
    }

    /// <summary>The reason as machine-readable reports write it: <c>linkOutsideDrop</c>, <c>tooLarge</c>, …</summary>
    public static string Code(SkipReason reason)
    {
        var name = reason.ToString();
        return char.ToLowerInvariant(name[0]) + name.Substring(1);
    }
}
