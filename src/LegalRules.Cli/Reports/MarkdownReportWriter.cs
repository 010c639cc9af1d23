using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using LegalRules.Cli.Audit;
using LegalRules.Diagnostics;
using LegalRules.Registry;

namespace LegalRules.Cli.Reports;

/// <summary>
/// The report as Markdown, for a pull request, a wiki or a ticket: summary tables, then each
/// finding with the statutory value against the value found, the legal reference as a link and
/// the code around it. Text from the drop is escaped (table cells) or fenced (code).
/// </summary>
internal sealed class MarkdownReportWriter : IReportWriter
{
    public string Format => "markdown";

    public void Write(AuditResult result, Stream output)
    {
        var culture = result.Culture;
        string T(string name) => Strings.Get(culture, name);
        var summary = new ReportSummary(result);
        var helpLinks = result.Rules.ToDictionary(r => r.Id, r => r.HelpLinkUri, StringComparer.Ordinal);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 65536, leaveOpen: true) { NewLine = "\n" };

        writer.WriteLine("# " + T("Report_Title"));
        writer.WriteLine();
        writer.WriteLine(Escape(Strings.Format(culture, "Report_AsOf", Dates.Format(result.AsOf))) + "  ");
        writer.WriteLine(Escape(Strings.Format(culture, "Label_Totals", result.Findings.Length, summary.Errors, summary.Warnings, summary.Notes, summary.FilesWithFindings, result.AnalysedFiles.Length)));
        if (result.Baseline is { } baseline)
        {
            writer.WriteLine();
            writer.WriteLine("> " + Escape(TextReportWriter.BaselineLine(baseline, culture)));
        }

        if (result.LoadedWithMsBuild)
        {
            writer.WriteLine();
            writer.WriteLine("> " + Escape(T("Report_MsBuild")));
        }

        if (!result.AnalyzerFailures.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine("> **" + Escape(T("Report_AnalyzerFailures")) + "**");
            foreach (var failure in result.AnalyzerFailures)
            {
                writer.WriteLine(">");
                writer.WriteLine("> " + Code(failure.Analyzer) + ": " + Escape(FirstLine(failure.Message)));
            }
        }

        if (result.CompilerErrorCount > 0)
        {
            writer.WriteLine();
            writer.WriteLine(Escape(Strings.Format(culture, "Report_CompilerErrors", result.CompilerErrorCount)));
        }

        writer.WriteLine();
        writer.WriteLine("## " + T("Report_Summary"));
        if (result.Findings.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine(Escape(T("Label_NoFindings")));
        }
        else
        {
            Table(writer, new[] { T("Label_Rule"), T("Label_Count"), T("Label_Title") }, summary.ByRule.Select(r => new[] { Link(r.Name, helpLinks.GetValueOrDefault(r.Name)), Number(r.Count), Escape(r.Description) }));
            Table(writer, new[] { T("Label_Parameter"), T("Label_Count"), T("Label_Label") }, summary.ByParameter.Select(r => new[] { Code(r.Name), Number(r.Count), Escape(r.Description) }));
            Table(writer, new[] { T("Label_File"), T("Label_Count") }, summary.ByFile.Select(r => new[] { Code(r.Name), Number(r.Count) }));
        }

        if (!result.Findings.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine("## " + T("Label_Findings"));
            foreach (var group in result.Findings.GroupBy(f => f.Location?.Path))
            {
                writer.WriteLine();
                writer.WriteLine("### " + (group.Key is null ? Escape(T("Report_NoLocation")) : Code(group.Key)));
                foreach (var finding in group)
                {
                    WriteFinding(writer, finding, helpLinks, culture);
                }
            }
        }

        if (!result.Projects.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine("## " + T("Report_Projects"));
            Table(
                writer,
                new[] { T("Label_Project"), T("Label_CompiledAs"), T("Label_SourceFiles"), T("Label_CompilerErrors"), T("Label_Details") },
                result.Projects.Select(p => new[]
                {
                    p.Path is null ? Escape(T("Report_LooseFiles")) : Escape(p.Name) + " (" + Code(p.Path) + ")",
                    Escape(ReportSummary.Compiled(p)),
                    Number(p.SourceFiles),
                    Number(p.CompilerErrors),
                    Escape(string.Join("; ", Details(p, culture))),
                }));
        }

