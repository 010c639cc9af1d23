using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace LegalRules.Cli.Tests;

/// <summary>
/// <c>--baseline</c>: a vendor's second drop is reported for what it adds. Findings are matched by
/// fingerprint, so code added above a finding does not make it new.
/// </summary>
public sealed class BaselineTests
{
    private const string NewDivergence = """

            public static decimal Nouveau()
            {
                decimal plafondPassRevise = 47100m;
                return plafondPassRevise;
            }
        """;

    /// <summary>The first drop audited, its SARIF log written beside it.</summary>
    private static async Task<string> FirstAuditAsync(TempDrop drop)
    {
        drop.Write("drop/Calcul/CalculRsa.cs", Samples.BoundRsa);
        drop.Write("drop/Paie/Plafonds.cs", Samples.UnboundPass);
        var log = drop.PathOf("v1.sarif");
        var run = await CommandRunner.RunAsync("audit", drop.PathOf("drop"), "--as-of", Samples.AsOf, "--output", log);
        Assert.Equal(1, run.ExitCode);
        return log;
    }

    /// <summary>The second drop: ten lines added at the top of a file, and one new divergence in it.</summary>
    private static void SecondDrop(TempDrop drop)
    {
        var ten = string.Concat(Enumerable.Range(1, 10).Select(i => $"// Ligne ajoutée {i}\n"));
        var plafonds = Samples.UnboundPass.Replace("    public static decimal Actuel() => 48060m;", "    public static decimal Actuel() => 48060m;\n" + NewDivergence, StringComparison.Ordinal);
        drop.Write("drop/Paie/Plafonds.cs", ten + plafonds);
    }

    [Fact]
    public async Task Only_the_new_finding_is_reported_when_code_moved_below_added_lines()
    {
        using var drop = new TempDrop();
        var baseline = await FirstAuditAsync(drop);
        SecondDrop(drop);

        var text = await CommandRunner.RunAsync("audit", drop.PathOf("drop"), "--as-of", Samples.AsOf, "--baseline", baseline);
        var sarif = await Sarif.AuditAsync(drop.PathOf("drop"), "--as-of", Samples.AsOf, "--baseline", baseline);

        Assert.Equal(1, text.ExitCode);
        Assert.Contains("Baseline v1.sarif: 4 finding(s); 4 unchanged (not shown), 0 no longer found; 1 new.\n", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("  27:37  warning  LR0002  47100", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("Findings: 1 (error: 0, warning: 1, note: 0) in 1 file(s)", text.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("CalculRsa.cs", text.Stdout, StringComparison.Ordinal);

        // The log keeps every finding, marked, so that it can be the baseline of the next drop.
        var states = JsonDocument.Parse(sarif.Text).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(), r.GetProperty("baselineState").GetString()))
            .ToList();
        Assert.Equal(
            new (string?, int, string?)[] { ("LR0001", 8, "unchanged"), ("LR0002", 15, "unchanged"), ("LR0002", 19, "unchanged"), ("LR0003", 23, "unchanged"), ("LR0002", 27, "new") },
            states);
    }

    [Fact]
    public async Task A_drop_that_adds_nothing_exits_0_and_the_next_baseline_chains()
    {
        using var drop = new TempDrop();
        var first = await FirstAuditAsync(drop);
        SecondDrop(drop);
        var second = drop.PathOf("v2.sarif");
        Assert.Equal(1, (await CommandRunner.RunAsync("audit", drop.PathOf("drop"), "--as-of", Samples.AsOf, "--baseline", first, "--output", second)).ExitCode);

        var third = await CommandRunner.RunAsync("audit", drop.PathOf("drop"), "--as-of", Samples.AsOf, "--baseline", second);

        Assert.Equal(0, third.ExitCode);
        Assert.Contains("Baseline v2.sarif: 5 finding(s); 5 unchanged (not shown), 0 no longer found; 0 new.\n", third.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fixed_findings_are_counted_as_no_longer_found_and_reformatting_changes_nothing()
    {
        using var drop = new TempDrop();
        var baseline = await FirstAuditAsync(drop);
        drop.Write("drop/Calcul/CalculRsa.cs", Samples.BoundRsa.Replace("646.52m", "651.69m", StringComparison.Ordinal));
        drop.Write("drop/Paie/Plafonds.cs", Samples.UnboundPass.Replace("    public static decimal Ancien() => 46368m;", "\tpublic   static decimal Ancien()   =>  46368m;", StringComparison.Ordinal));

        var run = await CommandRunner.RunAsync("audit", drop.PathOf("drop"), "--as-of", Samples.AsOf, "--baseline", baseline, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var summary = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("summary");
        Assert.Equal(0, summary.GetProperty("findings").GetInt32());
        var counts = summary.GetProperty("baseline");
        Assert.Equal((4, 3, 1, 0), (counts.GetProperty("inBaseline").GetInt32(), counts.GetProperty("unchanged").GetInt32(), counts.GetProperty("absent").GetInt32(), counts.GetProperty("new").GetInt32()));
    }

    [Fact]
    public async Task Log_written_without_fingerprints_is_matched_by_its_results()
    {
        using var drop = new TempDrop();
        var baseline = await FirstAuditAsync(drop);
        var log = JsonNode.Parse(File.ReadAllText(baseline))!;
        foreach (var result in log["runs"]![0]!["results"]!.AsArray())
        {
            result!.AsObject().Remove("partialFingerprints");
        }

        File.WriteAllText(baseline, log.ToJsonString());
        SecondDrop(drop);

        var run = await CommandRunner.RunAsync("audit", drop.PathOf("drop"), "--as-of", Samples.AsOf, "--baseline", baseline);

        Assert.Contains("4 unchanged (not shown), 0 no longer found; 1 new.", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "is not a SARIF log")]
    [InlineData("{\"version\": \"2.0.0\", \"runs\": []}", "is not a SARIF log")]
    [InlineData(null, "does not exist")]
    public async Task Unusable_baseline_exits_2_and_says_why(string? content, string expected)
    {
        using var drop = new TempDrop();
        drop.Write("drop/CalculRsa.cs", Samples.BoundRsa);
        var baseline = content is null ? drop.PathOf("absent.sarif") : drop.Write("previous.sarif", content);

        var run = await CommandRunner.RunAsync("audit", drop.PathOf("drop"), "--as-of", Samples.AsOf, "--baseline", baseline);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--baseline", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }
}
