using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace LegalRules.Tests.Infrastructure;

/// <summary>What LR0002 and LR0003 report over sources, every LegalRules analyzer running, on an evaluation date: for the tests of matching.</summary>
internal static class UnboundValues
{
    /// <summary>The LR0002 and LR0003 findings.</summary>
    public static async Task<ImmutableArray<Diagnostic>> FindingsAsync(string asOf, params string[] sources)
    {
        var diagnostics = await DirectRun.AnalyzeAsync(sources, new Dictionary<string, string> { ["legal_rules.as_of"] = asOf });
        return diagnostics.Where(d => d.Id is RuleIdentifiers.SupersededValue or RuleIdentifiers.UnreferencedStatutoryValue).ToImmutableArray();
    }

    /// <summary>The LR0002 and LR0003 findings, each described by <paramref name="describe"/>, in ordinal order.</summary>
    public static async Task<string[]> DescribedAsync(string asOf, Func<Diagnostic, string> describe, params string[] sources)
        => (await FindingsAsync(asOf, sources)).Select(describe).OrderBy(s => s, StringComparer.Ordinal).ToArray();

    /// <summary>The value found, as written: "10.48".</summary>
    public static string Value(Diagnostic finding) => finding.Properties["found"]!;

    /// <summary>The rule and the value: "LR0002 47100".</summary>
    public static string RuleAndValue(Diagnostic finding) => finding.Id + " " + finding.Properties["found"];

    /// <summary>The rule, the value and the parameter's key.</summary>
    public static string RuleValueAndKey(Diagnostic finding) => RuleAndValue(finding) + " " + finding.Properties["key"];
}
