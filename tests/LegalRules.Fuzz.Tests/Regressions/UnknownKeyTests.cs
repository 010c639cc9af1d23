using System;
using System.Linq;
using LegalRules.Fuzz.Infrastructure;
using Xunit;

namespace LegalRules.Fuzz.Regressions;

/// <summary>Unknown keys of absurd length, found by the hostile-file tests.</summary>
public sealed class UnknownKeyTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public void An_unknown_key_a_megabyte_long_in_a_bindings_file_is_reported_without_hanging()
    {
        // The nearest known keys were found by an edit distance to every key: a key of 8 million
        // characters took hours (the build hung on LR0004).
        var key = new string('a', 1_000_000);
        var outcome = AnalysisHarness.Run(
            new[] { new InputFile("/src/Empty.cs", "class Empty { }") },
            new[] { new InputFile("/reg/long.legal-bindings.yaml", "bindings:\n  Vendor.Calcul.Montant: " + key + "\n") });

        Assert.Empty(outcome.Failures);
        Assert.True(outcome.Elapsed < Bound, $"analysed in {outcome.Elapsed}");
        var unknown = Assert.Single(outcome.Findings, f => f.Id == "LR0004");
        Assert.Equal(string.Empty, unknown.Properties["nearestKeys"]);
    }

    [Fact]
    public void An_unknown_key_a_megabyte_long_in_an_attribute_is_reported_without_hanging()
    {
        var key = string.Join('.', Enumerable.Repeat("prestations_sociales", 50_000));
        var outcome = AnalysisHarness.Run(new[]
        {
            new InputFile("/src/Long.cs", $"using LegalRules;\nclass Long {{ [StatutoryParameter(\"{key}\")] const decimal Montant = 1m; }}"),
        });

        Assert.Empty(outcome.Failures);
        Assert.True(outcome.Elapsed < Bound, $"analysed in {outcome.Elapsed}");
        Assert.Single(outcome.Findings, f => f.Id == "LR0004");
    }

    [Fact]
    public void A_misspelt_key_still_gets_its_nearest_keys()
    {
        // The length filter must keep what the edit distance keeps: a typo one character short.
        var outcome = AnalysisHarness.Run(new[]
        {
            new InputFile("/src/Typo.cs", $"using LegalRules;\nclass Typo {{ [StatutoryParameter(\"{Generators.CSharpCorpus.RsaKey[..^1]}\")] const decimal Montant = 1m; }}"),
        });

        var unknown = Assert.Single(outcome.Findings, f => f.Id == "LR0004");
        Assert.Contains(Generators.CSharpCorpus.RsaKey, unknown.Properties["nearestKeys"]!.Split(';'));
    }
}
