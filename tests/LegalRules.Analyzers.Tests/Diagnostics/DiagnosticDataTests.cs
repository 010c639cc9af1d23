using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LegalRules.Analysis;
using LegalRules.Diagnostics;
using LegalRules.Hosting;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LegalRules.Tests.Diagnostics;

/// <summary>The properties of the findings of unbound values (<see cref="DiagnosticData.ForUnboundValue"/>), built once per kind of finding.</summary>
public class DiagnosticDataTests
{
    private static readonly DateTime AsOf = new(2026, 6, 1);

    [Fact]
    public void A_past_value_s_finding_gives_the_period_of_the_value_found_and_the_value_in_force()
    {
        var smic = SmicHoraire();
        var inForce = smic.IndexAt(AsOf);
        Assert.True(inForce >= 2, "the hourly Smic has past values");

        var older = DiagnosticData.ForUnboundValue(smic, inForce, "9.76", AsOf, inForce - 2);
        var previous = DiagnosticData.ForUnboundValue(smic, inForce, "9.76", AsOf, inForce - 1);

        Assert.Equal(smic.PeriodOf(inForce - 2).FromText, older[PropertyNames.FoundValidFrom]);
        Assert.Equal(smic.PeriodOf(inForce - 1).FromText, previous[PropertyNames.FoundValidFrom]);
        Assert.Equal(smic.PeriodOf(inForce).FromText, previous[PropertyNames.ValidFrom]);
        Assert.Equal("9.76", previous[PropertyNames.Found]);
    }

    [Fact]
    public void The_same_finding_gets_the_same_properties_and_another_its_own()
    {
        var smic = SmicHoraire();
        var inForce = smic.IndexAt(AsOf);

        var first = DiagnosticData.ForUnboundValue(smic, inForce, "11.88", AsOf, foundIndex: -1);
        var again = DiagnosticData.ForUnboundValue(smic, inForce, "11.88", AsOf, foundIndex: -1);
        var otherText = DiagnosticData.ForUnboundValue(smic, inForce, "11.880", AsOf, foundIndex: -1);
        var otherDate = DiagnosticData.ForUnboundValue(smic, inForce, "11.88", AsOf.AddDays(1), foundIndex: -1);

        Assert.Same(first, again);
        Assert.False(first.ContainsKey(PropertyNames.FoundValidFrom));
        Assert.Equal("11.880", otherText[PropertyNames.Found]);
        Assert.Equal("2026-06-02", otherDate[PropertyNames.AsOf]);

        // Built once or kept, the same data as the builder every finding used to make.
        var built = DiagnosticData.ForValue(smic, inForce, "11.88", AsOf).ToImmutable();
        Assert.Equal(built.OrderBy(p => p.Key, StringComparer.Ordinal), first.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private static LegalRules.Registry.StatutoryParameter SmicHoraire()
    {
        var compilation = DirectRun.Compile(new[] { "class C { }" });
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(new Dictionary<string, string>()));
        var state = LegalRulesCompilationState.Get(compilation, options, CancellationToken.None);
        Assert.True(state.Registry.TryGetParameter(Keys.SmicHoraire, out var parameter));
        return parameter;
    }
}
