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
    public static ImmutableArray<IReportWriter> All { get; } = ImmutableArray.Create<IReportWriter>(new TextReportWriter(), new SarifReportWriter());

    public static string[] Formats => All.Select(w => w.Format).ToArray();

    public static IReportWriter Find(string format) => All.First(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase));
}
