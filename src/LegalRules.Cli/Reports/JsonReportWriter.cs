using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using LegalRules.Cli.Audit;
using LegalRules.Diagnostics;
using LegalRules.Registry;

namespace LegalRules.Cli.Reports;

/// <summary>
/// The audit as JSON for scripts and dashboards: a documented, stable shape
/// (<c>docs/audit-report.md</c>, schema <c>docs/audit-report.schema.json</c>) that is easier to read
/// than SARIF. <c>formatVersion</c> changes only when a field changes meaning or goes away; new
/// fields may be added. Deterministic like every report.
/// </summary>
internal sealed class JsonReportWriter : IReportWriter
{
    /// <summary>The version of the shape.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format => "json";

    public void Write(AuditResult result, Stream output)
    {
        var culture = result.Culture;
        var summary = new ReportSummary(result);
        using var json = new Utf8JsonWriter(output, WriterOptions);
        json.WriteStartObject();
        json.WriteNumber("formatVersion", FormatVersion);
        json.WriteStartObject("tool");
        json.WriteString("name", "LegalRules");
        json.WriteString("version", SarifReportWriter.ToolVersion());
        json.WriteEndObject();
        json.WriteString("asOf", Dates.Format(result.AsOf));
        json.WriteString("language", string.IsNullOrEmpty(culture.Name) ? "en" : culture.Name);
        json.WriteBoolean("executionSuccessful", result.AnalyzerFailures.IsEmpty);
        json.WriteBoolean("loadedWithMsBuild", result.LoadedWithMsBuild);

        json.WriteStartObject("summary");
        json.WriteNumber("findings", result.Findings.Length);
        json.WriteNumber("errors", summary.Errors);
        json.WriteNumber("warnings", summary.Warnings);
        json.WriteNumber("notes", summary.Notes);
        json.WriteNumber("filesWithFindings", summary.FilesWithFindings);
        json.WriteNumber("analysedFiles", result.AnalysedFiles.Length);
        json.WriteNumber("compilerErrors", result.CompilerErrorCount);
        WriteRows(json, "byRule", summary.ByRule, "title");
        WriteRows(json, "byParameter", summary.ByParameter, "label");
        WriteRows(json, "byFile", summary.ByFile, null);
        if (result.Baseline is { } baseline)
        {
            json.WriteStartObject("baseline");
            json.WriteString("name", baseline.Name);
            json.WriteNumber("inBaseline", baseline.InBaseline);
            json.WriteNumber("unchanged", baseline.Unchanged);
            json.WriteNumber("absent", baseline.Absent);
            json.WriteNumber("new", baseline.New);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("baseline");
        }

        json.WriteEndObject();

        json.WriteStartArray("findings");
        foreach (var finding in result.Findings)
        {
            WriteFinding(json, finding);
        }

        json.WriteEndArray();

        ProjectSummaryJson.Write(json, result.Projects);

        json.WriteStartArray("skippedFiles");
        foreach (var skipped in result.SkippedFiles)
        {
            json.WriteStartObject();
            json.WriteString("path", skipped.Path);
            json.WriteString("reason", SkipReasons.Code(skipped.Reason));
            json.WriteString("description", SkipReasons.Describe(skipped, culture));
            WriteNullable(json, "detail", skipped.Detail);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, "generatedFiles", result.GeneratedFiles);
        WriteStrings(json, "ignoredRegistryFiles", result.IgnoredRegistryFiles);

        json.WriteStartArray("analyzerFailures");
        foreach (var failure in result.AnalyzerFailures)
        {
            json.WriteStartObject();
            json.WriteString("analyzer", failure.Analyzer);
            json.WriteString("message", failure.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("rules");
        foreach (var rule in result.Rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("title", rule.Title.ToString(culture));
            json.WriteString("defaultLevel", FindingLevels.Name(FindingLevels.From(rule.DefaultSeverity)));
            json.WriteString("helpUri", rule.HelpLinkUri);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteString("level", FindingLevels.Name(finding.Level));
        json.WriteString("message", finding.Message);
        if (finding.Location is { } location)
        {
            json.WriteString("path", location.Path);
            json.WriteStartObject("region");
            json.WriteNumber("startLine", location.StartLine);
            json.WriteNumber("startColumn", location.StartColumn);
            json.WriteNumber("endLine", location.EndLine);
            json.WriteNumber("endColumn", location.EndColumn);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("path");
            json.WriteNull("region");
        }

        if (finding.ParameterKey is { } key)
        {
            json.WriteStartObject("parameter");
            json.WriteString("key", key);
            WriteNullable(json, "label", finding.Property(PropertyNames.Label));
            WriteNullable(json, "unit", finding.Property(PropertyNames.Unit));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("parameter");
        }

        WriteNullable(json, "found", finding.Property(PropertyNames.Found));
        WriteNullable(json, "statutory", finding.Property(PropertyNames.Statutory));
        WriteNullable(json, "validFrom", finding.Property(PropertyNames.ValidFrom));
        WriteNullable(json, "validTo", finding.Property(PropertyNames.ValidTo));
        var (title, href) = ReportSummary.Reference(finding);
        if (title is not null || href is not null)
        {
            json.WriteStartObject("reference");
            WriteNullable(json, "title", title);
            WriteNullable(json, "href", href);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("reference");
        }

        if (finding.Context is { } context)
        {
            json.WriteStartObject("excerpt");
            json.WriteNumber("startLine", context.FirstLine);
            WriteStrings(json, "lines", context.Lines);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("excerpt");
        }

        json.WriteString("fingerprint", finding.Fingerprint);
        json.WriteStartObject("properties");
        foreach (var property in finding.Properties)
        {
            WriteNullable(json, property.Key, property.Value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRows(Utf8JsonWriter json, string name, IEnumerable<CountRow> rows, string? descriptionName)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString("name", row.Name);
            json.WriteNumber("count", row.Count);
            if (descriptionName is not null)
            {
                WriteNullable(json, descriptionName, row.Description);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
