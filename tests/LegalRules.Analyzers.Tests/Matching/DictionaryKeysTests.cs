using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// Parameters kept in a dictionary are named by their keys: a string (<c>["crds"] = 0.005m</c>) or a
/// constant or enum member (<c>[Prestation.Crds] = 0.005m</c>), in an initializer, an indexer's
/// assignment or a call of <c>Add</c>; in a table of pairs, by the tuple's other elements
/// (<c>("crds", 0.005m)</c>); passed to a method or a constructor, by the key passed beside it
/// (<c>new Parametre("crds", 0.005m)</c>). The embedded registry, on 2026-06-01: 0.005 is the CRDS rate,
/// not distinctive.
/// </summary>
public sealed class DictionaryKeysTests
{
    private const string Prestations = "public enum Prestation { Crds, Remise } public class Parametre { public Parametre(string nom, decimal valeur) { } } public class Registre { public void Definir(Prestation nom, decimal valeur) { } } public class Bareme { public int Id; public string Code; public Prestation Prestation; public decimal Taux; } public static class CodesBaremes { public const string TauxCrds = \"CRDS\", FraisDossier = \"FD\"; }";

    [Theory]
    [InlineData("public Dictionary<string, decimal> Taux = new() { [\"crds\"] = 0.005m };")]
    [InlineData("public Dictionary<Prestation, decimal> Taux = new() { [Prestation.Crds] = 0.005m };")]
    [InlineData("public Dictionary<string, decimal> Taux = new() { { \"crds\", 0.005m } };")]
    [InlineData("public void Remplir(Dictionary<string, decimal> taux) { taux[\"crds\"] = 0.005m; }")]
    [InlineData("public void Remplir(Dictionary<string, decimal> taux) { taux.Add(\"CRDS\", 0.005m); }")]
    [InlineData("public class Table : Dictionary<string, decimal> { public Table() { Add(\"crds\", 0.005m); } }")]
    [InlineData("public static readonly (string Nom, decimal Valeur)[] Taux = { (\"crds\", 0.005m), (\"remise\", 0.1m) };")]
    [InlineData("public static readonly (Prestation, decimal)[] Taux = { (Prestation.Crds, 0.005m) };")]
    [InlineData("public List<(decimal, string)> Taux = new() { (0.005m, \"CRDS\") };")]
    [InlineData("public Parametre P1 = new Parametre(\"crds\", 0.005m);")]
    [InlineData("public void Remplir(Registre registre) { registre.Definir(Prestation.Crds, 0.005m); }")]
    [InlineData("public class Taux : Parametre { public Taux() : base(\"CRDS\", 0.005m) { } }")]
    // A row seeded with its code beside it: a constant or an enum member, qualified.
    [InlineData("public Bareme B = new Bareme { Id = 146, Code = CodesBaremes.TauxCrds, Taux = 0.005m };")]
    [InlineData("public Bareme B = new Bareme { Id = 146, Prestation = Prestation.Crds, Taux = 0.005m };")]
    public async Task A_value_keyed_by_the_name_of_its_parameter_is_reported(string member)
    {
        var found = await FoundAsync("using System.Collections.Generic; public class Parametres { " + member + " }");

        Assert.Equal(new[] { "LR0003 0.005" }, found);
    }

    [Theory]
    [InlineData("public Dictionary<string, decimal> Taux = new() { [\"remise\"] = 0.005m };")]
    [InlineData("public Dictionary<Prestation, decimal> Taux = new() { [Prestation.Remise] = 0.005m };")]
    [InlineData("public void Remplir(Dictionary<string, decimal> taux) { taux.Add(\"tolerance\", 0.005m); }")]
    [InlineData("public static readonly (string Nom, decimal Valeur)[] Taux = { (\"remise\", 0.005m) };")]
    [InlineData("public Parametre P2 = new Parametre(\"remise\", 0.005m);")]
    [InlineData("public Bareme B = new Bareme { Id = 147, Code = CodesBaremes.FraisDossier, Taux = 0.005m };")]
    public async Task A_value_keyed_by_another_name_is_not_reported(string member)
    {
        var found = await FoundAsync("using System.Collections.Generic; public class Parametres { " + member + " }");

        Assert.Empty(found);
    }

    private static Task<string[]> FoundAsync(string source) => UnboundValues.DescribedAsync("2026-06-01", UnboundValues.RuleAndValue, Prestations, source);
}
