using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Rules;

/// <summary>
/// LR0102 on a matched constant in binary floating point that no declaration holds: a comparison's
/// operand, an argument, a tuple's element, a switch arm, an assignment. A declaration's value is
/// reported once, on the declaration's type. Every LegalRules analyzer runs, on 2026-06-01 (embedded
/// registry): 11.88 is the hourly Smic from 2025-11-01, 0.038 the reduced CSG rate on pensions, 0.005 the CRDS rate.
/// </summary>
public sealed class BinaryFloatingPointConstantTests
{
    [Fact]
    public async Task A_matched_double_constant_outside_a_declaration_is_reported_on_the_constant()
    {
        var found = await Lr0102Async("""
            public enum Tranche { Reduite, Pleine }
            public static class CsgPensions
            {
                public static bool SousSmicHoraire(double tauxHoraire) => tauxHoraire < 11.88;
                public static (double Deductible, double NonDeductible) Taux(Tranche t) => t switch
                {
                    Tranche.Reduite => (0.038, 0),
                    _ => (0.068, 0.024),
                };
                public static double Crds(double assiette) => Prelever(assiette, 0.005);
                private static double Prelever(double assiette, double tauxCrds) => assiette * tauxCrds;
                private static double _tauxCsgReduit;
                public static void Initialiser() { _tauxCsgReduit = 0.038; }
            }
            """);

        // 0.038 and 0.024 in the switch's arms are not matched (LR0003 needs two words for values many CSG rates share).
        Assert.Equal(new[] { "11.88", "0.068", "0.005", "0.038" }, found);
    }

    [Fact]
    public async Task A_declaration_s_value_is_reported_once_on_its_type_and_decimals_not_at_all()
    {
        var found = await Lr0102Async("""
            public static class CsgPensions
            {
                public const double TauxCrds = 0.005;
                public static double TauxCsgReduit { get; } = 0.038;
                public static double CsgReduite() => 0.038;
                public static double Crds(double assiette, double tauxCrds = 0.005) { double crds = (double)(0.005); return assiette * tauxCrds * crds; }
                public static bool SousSmicHoraire(decimal tauxHoraire) => tauxHoraire < 11.88m;
            }
            """);

        // On the declarations' types: the field, the property, the method's return, the parameter, the local.
        Assert.Equal(new[] { "double", "double", "double", "double", "double" }, found);
    }

    private static async Task<string[]> Lr0102Async(string source)
    {
        var diagnostics = await DirectRun.AnalyzeAsync(new[] { source }, new Dictionary<string, string> { ["legal_rules.as_of"] = "2026-06-01" });
        return diagnostics
            .Where(d => d.Id == RuleIdentifiers.BinaryFloatingPoint)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan))
            .ToArray();
    }
}
