using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using LegalRules.Cli.Audit;
using Xunit;

namespace LegalRules.Cli.Tests;

/// <summary>The progress line on a terminal, and the opt-in MSBuild loading that runs the drop's build logic.</summary>
public sealed class ProgressAndMsBuildTests
{
    [Fact]
    public async Task Progress_is_drawn_in_place_on_a_terminal_and_cleared_before_the_report()
    {
        using var drop = new TempDrop();
        drop.Write("Calcul/CalculRsa.cs", Samples.BoundRsa);
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);

        var exitCode = await Program.RunAsync(new[] { "audit", drop.Root, "--as-of", Samples.AsOf }, stdout, stderr, showProgress: true);

        Assert.Equal(1, exitCode);
        var progress = stderr.ToString();
        Assert.StartsWith("\rlegalrules: files read ", progress, StringComparison.Ordinal);
        Assert.Contains(" · projects analysed ", progress, StringComparison.Ordinal);
        Assert.Matches(@"\r +\r$", progress);
        Assert.DoesNotContain("\n", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("files read", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(true, "true", false)]
    [InlineData(false, null, false)]
    public void Progress_only_on_a_terminal_outside_CI(bool terminal, string? ci, bool expected)
    {
        var previous = Environment.GetEnvironmentVariable("CI");
        Environment.SetEnvironmentVariable("CI", ci);
        try
        {
            Assert.Equal(expected, AuditProgress.IsWanted(terminal));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CI", previous);
        }
    }

    [Fact]
    public async Task MSBuild_loading_is_announced_and_really_runs_the_drops_build_logic()
    {
        using var drop = new TempDrop();
        drop.Write("Calcul/Calcul.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
              <Target Name="Evil" BeforeTargets="CoreCompile;Restore;Build"><Exec Command="touch marker" /></Target>
            </Project>
            """);
        drop.Write("Calcul/CalculRsa.cs", Samples.BoundRsa);

        var run = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf, "--msbuild", "--format", "sarif");

        // What the warning says is true: the target ran. Without --msbuild it never does (DropLoadingTests).
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("legalrules: warning: --msbuild: the drop's MSBuild files (project files, Directory.Build.*, targets and tasks) will be evaluated and RUN on this machine.", run.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(drop.PathOf("Calcul/marker")), "the design-time build ran the drop's target");
        var report = SarifReport.Parse(run.Stdout);
        await Sarif.AssertValidAsync(run.Stdout);
        Assert.True(report.Run.GetProperty("properties").GetProperty("loadedWithMsBuild").GetBoolean());
        var result = Assert.Single(report.Results);
        Assert.Equal(("LR0001", "Calcul/CalculRsa.cs"), (result.RuleId, result.Uri));
        Assert.Equal(1, report.AnalysedFiles);
    }
}
