using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LegalRules.Analysis;
using LegalRules.Hosting;
using LegalRules.Rules;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LegalRules.Tests.Rules;

/// <summary>
/// The syntactic filter that decides whether a rounding's member is worth binding
/// (<see cref="StatutoryMembers.MayHoldStatutoryValue(InvocationExpressionSyntax, ISymbol, LegalRulesCompilationState)"/>).
/// </summary>
public class StatutoryMembersTests
{
    // TauxCsg holds the CSG rate on earned income (9.2 %): a constant whose value the registry has.
    private const string Source = """
        using System;
        class Calcul
        {
            private const decimal TauxCsg = 0.092m;

            decimal Csg(decimal revenu)
            {
                var csg = revenu * TauxCsg;
                return Math.Round(csg, 2);
            }

            decimal Double(decimal x)
            {
                var csg = x * TauxCsg;
                var y = x * 2;
                return Math.Round(y, 2);
            }
        }
        """;

    [Fact]
    public void A_rounding_looks_only_at_the_values_assigned_to_its_own_arguments_names_one_rounding_after_another()
    {
        var compilation = DirectRun.Compile(new[] { Source });
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(new Dictionary<string, string> { ["legal_rules.as_of"] = "2026-06-01" }));
        var state = LegalRulesCompilationState.Get(compilation, options, CancellationToken.None);
        var members = StatutoryMembers.For(compilation, state);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var roundings = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().ToList();
        var csg = roundings[0];
        var other = roundings[1];
        var csgMethod = model.GetEnclosingSymbol(csg.SpanStart)!;
        var otherMethod = model.GetEnclosingSymbol(other.SpanStart)!;

        // In the same thread, one after another: what the first rounding read is not carried into the second.
        Assert.True(members.MayHoldStatutoryValue(csg, csgMethod, state));
        Assert.False(members.MayHoldStatutoryValue(other, otherMethod, state));
        Assert.True(members.MayHoldStatutoryValue(csg, csgMethod, state));
        Assert.False(members.MayHoldStatutoryValue(other, otherMethod, state));
    }
}
