using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using LegalRules.Cli.Audit;
using LegalRules.Diagnostics;
using LegalRules.Registry;

namespace LegalRules.Cli.Reports;

/// <summary>
/// One self-contained HTML page an auditor can read, print and send: summary charts (inline SVG),
/// every finding with the statutory value against the value found, the legal reference as a link
/// and the code around it, the compilations and the files left out. Nothing is fetched when the
/// page is viewed — styles, script and charts are inline, and the page's Content-Security-Policy
/// forbids any other source. Everything from the drop is HTML-escaped. The small script only
/// filters findings; the page reads fully without it and prints every finding.
/// </summary>
internal sealed class HtmlReportWriter : IReportWriter
{
    /// <summary>Bars shown per chart; the rest are summed in one "others" bar.</summary>
    private const int MaxBars = 12;

    private const string Style = """
        :root { --error: #b3261e; --warning: #a15c00; --note: #1a5fb4; --ink: #1d1d1f; --muted: #5f6368; --line: #d9dce1; --code: #f6f8fa; --hit: #fff4c2; --accent: #2b4c7e; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
        h1 { font-size: 26px; margin: 0 0 4px; color: var(--accent); }
        h2 { font-size: 20px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
        h3 { font-size: 16px; margin: 22px 0 8px; }
        h3.file { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        .meta { color: var(--muted); margin: 0 0 16px; }
        .tiles { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
        .tile { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 120px; }
        .tile b { display: block; font-size: 24px; line-height: 1.2; }
        .tile.error b { color: var(--error); } .tile.warning b { color: var(--warning); } .tile.note b { color: var(--note); }
        .banner { border-left: 4px solid var(--accent); background: #eef3fb; padding: 8px 12px; margin: 10px 0; }
        .banner.danger { border-color: var(--error); background: #fdecea; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 20px; }
        figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 12px; }
        figcaption { font-weight: 600; margin-bottom: 8px; }
        svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
        th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: 6px 8px; }
        th { background: #f3f4f6; font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
        .filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 8px 0 16px; }
        .filters select { font: inherit; padding: 2px 6px; }
        #shown { color: var(--muted); }
        .finding { border: 1px solid var(--line); border-left: 5px solid var(--muted); border-radius: 6px; padding: 10px 14px; margin: 10px 0 14px; }
        .finding.error { border-left-color: var(--error); } .finding.warning { border-left-color: var(--warning); } .finding.note { border-left-color: var(--note); }
        .finding .head { display: flex; flex-wrap: wrap; gap: 10px; align-items: baseline; }
        .badge { color: #fff; border-radius: 4px; padding: 0 6px; font-size: 12px; font-weight: 700; text-transform: uppercase; background: var(--muted); }
        .badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.note { background: var(--note); }
        .where { color: var(--muted); font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
        .message { margin: 6px 0; }
        dl.values { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; }
        dl.values dt { color: var(--muted); }
        dl.values dd { margin: 0; }
        .found { color: var(--error); font-weight: 700; }
        .statutory { color: #1e7b34; font-weight: 700; }
        .period { color: var(--muted); font-weight: 400; }
        pre.code { background: var(--code); border: 1px solid var(--line); border-radius: 6px; padding: 6px 0; margin: 8px 0 2px; overflow-x: auto; }
        pre.code span.line { display: block; padding: 0 10px; white-space: pre; }
        pre.code span.hit { background: var(--hit); }
        pre.code span.ln { display: inline-block; min-width: 3.5em; color: var(--muted); user-select: none; }
        ul.files { padding-left: 20px; }
        footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
        @media print {
          body { font-size: 11pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          main { max-width: none; padding: 0; }
          .filters { display: none; }
          .finding[hidden] { display: block; }
          .finding, figure, tr { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
          pre.code { overflow: visible; }
          pre.code span.line { white-space: pre-wrap; }
          a { color: inherit; }
          dd a[href]::after { content: " <" attr(href) ">"; font-size: 9pt; word-break: break-all; color: var(--muted); }
        }
        """;

