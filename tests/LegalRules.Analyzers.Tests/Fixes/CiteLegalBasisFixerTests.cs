using System.Globalization;
using System.Threading.Tasks;
using LegalRules.CodeFixes.Fixes;
using LegalRules.Rules;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Fixes;

public class CiteLegalBasisFixerTests
{
    [Fact]
    public async Task Calculations_cite_the_text_that_establishes_their_parameter()
    {
        var test = new CodeFixTest<CalculationWithoutLegalBasisAnalyzer, CiteLegalBasisFixer>
        {
            TestCode = $$"""
                using LegalRules;
                public static class Paie
                {
                    [StatutoryParameter("{{Keys.SmicHoraire}}")]
                    public const decimal SmicHoraire = 12.31m;

                    [StatutoryParameter("{{Keys.Pmss}}")]
                    public const decimal Pmss = 4005m;

                    /// <summary>Salaire minimum d'un mois.</summary>
                    public static decimal {|LR0201:SmicMensuel|}(decimal heures) => SmicHoraire * heures;

                    [System.Obsolete("Utiliser TrancheA.")]
                    public static decimal {|LR0201:Plafonne|}(decimal brut) => System.Math.Min(brut, Pmss);

                    public static decimal {|LR0201:PlafondAnnuel|} => Pmss * 12;
                }
                """,
            FixedCode = $$"""
                using LegalRules;
                public static class Paie
                {
                    [StatutoryParameter("{{Keys.SmicHoraire}}")]
                    public const decimal SmicHoraire = 12.31m;

                    [StatutoryParameter("{{Keys.Pmss}}")]
                    public const decimal Pmss = 4005m;

                    /// <summary>Salaire minimum d'un mois.</summary>
                    [StatutoryReference("Article L3231-2 du Code du travail")]
                    public static decimal SmicMensuel(decimal heures) => SmicHoraire * heures;

                    [StatutoryReference("Article D242-19 du Code de la sécurité sociale", Href = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000025103320")]
                    [System.Obsolete("Utiliser TrancheA.")]
                    public static decimal Plafonne(decimal brut) => System.Math.Min(brut, Pmss);

                    [StatutoryReference("Article D242-19 du Code de la sécurité sociale", Href = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000025103320")]
                    public static decimal PlafondAnnuel => Pmss * 12;
                }
                """,
        };
        var titles = new[] { "Cite the legal basis: Article L3231-2 du Code du travail", "Cite the legal basis: Article D242-19 du Code de la sécurité sociale" };
        test.CodeActionVerifier = (action, verifier) => verifier.True(System.Array.IndexOf(titles, action.Title) >= 0, action.Title);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            await test.RunAsync();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task The_using_directive_is_added_for_a_member_bound_by_a_bindings_file()
    {
        var test = new CodeFixTest<CalculationWithoutLegalBasisAnalyzer, CiteLegalBasisFixer>
        {
            TestCode = """
                namespace Vendor.Paie
                {
                    public static class Smic
                    {
                        public const decimal SmicHoraireBrut = 12.31m;

                        public static bool {|LR0201:EstAuSmic|}(decimal tauxHoraire) => tauxHoraire <= SmicHoraireBrut;
                    }
                }
                """,
            FixedCode = """
                using LegalRules;

                namespace Vendor.Paie
                {
                    public static class Smic
                    {
                        public const decimal SmicHoraireBrut = 12.31m;

                        [StatutoryReference("Article L3231-2 du Code du travail")]
                        public static bool EstAuSmic(decimal tauxHoraire) => tauxHoraire <= SmicHoraireBrut;
                    }
                }
                """,
        };
        var bindings = $"bindings:\n  \"F:Vendor.Paie.Smic.SmicHoraireBrut\": {Keys.SmicHoraire}\n";
        test.TestState.AdditionalFiles.Add(("/drop/vendor.legal-bindings.yaml", bindings));
        test.FixedState.AdditionalFiles.Add(("/drop/vendor.legal-bindings.yaml", bindings));
        await test.RunAsync();
    }
}
