using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using LegalRules.Cli.Audit;

namespace LegalRules.Cli.Reports;

/// <summary>Writes an audit's result in one format. Writers only format: the audit is done.</summary>
internal interface IReportWriter
{
    /// <summary>The name given to <c>--format</c>.</summary>
    string Format { get; }

    void Write(AuditResult result, Stream output);
}

/// <summary>The report formats the command offers.</summary>
internal static class ReportWriters
{
    public static ImmutableArray<IReportWriter> All { get; } = ImmutableArray.Create<IReportWriter>(new TextReportWriter(), new SarifReportWriter(), new HtmlReportWriter(), new MarkdownReportWriter(), new JsonReportWriter());

    public static string[] Formats => All.Select(w => w.Format).ToArray();

    public static IReportWriter Find(string format) => All.First(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase));

    /// <summary>The format an output file's extension names (<c>.sarif</c>, <c>.html</c>, <c>.md</c>, <c>.json</c>, <c>.txt</c>), or null.</summary>
    public static string? FormatOf(string? output)
    {
        if (output is null)
        {
            return null;
        }

        var name = Path.GetFileName(output).ToLowerInvariant();
        return name switch
        {
            _ when name.EndsWith(".sarif", StringComparison.Ordinal) || name.EndsWith(".sarif.json", StringComparison.Ordinal) => "sarif",
            _ when name.EndsWith(".html", StringComparison.Ordinal) || name.EndsWith(".htm", StringComparison.Ordinal) => "html",
            _ when name.EndsWith(".md", StringComparison.Ordinal) || name.EndsWith(".markdown", StringComparison.Ordinal) => "markdown",
            _ when name.EndsWith(".json", StringComparison.Ordinal) => "json",
            _ when name.EndsWith(".txt", StringComparison.Ordinal) => "text",
            _ => null,
        };
    }
}
