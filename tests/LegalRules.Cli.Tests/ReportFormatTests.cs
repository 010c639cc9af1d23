using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NJsonSchema;
using Xunit;

namespace LegalRules.Cli.Tests;

/// <summary>The Markdown, JSON and HTML reports: their content, their escaping, and the same bytes for the same drop.</summary>
public sealed partial class ReportFormatTests
{
    /// <summary>A drop whose finding line carries markup that must never reach a report unescaped.</summary>
    private static string[] HostileDrop(TempDrop drop, string folder = "drop")
    {
        drop.Write(folder + "/Calcul/CalculRsa.cs", Samples.BoundRsa.Replace(
            "public const decimal Montant = 646.52m;",
            "public const decimal Montant = 646.52m; // </script><script>alert('x')</script> | `code` *gras* [lien](javascript:alert(1))",
            StringComparison.Ordinal));
        drop.Write(folder + "/Paie/Plafonds.cs", Samples.UnboundPass);
        File.WriteAllBytes(drop.PathOf(folder + "/Image.cs"), new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x00 });
        return new[] { "audit", drop.PathOf(folder), "--as-of", Samples.AsOf };
    }

    [Theory]
    [InlineData("report.html", "<!DOCTYPE html>\n")]
    [InlineData("report.md", "# LegalRules audit\n")]
    [InlineData("report.json", "{\n  \"formatVersion\": 1,")]
    [InlineData("report.sarif", "{\n  \"$schema\": ")]
    [InlineData("report.txt", "LegalRules audit\n")]
    [InlineData("report.log", "LegalRules audit\n")]
    public async Task Output_extension_chooses_the_format_when_none_is_given(string file, string start)
    {
        using var drop = new TempDrop();
        var args = HostileDrop(drop);
        var output = drop.PathOf(file);

        var run = await CommandRunner.RunAsync(args.Concat(new[] { "--output", output }).ToArray());

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(start, File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explicit_format_wins_over_the_extension()
    {
        using var drop = new TempDrop();
        var output = drop.PathOf("report.html");

        await CommandRunner.RunAsync(HostileDrop(drop).Concat(new[] { "--output", output, "--format", "markdown" }).ToArray());

        Assert.StartsWith("# LegalRules audit\n", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("sarif")]
    [InlineData("html")]
    [InlineData("markdown")]
    [InlineData("json")]
    public async Task Same_drop_gives_the_same_bytes_in_every_format_wherever_it_is(string format)
    {
        using var drop = new TempDrop();
        var first = await CommandRunner.RunAsync(HostileDrop(drop, "a").Concat(new[] { "--format", format }).ToArray());
        var again = await CommandRunner.RunAsync(HostileDrop(drop, "a").Concat(new[] { "--format", format }).ToArray());
        var elsewhere = await CommandRunner.RunAsync(HostileDrop(drop, "b/c").Concat(new[] { "--format", format }).ToArray());

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(first.Stdout, again.Stdout);
        Assert.Equal(first.Stdout, elsewhere.Stdout);
        Assert.DoesNotContain(drop.Root, first.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("html")]
    [InlineData("markdown")]
    [InlineData("json")]
    public async Task Bad_input_writes_no_report_and_leaves_the_previous_one(string format)
    {
        using var drop = new TempDrop();
        var output = drop.Write("previous.report", "previous report");

        var run = await CommandRunner.RunAsync(HostileDrop(drop).Concat(new[] { "--format", format, "--output", output, "--as-of", "2026-02-30" }).ToArray());

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("previous report", File.ReadAllText(output));
        Assert.Single(Directory.GetFiles(drop.Root));
    }

    [Fact]
    public async Task Json_report_follows_its_documented_schema()
    {
        using var drop = new TempDrop();
        var run = await CommandRunner.RunAsync(HostileDrop(drop).Concat(new[] { "--format", "json" }).ToArray());

        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "audit-report.schema.json"));
        var errors = schema.Validate(run.Stdout);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));

        var root = JsonDocument.Parse(run.Stdout).RootElement;
        var divergent = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "LR0001");
        Assert.Equal("Calcul/CalculRsa.cs", divergent.GetProperty("path").GetString());
        Assert.Equal(8, divergent.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(Samples.RsaKey, divergent.GetProperty("parameter").GetProperty("key").GetString());
        Assert.Equal("646.52", divergent.GetProperty("found").GetString());
        Assert.Equal("651.69", divergent.GetProperty("statutory").GetString());
        Assert.Equal("2026-04-01", divergent.GetProperty("validFrom").GetString());
        Assert.Equal(JsonValueKind.Null, divergent.GetProperty("validTo").ValueKind);
        Assert.StartsWith("https://www.legifrance.gouv.fr/", divergent.GetProperty("reference").GetProperty("href").GetString(), StringComparison.Ordinal);
        Assert.Equal(6, divergent.GetProperty("excerpt").GetProperty("startLine").GetInt32());
        Assert.Equal(new[] { "{", "    [StatutoryParameter(\"" + Samples.RsaKey + "\")]" }, divergent.GetProperty("excerpt").GetProperty("lines").EnumerateArray().Take(2).Select(l => l.GetString()));
        Assert.Equal(4, divergent.GetProperty("excerpt").GetProperty("lines").GetArrayLength());
        Assert.Equal(4, root.GetProperty("summary").GetProperty("findings").GetInt32());
        Assert.Equal("LR0002", root.GetProperty("summary").GetProperty("byRule")[0].GetProperty("name").GetString());
        Assert.Equal("Image.cs", root.GetProperty("skippedFiles")[0].GetProperty("path").GetString());
        Assert.Equal("binary", root.GetProperty("skippedFiles")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Json_schema_names_every_reason_a_file_can_be_skipped_for()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "audit-report.schema.json"));
        var documented = JsonDocument.Parse(schema.ToJson()).RootElement.ToString();

        foreach (var reason in Enum.GetValues<LegalRules.Cli.Audit.SkipReason>())
        {
            Assert.Contains($"\"{LegalRules.Cli.Reports.SkipReasons.Code(reason)}\"", documented, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Json_schema_check_rejects_a_report_that_breaks_the_shape()
    {
        // Guards the test above against a schema that accepts anything.
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "audit-report.schema.json"));

        Assert.NotEmpty(schema.Validate("{\"formatVersion\": 2}"));
    }

    [Fact]
    public async Task Markdown_report_links_the_law_and_fences_the_code()
    {
        using var drop = new TempDrop();
        var run = await CommandRunner.RunAsync(HostileDrop(drop).Concat(new[] { "--format", "markdown" }).ToArray());
        var markdown = run.Stdout;

        Assert.Contains("| [LR0002](<https://github.com/legalrules/legalrules/blob/main/rules.md#lr0002>) | 2 | Superseded statutory value |", markdown, StringComparison.Ordinal);
        Assert.Contains("### `Calcul/CalculRsa.cs`", markdown, StringComparison.Ordinal);
        Assert.Contains("| Value in the code | **646.52** |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Value in the code | **46368** (applied 2024-01-01 → 2024-12-31) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Statutory value | **651.69** (applies 2026-04-01 →) |", markdown, StringComparison.Ordinal);
        Assert.Matches(@"\| Legal reference \| \[Décret n° 2026-220[^]]*\]\(<https://www\.legifrance\.gouv\.fr/[^>]+>\) \|", markdown);
        Assert.Contains("```csharp\n  6 | {\n", markdown, StringComparison.Ordinal);
        Assert.Contains("> 8 |     public const decimal Montant = 646.52m; // </script>", markdown, StringComparison.Ordinal);
        Assert.Contains("- `Image.cs` — binary content", markdown, StringComparison.Ordinal);

        // Outside code fences, nothing from the drop is active Markdown or HTML.
        var prose = CodeFence().Replace(markdown, string.Empty);
        Assert.DoesNotContain("<script>", prose, StringComparison.Ordinal);
        Assert.DoesNotContain("](javascript:", prose, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_report_is_self_contained_and_escapes_everything_from_the_drop()
    {
        using var drop = new TempDrop();
        var run = await CommandRunner.RunAsync(HostileDrop(drop).Concat(new[] { "--format", "html" }).ToArray());
        var html = run.Stdout;

        // Nothing fetched at view time: no external resource, and a policy that forbids one.
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<(link|img|iframe|object|embed)\b|\ssrc=|@import|url\(", html);
        Assert.Equal(2, Regex.Count(html, "<svg "));
        Assert.Single(Regex.Matches(html, "<script>"));

        // The hostile comment is shown as text, in the excerpt, never as markup.
        Assert.Contains("// &lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);

        Assert.Equal(4, Regex.Count(html, "<article class=\"finding "));
        Assert.Contains("<dd class=\"found\">646.52</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"found\">46368 <span class=\"period\">(applied 2024-01-01 → 2024-12-31)</span></dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"statutory\">651.69 <span class=\"period\">(applies 2026-04-01 →)</span></dd>", html, StringComparison.Ordinal);
        Assert.Matches("<a href=\"https://www\\.legifrance\\.gouv\\.fr/[^\"]+\" rel=\"noreferrer noopener\">Décret n° 2026-220", html);
        Assert.Contains("<li><code>Image.cs</code> — binary content</li>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_report_is_written_in_the_readers_language()
    {
        using var drop = new TempDrop();
        var run = await CommandRunner.RunInCultureAsync(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), HostileDrop(drop).Concat(new[] { "--format", "html" }).ToArray());

        Assert.Contains("<html lang=\"fr\">", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Valeur légale", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Constats par paramètre", run.Stdout, StringComparison.Ordinal);
    }

    [GeneratedRegex("```[\\s\\S]*?```")]
    private static partial Regex CodeFence();
}
