using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// Vendors' code is often written in English. The embedded registry's keywords include the English
/// words such code names the social security ceilings, the family allowances and the RSA's housing flat rate with:
/// their values have too few significant digits to be reported without names. The embedded registry,
/// on 2026-06-01: 47100 was the annual social security ceiling of 2025 (48060 since), 0.32 is the
/// family allowances' rate for two children, 0.12 the housing flat rate of a single person's RSA.
/// </summary>
public sealed class EnglishNamesTests
{
    [Theory]
    [InlineData("public const decimal AnnualCeiling = 47100m;", "LR0002 47100 prelevements_sociaux.pss.plafond_securite_sociale_annuel")]
    [InlineData("public const decimal SocialSecurityCeiling = 47100m;", "LR0002 47100 prelevements_sociaux.pss.plafond_securite_sociale_annuel")]
    [InlineData("public const decimal FamilyAllowanceRateTwoChildren = 0.32m;", "LR0003 0.32 prestations_sociales.prestations_familiales.prestations_generales.af.af_cm.taux.enf2")]
    [InlineData("public const decimal HousingFlatRate = 0.12m;", "LR0003 0.12 prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_fl.forfait_logement.taux_1_personne")]
    public async Task English_names_of_the_ceiling_family_allowances_and_housing_rate_corroborate(string member, string expected)
    {
        var found = await FoundAsync("public class Payroll { " + member + " }");

        Assert.Equal(new[] { expected }, found);
    }

    [Fact]
    public async Task A_whole_number_passed_as_the_monthly_ceiling_of_a_social_security_computation_is_reported()
    {
        // 3925, the monthly ceiling of 2025, used as an integer: two words are needed (ceiling, security).
        var found = await FoundAsync("""
            public class Payroll
            {
                public static decimal ComputeSocialSecurityTranche(decimal salary, int monthlyCeiling) => salary;

                public decimal Tranche(decimal salary) => ComputeSocialSecurityTranche(salary, 3925);
            }
            """);

        Assert.Equal(new[] { "LR0002 3925 prelevements_sociaux.pss.plafond_securite_sociale_mensuel" }, found);
    }

    [Fact]
    public async Task The_same_numbers_under_unrelated_english_names_are_not_reported()
    {
        var found = await FoundAsync("public class Shop { public const decimal ShippingWeight = 47100m; public const decimal Discount = 0.32m; public const decimal Tax = 0.12m; }");

        Assert.Empty(found);
    }

    private static Task<string[]> FoundAsync(string source) => UnboundValues.DescribedAsync("2026-06-01", UnboundValues.RuleValueAndKey, source, SocialCode.Marker);
}
