using System.Collections.Generic;
using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace LegalRules.Cli.Tests;

/// <summary>
/// The sample vendor drop (samples/VendorDrop) carries its planted findings in EXPECTED.md: the
/// audit must report exactly those, and nothing else.
/// </summary>
public sealed class SampleVendorDropTests
{
    private static string SampleFile(string path) => Path.Combine(RepositoryPaths.RepositoryRoot, "samples", path);

    [Fact]
    public async Task Audit_of_the_sample_drop_reports_exactly_the_planted_findings()
    {
        var expected = File.ReadAllLines(SampleFile("VendorDrop/EXPECTED.md"))
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && line.Contains("| LR", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => $"{cells[1]}:{cells[2]} {cells[3]}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        var report = await Sarif.AuditAsync(
            SampleFile("VendorDrop"),
            "--bindings", SampleFile("audit/vendor.legal-bindings.yaml"),
            "--as-of", "2026-11-29");

        var actual = report.Results.Select(r => $"{r.Uri}:{r.StartLine} {r.RuleId}").OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        Assert.Equal(new[] { "Generated/Reference.g.cs" }, report.GeneratedFiles);
    }

    /// <summary>The rows "| file | line | LRxxxx | … |" of the EXPECTED.md tables, in order: the first table, then the second.</summary>
    private static List<List<string>> ExpectedTables(string path)
    {
        var tables = new List<List<string>>();
        var inTable = false;
        foreach (var line in File.ReadAllLines(SampleFile(path)))
        {
            var isRow = line.StartsWith("| ", StringComparison.Ordinal) && line.Contains("| LR", StringComparison.Ordinal);
            if (isRow && !inTable)
            {
                tables.Add(new List<string>());
            }

            if (isRow)
            {
                var cells = line.Split('|', StringSplitOptions.TrimEntries);
                tables[^1].Add($"{cells[1]}:{cells[2]} {cells[3]}");
            }

            inTable = isRow || (inTable && line.StartsWith('|'));
        }

        return tables;
    }

    [Fact]
    public async Task Audit_of_the_sample_solution_reports_exactly_the_planted_findings()
    {
        var tables = ExpectedTables("VendorSolution/EXPECTED.md");
        Assert.Equal(2, tables.Count);

        var solution = await Sarif.AuditAsync(SampleFile("VendorSolution/Vendor.Prestations.sln"), "--as-of", "2026-11-29");
        var folder = await Sarif.AuditAsync(SampleFile("VendorSolution"), "--as-of", "2026-11-29");

        static List<string> Actual(SarifReport report) => report.Results.Select(r => $"{r.Uri}:{r.StartLine} {r.RuleId}").OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.Equal(tables[0].OrderBy(s => s, StringComparer.Ordinal), Actual(solution));
        Assert.Equal(tables[0].Concat(tables[1]).OrderBy(s => s, StringComparer.Ordinal), Actual(folder));
        Assert.Equal(new[] { "Paie/Generated/Baremes.g.cs" }, solution.GeneratedFiles);
        Assert.Contains("Prestations/Archives/Rsa2019.cs: excludedByProject", solution.Skipped());
        Assert.Equal(".NET Standard 2.0", solution.Projects()["Vendor.Prestations"].GetProperty("referenceAssemblies").GetString());
        Assert.Equal("Vendor.Framework.Paie 4.2.0", solution.Projects()["Vendor.Paie.Moteur"].GetProperty("packageReferences")[0].GetString());
    }

    [Fact]
    public async Task Windows_1252_file_of_the_sample_solution_keeps_its_accents()
    {
        var run = await CommandRunner.RunAsync("audit", SampleFile("VendorSolution/Vendor.Prestations.sln"), "--as-of", "2026-11-29");

        Assert.Contains("  7:54  warning  LR0002  474.37", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("|         public const decimal BaseMensuelleDeCalcul = 474.37m; // BMAF « à jour »\n", run.Stdout, StringComparison.Ordinal);
    }
}
