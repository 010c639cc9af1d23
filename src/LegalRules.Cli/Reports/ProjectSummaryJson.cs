using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using LegalRules.Cli.Audit;

namespace LegalRules.Cli.Reports;

/// <summary>
/// The compilations of an audit as the JSON report and the SARIF log's run properties both write
/// them: one array <c>projects</c>, one object per compilation, the same fields in the same order.
/// </summary>
internal static class ProjectSummaryJson
{
    public static void Write(Utf8JsonWriter json, ImmutableArray<ProjectSummary> projects)
    {
        json.WriteStartArray("projects");
        foreach (var project in projects)
        {
            json.WriteStartObject();
            json.WriteString("name", project.Name);
            if (project.Path is null)
            {
                json.WriteNull("path");
            }
            else
            {
                json.WriteString("path", project.Path);
            }

            json.WriteString("targetFramework", project.TargetFramework);
            json.WriteString("referenceAssemblies", project.ReferenceAssemblies);
            json.WriteString("languageVersion", project.LanguageVersion);
            json.WriteNumber("sourceFiles", project.SourceFiles);
            json.WriteNumber("compilerErrors", project.CompilerErrors);
            WriteStrings(json, "projectReferences", project.ProjectReferences);
            WriteStrings(json, "packageReferences", project.PackageReferences);
            WriteStrings(json, "assemblyReferences", project.AssemblyReferences);
            WriteStrings(json, "notes", project.Notes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
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
