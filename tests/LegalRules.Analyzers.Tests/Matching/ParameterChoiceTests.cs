using System.Linq;
using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// Several parameters may have the value a constant has: 0.024 is the non-deductible CSG rate on
/// earnings, on unemployment benefits, on pensions and on daily allowances. The finding cites the
/// parameter the names say most of, and where they say as much of several, the plainest of them
/// (the one with fewest words of its own). The embedded registry, on 2026-06-01.
/// </summary>
public sealed class ParameterChoiceTests
{
    [Theory]
    [InlineData("TauxCsgActiviteImposable", "prelevements_sociaux.contributions_sociales.csg.activite.imposable")]
    [InlineData("TauxCsgChomageImposable", "prelevements_sociaux.contributions_sociales.csg.remplacement.allocations_chomage.imposable.taux_plein")]
    [InlineData("TauxCsgIndemnitesJournalieresImposable", "prelevements_sociaux.contributions_sociales.csg.remplacement.indemnites_journalieres.imposable.taux")]
    [InlineData("TauxCsgNonDeductible", "prelevements_sociaux.contributions_sociales.csg.activite.imposable")]
    public async Task The_parameter_cited_is_the_one_the_names_say_most_of(string name, string key)
    {
        var findings = await UnboundValues.FindingsAsync("2026-06-01", $"public class Paie {{ public const decimal {name} = 0.024m; }}");

        var finding = Assert.Single(findings, d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue);
        Assert.Equal(key, finding.Properties["key"]);
    }
}
