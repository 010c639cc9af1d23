using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NJsonSchema;
using Xunit;

namespace LegalRules.Cli.Tests;

/// <summary>The SARIF log: valid against the OASIS schema, deterministic, and carrying what tools and auditors read.</summary>
public sealed class SarifReportTests
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() => JsonSchema.FromFileAsync(RepositoryPaths.SarifSchema));

    /// <summary>A drop with a finding of each kind: in code, in a registry file, with notifications.</summary>
    private static string[] MakeDrop(TempDrop drop, string folder)
    {
        drop.Write(folder + "/drop/Calcul/CalculRsa.cs", Samples.BoundRsa);
        drop.Write(folder + "/drop/Mon Calcul/Plafonds é.cs", Samples.UnboundPass);
        drop.Write(folder + "/drop/Casse.cs", "namespace Vendor; public class Casse : Absente { public decimal X( => 48060m; }\n");
        drop.Write(folder + "/drop/Tables.g.cs", "namespace Vendor; static class T { const decimal P = 46368m; }\n");
        drop.Write(folder + "/drop/vendor.legal.yaml", "parameters: {}\n");
        var registry = drop.Write(folder + "/registre/interne.legal.yaml", "parameters:\n  interne.prime:\n    unit: currency\n    values:\n      2025-13-01: 12.5\n");
        return new[] { "audit", drop.PathOf(folder + "/drop"), "--registry", registry, "--as-of", Samples.AsOf, "--format", "sarif" };
    }

    [Fact]
    public async Task Log_is_valid_SARIF_2_1_0()
    {
        using var drop = new TempDrop();
        var run = await CommandRunner.RunAsync(MakeDrop(drop, "a"));

        Assert.Equal(1, run.ExitCode);
        var errors = (await Schema.Value).Validate(run.Stdout);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));

        var report = SarifReport.Parse(run.Stdout);
        Assert.Contains(report.Results, r => r.RuleId == "LR0901" && r.Uri == "../registre/interne.legal.yaml");
        Assert.Contains(report.Results, r => r.RuleId == "LR0002" && r.Uri == "Mon%20Calcul/Plafonds%20%C3%A9.cs");
        Assert.Contains(report.Results, r => r.RuleId == "LR0001" && r.Uri == "Calcul/CalculRsa.cs");
    }

    [Fact]
    public async Task Schema_check_rejects_a_log_that_is_not_SARIF()
    {
        // Guards the test above against a validator that accepts anything.
        var schema = await Schema.Value;

        Assert.NotEmpty(schema.Validate("""{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}"""));
        Assert.NotEmpty(schema.Validate("""{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}"""));
    }

    [Fact]
    public async Task Same_drop_gives_the_same_bytes_wherever_it_is_checked_out()
    {
        using var drop = new TempDrop();
        var first = await CommandRunner.RunAsync(MakeDrop(drop, "a"));
        var again = await CommandRunner.RunAsync(MakeDrop(drop, "a"));
        var elsewhere = await CommandRunner.RunAsync(MakeDrop(drop, "b/checkout"));

        Assert.Equal(first.Stdout, again.Stdout);
        Assert.Equal(first.Stdout, elsewhere.Stdout);
        Assert.DoesNotContain(drop.Root, first.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", first.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_are_sorted_and_carry_rule_index_region_and_properties()
    {
        using var drop = new TempDrop();
        var report = SarifReport.Parse((await CommandRunner.RunAsync(MakeDrop(drop, "a"))).Stdout);

        var order = report.Results.Select(r => (r.Uri, r.StartLine, r.StartColumn, r.RuleId)).ToList();
        Assert.Equal(order.OrderBy(o => o.Uri, StringComparer.Ordinal).ThenBy(o => o.StartLine).ThenBy(o => o.StartColumn).ThenBy(o => o.RuleId, StringComparer.Ordinal), order);

        var rules = report.Run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        foreach (var result in report.Results)
        {
            Assert.Equal(result.RuleId, rules[result.RuleIndex].GetProperty("id").GetString());
        }

        var divergent = report.Results.Single(r => r.RuleId == "LR0001");
        Assert.Equal((8, 36), (divergent.StartLine, divergent.StartColumn));
        Assert.Equal("error", divergent.Level);
        Assert.Equal(Samples.RsaKey, divergent.Properties["key"]);
        Assert.Equal("646.52", divergent.Properties["found"]);
        Assert.Equal("651.69", divergent.Properties["statutory"]);
        Assert.Equal("2026-04-01", divergent.Properties["validFrom"]);
        Assert.StartsWith("Décret n° 2026-220", divergent.Properties["referenceTitle"], StringComparison.Ordinal);
        Assert.StartsWith("https://www.legifrance.gouv.fr/", divergent.Properties["referenceHref"], StringComparison.Ordinal);

        var location = JsonDocument.Parse(report.Text).RootElement.GetProperty("runs")[0].GetProperty("results")
            .EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "LR0001")
            .GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("SRCROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(8, location.GetProperty("region").GetProperty("endLine").GetInt32());
        Assert.Equal(43, location.GetProperty("region").GetProperty("endColumn").GetInt32());
    }

    [Fact]
    public async Task Driver_lists_every_rule_with_its_help_link_and_level()
    {
        using var drop = new TempDrop();
        var report = SarifReport.Parse((await CommandRunner.RunAsync(MakeDrop(drop, "a"))).Stdout);

        var driver = report.Run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("LegalRules", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(AnalyzerCatalog.Rules.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            Assert.Equal("https://github.com/legalrules/legalrules/blob/main/rules.md#" + rule.GetProperty("id").GetString()!.ToLowerInvariant(), rule.GetProperty("helpUri").GetString());
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
        }

        Assert.Equal("DivergentValue", rules[0].GetProperty("name").GetString());
        Assert.Equal("error", rules[0].GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }

    [Fact]
    public async Task Run_records_what_the_audit_left_out()
    {
        using var drop = new TempDrop();
        var report = SarifReport.Parse((await CommandRunner.RunAsync(MakeDrop(drop, "a"))).Stdout);

        Assert.True(report.ExecutionSuccessful);
        Assert.Equal(new[] { "vendor.legal.yaml" }, report.IgnoredRegistryFiles);
        Assert.Equal(new[] { "Tables.g.cs" }, report.GeneratedFiles);
        Assert.True(report.CompilerErrors > 0);
        Assert.Equal(Samples.AsOf, report.Run.GetProperty("properties").GetProperty("asOf").GetString());
        var ignored = report.Run.GetProperty("invocations")[0].GetProperty("toolConfigurationNotifications")[0];
        Assert.Equal("vendor.legal.yaml", ignored.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public async Task Output_file_holds_the_same_log_as_the_standard_output()
    {
        using var drop = new TempDrop();
        var args = MakeDrop(drop, "a");
        var output = drop.PathOf("a/report.sarif");

        var toStdout = await CommandRunner.RunAsync(args);
        var toFile = await CommandRunner.RunAsync(args.Concat(new[] { "--output", output }).ToArray());

        Assert.Equal(1, toFile.ExitCode);
        Assert.Equal(toStdout.Stdout, File.ReadAllText(output));
    }
}
