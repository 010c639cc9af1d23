using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// A distinctive value that no name corroborates is not reported when it is the only
/// statutory-looking number of a row of data: twelve numeric literals or more passed to one call or
/// listed in one initializer. An audio library's reverb presets pass 28 numbers each, and a decay time
/// of 10.48 s is a past hourly Smic. Rows with two such values or more (tables of statutory amounts),
/// shorter lists and values that names corroborate are still reported. The embedded registry, on
/// 2026-06-01: 10.48 was the hourly Smic from 2021-10-01, 651.69 and 638.28 are the basic amounts of
/// the RSA and of the prime d'activité from 2026-04-01.
/// </summary>
public sealed class DataRowsTests
{
    private const string Reverb = """
        public class EaxReverb
        {
            public EaxReverb(uint environment, float size, float diffusion, int room, int roomHF, int roomLF, float decayTime, float decayHFRatio, float decayLFRatio, int reflections, float reflectionsDelay, float echoTime, float echoDepth, float modulationTime) { }
        }
        """;

    [Fact]
    public async Task The_one_statutory_looking_number_of_a_row_of_arguments_is_not_reported()
    {
        var found = await FoundAsync(Reverb, """
            public static class Presets
            {
                public static EaxReverb DomeSaintPauls = new EaxReverb(26, 50.3f, 0.870f, -1000, -900, -1300, 10.48f, 0.19f, 0.10f, -1500, 0.090f, 0.250f, 0.120f, 0.250f);
            }
            """);

        Assert.Empty(found);
    }

    [Fact]
    public async Task A_list_shorter_than_a_row_does_not_hide_a_value()
    {
        // Eleven numbers: a test case's arguments, not a row of data.
        var found = await FoundAsync("""
            public class Tarif
            {
                public static decimal Prix(params decimal[] valeurs) => valeurs[0];

                public decimal Montant() => Prix(26m, 50.3m, 0.870m, 10.48m, 0.19m, 0.10m, 15m, 3m, 4m, 5m, 6m);
            }
            """);

        Assert.Equal(new[] { "10.48" }, found);
    }

    [Fact]
    public async Task A_row_holding_two_statutory_values_is_a_table_and_every_value_is_reported()
    {
        var found = await FoundAsync("""
            public class Grille
            {
                public static readonly decimal[] Montants = { 1m, 2.5m, 3m, 651.69m, 5m, 638.28m, 7m, 8m, 9m, 10m, 11m, 12m };
                public static readonly decimal[] Montants2 = [1m, 2.5m, 3m, 651.69m, 5m, 638.28m, 7m, 8m, 9m, 10m, 11m, 12m];
            }
            """);

        Assert.Equal(new[] { "638.28", "638.28", "651.69", "651.69" }, found);
    }

    [Fact]
    public async Task The_lone_value_of_a_row_is_not_reported_in_an_initializer_or_a_collection_expression()
    {
        var found = await FoundAsync("""
            public class Couleurs
            {
                public static readonly float[] Gains = { 0.2f, 0.4f, 1.7f, 10.48f, -3.3f, 0.9f, 7.1f, 2.2f, 0.3f, 0.6f, 4.4f, 5.5f };
                public static readonly float[] Gains2 = [0.2f, 0.4f, 1.7f, 10.48f, -3.3f, 0.9f, 7.1f, 2.2f, 0.3f, 0.6f, 4.4f, 5.5f];
            }
            """);

        Assert.Empty(found);
    }

    [Fact]
    public async Task The_lone_value_of_a_row_that_names_corroborate_is_reported()
    {
        var found = await FoundAsync("""
            public class Historique
            {
                public static readonly decimal[] SmicHoraire = { 9.1m, 9.2m, 9.3m, 9.4m, 9.5m, 9.6m, 9.7m, 10.48m, 12.5m, 13m, 14m, 15m };
            }
            """);

        Assert.Contains("10.48", found);
    }

    private static Task<string[]> FoundAsync(params string[] sources) => UnboundValues.DescribedAsync("2026-06-01", UnboundValues.Value, [SocialCode.Marker, .. sources]);
}
