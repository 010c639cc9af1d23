using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// A constant the compiler folds from members bound to parameters (<c>TauxCsgDeductible +
/// TauxCsgNonDeductible</c>, <c>Pass / 12m</c>) is computed from referenced values, each checked
/// against its own parameter: it is not a hard-coded value, whatever it equals (here 0.092, the
/// global CSG rate, and 4005, the PMSS, on 2026-11-29). A statutory literal in it is matched on its own.
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
            [StatutoryParameter("prelevements_sociaux.pss.plafond_securite_sociale_annuel")]
            public const decimal Pass = 48060m;
        }
        """;

    [Fact]
    public async Task A_fold_of_bound_members_is_not_a_hard_coded_value()
        => Assert.Empty(await FoundAsync(Rates, "public static class Total { public static decimal TauxCsgTotal() => TauxCsg.TauxCsgDeductible + TauxCsg.TauxCsgNonDeductible; }"));

    [Fact]
    public async Task A_bound_member_over_a_number_of_months_is_not_either()
        => Assert.Empty(await FoundAsync(Rates, "public static class Plafonds { public static decimal PlafondMensuel() => TauxCsg.Pass / 12m; }"));

    [Fact]
    public async Task A_statutory_literal_in_such_a_fold_is_matched_on_its_own()
        => Assert.Equal(new[] { "LR0003 0.024" }, await FoundAsync(Rates, "public static class Total { public static decimal TauxCsgTotal() => TauxCsg.TauxCsgDeductible + 0.024m; }"));

    private static Task<string[]> FoundAsync(params string[] sources) => UnboundValues.DescribedAsync("2026-11-29", UnboundValues.RuleAndValue, sources);
}
