using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// A value chosen by a switch is named by the case that chooses it: <c>case "CRDS": return 0.005m;</c>,
/// <c>Prestation.Crds => 0.005m</c>. The embedded registry, on 2026-06-01: 0.005 is the CRDS rate, not
/// distinctive.
/// </summary>
public sealed class SwitchLabelsTests
{
    private const string Prestations = "public enum Prestation { Crds, Remise }";

    [Theory]
    [InlineData("public decimal Taux(string code) { switch (code) { case \"CRDS\": return 0.005m; default: return 0m; } }")]
    [InlineData("public decimal Taux(Prestation p) { switch (p) { case Prestation.Crds: return 0.005m; default: return 0m; } }")]
    [InlineData("public decimal Taux(Prestation p) => p switch { Prestation.Crds => 0.005m, _ => 0m };")]
    [InlineData("public decimal Taux(string code) => code switch { \"crds\" => 0.005m, _ => 0m };")]
    public async Task A_value_chosen_by_the_name_of_its_parameter_is_reported(string member)
    {
        var found = await FoundAsync("public class Parametres { " + member + " }");

        Assert.Equal(new[] { "LR0003 0.005" }, found);
    }

    [Theory]
    [InlineData("public decimal Taux(string code) { switch (code) { case \"remise\": return 0.005m; default: return 0m; } }")]
    [InlineData("public decimal Taux(Prestation p) => p switch { Prestation.Remise => 0.005m, _ => 0m };")]
    public async Task A_value_chosen_by_another_name_is_not_reported(string member)
    {
        var found = await FoundAsync("public class Parametres { " + member + " }");

        Assert.Empty(found);
    }

    private static Task<string[]> FoundAsync(string source) => UnboundValues.DescribedAsync("2026-06-01", UnboundValues.RuleAndValue, Prestations, source);
}
