using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace LegalRules.Cli.Tests;

/// <summary>
/// What auditors receive: legacy encodings, links that loop or lead away, huge and binary files,
/// FIFOs, files they may not read. Each is either read right or listed with why; the audit goes on.
/// </summary>
public sealed class MessyInputTests
{
    /// <summary>A bound RSA value on a line with accents before it: the column must count characters, not bytes.</summary>
    private const string AccentedRsa = """
        // Calcul du RSA : montant forfaitaire réduit, barème préfectoral
        namespace Vendor.Calcul;

        public static class CalculRsa
        {
            [LegalRules.StatutoryParameter("prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rsa")]
            public const decimal MontantRéduit = 646.52m; // arrêté
        }
        """;

    private const string AccentedLine = "    public const decimal MontantRéduit = 646.52m; // arrêté";

    static MessyInputTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("windows-1252", false)]
    [InlineData("utf-8", false)]
    [InlineData("utf-8", true)]
    [InlineData("utf-16", true)]
    [InlineData("utf-16BE", true)]
    [InlineData("utf-16", false)]
    public async Task Accented_code_reads_right_in_every_encoding(string encodingName, bool byteOrderMark)
    {
        using var drop = new TempDrop();
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetBytes(AccentedRsa.Replace("\r\n", "\n", StringComparison.Ordinal));
        File.WriteAllBytes(drop.PathOf("CalculRsa.cs"), byteOrderMark ? encoding.GetPreamble().Concat(bytes).ToArray() : bytes);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);
        var json = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf, "--format", "json");

        var result = Assert.Single(report.Results);
        Assert.Equal("LR0001", result.RuleId);
        Assert.Equal((7, AccentedLine.IndexOf("646.52m", StringComparison.Ordinal) + 1), (result.StartLine, result.StartColumn));
        var snippet = System.Text.Json.JsonDocument.Parse(report.Text).RootElement.GetProperty("runs")[0].GetProperty("results")[0]
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("contextRegion").GetProperty("snippet").GetProperty("text").GetString();
        Assert.Equal(AccentedLine, snippet);
        Assert.Contains("\"    public const decimal MontantRéduit = 646.52m; // arrêté\"", json.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", json.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Windows_1252_excerpt_keeps_its_accents_in_the_text_report()
    {
        using var drop = new TempDrop();
        File.WriteAllBytes(drop.PathOf("CalculRsa.cs"), Encoding.GetEncoding(1252).GetBytes(AccentedRsa));

        var run = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf);

        Assert.Contains("7:42  error    LR0001", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("| " + AccentedLine + "\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_that_loop_or_lead_nowhere_are_listed_and_the_audit_ends()
    {
        using var drop = new TempDrop();
        drop.Write("drop/Paie/Plafonds.cs", Samples.UnboundPass);
        Directory.CreateSymbolicLink(drop.PathOf("drop/Paie/Boucle"), drop.PathOf("drop"));
        Directory.CreateSymbolicLink(drop.PathOf("drop/Paie/Parent"), "..");
        File.CreateSymbolicLink(drop.PathOf("drop/A.cs"), drop.PathOf("drop/B.cs"));
        File.CreateSymbolicLink(drop.PathOf("drop/B.cs"), drop.PathOf("drop/A.cs"));
        File.CreateSymbolicLink(drop.PathOf("drop/Casse.cs"), drop.PathOf("drop/Absent.cs"));

        var report = await Sarif.AuditAsync(drop.PathOf("drop"), "--as-of", Samples.AsOf);

        Assert.Equal(3, report.Results.Count);
        Assert.All(report.Results, r => Assert.Equal("Paie/Plafonds.cs", r.Uri));
        Assert.Equal(1, report.AnalysedFiles);
        Assert.Contains("A.cs: unreadable", report.Skipped());
        Assert.Contains("B.cs: unreadable", report.Skipped());
        Assert.Contains("Casse.cs: unreadable", report.Skipped());
        Assert.Contains("Paie/Boucle: linkWithinDrop", report.Skipped());
        Assert.Contains("Paie/Parent: linkWithinDrop", report.Skipped());
        Assert.DoesNotContain(drop.Root, report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_link_back_to_an_ancestor_is_listed_not_walked_twice()
    {
        using var drop = new TempDrop();
        drop.Write("Paie/Plafonds.cs", Samples.UnboundPass);
        Directory.CreateSymbolicLink(drop.PathOf("Paie/Boucle"), drop.Root);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        Assert.Equal(1, report.AnalysedFiles);
        Assert.All(report.Results, r => Assert.Equal("Paie/Plafonds.cs", r.Uri));
        Assert.Contains("Paie/Boucle: linkWithinDrop", report.Skipped());
    }

    [Fact]
    public async Task File_above_the_size_limit_is_listed_with_why_and_never_loaded()
    {
        using var drop = new TempDrop();
        drop.Write("CalculRsa.cs", Samples.BoundRsa);

        // 50 MB of generated tables, with a statutory value in them.
        var path = drop.PathOf("Tables.cs");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write("namespace Vendor.Tables;\npublic static class Table\n{\n    public static readonly decimal[] Valeurs =\n    {\n");
            var row = string.Concat(Enumerable.Repeat("46368m, 1.5m, 2.25m, 3.125m, ", 4)) + "\n";
            while (writer.BaseStream.Length < 50L * 1024 * 1024)
            {
                writer.Write(row);
            }

            writer.Write("    };\n}\n");
        }

        var stopwatch = Stopwatch.StartNew();
        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);
        var text = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), "a file above the limit must cost nothing: " + stopwatch.Elapsed);
        Assert.Equal("LR0001", Assert.Single(report.Results).RuleId);
        Assert.Contains("Tables.cs: tooLarge", report.Skipped());
        Assert.Matches(@"\n  Tables\.cs \(too large: 52,4\d\d,\d\d\d bytes, limit 10,485,760\)\n", text.Stdout);
    }

    [Fact]
    public async Task Size_limit_is_the_auditors_choice()
    {
        using var drop = new TempDrop();
        var content = new StringBuilder(Samples.UnboundPass).Append('\n');
        while (content.Length < 1_200_000)
        {
            content.Append("// ").Append('x', 200).Append('\n');
        }

        drop.Write("Plafonds.cs", content.ToString());

        var limited = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf, "--max-file-size", "1");
        var raised = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf, "--max-file-size", "2");

        Assert.Empty(limited.Results);
        Assert.Contains("Plafonds.cs: tooLarge", limited.Skipped());
        Assert.Equal(3, raised.Results.Count);
    }

    [Fact]
    public async Task FIFO_named_like_a_source_file_is_never_opened()
    {
        using var drop = new TempDrop();
        drop.Write("CalculRsa.cs", Samples.BoundRsa);
        Assert.Equal(0, MakeFifo(drop.PathOf("Tube.cs"), Convert.ToUInt32("644", 8)));

        var audit = Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);
        var finished = await Task.WhenAny(audit, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.Same(audit, finished);
        var report = await audit;
        Assert.Equal("LR0001", Assert.Single(report.Results).RuleId);
        Assert.Contains("Tube.cs: notRegularFile", report.Skipped());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // File modes: the project's machines and CI are Linux.
    public async Task Unreadable_file_is_listed_and_the_audit_goes_on()
    {
        using var drop = new TempDrop();
        drop.Write("CalculRsa.cs", Samples.BoundRsa);
        var secret = drop.Write("Paie/Plafonds.cs", Samples.UnboundPass);
        File.SetUnixFileMode(secret, UnixFileMode.None);

        var run = await AuditWithoutPrivilegesAsync(drop.Root, "--as-of", Samples.AsOf, "--format", "sarif");

        Assert.Equal(1, run.ExitCode);
        var report = SarifReport.Parse(run.Stdout);
        await Sarif.AssertValidAsync(run.Stdout);
        Assert.Equal("LR0001", Assert.Single(report.Results).RuleId);
        Assert.Contains("Paie/Plafonds.cs: unreadable", report.Skipped());
        var notification = report.Run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray()
            .Single(n => n.GetProperty("descriptor").GetProperty("id").GetString() == "LRSKIP");
        Assert.Equal("File not read: unreadable: permission denied.", notification.GetProperty("message").GetProperty("text").GetString());
        Assert.DoesNotContain(drop.Root, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // File modes: the project's machines and CI are Linux.
    public async Task Folder_the_auditor_may_not_list_is_listed_not_silently_passed_over()
    {
        using var drop = new TempDrop();
        drop.Write("CalculRsa.cs", Samples.BoundRsa);
        drop.Write("Paie/Plafonds.cs", Samples.UnboundPass);
        File.SetUnixFileMode(drop.PathOf("Paie"), UnixFileMode.None);
        try
        {
            var run = await AuditWithoutPrivilegesAsync(drop.Root, "--as-of", Samples.AsOf, "--format", "sarif");

            Assert.Equal(1, run.ExitCode);
            var report = SarifReport.Parse(run.Stdout);
            await Sarif.AssertValidAsync(run.Stdout);
            Assert.Equal("LR0001", Assert.Single(report.Results).RuleId);
            Assert.Contains("Paie/: unreadable", report.Skipped());
        }
        finally
        {
            File.SetUnixFileMode(drop.PathOf("Paie"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>
    /// Runs the audit as a user whom file permissions bind. Root reads any file, so as root the
    /// command runs in its own process with the capabilities that bypass permissions removed
    /// (<c>setpriv</c>); otherwise it runs in this process.
    /// </summary>
    private static async Task<CommandRun> AuditWithoutPrivilegesAsync(params string[] args)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return await CommandRunner.RunAsync(new[] { "audit" }.Concat(args).ToArray());
        }

        var dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var start = new ProcessStartInfo("setpriv")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "--bounding-set=-dac_override,-dac_read_search", dotnet, Path.Combine(AppContext.BaseDirectory, "LegalRules.Cli.dll"), "audit" }.Concat(args))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment["CI"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CommandRun(process.ExitCode, await stdout, await stderr);
    }

    private static int MakeFifo(string path, uint mode) => NativeMethods.MakeFifo(path, mode);

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "mkfifo", ExactSpelling = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
    }
}
