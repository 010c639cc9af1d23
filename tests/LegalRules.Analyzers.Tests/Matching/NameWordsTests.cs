using System.Collections.Generic;
using System.Linq;
using LegalRules.Matching;
using Xunit;

namespace LegalRules.Tests.Matching;

public class NameWordsTests
{
    [Theory]
    [InlineData("CRDSNonDeductible", "crds non deductible")]
    [InlineData("tauxCsgDéductible", "taux csg deductible")]
    [InlineData("MONTANT_FORFAITAIRE_RSA", "montant forfaitaire rsa")]
    [InlineData("smic_b_horaire2024", "smic b horaire")]
    [InlineData("XMLHttpRequest", "xml http request")]
    [InlineData("CSGdeductible", "csg deductible")]
    [InlineData("CSGnonDedu", "csg non dedu")]
    [InlineData("AFmontant2024", "af montant")]
    [InlineData("SMICHoraire", "smic horaire")]
    [InlineData("RSAKey", "rsa key")]
    public void Identifiers_split_into_lower_case_words_without_accents(string identifier, string expected)
        => Assert.Equal(expected, string.Join(" ", NameWords.Split(identifier)));

    [Theory]
    [InlineData(1234.56, true)]
    [InlineData(635.71, true)]
    [InlineData(46368, true)]
    [InlineData(0.5985, true)]
    [InlineData(0.005, false)]
    [InlineData(0.068, false)]
    [InlineData(1500, false)]
    [InlineData(2024, false)]
    [InlineData(4096, false)]
    [InlineData(3.14159, false)]
    [InlineData(0, false)]
    public void Distinctive_values_have_four_significant_digits_and_are_not_years_or_technical_constants(double value, bool distinctive)
        => Assert.Equal(distinctive, Distinctiveness.IsDistinctive((decimal)value));

    [Fact]
    public void Generic_words_do_not_corroborate()
    {
        var words = new HashSet<string>();
        NameWords.AddWords("TauxMontantValeurAgeMinimum", words);
        Assert.Empty(words);

        NameWords.AddWords("TauxCrds", words);
        Assert.Equal(new[] { "crds" }, words.ToArray());
    }
}
