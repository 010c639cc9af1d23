using System.Linq;
using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// What sample data, fixtures and the words of households say of a distinctive number that no name
/// corroborates: a column of data whose other numbers are not statutory, a rent actually paid, an
/// assertion of a test framework the audit cannot resolve. And a whole number kept as an integer that
/// one specific word names. The embedded registry, on 2026-06-01: 1041.59 is the AAH amount from
/// 2026-04-01, 651.69 the RSA amount, 478.16 the BMAF, 646.52 and 635.71 earlier RSA amounts, 287.35
/// the rent ceiling of zone 2 for a single person from 2024-10-01 to 2025-09-30, 4005 the monthly ceiling.
/// </summary>
public sealed class DataAndContextTests
{
    private const string SocialLaw = "public class CotisationsSalariales { }";

    private const string Ligne = "public record Ligne(string Nom, string Fonction, decimal MontantMensuel, int Mois); public class Etat { public void Ajouter(Ligne l) { } }";

    [Fact]
    public async Task A_column_of_sample_data_whose_other_numbers_are_not_statutory_hides_a_coincidence()
    {
        // A town's allowances to its elected officials: 1041.59, 651.69 and 478.16 among 402.75 and 185.40.
        var found = await FoundAsync(SocialLaw, Ligne, """
            public static class Indemnites
            {
                public static Etat Exemple()
                {
                    var etat = new Etat();
                    etat.Ajouter(new Ligne("Mme Lefèvre", "Maire", 1041.59m, 12));
                    etat.Ajouter(new Ligne("M. Garnier", "1er adjoint", 651.69m, 12));
                    etat.Ajouter(new Ligne("Mme Roussel", "2e adjointe", 478.16m, 12));
                    etat.Ajouter(new Ligne("M. Da Silva", "3e adjoint", 402.75m, 9));
                    return etat;
                }
            }
            """);

        Assert.Empty(found);
    }

    [Fact]
    public async Task A_column_of_statutory_values_is_kept()
    {
        // The RSA's amounts year by year, in rows named by nothing: every one is reported.
        var found = await FoundAsync(SocialLaw, """
            public record Bareme(int Annee, decimal Valeur);
            public static class Historique
            {
                public static Bareme[] Tous() => new[] { new Bareme(2024, 635.71m), new Bareme(2025, 646.52m), new Bareme(2026, 651.69m) };
            }
            """);

        Assert.Equal(new[] { "LR0002 635.71", "LR0002 646.52", "LR0003 651.69" }, found);
    }

    [Fact]
    public async Task Rows_of_a_collection_initializer_are_a_table_too()
    {
        // Test cases: zone, rent paid, income, expected aid. 638.28 (a prime d'activité amount) is a rent among rents.
        var found = await FoundAsync(SocialLaw, """
            public static class Cas
            {
                public static TheoryRows Donnees => new()
                {
                    { 1, 640m, 0m },
                    { 2, 638.28m, 9000m },
                    { 3, 410.5m, 12000m },
                };
            }

            public class TheoryRows : System.Collections.IEnumerable
            {
                public void Add(int a, decimal b, decimal c) { }
                public System.Collections.IEnumerator GetEnumerator() => null;
            }
            """);

        Assert.Empty(found);
    }

    [Theory]
    [InlineData("public class Bail { public decimal LoyerHorsCharges = 287.35m; }", "")]
    [InlineData("public class Bareme { public decimal PlafondLoyerZone2 = 287.35m; }", "LR0002 287.35")]
    public async Task A_rent_paid_is_not_a_rent_ceiling(string source, string expected)
    {
        var found = await FoundAsync(SocialLaw, source);

        Assert.Equal(expected, string.Join(", ", found));
    }

    [Fact]
    public async Task A_test_assertion_the_audit_cannot_resolve_names_the_value_outside_social_law_code()
    {
        // xunit is not referenced, as in a drop whose packages cannot be restored: Assert is unknown.
        var source = "public class JsonTests { public void Reads_numbers(decimal parsed) { Assert.Equal(1867.02m, parsed); } }";

        var outside = await FoundAsync(source);
        var inside = await FoundAsync(SocialLaw, source);

        Assert.Empty(outside);
        Assert.Equal(new[] { "LR0003 1867.02" }, inside);
    }

    [Fact]
    public async Task Rows_written_new_in_a_list_and_entries_named_by_texts_are_columns_too()
    {
        // A budget's lines written new(…) in a list (12144.27 an ASPA amount), a town's grants by
        // association (4005 the monthly ceiling) among round sums.
        var found = await FoundAsync(SocialLaw, Ligne, """
            using System.Collections.Generic;
            public static class Tarifs
            {
                public static readonly List<Ligne> Lignes = new List<Ligne>
                {
                    new("Eau", "6061", 38_512.40m, 12),
                    new("Fournitures", "6067", 12_144.27m, 12),
                    new("Maintenance", "6156", 22_117.60m, 12),
                };
                public static readonly Dictionary<string, decimal> Subventions = new() { ["Comité des fêtes"] = 6_500m, ["Tennis club"] = 4_005m, ["Football club"] = 9_800m };
            }
            """);

        Assert.Empty(found);
    }

    [Fact]
    public async Task A_table_of_statutory_values_named_by_texts_is_kept()
    {
        // A benefit's amounts by household, derived from the one the registry holds; two statutory values among round sums.
        var found = await FoundAsync(SocialLaw, """
            using System.Collections.Generic;
            public static class Montants
            {
                public static readonly Dictionary<string, decimal> ParFoyer = new() { ["Isolé"] = 651.69m, ["Couple"] = 977.54m, ["Couple et un enfant"] = 1172.04m };
                public static readonly Dictionary<string, decimal> Plafonds = new() { ["Isolé"] = 651.69m, ["Frais"] = 100m, ["Autre"] = 50m, ["Base"] = 478.16m };
            }
            """);

        Assert.Equal(new[] { "LR0003 478.16", "LR0003 651.69", "LR0003 651.69" }, found);
    }

    [Theory]
    [InlineData("public class Constantes { private const int Pmss2026 = 4005; }", "LR0003 4005")]
    [InlineData("public class Serveur { private const int Port = 4005; }", "")]
    [InlineData("public class Plafonds { private const int AgeAf = 14; }", "")]
    public async Task A_whole_number_of_three_digits_or_more_kept_as_an_integer_needs_one_specific_word(string source, string expected)
    {
        var found = await FoundAsync(source);

        Assert.Equal(expected, string.Join(", ", found));
    }

    private static Task<string[]> FoundAsync(params string[] sources) => UnboundValues.DescribedAsync("2026-06-01", UnboundValues.RuleAndValue, sources);
}
