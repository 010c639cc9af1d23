using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// A distinctive value that no name corroborates is not reported when the name it is given says it is
/// something else: a product's price, a size on a screen, a timeout. Names that corroborate a parameter
/// keep the match, and so does a name that says nothing either way. The embedded registry, on
/// 2026-06-01: 646.52 was the RSA's basic amount from 2025-04-01, 478.16 is the BMAF from 2026-04-01,
/// 10.25 was the hourly Smic from 2021-01-01, 48060 is the annual social security ceiling of 2026.
/// </summary>
public sealed class ForeignNamesTests
{
    private const string Produit = "public class Produit { public string Reference { get; set; } public decimal PrixUnitaireTtc { get; set; } public decimal TauxTva { get; set; } }";

    [Theory]
    [InlineData("public class Catalogue { public Produit[] Articles = { new Produit { Reference = \"VOY-12\", PrixUnitaireTtc = 646.52m, TauxTva = 0.20m } }; }")]
    [InlineData("public class Catalogue { public decimal PrixAbonnement = 478.16m; }")]
    [InlineData("public class Catalogue { public decimal Total() { decimal prixTtc = 646.52m; return prixTtc; } }")]
    [InlineData("public class Catalogue { public decimal Total(decimal unitPrice = 646.52m) => unitPrice; }")]
    [InlineData("public class Catalogue { decimal _prices; public void Reset() { _prices = 646.52m; } }")]
    [InlineData("public class Catalogue { public static decimal Ajouter(decimal prixTtc) => prixTtc; public decimal Panier() => Ajouter(646.52m); }")]
    [InlineData("public class Ecran { public const double LargeurColonne = 646.52; }")]
    [InlineData("public class Attestation { public const float TailleCorps = 10.25f; }")]
    [InlineData("public record Releve(string Station, double PressureHpa); public class Meteo { public Releve R = new(\"LYS-03\", 646.52); }")]
    [InlineData("public class Generateur { private const int Seed = 48060; public System.Random Nouveau() => new System.Random(Seed); }")]
    [InlineData("public class Tarification { public const decimal AbonnementPrestationsHT = 478.16m; }")]
    public async Task A_distinctive_value_named_as_something_else_is_not_reported(string source)
    {
        var found = await FoundAsync(Produit, source);

        Assert.Empty(found);
    }

    [Theory]
    // Named by nothing either way: distinctive, reported.
    [InlineData("public class Calcul { public decimal Valeur = 646.52m; }", "LR0002 646.52")]
    [InlineData("public class Calcul { public decimal Total() { decimal x = 478.16m; return x; } }", "LR0003 478.16")]
    // A price named after the benefit: corroborated, reported.
    [InlineData("public class Calcul { public decimal PrixRsa = 646.52m; }", "LR0002 646.52")]
    [InlineData("public class Calcul { public decimal PrixBmaf = 478.16m; }", "LR0003 478.16")]
    public async Task A_value_that_names_do_not_contradict_or_that_they_corroborate_is_reported(string source, string expected)
    {
        var found = await FoundAsync(Produit, source);

        Assert.Equal(new[] { expected }, found);
    }

    private static Task<string[]> FoundAsync(params string[] sources) => UnboundValues.DescribedAsync("2026-06-01", UnboundValues.RuleAndValue, sources);
}
