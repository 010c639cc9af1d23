using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// How payroll code written by hand names its rates: a scheme's acronym in capitals glued to a word
/// (<c>CSGdeductible</c>), rates written as percentages over 100, and words of labels that say nothing
/// of a parameter (a "part", a "forfait"). The embedded registry, on 2026-06-01: 0.068 and 0.024 are the
/// CSG rates on earnings (deductible, non-deductible), 0.042 the median CSG rate on pensions, 0.16 the
/// RSA housing flat rate for two people.
/// </summary>
public sealed class AcronymNamesTests
{
    [Theory]
    [InlineData("decimal CSGdeductible = brut * 0.068m; return CSGdeductible;", "LR0003 0.068")]
    [InlineData("decimal CSGdedu = brut * (6.8m / 100m); return CSGdedu;", "LR0003 0.068")]
    [InlineData("decimal CSGnonDedu = brut * (2.4m / 100m); return CSGnonDedu;", "LR0003 0.024")]
    // The same acronyms as a hump of their own were always read.
    [InlineData("decimal csgDeductible = brut * 0.068m; return csgDeductible;", "LR0003 0.068")]
    public async Task An_acronym_glued_to_the_next_word_names_the_scheme(string body, string expected)
    {
        var found = await FoundAsync($"public class Fiche {{ public decimal Calcul(decimal brut) {{ {body} }} }}");

        Assert.Equal(expected, string.Join(", ", found));
    }

    [Theory]
    // The family allowances' acronym names the age that opens the majoration: 14 was replaced by 18 on 2026-03-01.
    [InlineData("public class Constantes { public const int AF_AGE_MAJORATION = 14; }", "LR0002 14")]
    [InlineData("public class Constantes { public const int AGE_MAJORATION = 14; }", "")]
    public async Task The_family_allowances_acronym_names_their_parameters(string source, string expected)
    {
        var found = await FoundAsync(source);

        Assert.Equal(expected, string.Join(", ", found));
    }

    [Theory]
    [InlineData("public class Constantes { public const double PART_DOSSIERS_CONTROLES = 0.042; }")]
    [InlineData("public class Config { public decimal PartEchantillonControle => Lire(\"Stats.PartEchantillon\", 0.038m); decimal Lire(string cle, decimal defaut) => defaut; }")]
    [InlineData("public class Charges { public const decimal FORFAIT_SOCIAL_REDUIT = 0.16m; }")]
    public async Task A_share_or_a_flat_fee_is_not_named_after_a_parameter(string source)
    {
        var found = await FoundAsync(source);

        Assert.Empty(found);
    }

    [Theory]
    // A form's numeric field: its Value is named by the field.
    [InlineData("public class Champ { public decimal Value { get; set; } } public class FrmParametres { Champ numTauxCsg = new(); void Defauts() { numTauxCsg.Value = 0.092m; } }", "LR0003 0.092")]
    [InlineData("public class Champ { public decimal Value { get; set; } } public class FrmParametres { Champ numTaux = new(); void Defauts() { numTaux.Value = 0.092m; } }", "")]
    public async Task A_generic_property_is_named_by_its_owner(string source, string expected)
    {
        var found = await FoundAsync(source);

        Assert.Equal(expected, string.Join(", ", found));
    }

    private static Task<string[]> FoundAsync(string source) => UnboundValues.DescribedAsync("2026-06-01", UnboundValues.RuleAndValue, SocialCode.Marker, source);
}
