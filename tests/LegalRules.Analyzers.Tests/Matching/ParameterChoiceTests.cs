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

    [Theory]
    // The global CSG rates on replacement incomes, as payroll code writes them.
    [InlineData("public class Paie { public const decimal TauxCsgPensions = 0.083m; }", "prelevements_sociaux.contributions_sociales.csg.remplacement.pensions_retraite_invalidite.taux_plein")]
    [InlineData("public class Paie { public decimal CsgRetraite(decimal pension) => pension * (8.3m / 100); }", "prelevements_sociaux.contributions_sociales.csg.remplacement.pensions_retraite_invalidite.taux_plein")]
    [InlineData("public class Paie { public const decimal TauxCsgRetraiteMedian = 0.066m; }", "prelevements_sociaux.contributions_sociales.csg.remplacement.pensions_retraite_invalidite.taux_median")]
    [InlineData("public class Paie { public const decimal TauxCsgIj = 0.062m; }", "prelevements_sociaux.contributions_sociales.csg.remplacement.indemnites_journalieres.taux_global")]
    [InlineData("public class Paie { public const decimal TauxCsgChomage = 0.062m; }", "prelevements_sociaux.contributions_sociales.csg.remplacement.allocations_chomage.taux_global")]
    // The prime d'activité is not paid below 15 €.
    [InlineData("public class PrimeActivite { public const decimal SeuilVersement = 15m; }", "prestations_sociales.solidarite_insertion.minima_sociaux.ppa.pa_m.montant_minimum_verse")]
    public async Task Rates_and_thresholds_named_for_what_they_are_are_found(string source, string key)
    {
        var findings = await UnboundValues.FindingsAsync("2026-06-01", source, SocialCode.Marker);

        var finding = Assert.Single(findings, d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue);
        Assert.Equal(key, finding.Properties["key"]);
    }
}
