using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// How many words of names a non-distinctive constant needs, depending on how many parameters share
/// its value: one specific word when few do, two (one of them near the constant) when many do,
/// unless the nearest names speak of most of them.
/// </summary>
public sealed class AmbiguousValueTests
{
    // 0.5 is the value of four parameters (ambiguous); three of them are "golf" parameters.
    // 0.37 is the value of one parameter. 0.45 is shared by four parameters of unrelated topics.
    private const string Registry = """
        registry:
          name: Registre de test
        parameters:
          essai.alpha.bravo_part:
            label: Part alpha bravo
            unit: /1
            reference: {title: "Arrêté du 1er janvier 2020"}
            values:
              2020-01-01: 0.45
          essai.charlie.part:
            label: Part charlie
            unit: /1
            reference: {title: "Arrêté du 1er janvier 2020"}
            values:
              2020-01-01: 0.45
          essai.delta.part:
            label: Part delta
            unit: /1
            reference: {title: "Arrêté du 1er janvier 2020"}
            values:
              2020-01-01: 0.45
          essai.foxtrot.part:
            label: Part foxtrot
            unit: /1
            reference: {title: "Arrêté du 1er janvier 2020"}
            values:
              2020-01-01: 0.45
          essai.golf.hotel:
            label: Golf hotel
            unit: /1
            reference: {title: "Arrêté du 1er janvier 2020"}
            values:
              2020-01-01: 0.5
          essai.golf.india:
            label: Golf india
            unit: /1
            reference: {title: "Arrêté du 1er janvier 2020"}
            values:
              2020-01-01: 0.5
          essai.golf.juliett:
            label: Golf juliett
            unit: /1
            reference: {title: "Arrêté du 1er janvier 2020"}
            values:
              2020-01-01: 0.5
          essai.kilo.part:
            label: Part kilo
            unit: /1
            reference: {title: "Arrêté du 1er janvier 2020"}
            values:
              2020-01-01: 0.5
          essai.lima.part:
            label: Part lima
            unit: /1
            reference: {title: "Arrêté du 1er janvier 2020"}
            values:
              2020-01-01: 0.37
        """;

    [Fact]
    public async Task One_word_met_by_one_of_many_parameters_sharing_the_value_is_not_enough()
        => Assert.Empty(await MatchesAsync("class Calcul { decimal Charlie = 0.45m; }"));

    [Fact]
    public async Task Two_words_of_one_of_many_parameters_sharing_the_value_are_enough()
        => Assert.Equal(new[] { ("0.45", "essai.alpha.bravo_part") }, await MatchesAsync("class Calcul { decimal AlphaBravo = 0.45m; }"));

    [Fact]
    public async Task Two_words_of_which_only_the_type_name_gives_one_are_not_enough_when_the_value_is_shared()
        => Assert.Empty(await MatchesAsync("class Alpha { decimal Montant = 0.45m; }"));

    [Fact]
    public async Task A_word_most_parameters_sharing_the_value_carry_is_enough()
        => Assert.Equal(new[] { ("0.5", "essai.golf.hotel") }, await MatchesAsync("class Calcul { decimal TauxGolf = 0.5m; }"));

    [Fact]
    public async Task The_type_name_alone_corroborates_a_value_no_other_parameter_has()
        => Assert.Equal(new[] { ("0.37", "essai.lima.part") }, await MatchesAsync("class Lima { decimal Taux = 0.37m; }"));

    [Fact]
    public async Task A_small_whole_number_used_as_a_count_needs_two_words()
    {
        const string Ages = """
            registry:
              name: Âges
            parameters:
              essai.mike.sierra_age:
                label: Âge mike sierra
                unit: year
                reference: {title: "Arrêté du 1er janvier 2020"}
                values:
                  2020-01-01: 21
            """;
        Assert.Empty(await MatchesAsync("class Calcul { bool Limite(int age) => age < 21; }", Ages));
        Assert.Equal(new[] { ("21", "essai.mike.sierra_age") }, await MatchesAsync("class Calcul { bool MikeSierra(int age) => age < 21; }", Ages));
    }

    [Fact]
    public async Task The_glue_words_of_a_label_corroborate_nothing()
    {
        // "n'est pas versée" in a label is a negation; "pas" in code is a step.
        const string Threshold = """
            registry:
              name: Seuils
            parameters:
              essai.papa.seuil:
                label: Seuil papa (en deçà, la somme n'est pas versée)
                unit: currency
                reference: {title: "Arrêté du 1er janvier 2020"}
                values:
                  2020-01-01: 0.37
            """;
        Assert.Empty(await MatchesAsync("class Pointage { const decimal PasArrondi = 0.37m; }", Threshold));
        Assert.Equal(new[] { ("0.37", "essai.papa.seuil") }, await MatchesAsync("class Pointage { const decimal SeuilPapa = 0.37m; }", Threshold));
    }

    private static async Task<(string Found, string Key)[]> MatchesAsync(string source, string registry = Registry)
    {
        var diagnostics = await DirectRun.AnalyzeAsync(
            new[] { source },
            new Dictionary<string, string> { ["legal_rules.default_registry"] = "false", ["legal_rules.as_of"] = "2026-06-01" },
            new[] { ("/0/essai.legal.yaml", registry) });
        return diagnostics
            .Where(d => d.Id is RuleIdentifiers.SupersededValue or RuleIdentifiers.UnreferencedStatutoryValue)
            .Select(d => (d.Properties["found"]!, d.Properties["key"]!))
            .ToArray();
    }
}
