using System;
using System.Threading.Tasks;
using Xunit;

namespace LegalRules.Cli.Tests;

/// <summary>The text report: findings by file with the source line, then the summary an auditor reads first.</summary>
public sealed class TextReportTests
{
    [Fact]
    public async Task Report_groups_findings_by_file_and_ends_with_a_summary()
    {
        using var drop = new TempDrop();
        drop.Write("Calcul/CalculRsa.cs", Samples.BoundRsa);
        drop.Write("Paie/Plafonds.cs", Samples.UnboundPass);

        var run = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf);
        var text = run.Stdout;

        Assert.StartsWith("LegalRules audit\nEvaluation date: 2026-06-01\n", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("\nCalcul/CalculRsa.cs\n", StringComparison.Ordinal) < text.IndexOf("\nPaie/Plafonds.cs\n", StringComparison.Ordinal));
        Assert.Contains("   5:39  warning  LR0002  46368 is a superseded value of 'prelevements_sociaux.pss.plafond_securite_sociale_annuel'", text, StringComparison.Ordinal);
        Assert.Contains("        |     public static decimal Ancien() => 46368m;\n", text, StringComparison.Ordinal);
        Assert.Contains("statutory reference: Arrêté du 22 décembre 2025 <https://www.legifrance.gouv.fr/", text, StringComparison.Ordinal);

        Assert.Contains("\nSummary\n  Findings: 4 (error: 1, warning: 3, note: 0) in 2 file(s); C# files analysed: 2.\n", text, StringComparison.Ordinal);
        Assert.Contains("\nBy rule\n  LR0002  2  Superseded statutory value\n  LR0001  1  Hard-coded value diverges from its statutory reference\n  LR0003  1  Statutory value hard-coded without reference\n", text, StringComparison.Ordinal);
        Assert.Contains("\nBy parameter\n  " + Samples.PassKey.PadRight(Samples.RsaKey.Length) + "  3\n  " + Samples.RsaKey + "  1\n", text, StringComparison.Ordinal);
        Assert.Contains("\nBy file\n  Paie/Plafonds.cs     3\n  Calcul/CalculRsa.cs  1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_says_when_code_did_not_bind()
    {
        using var drop = new TempDrop();
        drop.Write("Casse.cs", "namespace Vendor; public class Casse : Absente { }\n");

        var run = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Compiler errors in the drop: 1.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_drop_gives_the_same_text()
    {
        using var drop = new TempDrop();
        drop.Write("Calcul/CalculRsa.cs", Samples.BoundRsa);
        drop.Write("Paie/Plafonds.cs", Samples.UnboundPass);

        var first = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf);
        var second = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf);

        Assert.Equal(first.Stdout, second.Stdout);
    }
}
