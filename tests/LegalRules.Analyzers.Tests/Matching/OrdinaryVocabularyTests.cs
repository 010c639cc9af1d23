using System.Linq;
using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// In code that names no French benefit or contribution anywhere, one word that a parameter of social
/// law shares with a name is a coincidence of vocabulary (a fuel card's monthly ceiling, a sensor's
/// slope); the name of a scheme, in a name or in the comment that labels the value, or two of the
/// parameter's words, still say which value it is. The embedded registry, on 2026-11-29.
/// </summary>
public sealed class OrdinaryVocabularyTests
{
    [Theory]
    [InlineData("public sealed class CarteCarburant { public const decimal PlafondMensuel = 4005m; }", "LR0003 4005")]
    [InlineData("public static class EtalonnageCapteur { public const decimal PenteNominale = 0.61m; }", "LR0002 0.61")]
    public async Task One_word_of_a_parameter_corroborates_only_in_code_about_social_law(string source, string inSocialLawCode)
    {
        Assert.Empty(await FoundAsync(source));
        Assert.Equal(new[] { inSocialLawCode }, await FoundAsync(source, SocialCode.Marker));
    }

    [Theory]
    // English names of French schemes: the CRDS (social debt repayment), the family allowances' age
    // supplement, the prime d'activité (activity bonus, as one word: each alone is anyone's).
    [InlineData("public static class SocialDebtRepaymentContribution { public const decimal SocialDebtRepaymentRate = 0.005m; }", "LR0003 0.005")]
    [InlineData("public enum FamilyAllowanceAge { AgeSupplementThreshold = 14 }", "LR0002 14")]
    [InlineData("public static class ActivityBonus { public const decimal LumpSum = 638.28m; }", "LR0003 638.28")]
    [InlineData("public static class ActivityBonus { public const decimal MinimumPaymentAmount = 15m; }", "LR0003 15")]
    [InlineData("public sealed class ActivityBonusEstimator { public decimal MinimumPayout { get; init; } = 15m; }", "LR0003 15")]
    // A seed's row: the key written beside the value names it.
    [InlineData("public static class Seed { public static readonly object[] Rows = { new { key = \"csg.deductible\", value = 0.068m, from = \"2018-01-01\" } }; }", "LR0003 0.068")]
    public async Task English_names_of_a_scheme_corroborate_in_code_about_social_law(string source, string inSocialLawCode)
        => Assert.Equal(new[] { inSocialLawCode }, await FoundAsync(source, SocialCode.Marker));

    [Theory]
    // A game's and a fitness tracker's activity bonus: two ordinary words, not the prime d'activité.
    [InlineData("public static class ExperienceTable { public const float ActivityBonusRate = 0.62f; }")]
    [InlineData("public static class ActivityScore { public const int ActivityBonusDailyCap = 15; }")]
    public async Task Ordinary_english_words_name_no_scheme(string source)
        => Assert.Empty(await FoundAsync(source));

    [Theory]
    [InlineData("public static class CalculCsgCrds { private const decimal ToleranceArrondi = 0.005m; }")]
    [InlineData("public static class CsgCrdsActivite { public static decimal BrutDepuisNet(decimal net, decimal tolerance = 0.005m) => net + tolerance; }")]
    [InlineData("public static class CalculCrds { public const double Epsilon = 0.005; }")]
    public async Task A_tolerance_in_a_type_named_after_a_contribution_is_not_its_rate(string source)
    {
        Assert.Empty(await FoundAsync(source, SocialCode.Marker));
        Assert.Equal(new[] { "LR0003 0.005" }, await FoundAsync(source.Replace("Tolerance", "Taux", System.StringComparison.Ordinal).Replace("tolerance", "taux", System.StringComparison.Ordinal).Replace("Epsilon", "Taux", System.StringComparison.Ordinal), SocialCode.Marker));
    }

    [Theory]
    // "Versée" is the label's "versé": with "prime", two words of the prime d'activité's minimum paid.
    [InlineData("public static class Trimestre { public static bool PrimeJamaisVersee(decimal[] primesCalculees) => primesCalculees is [< 15m, < 15m, < 15m]; }", 3)]
    [InlineData("public static class Trimestre { public static bool PrimeNonVersee(decimal primeCalculee) => primeCalculee < 15m; }", 1)]
    public async Task A_feminine_past_participle_is_read_as_the_label_s_masculine(string source, int found)
        => Assert.Equal(Enumerable.Repeat("LR0003 15", found), await FoundAsync(source, SocialCode.Marker));

    [Theory]
    // Two words of the parameter: the ceiling of social security.
    [InlineData("public sealed class Outils { public const decimal PlafondSecuriteSociale = 4005m; }", "LR0003 4005")]
    // The name of a scheme: the slope of the prime d'activité.
    [InlineData("public sealed class Outils { public const decimal PentePpa = 0.61m; }", "LR0002 0.61")]
    public async Task Two_words_or_a_schemes_name_corroborate_anywhere(string source, string expected)
        => Assert.Equal(new[] { expected }, await FoundAsync(source));

    [Theory]
    [InlineData("""
        public static class Domestique
        {
            /// <summary>Hourly rate for domestic work valuation (SMIC).</summary>
            public const decimal HourlyRate = 11.88m;
        }
        """)]
    [InlineData("""
        public static class Domestique
        {
            public const decimal HourlyRate = 11.88m; // SMIC 2025
        }
        """)]
    [InlineData("""
        public static class Domestique
        {
            public static readonly decimal[] Rates =
            {
                10.00m,
                // Smic horaire brut
                11.88m,
            };
        }
        """)]
    [InlineData("""
        public static class Domestique
        {
            // Smic horaire brut
            public static readonly decimal HourlyRate =
                11.88m;
        }
        """)]
    public async Task The_schemes_name_in_the_comment_that_labels_a_value_corroborates_it(string source)
        => Assert.Equal(new[] { "LR0002 11.88" }, await FoundAsync(source));

    [Theory]
    // Without the comment, nothing names the value.
    [InlineData("public static class Domestique { public const decimal HourlyRate = 11.88m; }")]
    // Prose words of a comment are not names of schemes.
    [InlineData("public static class Domestique { public const decimal HourlyRate = 11.88m; // taux horaire mensuel plafond }")]
    // A comment on another line of code labels that line.
    [InlineData("""
        public static class Domestique
        {
            public const decimal Seuil = 9.99m; // SMIC
            public const decimal HourlyRate = 11.88m;
        }
        """)]
    public async Task A_comment_that_names_no_scheme_or_labels_another_line_corroborates_nothing(string source)
        => Assert.Empty(await FoundAsync(source));

    private static Task<string[]> FoundAsync(params string[] sources) => UnboundValues.DescribedAsync("2026-11-29", UnboundValues.RuleAndValue, sources);
}
