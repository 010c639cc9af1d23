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
}
