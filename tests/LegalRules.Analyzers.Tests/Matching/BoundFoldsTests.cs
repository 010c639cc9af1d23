using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// A constant the compiler folds from members bound to parameters (<c>TauxCsgDeductible +
/// TauxCsgNonDeductible</c>) is computed from referenced values, each checked against its own
/// parameter: it is not a hard-coded value, whatever the sum equals (here 0.092, the global CSG rate,
/// on 2026-11-29). A literal in the fold makes it one.
/// </summary>
public sealed class BoundFoldsTests
{
    private const string Rates = """
        public sealed class StatutoryParameterAttribute : System.Attribute { public StatutoryParameterAttribute(string key) { } }
        public static class TauxCsg
        {
            [StatutoryParameter("prelevements_sociaux.contributions_sociales.csg.activite.deductible")]
            public const decimal TauxCsgDeductible = 0.068m;
            [StatutoryParameter("prelevements_sociaux.contributions_sociales.csg.activite.imposable")]
            public const decimal TauxCsgNonDeductible = 0.024m;
        }
        """;

    [Fact]
    public async Task A_fold_of_bound_members_is_not_a_hard_coded_value()
        => Assert.Empty(await FoundAsync(Rates, "public static class Total { public static decimal TauxCsgTotal() => TauxCsg.TauxCsgDeductible + TauxCsg.TauxCsgNonDeductible; }"));

    [Fact]
    public async Task A_fold_with_a_literal_is()
        => Assert.Equal(new[] { "LR0003 0.024", "LR0003 0.092" }, await FoundAsync(Rates, "public static class Total { public static decimal TauxCsgTotal() => TauxCsg.TauxCsgDeductible + 0.024m; }"));

    private static Task<string[]> FoundAsync(params string[] sources) => UnboundValues.DescribedAsync("2026-11-29", UnboundValues.RuleAndValue, sources);
}