        List(writer, T("Label_FilesNotRead"), result.SkippedFiles.Select(s => Code(s.Path) + " — " + Escape(SkipReasons.Describe(s, culture))));
        List(writer, T("Label_GeneratedFiles"), result.GeneratedFiles.Select(Code));
        List(writer, T("Label_IgnoredRegistry"), result.IgnoredRegistryFiles.Select(Code));
    }

    /// <summary>What else to know about a compilation: references, packages not restored, notes.</summary>
    internal static IEnumerable<string> Details(ProjectSummary project, CultureInfo culture)
    {
        if (!project.ProjectReferences.IsEmpty)
        {
            yield return Strings.Get(culture, "Report_ProjectReferences") + ": " + string.Join(", ", project.ProjectReferences);
        }

        if (!project.PackageReferences.IsEmpty)
        {
            yield return Strings.Get(culture, "Report_PackagesNotRestored") + ": " + string.Join(", ", project.PackageReferences);
        }

        if (!project.AssemblyReferences.IsEmpty)
        {
            yield return Strings.Get(culture, "Report_AssembliesNotLoaded") + ": " + string.Join(", ", project.AssemblyReferences);
        }

        foreach (var note in project.Notes)
        {
            yield return note;
        }
    }

    private static void WriteFinding(StreamWriter writer, Finding finding, Dictionary<string, string> helpLinks, CultureInfo culture)
    {
        string T(string name) => Strings.Get(culture, name);
        writer.WriteLine();
        var position = finding.Location is { } l ? string.Create(CultureInfo.InvariantCulture, $"{l.StartLine}:{l.StartColumn} · ") : string.Empty;
        writer.WriteLine("#### " + position + FindingLevels.Name(finding.Level) + " " + Link(finding.RuleId, helpLinks.GetValueOrDefault(finding.RuleId)));
        writer.WriteLine();
        writer.WriteLine(Escape(finding.Message));

        var rows = new List<string[]>();
        if (finding.ParameterKey is { } key)
        {
            var label = finding.Property(PropertyNames.Label);
            rows.Add(new[] { T("Label_Parameter"), Code(key) + (label is null || label == key ? string.Empty : " — " + Escape(label)) });
        }

        if (finding.Property(PropertyNames.Found) is { } found)
        {
            var foundPeriod = ReportSummary.FoundPeriod(finding);
            rows.Add(new[] { T("Label_Found"), "**" + Escape(found) + "**" + (foundPeriod is null ? string.Empty : " (" + Escape(T("Label_FoundPeriod") + " " + foundPeriod) + ")") });
        }

        if (finding.Property(PropertyNames.Statutory) is { } statutory)
        {
            var period = ReportSummary.Period(finding);
            rows.Add(new[] { T("Label_Statutory"), "**" + Escape(statutory) + "**" + (period is null ? string.Empty : " (" + Escape(T("Label_Period") + " " + period) + ")") });
        }

        var (title, href) = ReportSummary.Reference(finding);
        if (title is not null || href is not null)
        {
            rows.Add(new[] { T("Label_Reference"), Link(title ?? href!, href) });
        }

        if (rows.Count > 0)
        {
            Table(writer, new[] { string.Empty, string.Empty }, rows);
        }

        if (finding.Context is { } context)
        {
            var width = (context.FirstLine + context.Lines.Length - 1).ToString(CultureInfo.InvariantCulture).Length;
            var lines = context.Lines.Select((line, i) =>
            {
                var number = context.FirstLine + i;
                var marker = number == finding.Location?.StartLine ? ">" : " ";
                return marker + " " + number.ToString(CultureInfo.InvariantCulture).PadLeft(width) + " | " + line;
            }).ToList();
            var fence = Fence(lines);
            writer.WriteLine();
            writer.WriteLine(fence + "csharp");
            foreach (var line in lines)
            {
                writer.WriteLine(line);
            }

            writer.WriteLine(fence);
        }
    }

    private static void Table(StreamWriter writer, string[] headings, IEnumerable<string[]> rows)
    {
        writer.WriteLine();
        writer.WriteLine("| " + string.Join(" | ", headings.Select(Escape)) + " |");
        writer.WriteLine("|" + string.Join("|", headings.Select(_ => " --- ")) + "|");
        foreach (var row in rows)
        {
            writer.WriteLine("| " + string.Join(" | ", row) + " |");
        }
    }

    private static void List(StreamWriter writer, string heading, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("## " + Escape(heading));
        writer.WriteLine();
        foreach (var item in list)
        {
            writer.WriteLine("- " + item);
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text.Substring(0, end).TrimEnd('\r');
    }

    /// <summary>Text with Markdown's active characters escaped, on one line (table cells stay cells).</summary>
    internal static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '!':
                    builder.Append('\\').Append(c);
                    break;
                case '\r':
                    break;
                case '\n':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Inline code that no backtick in the text can close early.</summary>
    private static string Code(string text)
    {
        var longest = LongestRun(text, '`');
        var ticks = new string('`', longest + 1);
        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : string.Empty;
        return ticks + pad + text.Replace("|", "\\|", StringComparison.Ordinal) + pad + ticks;
    }

    /// <summary>A link when there is an address (http or https only), else the escaped text.</summary>
    private static string Link(string text, string? href)
        => href is not null && (href.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ? "[" + Escape(text) + "](<" + href.Replace(">", "%3E", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal) + ">)"
            : Escape(text);

    /// <summary>A code fence longer than any run of backticks in the code.</summary>
    private static string Fence(IEnumerable<string> lines)
        => new('`', Math.Max(3, lines.Select(l => LongestRun(l, '`')).DefaultIfEmpty(0).Max() + 1));

    private static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}
