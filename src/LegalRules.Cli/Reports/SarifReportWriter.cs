using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LegalRules.Cli.Audit;
using LegalRules.Registry;
using Microsoft.CodeAnalysis;

namespace LegalRules.Cli.Reports;

/// <summary>
/// SARIF 2.1.0 (OASIS): the format CI systems and code-scanning services read. The same drop gives
/// the same bytes: results sorted, no timestamps, paths relative to the audited root, and the root
/// itself (<c>SRCROOT</c>) declared without a machine path.
/// </summary>
internal sealed class SarifReportWriter : IReportWriter
{
    public const string SourceRootId = "SRCROOT";
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public const string InformationUri = "https://github.com/legalrules/legalrules";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",

        // Messages are French or English prose: keep accents readable. The report is a file, not
        // HTML, so the relaxed escaping is safe.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format => "sarif";

    public void Write(AuditResult result, Stream output)
    {
        using var json = new Utf8JsonWriter(output, WriterOptions);
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        WriteTool(json, result);
        WriteInvocation(json, result);

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(SourceRootId);
        json.WriteStartObject("description");
        json.WriteString("text", Strings.Get(result.Culture, "Sarif_SourceRoot"));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteString("language", string.IsNullOrEmpty(result.Culture.Name) ? "en" : result.Culture.Name);
        json.WriteString("columnKind", "utf16CodeUnits");

        WriteResults(json, result);

        json.WriteStartObject("properties");
        json.WriteString("asOf", Dates.Format(result.AsOf));
        json.WriteNumber("analysedFiles", result.AnalysedFiles.Length);
        json.WriteNumber("compilerErrors", result.CompilerErrorCount);
        WriteStrings(json, "generatedFiles", result.GeneratedFiles);
        WriteStrings(json, "ignoredRegistryFiles", result.IgnoredRegistryFiles);
        json.WriteBoolean("loadedWithMsBuild", result.LoadedWithMsBuild);
        ProjectSummaryJson.Write(json, result.Projects);
        json.WriteStartArray("skippedFiles");
        foreach (var skipped in result.SkippedFiles)
        {
            json.WriteStartObject();
            json.WriteString("path", skipped.Path);
            json.WriteString("reason", SkipReasons.Code(skipped.Reason));
            if (skipped.Detail is not null)
            {
                json.WriteString("detail", skipped.Detail);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
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

        json.WriteEndObject();

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    /// <summary>The tool's version without build metadata (<c>+commit</c>), as SARIF consumers compare it.</summary>
    public static string ToolVersion()
    {
        var version = typeof(SarifReportWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(SarifReportWriter).Assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version.Substring(0, plus);
    }

    private static void WriteTool(Utf8JsonWriter json, AuditResult result)
    {
        var culture = result.Culture;
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "LegalRules");
        json.WriteString("version", ToolVersion());
        json.WriteString("semanticVersion", ToolVersion());
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in result.Rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", RuleNames.Of(rule.Id));
            WriteMessage(json, "shortDescription", rule.Title.ToString(culture));
            WriteMessage(json, "fullDescription", rule.Description.ToString(culture));
            if (!string.IsNullOrEmpty(rule.HelpLinkUri))
            {
                json.WriteString("helpUri", rule.HelpLinkUri);
            }

            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", FindingLevels.Name(FindingLevels.From(rule.DefaultSeverity)));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category);
            WriteStrings(json, "tags", rule.CustomTags.ToList());
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// Whether the run succeeded, and what the auditor must know about its inputs: analyzer
    /// failures, registry files of the drop left out, files not read, compiler errors.
    /// </summary>
    private static void WriteInvocation(Utf8JsonWriter json, AuditResult result)
    {
        var culture = result.Culture;
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", result.AnalyzerFailures.IsEmpty);

        json.WriteStartArray("toolExecutionNotifications");
        foreach (var failure in result.AnalyzerFailures)
        {
            WriteNotification(json, "error", "AD0001", Strings.Format(culture, "Error_AnalyzerFailure", failure.Analyzer, failure.Message), null);
        }

        foreach (var skipped in result.SkippedFiles)
        {
            var level = skipped.Reason is SkipReason.LinkOutsideDrop or SkipReason.OutsideDrop or SkipReason.ExcludedByProject or SkipReason.LinkWithinDrop ? "note" : "warning";
            WriteNotification(json, level, "LRSKIP", Strings.Format(culture, "Sarif_Skipped", SkipReasons.Describe(skipped, culture)), skipped.Path);
        }

        if (result.CompilerErrorCount > 0)
        {
            WriteNotification(json, "note", "LRCOMPILE", Strings.Format(culture, "Sarif_CompilerErrors", result.CompilerErrorCount), null);
        }

        json.WriteEndArray();

        json.WriteStartArray("toolConfigurationNotifications");
        foreach (var ignored in result.IgnoredRegistryFiles)
        {
            WriteNotification(json, "warning", "LRIGNORED", Strings.Get(culture, "Sarif_IgnoredRegistry"), ignored);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteNotification(Utf8JsonWriter json, string level, string id, string message, string? path)
    {
        json.WriteStartObject();
        json.WriteStartObject("descriptor");
        json.WriteString("id", id);
        json.WriteEndObject();
        json.WriteString("level", level);
        WriteMessage(json, "message", message);
        if (path is not null)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            WriteArtifactLocation(json, path);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteResults(Utf8JsonWriter json, AuditResult result)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < result.Rules.Length; i++)
        {
            ruleIndex[result.Rules[i].Id] = i;
        }

        json.WriteStartArray("results");

        // Every finding, those of the baseline too (marked unchanged): this log can be the next baseline.
        foreach (var finding in result.AllFindings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            if (ruleIndex.TryGetValue(finding.RuleId, out var index))
            {
                json.WriteNumber("ruleIndex", index);
            }

            json.WriteString("level", FindingLevels.Name(finding.Level));
            WriteMessage(json, "message", finding.Message);
            if (finding.Location is { } location)
            {
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                WriteArtifactLocation(json, location.Path);
                json.WriteStartObject("region");
                json.WriteNumber("startLine", location.StartLine);
                json.WriteNumber("startColumn", location.StartColumn);
                json.WriteNumber("endLine", location.EndLine);
                json.WriteNumber("endColumn", location.EndColumn);
                json.WriteEndObject();
                if (finding.Excerpt is not null)
                {
                    json.WriteStartObject("contextRegion");
                    json.WriteNumber("startLine", location.StartLine);
                    json.WriteStartObject("snippet");
                    json.WriteString("text", finding.Excerpt);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteStartObject("partialFingerprints");
            json.WriteString(FindingFingerprints.Name, finding.Fingerprint);
            json.WriteEndObject();
            if (finding.BaselineState != BaselineState.None)
            {
                json.WriteString("baselineState", finding.BaselineState == BaselineState.New ? "new" : "unchanged");
            }

            json.WriteStartObject("properties");
            foreach (var property in finding.Properties)
            {
                if (property.Value is null)
                {
                    json.WriteNull(property.Key);
                }
                else
                {
                    json.WriteString(property.Key, property.Value);
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteArtifactLocation(Utf8JsonWriter json, string relativePath)
    {
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", RelativeUri(relativePath));
        json.WriteString("uriBaseId", SourceRootId);
        json.WriteEndObject();
    }

    /// <summary>A relative path as a URI reference: each segment escaped, <c>/</c> kept.</summary>
    public static string RelativeUri(string relativePath)
        => string.Join('/', relativePath.Split('/').Select(segment => segment is "." or ".." ? segment : Uri.EscapeDataString(segment)));

    private static void WriteMessage(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyCollection<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}

/// <summary>SARIF rule names: the name of each id's constant in <see cref="RuleIdentifiers"/> (<c>DivergentValue</c>).</summary>
internal static class RuleNames
{
    private static readonly Dictionary<string, string> Names = typeof(RuleIdentifiers)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name, StringComparer.Ordinal);

    public static string Of(string id) => Names.TryGetValue(id, out var name) ? name : id;
}
