using System.Globalization;
using System.Threading.Tasks;
using LegalRules.CodeFixes.Fixes;
using LegalRules.Rules;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LegalRules.Tests.Fixes;

public class UseStatutoryValueFixerTests
{
    [Fact]
    public async Task Divergent_values_take_the_statutory_value_keeping_their_literal_kind()
    {
        var test = new CodeFixTest<StatutoryBindingAnalyzer, UseStatutoryValueFixer>
        {
            TestCode = $$"""
                using LegalRules;
                class Baremes
                {
                    [StatutoryParameter("{{Keys.Rsa}}")]
                    public const decimal Rsa = {|LR0001:646.52m|}; // montant 2025
                    [StatutoryParameter("{{Keys.Pass}}")]
                    public const double Pass = {|LR0001:47100.0|};
                    [StatutoryParameter("{{Keys.Pmss}}")]
                    public const int Pmss = {|LR0001:3925|};
                }
                """,
            FixedCode = $$"""
                using LegalRules;
                class Baremes
                {
                    [StatutoryParameter("{{Keys.Rsa}}")]
                    public const decimal Rsa = 651.69m; // montant 2025
                    [StatutoryParameter("{{Keys.Pass}}")]
                    public const double Pass = 48060.0;
                    [StatutoryParameter("{{Keys.Pmss}}")]
                    public const int Pmss = 4005;
                }
                """,
        };

        await test.RunAsync();
    }

    [Theory]
    [InlineData("en-US", "Use the statutory value 651.69 € (Décret n° 2026-220 du 30 mars 2026, art. 1)", "Use the statutory value 0.005 (Article 19 de l'ordonnance n° 96-50 du 24 janvier 1996; Article 1600-0 J du Code général des impôts)")]
    [InlineData("fr-FR", "Utiliser la valeur légale 651.69 € (Décret n° 2026-220 du 30 mars 2026, art. 1)", "Utiliser la valeur légale 0.005 (Article 19 de l'ordonnance n° 96-50 du 24 janvier 1996; Article 1600-0 J du Code général des impôts)")]
    public async Task The_title_gives_the_value_in_euros_for_amounts_and_the_text_that_sets_it(string culture, string amountTitle, string rateTitle)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            foreach (var (code, fixedCode, title) in new[]
            {
                ($"[StatutoryParameter(\"{Keys.Rsa}\")] public const decimal Rsa = {{|LR0001:646.52m|}};", $"[StatutoryParameter(\"{Keys.Rsa}\")] public const decimal Rsa = 651.69m;", amountTitle),
                ($"[StatutoryParameter(\"{Keys.Crds}\")] public const decimal Crds = {{|LR0001:0.0051m|}};", $"[StatutoryParameter(\"{Keys.Crds}\")] public const decimal Crds = 0.005m;", rateTitle),
            })
            {
                var test = new CodeFixTest<StatutoryBindingAnalyzer, UseStatutoryValueFixer>
                {
                    TestCode = "using LegalRules;\nclass C\n{\n    " + code + "\n}\n",
                    FixedCode = "using LegalRules;\nclass C\n{\n    " + fixedCode + "\n}\n",
                    CodeActionVerifier = (action, verifier) => verifier.Equal(title, action.Title),
                };
                await test.RunAsync();
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
