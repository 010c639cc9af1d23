using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace LegalRules.Cli.Tests;

/// <summary>Exit codes are a contract for CI: 0 nothing at or above --fail-on, 1 findings, 2 bad input (nothing written).</summary>
public sealed class ExitCodeTests
{
    [Fact]
    public async Task Clean_drop_exits_0()
    {
        using var drop = new TempDrop();
        drop.Write("Texte.cs", Samples.Clean);

        var run = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No finding.", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("warning", 1)]
    [InlineData("note", 1)]
    [InlineData("error", 0)]
    [InlineData("none", 0)]
    public async Task Warnings_fail_at_or_below_their_level(string? failOn, int expected)
    {
        using var drop = new TempDrop();
        drop.Write("Paie/Plafonds.cs", Samples.UnboundPass);

        var run = await CommandRunner.RunAsync(failOn is null
            ? new[] { "audit", drop.Root, "--as-of", Samples.AsOf }
            : new[] { "audit", drop.Root, "--as-of", Samples.AsOf, "--fail-on", failOn });

        Assert.Equal(expected, run.ExitCode);
        Assert.Contains("LR0002", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error", 1)]
    [InlineData("none", 0)]
    public async Task Errors_fail_unless_fail_on_is_none(string failOn, int expected)
    {
        using var drop = new TempDrop();
        drop.Write("CalculRsa.cs", Samples.BoundRsa);

        var run = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf, "--fail-on", failOn);

        Assert.Equal(expected, run.ExitCode);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("01/06/2026")]
    [InlineData("demain")]
    public async Task Bad_as_of_exits_2_and_writes_no_report(string asOf)
    {
        using var drop = new TempDrop();
        drop.Write("CalculRsa.cs", Samples.BoundRsa);
        var output = drop.PathOf("out/report.sarif");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);

        var run = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", asOf, "--format", "sarif", "--output", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--as-of", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(asOf, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!));
    }

    [Fact]
    public async Task Bad_input_leaves_an_existing_report_untouched()
    {
        using var drop = new TempDrop();
        drop.Write("CalculRsa.cs", Samples.BoundRsa);
        var output = drop.Write("previous.txt", "previous report");

        var run = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", "2026-02-30", "--output", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("previous report", File.ReadAllText(output));
    }

    [Fact]
    public async Task Missing_path_exits_2_and_names_it()
    {
        using var drop = new TempDrop();

        var run = await CommandRunner.RunAsync("audit", drop.PathOf("absent"), "--as-of", Samples.AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(drop.PathOf("absent"), run.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not exist", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_format_exits_2_and_names_the_option()
    {
        using var drop = new TempDrop();
        drop.Write("Texte.cs", Samples.Clean);

        var run = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf, "--format", "pdf");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--format", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("pdf", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_fail_on_level_exits_2()
    {
        using var drop = new TempDrop();
        drop.Write("Texte.cs", Samples.Clean);

        var run = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf, "--fail-on", "fatal");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--fail-on", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_command_or_paths_exit_2()
    {
        var none = await CommandRunner.RunAsync();
        var audit = await CommandRunner.RunAsync("audit");

        Assert.Equal(2, none.ExitCode);
        Assert.Contains("Run 'legalrules --help' for usage.", none.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, audit.ExitCode);
        Assert.Contains("Run 'legalrules audit --help' for usage.", audit.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--registry", "registre.yaml", "*.legal.yaml")]
    [InlineData("--registry", "absent.legal.yaml", "does not exist")]
    [InlineData("--registry", "vide", "holds no *.legal.yaml")]
    [InlineData("--bindings", "liaisons.yaml", "*.legal-bindings.yaml")]
    [InlineData("--bindings", "absent.legal-bindings.yaml", "does not exist")]
    [InlineData("--openfisca", "registre.yaml", "is not a folder")]
    [InlineData("--openfisca", "absent", "does not exist")]
    [InlineData("--output", "absent/report.txt", "does not exist")]
    [InlineData("--output", "vide", "is a folder")]
    public async Task Unusable_registry_bindings_or_output_path_exits_2(string option, string path, string expected)
    {
        using var drop = new TempDrop();
        drop.Write("drop/Texte.cs", Samples.Clean);
        drop.Write("registre.yaml", "parameters: {}\n");
        drop.Write("liaisons.yaml", "bindings: {}\n");
        Directory.CreateDirectory(drop.PathOf("vide"));

        var run = await CommandRunner.RunAsync("audit", drop.PathOf("drop"), "--as-of", Samples.AsOf, option, drop.PathOf(path));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task Input_that_is_neither_folder_nor_source_exits_2()
    {
        using var drop = new TempDrop();
        var readme = drop.Write("LISEZMOI.txt", "texte");

        var run = await CommandRunner.RunAsync("audit", readme, "--as-of", Samples.AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is neither a folder, a solution, a project nor a .cs file", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drop_without_CSharp_exits_2()
    {
        using var drop = new TempDrop();
        drop.Write("docs/LISEZMOI.md", "# rien");

        var run = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No C# file", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_file_gets_the_whole_report_and_nothing_else_is_left_beside_it()
    {
        using var drop = new TempDrop();
        drop.Write("drop/CalculRsa.cs", Samples.BoundRsa);
        var output = drop.Write("out/report.txt", "previous report");

        var run = await CommandRunner.RunAsync("audit", drop.PathOf("drop"), "--as-of", Samples.AsOf, "--output", output);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var report = File.ReadAllText(output);
        Assert.StartsWith("LegalRules audit\n", report, StringComparison.Ordinal);
        Assert.Contains("LR0001", report, StringComparison.Ordinal);
        Assert.Equal(new[] { output }, Directory.GetFileSystemEntries(drop.PathOf("out")));
    }

    [Theory]
    [InlineData("0", "--max-file-size: '0' is not a positive number of megabytes")]
    [InlineData("-3", "--max-file-size: '-3' is not a positive number of megabytes")]
    [InlineData("dix", "--max-file-size")]
    public async Task Bad_size_limit_exits_2(string limit, string expected)
    {
        using var drop = new TempDrop();
        drop.Write("Texte.cs", Samples.Clean);

        var run = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf, "--max-file-size", limit);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Solution_that_is_not_one_exits_2_and_says_so()
    {
        using var drop = new TempDrop();
        var solution = drop.Write("Vendor.sln", "not a solution\n");

        var run = await CommandRunner.RunAsync("audit", solution, "--as-of", Samples.AsOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot read the solution", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }
}
