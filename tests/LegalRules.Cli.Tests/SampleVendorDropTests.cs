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
}
