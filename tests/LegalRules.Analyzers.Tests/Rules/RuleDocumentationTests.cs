using System;
using System.IO;
using System.Linq;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Rules;

public class RuleDocumentationTests
{
    [Fact]
    public void Every_rule_has_a_help_link_to_its_anchor_in_rules_md()
    {
        var rulesMd = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "rules.md"));
        var rules = AnalyzerCatalog.Rules;
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var anchor = rule.Id.ToLowerInvariant();
            Assert.Equal("https://github.com/legalrules/legalrules/blob/main/rules.md#" + anchor, rule.HelpLinkUri);
            Assert.Contains($"<a id=\"{anchor}\"></a>", rulesMd, StringComparison.Ordinal);
            Assert.Contains($"## {rule.Id}: {rule.Title}", rulesMd, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_rule_is_tracked_in_the_release_files()
    {
        var unshipped = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "LegalRules.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var rule in AnalyzerCatalog.Rules)
        {
            Assert.Contains(rule.Id + " |", unshipped, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_rule_has_a_french_title_and_message()
    {
        var french = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        var english = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var rule in AnalyzerCatalog.Rules)
        {
            Assert.NotEqual(rule.Title.ToString(english), rule.Title.ToString(french));
            Assert.NotEqual(rule.Description.ToString(english), rule.Description.ToString(french));
            if (rule.Id != RuleIdentifiers.InvalidRegistry)
            {
                // LR0901's message is the fault's own message, localised on its own.
                Assert.NotEqual(rule.MessageFormat.ToString(english), rule.MessageFormat.ToString(french));
            }
        }

        var ids = AnalyzerCatalog.Rules.Select(r => r.Id).ToList();
        Assert.Subset(ids.ToHashSet(), new[] { "LR0001", "LR0002", "LR0003", "LR0004", "LR0005", "LR0901", "LR0902", "LR0903" }.ToHashSet());
    }
}
