using System;
using System.Globalization;
using System.Threading.Tasks;
using Xunit;

namespace LegalRules.Cli.Tests;

public sealed class RulesCommandTests
{
    [Fact]
    public async Task Rules_lists_every_rule_with_severity_title_and_help_link()
    {
        var run = await CommandRunner.RunAsync("rules");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AnalyzerCatalog.Rules.Length, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var rule = AnalyzerCatalog.Rules[i];
            Assert.StartsWith(rule.Id + "  ", lines[i], StringComparison.Ordinal);
            Assert.Contains(rule.Title.ToString(CultureInfo.GetCultureInfo("en")), lines[i], StringComparison.Ordinal);
            Assert.EndsWith(rule.HelpLinkUri, lines[i], StringComparison.Ordinal);
        }

        Assert.StartsWith("LR0001  error    Hard-coded value diverges from its statutory reference", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_are_titled_in_French_for_a_French_user()
    {
        var run = await CommandRunner.RunInCultureAsync(CultureInfo.GetCultureInfo("fr-FR"), "rules");

        Assert.Contains(AnalyzerCatalog.Rules[0].Title.ToString(CultureInfo.GetCultureInfo("fr-FR")), run.Stdout, StringComparison.Ordinal);
        Assert.NotEqual(AnalyzerCatalog.Rules[0].Title.ToString(CultureInfo.GetCultureInfo("fr-FR")), AnalyzerCatalog.Rules[0].Title.ToString(CultureInfo.GetCultureInfo("en")));
    }
}
