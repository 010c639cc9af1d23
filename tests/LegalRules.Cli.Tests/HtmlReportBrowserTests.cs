using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace LegalRules.Cli.Tests;

/// <summary>
/// The HTML report of the sample vendor drop, opened in a real headless browser (Debian's
/// chromium, which <c>.ci/run</c> installs): its script runs without error, the charts and every
/// finding are on the page, and it prints. The screenshot and the PDF are kept in <c>TestResults/</c>.
/// </summary>
public sealed class HtmlReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>A page of this size renders in seconds; a run still going after this has hung.</summary>
    private static readonly TimeSpan ChromiumTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Report_renders_in_a_browser_with_its_charts_and_every_finding()
    {
        Assert.True(File.Exists(Chromium), "Debian's chromium is needed to test the HTML report: apt-get install chromium (.ci/run does).");
        var results = Path.Combine(RepositoryPaths.RepositoryRoot, "TestResults");
        Directory.CreateDirectory(results);
        var page = Path.Combine(results, "html-report.html");
        var screenshot = Path.Combine(results, "html-report.png");
        File.Delete(screenshot);
        var samples = Path.Combine(RepositoryPaths.RepositoryRoot, "samples");

        var audit = await CommandRunner.RunAsync(
            "audit",
            Path.Combine(samples, "VendorDrop"),
            "--bindings", Path.Combine(samples, "audit", "vendor.legal-bindings.yaml"),
            "--as-of", "2026-11-29",
            "--output", page);
        var findings = (await Sarif.AuditAsync(Path.Combine(samples, "VendorDrop"), "--bindings", Path.Combine(samples, "audit", "vendor.legal-bindings.yaml"), "--as-of", "2026-11-29")).Results;
        Assert.Equal(1, audit.ExitCode);

        var dom = await RunChromiumAsync("--dump-dom", new Uri(page).AbsoluteUri);
        var shot = await RunChromiumAsync("--screenshot=" + screenshot, "--window-size=1280,2000", new Uri(page).AbsoluteUri);
        var pdf = Path.Combine(results, "html-report.pdf");
        File.Delete(pdf);
        var print = await RunChromiumAsync("--no-pdf-header-footer", "--print-to-pdf=" + pdf, new Uri(page).AbsoluteUri);

        Assert.Equal(0, dom.ExitCode);
        Assert.Equal(0, shot.ExitCode);

        // The page's script ran to its end, and logged nothing (an uncaught error is a console message).
        Assert.Matches("<body[^>]* data-ready=\"true\"", dom.Stdout);
        Assert.DoesNotContain(":CONSOLE", dom.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(":CONSOLE", shot.Stderr, StringComparison.Ordinal);

        Assert.Equal(2, Regex.Count(dom.Stdout, "<svg "));
        Assert.Contains("id=\"chart-by-rule\"", dom.Stdout, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-by-parameter\"", dom.Stdout, StringComparison.Ordinal);
        // Every planted finding of the sample (samples/VendorDrop/EXPECTED.md), each shown.
        var planted = File.ReadAllLines(Path.Combine(samples, "VendorDrop", "EXPECTED.md"))
            .Count(line => line.StartsWith("| ", StringComparison.Ordinal) && line.Contains("| LR", StringComparison.Ordinal));
        Assert.Equal(planted, findings.Count);
        Assert.Equal(findings.Count, Regex.Count(dom.Stdout, "<article class=\"finding "));
        foreach (var finding in findings)
        {
            Assert.Contains($"<span class=\"where\">{Uri.UnescapeDataString(finding.Uri!)}:{finding.StartLine}:{finding.StartColumn}</span>", dom.Stdout, StringComparison.Ordinal);
        }

        // The script's own output: every finding shown, none hidden.
        Assert.Contains($"{planted} of {planted} finding(s) shown", dom.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" hidden=\"", dom.Stdout, StringComparison.Ordinal);

        // Printed (print CSS: no filters, every finding, link targets written out): a PDF of several pages.
        Assert.Equal(0, print.ExitCode);
        var printed = await File.ReadAllBytesAsync(pdf);
        Assert.Equal("%PDF"u8.ToArray(), printed.Take(4));
        Assert.True(Regex.Count(System.Text.Encoding.Latin1.GetString(printed), @"/Type\s*/Page[^s]") >= 3, "the printed report has fewer than 3 pages");

        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.True(png.Length > 10_000, "the screenshot is empty");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png.Take(4));
    }

    /// <summary>
    /// Headless chromium, offline, with a profile of its own, logging the page's console to stderr.
    /// A run that has not ended after a minute is killed and tried once more with a new profile: a
    /// headless browser sometimes hangs at start on a loaded machine, which says nothing of the page.
    /// </summary>
    private static async Task<CommandRun> RunChromiumAsync(params string[] arguments)
    {
        var first = await RunChromiumOnceAsync(arguments);
        if (first is not null)
        {
            return first;
        }

        var second = await RunChromiumOnceAsync(arguments);
        Assert.True(second is not null, $"chromium {string.Join(' ', arguments)} did not end within {ChromiumTimeout.TotalSeconds:N0} s, twice.");
        return second!;
    }

    /// <summary>One run of chromium; null when it had to be killed.</summary>
    private static async Task<CommandRun?> RunChromiumOnceAsync(string[] arguments)
    {
        var profile = Path.Combine(Path.GetTempPath(), "legalrules-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        try
        {
            var start = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
            }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            using var timeout = new System.Threading.CancellationTokenSource(ChromiumTimeout);

            // The output is read with the same bound as the exit: a helper process chromium leaves
            // behind can hold its pipes open after it has exited.
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                return new CommandRun(process.ExitCode, await stdout, await stderr);
            }
            catch (OperationCanceledException)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It ended meanwhile.
                }

                await process.WaitForExitAsync();
                return null;
            }
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A profile chromium still holds is left to the temporary folder's cleaning.
            }
        }
    }
}
