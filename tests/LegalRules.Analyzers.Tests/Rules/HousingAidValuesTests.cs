using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Rules;

/// <summary>
/// The housing aid parameters of the embedded registry (rent ceilings by zone, the flat allowance for
/// charges, the minimal participation) as code hard-codes them: matched, told apart by names, and
/// flagged as possibly stale once their last known revaluation is more than a year old.
/// </summary>
public sealed class HousingAidValuesTests
{
    private const string Prefix = "prestations_sociales.aides_logement.allocations_logement.locatif.formule.";
    private const string Zone2Single = Prefix + "l_plafonds_loyers.par_zone.zone_2.personnes_seules";
    private const string ChargesPerChild = Prefix + "c_forfait_charges.cas_general.majoration_par_enfant";
    private const string MinimalParticipation = Prefix + "pp_particip_perso.p0_particip_min.p0_forfait";

    [Fact]
    public async Task Rent_ceiling_in_force_is_reported_with_its_key_and_text()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(new[] { "class AideLogement { decimal LoyerPlafond(int zone) => zone == 2 ? 290.34m : 0m; }" });

        var diagnostic = Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue);
        Assert.Equal(Zone2Single, diagnostic.Properties["key"]);
        Assert.Equal("2025-10-01", diagnostic.Properties["validFrom"]);
        Assert.Contains("Arrêté du 5 septembre 2025", diagnostic.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_years_rent_ceiling_is_superseded()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(new[] { "class Apl { const decimal PlafondLoyerZone2 = 287.35m; }" });

        var diagnostic = Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.SupersededValue);
        Assert.Equal(Zone2Single, diagnostic.Properties["key"]);
        Assert.Equal("290.34", diagnostic.Properties["statutory"]);
        Assert.Equal("2024-10-01", diagnostic.Properties["foundValidFrom"]);
        Assert.Equal("2025-09-30", diagnostic.Properties["foundValidTo"]);
    }

    [Fact]
    public async Task A_value_of_three_digits_needs_the_names_of_housing_aid()
    {
        // 12.2 was the flat allowance for charges per child from October 2019 to September 2020.
        var named = await DirectRun.AnalyzeAsync(
            new[] { "class AideLogement { decimal MajorationChargesParEnfant = 12.2m; }" },
            new Dictionary<string, string> { ["legal_rules.as_of"] = "2020-06-01" });
        var unnamed = await DirectRun.AnalyzeAsync(
            new[] { "class Atelier { decimal Epaisseur = 12.2m; }" },
            new Dictionary<string, string> { ["legal_rules.as_of"] = "2020-06-01" });

        var diagnostic = Assert.Single(named, d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue);
        Assert.Equal(ChargesPerChild, diagnostic.Properties["key"]);
        Assert.DoesNotContain(unnamed, d => d.Id is RuleIdentifiers.UnreferencedStatutoryValue or RuleIdentifiers.SupersededValue);
    }

    [Fact]
    public async Task A_price_equal_to_a_ceiling_is_not_reported()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(new[] { "class Catalogue { decimal PrixTtc = 290.34m; }" });

        Assert.DoesNotContain(diagnostics, d => d.Id is RuleIdentifiers.UnreferencedStatutoryValue or RuleIdentifiers.SupersededValue);
    }

    [Fact]
    public async Task Data_last_known_in_october_2025_is_stale_a_year_later_and_not_before()
    {
        const string Source = """
            class AideLogement
            {
                [LegalRules.StatutoryParameter("prestations_sociales.aides_logement.allocations_logement.locatif.formule.pp_particip_perso.p0_particip_min.p0_forfait")]
                public const decimal ParticipationMinimale = 39.56m;
            }
            """;

        var late = await DirectRun.AnalyzeAsync(new[] { Source }, new Dictionary<string, string> { ["legal_rules.as_of"] = "2026-11-29" });
        var early = await DirectRun.AnalyzeAsync(new[] { Source }, new Dictionary<string, string> { ["legal_rules.as_of"] = "2026-06-01" });

        var stale = Assert.Single(late, d => d.Id == RuleIdentifiers.StaleData);
        Assert.Contains(MinimalParticipation, stale.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.DoesNotContain(early, d => d.Id == RuleIdentifiers.StaleData);
        Assert.DoesNotContain(late.Concat(early), d => d.Id == RuleIdentifiers.DivergentValue);
    }

    [Fact]
    public async Task Housing_aid_keys_do_not_make_allocation_a_word_of_every_parameter()
    {
        // Fifteen keys under "allocations_logement" must not make "allocation" too common a word to
        // name the family allowances: 0.32 named so is still their rate for two children.
        var diagnostics = await DirectRun.AnalyzeAsync(new[] { "class Calcul { decimal TauxAllocation = 0.32m; }", SocialCode.Marker });

        var diagnostic = Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue);
        Assert.Equal("prestations_sociales.prestations_familiales.prestations_generales.af.af_cm.taux.enf2", diagnostic.Properties["key"]);
    }
}
