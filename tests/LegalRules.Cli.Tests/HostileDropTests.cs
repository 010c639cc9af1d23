using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.Cli.Audit;
using Xunit;
using Xunit.Abstractions;

namespace LegalRules.Cli.Tests;

/// <summary>The audits of the hostile drop run alone: they measure time and memory, and take both cores.</summary>
[CollectionDefinition(nameof(HostileDropRuns), DisableParallelization = true)]
public sealed class HostileDropRuns
{
}

/// <summary>
/// Every hostile member at once, at scale: a generated drop of over 2,000 files audited in one run
/// completes, lists each member it did not read with why, finds the values planted, exits 1
/// (findings), and a run that fails leaves no report and no temporary file behind.
/// </summary>
[Collection(nameof(HostileDropRuns))]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Links, FIFOs and file modes: the project's machines and CI are Linux.
public sealed class HostileDropTests
{
    private const int Seed = 20261129;

    private readonly ITestOutputHelper _output;

    static HostileDropTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public HostileDropTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Hostile_drop_of_2000_files_is_audited_in_one_run_with_every_member_listed()
    {
        using var temp = new TempDrop();
        var generation = Stopwatch.StartNew();
        var drop = HostileDrop.Generate(temp.PathOf("drop"), temp.PathOf("outside"), Seed);
        generation.Stop();
        Assert.True(drop.FilesWritten >= 2000, drop.FilesWritten + " files");
        var reports = temp.PathOf("reports");
        Directory.CreateDirectory(reports);
        var sarifPath = Path.Combine(reports, "audit.sarif");
        var textPath = Path.Combine(reports, "audit.txt");
        string[] Audit(string format, string output) => new[] { "audit", drop.Root, drop.Solution, "--as-of", Samples.AsOf, "--format", format, "--output", output };

        // SARIF, with the file that disappears between the walk of the drop and its reading.
        var sarifClock = Stopwatch.StartNew();
        var sarifRun = await WithDisappearingFileAsync(drop, () => CommandRunner.RunAsync(Audit("sarif", sarifPath)));
        sarifClock.Stop();
        drop.RestoreDisappearingFile();
        var textClock = Stopwatch.StartNew();
        var textRun = await WithDisappearingFileAsync(drop, () => CommandRunner.RunAsync(Audit("text", textPath)));
        textClock.Stop();

        Assert.Equal(1, sarifRun.ExitCode);
        Assert.Equal(1, textRun.ExitCode);
        Assert.Equal(string.Empty, sarifRun.Stderr);
        Assert.Equal(string.Empty, textRun.Stderr);
        var sarifText = File.ReadAllText(sarifPath);
        await Sarif.AssertValidAsync(sarifText);
        var sarif = SarifReport.Parse(sarifText);
        var text = File.ReadAllText(textPath);

        // Every member not read, with its reason: in the SARIF properties, its notifications, and the text report.
        var skipped = sarif.Skipped();
        var notified = sarif.Run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray()
            .Where(n => n.GetProperty("descriptor").GetProperty("id").GetString() == "LRSKIP")
            .Select(n => Uri.UnescapeDataString(n.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (path, reason) in drop.ExpectedSkipped)
        {
            Assert.Contains(path + ": " + reason, skipped);
            Assert.Contains(path, notified);
            Assert.Contains("\n  " + path + " (", text, StringComparison.Ordinal);
        }

        Assert.Contains("\n  src/Paie.Module3/Calculs/Disparu.cs (unreadable: disappeared during the audit)\n", text, StringComparison.Ordinal);
        Assert.Contains("\n  src/Absent/Absent.csproj (unreadable: listed in Fournisseur.sln, not found)\n", text, StringComparison.Ordinal);
        Assert.Contains("\n  Divers/Boucle (symbolic link to a folder of the drop, not followed (the folder is walked where it is): ./)\n", text, StringComparison.Ordinal);
        Assert.Matches(@"\n  Divers/Tables/Enorme\.cs \(too large: 52,4\d\d,\d\d\d bytes, limit 10,485,760\)\n", text);

        // Project files that are not XML: a note each, and their code audited with the SDK's defaults.
        var projects = sarif.Projects();
        foreach (var project in drop.ProjectsNotXml)
        {
            var name = Path.GetFileNameWithoutExtension(project);
            var notes = projects[name].GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
            Assert.Contains(notes, n => n.StartsWith(name + ".csproj cannot be read as XML", StringComparison.Ordinal));
            Assert.Contains("    " + name + ".csproj cannot be read as XML", text, StringComparison.Ordinal);
        }

        // Exactly the values planted are found: none in the files not read, none through a link, none outside.
        var found = sarif.Results
            .GroupBy(r => Uri.UnescapeDataString(r.Uri!), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(r => r.RuleId).Distinct().Order(StringComparer.Ordinal)), StringComparer.Ordinal);
        Assert.Equal(drop.Planted.OrderBy(p => p.Key, StringComparer.Ordinal), found.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.All(drop.UnusualPaths, p => Assert.Contains("\n" + p + "\n", text, StringComparison.Ordinal));
        Assert.DoesNotContain(temp.Root, sarifText, StringComparison.Ordinal);
        Assert.DoesNotContain(temp.Root, text, StringComparison.Ordinal);

        // A run that fails leaves the previous report as it was: cancelled, then an invalid option.
        var previous = File.ReadAllBytes(sarifPath);
        using (var cancellation = new CancellationTokenSource())
        {
            Assert.Null(await WithHookAsync(_ => cancellation.Cancel(), () => RunAsync(cancellation.Token, Audit("sarif", sarifPath))));
        }

        var invalid = await CommandRunner.RunAsync(Audit("sarif", sarifPath).Append("--fail-on").Append("fatal").ToArray());
        Assert.Equal(2, invalid.ExitCode);
        Assert.Equal(previous, File.ReadAllBytes(sarifPath));
        Assert.Equal(new[] { "audit.sarif", "audit.txt" }, Directory.GetFileSystemEntries(reports).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        WriteSummary(drop, sarif, generation.Elapsed, sarifClock.Elapsed, textClock.Elapsed);
    }

    [Fact]
    public async Task Output_folder_removed_during_the_audit_fails_with_exit_2_and_leaves_nothing()
    {
        using var temp = new TempDrop();
        temp.Write("drop/Paie/Plafonds.cs", Samples.UnboundPass);
        var reports = temp.PathOf("reports");
        Directory.CreateDirectory(reports);

        var run = await WithHookAsync(_ => Directory.Delete(reports), () => CommandRunner.RunAsync("audit", temp.PathOf("drop"), "--as-of", Samples.AsOf, "--output", Path.Combine(reports, "audit.sarif")));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("audit.sarif", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(reports));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Cancelled_audit_leaves_the_previous_report_untouched_and_no_temporary_file()
    {
        using var temp = new TempDrop();
        temp.Write("drop/Paie/Plafonds.cs", Samples.UnboundPass);
        var output = temp.Write("reports/audit.sarif", "previous report");
        using var cancellation = new CancellationTokenSource();

        var run = await WithHookAsync(_ => cancellation.Cancel(), () => RunAsync(cancellation.Token, "audit", temp.PathOf("drop"), "--as-of", Samples.AsOf, "--output", output));

        Assert.Null(run);
        Assert.Equal("previous report", File.ReadAllText(output));
        Assert.Equal(new[] { output }, Directory.GetFileSystemEntries(temp.PathOf("reports")));
    }

    [Fact]
    public async Task File_removed_between_the_walk_and_the_reading_is_listed_as_disappeared()
    {
        using var temp = new TempDrop();
        temp.Write("CalculRsa.cs", Samples.BoundRsa);
        var removed = temp.Write("Paie/Plafonds.cs", Samples.UnboundPass);

        var report = await WithHookAsync(_ => File.Delete(removed), () => Sarif.AuditAsync(temp.Root, "--as-of", Samples.AsOf));

        Assert.Equal("LR0001", Assert.Single(report.Results).RuleId);
        Assert.Contains("Paie/Plafonds.cs: unreadable", report.Skipped());
        var entry = report.Run.GetProperty("properties").GetProperty("skippedFiles").EnumerateArray().Single(s => s.GetProperty("path").GetString() == "Paie/Plafonds.cs");
        Assert.Equal("disappeared during the audit", entry.GetProperty("detail").GetString());
    }

    private static Task<T> WithDisappearingFileAsync<T>(HostileDrop drop, Func<Task<T>> run)
        => WithHookAsync(_ => File.Delete(drop.DisappearingFile), run);

    /// <summary>Runs with the engine's hook set in this asynchronous flow only (other tests run in parallel).</summary>
    private static async Task<T> WithHookAsync<T>(Action<Drop> hook, Func<Task<T>> run)
    {
        AuditEngine.FilesDiscovered.Value = hook;
        try
        {
            return await run();
        }
        finally
        {
            AuditEngine.FilesDiscovered.Value = null;
        }
    }

    /// <summary>A run with a cancellation token: null when it ended by <see cref="OperationCanceledException"/>.</summary>
    private static async Task<CommandRun?> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            using var stdout = new StringWriter(CultureInfo.InvariantCulture);
            using var stderr = new StringWriter(CultureInfo.InvariantCulture);
            var exitCode = await Program.RunAsync(args, stdout, stderr, cancellationToken: cancellationToken);
            return new CommandRun(exitCode, stdout.ToString(), stderr.ToString());
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>One line of figures, in the test output and in <c>TestResults/hostile-drop-summary.txt</c> (which <c>.ci/run</c> prints).</summary>
    private void WriteSummary(HostileDrop drop, SarifReport sarif, TimeSpan generation, TimeSpan sarifRun, TimeSpan textRun)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var skipped = sarif.Skipped().Select(s => s[(s.LastIndexOf(": ", StringComparison.Ordinal) + 2)..]).ToList();
        var byReason = string.Join(", ", skipped.GroupBy(r => r, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + " " + g.Count()));
        var byRule = string.Join(", ", sarif.Results.GroupBy(r => r.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + " " + g.Count()));
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"[hostile-drop] {drop.FilesWritten:N0} files written ({drop.BytesWritten / 1048576.0:F1} MB) in {generation.TotalSeconds:F1} s; audit saw {sarif.AnalysedFiles + skipped.Count:N0}: {sarif.AnalysedFiles:N0} analysed, {skipped.Count} not read ({byReason}); {sarif.Results.Count} findings ({byRule}); SARIF run {sarifRun.TotalSeconds:F1} s, text run {textRun.TotalSeconds:F1} s; peak working set of the test process {process.PeakWorkingSet64 / 1048576.0:F0} MB; load {load} (seed {drop.Seed})");
        _output.WriteLine(line);
        Console.WriteLine(line);
        try
        {
            var folder = Path.Combine(RepositoryPaths.RepositoryRoot, "TestResults");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "hostile-drop-summary.txt"), line + Environment.NewLine);
        }
        catch (IOException)
        {
            // The test output has the line; the file is a convenience for CI logs.
        }
    }
}