    /// <summary>Filters the findings by level and rule; marks the page ready (the tests check it).</summary>
    private const string Script = """
        (function () {
          var level = document.getElementById('filter-level');
          var rule = document.getElementById('filter-rule');
          var shown = document.getElementById('shown');
          var findings = Array.prototype.slice.call(document.querySelectorAll('article.finding'));
          function apply() {
            var count = 0;
            findings.forEach(function (finding) {
              var visible = (!level || level.value === '' || finding.getAttribute('data-level') === level.value)
                && (!rule || rule.value === '' || finding.getAttribute('data-rule') === rule.value);
              finding.hidden = !visible;
              if (visible) { count++; }
            });
            if (shown) {
              shown.textContent = shown.getAttribute('data-template').replace('{0}', count).replace('{1}', findings.length);
            }
          }
          if (level) { level.addEventListener('change', apply); }
          if (rule) { rule.addEventListener('change', apply); }
          apply();
          document.body.dataset.ready = 'true';
        })();
        """;

    public string Format => "html";

    public void Write(AuditResult result, Stream output)
    {
        var culture = result.Culture;
        string T(string name) => Strings.Get(culture, name);
        var summary = new ReportSummary(result);
        var helpLinks = result.Rules.ToDictionary(r => r.Id, r => r.HelpLinkUri, StringComparer.Ordinal);
        var ruleLevels = result.Rules.ToDictionary(r => r.Id, r => FindingLevels.Name(FindingLevels.From(r.DefaultSeverity)), StringComparer.Ordinal);
        var language = string.IsNullOrEmpty(culture.Name) ? "en" : culture.TwoLetterISOLanguageName;
        var html = new StringBuilder(64 * 1024);

        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(E(language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta name=\"generator\" content=\"LegalRules ").Append(E(SarifReportWriter.ToolVersion())).Append("\">\n");
        html.Append("<title>").Append(E(T("Report_Title") + " — " + Dates.Format(result.AsOf))).Append("</title>\n");
        html.Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<main>\n");

        // Heading and totals.
        html.Append("<h1>").Append(E(T("Report_Title"))).Append("</h1>\n");
        html.Append("<p class=\"meta\">").Append(E(Strings.Format(culture, "Report_AsOf", Dates.Format(result.AsOf)))).Append(" · ")
            .Append(E(Strings.Format(culture, "Label_Totals", result.Findings.Length, summary.Errors, summary.Warnings, summary.Notes, summary.FilesWithFindings, result.AnalysedFiles.Length)))
            .Append("</p>\n");
        html.Append("<div class=\"tiles\">");
        Tile(html, "error", summary.Errors, T("Label_Errors"));
        Tile(html, "warning", summary.Warnings, T("Label_Warnings"));
        Tile(html, "note", summary.Notes, T("Label_Notes"));
        Tile(html, string.Empty, result.AnalysedFiles.Length, T("Label_SourceFiles"));
        Tile(html, string.Empty, result.CompilerErrorCount, T("Label_CompilerErrors"));
        html.Append("</div>\n");

        if (result.Baseline is { } baseline)
        {
            html.Append("<p class=\"banner\">").Append(E(TextReportWriter.BaselineLine(baseline, culture))).Append("</p>\n");
        }

        if (result.LoadedWithMsBuild)
        {
            html.Append("<p class=\"banner danger\">").Append(E(T("Report_MsBuild"))).Append("</p>\n");
        }

        if (!result.AnalyzerFailures.IsEmpty)
        {
            html.Append("<div class=\"banner danger\"><strong>").Append(E(T("Report_AnalyzerFailures"))).Append("</strong><ul>");
            foreach (var failure in result.AnalyzerFailures)
            {
                html.Append("<li><code>").Append(E(failure.Analyzer)).Append("</code>: ").Append(E(failure.Message.Split('\n')[0])).Append("</li>");
            }

            html.Append("</ul></div>\n");
        }

        if (result.CompilerErrorCount > 0)
        {
            html.Append("<p class=\"banner\">").Append(E(Strings.Format(culture, "Report_CompilerErrors", result.CompilerErrorCount))).Append("</p>\n");
        }

        // Summary: charts, then the counts by file.
        html.Append("<h2 id=\"summary\">").Append(E(T("Report_Summary"))).Append("</h2>\n");
        if (result.Findings.IsEmpty)
        {
            html.Append("<p>").Append(E(T("Label_NoFindings"))).Append("</p>\n");
        }

        html.Append("<div class=\"charts\">\n");
        Chart(html, "chart-by-rule", T("Label_ChartByRule"), summary.ByRule.Select(r => (r.Name, r.Description ?? r.Name, r.Count, ruleLevels.GetValueOrDefault(r.Name, "note"))).ToList(), T("Report_NoFindings"));
        Chart(html, "chart-by-parameter", T("Label_ChartByParameter"), summary.ByParameter.Select(r => (ShortKey(r.Name), r.Name + (r.Description is null ? string.Empty : " — " + r.Description), r.Count, "accent")).ToList(), T("Report_NoFindings"));
        html.Append("</div>\n");
        if (!summary.ByFile.IsEmpty)
        {
            html.Append("<h3>").Append(E(T("Report_ByFile"))).Append("</h3>\n<table><thead><tr><th>").Append(E(T("Label_File"))).Append("</th><th>").Append(E(T("Label_Count"))).Append("</th></tr></thead><tbody>");
            foreach (var row in summary.ByFile)
            {
                html.Append("<tr><td><code>").Append(E(row.Name)).Append("</code></td><td class=\"num\">").Append(row.Count.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
            }

            html.Append("</tbody></table>\n");
        }

        // Findings.
        if (!result.Findings.IsEmpty)
        {
            html.Append("<h2 id=\"findings\">").Append(E(T("Label_Findings"))).Append("</h2>\n");
            html.Append("<div class=\"filters\"><label>").Append(E(T("Label_Level"))).Append(" <select id=\"filter-level\"><option value=\"\">").Append(E(T("Label_AllLevels"))).Append("</option>");
            foreach (var level in result.Findings.Select(f => f.Level).Distinct().OrderByDescending(l => l))
            {
                html.Append("<option>").Append(FindingLevels.Name(level)).Append("</option>");
            }

            html.Append("</select></label><label>").Append(E(T("Label_Rule"))).Append(" <select id=\"filter-rule\"><option value=\"\">").Append(E(T("Label_AllRules"))).Append("</option>");
            foreach (var rule in summary.ByRule.Select(r => r.Name).OrderBy(r => r, StringComparer.Ordinal))
            {
                html.Append("<option>").Append(E(rule)).Append("</option>");
            }

            html.Append("</select></label><span id=\"shown\" data-template=\"").Append(E(T("Label_Shown"))).Append("\"></span></div>\n");
            var index = 0;
            foreach (var group in result.Findings.GroupBy(f => f.Location?.Path))
            {
                html.Append("<h3 class=\"file\">").Append(E(group.Key ?? T("Report_NoLocation"))).Append("</h3>\n");
                foreach (var finding in group)
                {
                    Finding(html, finding, ++index, helpLinks, culture);
                }
            }
        }

        // How the drop was compiled.
        if (!result.Projects.IsEmpty)
        {
            html.Append("<h2 id=\"compilations\">").Append(E(T("Report_Projects"))).Append("</h2>\n<table><thead><tr>");
            foreach (var heading in new[] { "Label_Project", "Label_CompiledAs", "Label_SourceFiles", "Label_CompilerErrors", "Label_Details" })
            {
                html.Append("<th>").Append(E(T(heading))).Append("</th>");
            }

            html.Append("</tr></thead><tbody>");
            foreach (var project in result.Projects)
            {
                html.Append("<tr><td>");
                if (project.Path is null)
                {
                    html.Append(E(T("Report_LooseFiles")));
                }
                else
                {
                    html.Append(E(project.Name)).Append("<br><code>").Append(E(project.Path)).Append("</code>");
                }

                html.Append("</td><td>").Append(E(ReportSummary.Compiled(project))).Append("</td><td class=\"num\">").Append(project.SourceFiles.ToString(CultureInfo.InvariantCulture))
                    .Append("</td><td class=\"num\">").Append(project.CompilerErrors.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                    .Append(string.Join("<br>", MarkdownReportWriter.Details(project, culture).Select(E))).Append("</td></tr>");
            }

            html.Append("</tbody></table>\n");
        }

        FileList(html, "skipped-files", T("Label_FilesNotRead"), result.SkippedFiles.Select(s => (s.Path, (string?)SkipReasons.Describe(s, culture))));
        FileList(html, "generated-files", T("Label_GeneratedFiles"), result.GeneratedFiles.Select(p => (p, (string?)null)));
        FileList(html, "ignored-registry-files", T("Label_IgnoredRegistry"), result.IgnoredRegistryFiles.Select(p => (p, (string?)null)));

        html.Append("<footer>LegalRules ").Append(E(SarifReportWriter.ToolVersion())).Append(" · <a href=\"").Append(E(SarifReportWriter.InformationUri)).Append("\">").Append(E(SarifReportWriter.InformationUri)).Append("</a></footer>\n");
        html.Append("</main>\n<script>\n").Append(Script).Append("\n</script>\n</body>\n</html>\n");

        var bytes = new UTF8Encoding(false).GetBytes(html.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        output.Write(bytes, 0, bytes.Length);
    }

    private static void Tile(StringBuilder html, string kind, int count, string label)
        => html.Append("<div class=\"tile ").Append(kind).Append("\"><b>").Append(count.ToString(CultureInfo.InvariantCulture)).Append("</b>").Append(E(label)).Append("</div>");

    private static void Finding(StringBuilder html, Finding finding, int index, Dictionary<string, string> helpLinks, CultureInfo culture)
    {
        string T(string name) => Strings.Get(culture, name);
        var level = FindingLevels.Name(finding.Level);
        html.Append("<article class=\"finding ").Append(level).Append("\" id=\"finding-").Append(index.ToString(CultureInfo.InvariantCulture))
            .Append("\" data-rule=\"").Append(E(finding.RuleId)).Append("\" data-level=\"").Append(level).Append("\">\n<div class=\"head\"><span class=\"badge ").Append(level).Append("\">").Append(level).Append("</span> ");
        Link(html, finding.RuleId, helpLinks.GetValueOrDefault(finding.RuleId));
        if (finding.Location is { } location)
        {
            html.Append(" <span class=\"where\">").Append(E(string.Create(CultureInfo.InvariantCulture, $"{location.Path}:{location.StartLine}:{location.StartColumn}"))).Append("</span>");
        }

        html.Append("</div>\n<p class=\"message\">").Append(E(finding.Message)).Append("</p>\n");

        var hasValues = finding.ParameterKey is not null || finding.Property(PropertyNames.Found) is not null || finding.Property(PropertyNames.Statutory) is not null;
        var (title, href) = ReportSummary.Reference(finding);
        if (hasValues || title is not null || href is not null)
        {
            html.Append("<dl class=\"values\">");
            if (finding.ParameterKey is { } key)
            {
                var label = finding.Property(PropertyNames.Label);
                html.Append("<dt>").Append(E(T("Label_Parameter"))).Append("</dt><dd><code>").Append(E(key)).Append("</code>");
                if (label is not null && label != key)
                {
                    html.Append(" — ").Append(E(label));
                }

                html.Append("</dd>");
            }

            if (finding.Property(PropertyNames.Found) is { } found)
            {
                html.Append("<dt>").Append(E(T("Label_Found"))).Append("</dt><dd class=\"found\">").Append(E(found));
                if (ReportSummary.FoundPeriod(finding) is { } foundPeriod)
                {
                    html.Append(" <span class=\"period\">(").Append(E(T("Label_FoundPeriod") + " " + foundPeriod)).Append(")</span>");
                }

                html.Append("</dd>");
            }

            if (finding.Property(PropertyNames.Statutory) is { } statutory)
            {
                html.Append("<dt>").Append(E(T("Label_Statutory"))).Append("</dt><dd class=\"statutory\">").Append(E(statutory));
                if (ReportSummary.Period(finding) is { } period)
                {
                    html.Append(" <span class=\"period\">(").Append(E(T("Label_Period") + " " + period)).Append(")</span>");
                }

                html.Append("</dd>");
            }

            if (title is not null || href is not null)
            {
                html.Append("<dt>").Append(E(T("Label_Reference"))).Append("</dt><dd>");
                Link(html, title ?? href!, href);
                html.Append("</dd>");
            }

            html.Append("</dl>\n");
        }

        if (finding.Context is { } context)
        {
            html.Append("<pre class=\"code\"><code>");
            for (var i = 0; i < context.Lines.Length; i++)
            {
                var number = context.FirstLine + i;
                var hit = finding.Location is { } l && number >= l.StartLine && number <= l.EndLine;
                html.Append(hit ? "<span class=\"line hit\">" : "<span class=\"line\">")
                    .Append("<span class=\"ln\">").Append(number.ToString(CultureInfo.InvariantCulture)).Append("</span>")
                    .Append(E(context.Lines[i])).Append("</span>");
            }

            html.Append("</code></pre>\n");
        }

        html.Append("</article>\n");
    }

    /// <summary>A horizontal bar chart as inline SVG: one bar per row, the largest first, "others" summed past <see cref="MaxBars"/>.</summary>
    private static void Chart(StringBuilder html, string id, string caption, List<(string Label, string Title, int Count, string Color)> rows, string empty)
    {
        if (rows.Count > MaxBars)
        {
            var others = rows.Skip(MaxBars - 1).ToList();
            rows = rows.Take(MaxBars - 1).ToList();
            rows.Add(("…", string.Join(", ", others.Select(o => o.Title)), others.Sum(o => o.Count), "muted"));
        }

        const int LabelWidth = 230, BarArea = 240, RowHeight = 26, Top = 4;
        var width = LabelWidth + BarArea + 50;
        var height = Top + (Math.Max(rows.Count, 1) * RowHeight) + 4;
        var max = rows.Count == 0 ? 1 : rows.Max(r => r.Count);
        html.Append("<figure id=\"").Append(id).Append("\"><figcaption>").Append(E(caption)).Append("</figcaption>\n");
        html.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"").Append(E(caption)).Append("\" viewBox=\"0 0 ")
            .Append(width.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(height.ToString(CultureInfo.InvariantCulture))
            .Append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">\n");
        if (rows.Count == 0)
        {
            html.Append("<text x=\"0\" y=\"18\">").Append(E(empty)).Append("</text>\n");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (label, title, count, color) = rows[i];
            var y = Top + (i * RowHeight);
            var barWidth = Math.Max(2, (int)Math.Round(BarArea * (double)count / max));
            var fill = color switch
            {
                "error" => "#b3261e",
                "warning" => "#a15c00",
                "note" => "#1a5fb4",
                "muted" => "#80868b",
                _ => "#2b4c7e",
            };
            var shown = label.Length > 28 ? string.Concat(label.AsSpan(0, 27), "…") : label;
            html.Append(CultureInfo.InvariantCulture, $"<g><title>{E(title)}: {count}</title>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\">{E(shown)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 4}\" width=\"{barWidth}\" height=\"{RowHeight - 8}\" rx=\"3\" fill=\"{fill}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + barWidth + 6}\" y=\"{y + 17}\">{count}</text></g>\n");
        }

        html.Append("</svg></figure>\n");
    }

    /// <summary>A parameter key as a chart label: its last two segments (the full key is in the bar's tooltip).</summary>
    private static string ShortKey(string key)
    {
        var parts = key.Split('.');
        return parts.Length <= 2 ? key : "…" + parts[^2] + "." + parts[^1];
    }

    private static void FileList(StringBuilder html, string id, string heading, IEnumerable<(string Path, string? Why)> files)
    {
        var list = files.ToList();
        if (list.Count == 0)
        {
            return;
        }

        html.Append("<h2 id=\"").Append(id).Append("\">").Append(E(heading)).Append("</h2>\n<ul class=\"files\">");
        foreach (var (path, why) in list)
        {
            html.Append("<li><code>").Append(E(path)).Append("</code>");
            if (why is not null)
            {
                html.Append(" — ").Append(E(why));
            }

            html.Append("</li>");
        }

        html.Append("</ul>\n");
    }

    /// <summary>A link for http(s) addresses only (never <c>javascript:</c> from a registry file), else the text.</summary>
    private static void Link(StringBuilder html, string text, string? href)
    {
        if (href is not null && (href.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
        {
            html.Append("<a href=\"").Append(E(href)).Append("\" rel=\"noreferrer noopener\">").Append(E(text)).Append("</a>");
        }
        else
        {
            html.Append(E(text));
        }
    }

    /// <summary>HTML-escapes text and attribute values.</summary>
    private static string E(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Only the five characters that matter: accents stay readable in the page's source.
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
