using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LegalRules.Registry;
using LegalRules.Registry.Sources;
using Xunit;
using Xunit.Abstractions;

namespace LegalRules.Tests.Registry;

/// <summary>
/// The whole OpenFisca-France copy of <c>../shared/openfisca-france-parameters/</c>, read file by
/// file with the product's parser and merged into keys as the analyzer does: counts, faults (none
/// unless listed and justified below), and values checked against the files by hand.
/// </summary>
public sealed class OpenFiscaTreeTests
{
    // Counts of the copy taken at OpenFisca-France commit a7038ee4 (shared/openfisca-france-parameters/SOURCE.md):
    // 1,774 YAML files, of which 493 index.yaml.
    private const int ExpectedFiles = 1_281;
    private const int ExpectedIndexFiles = 493;
    private const int ExpectedParameters = 1_814;

    /// <summary>Lists of countries, zones, banks: values, but not numbers.</summary>
    private const int ExpectedNonNumericParameters = 4;

    /// <summary>
    /// Faults the reader is expected to report in this copy, each justified: a file OpenFisca itself
    /// would reject, or that the analyzer deliberately refuses. None: the copy reads cleanly. An
    /// entry that no longer matches a fault fails the test, so the list cannot go stale.
    /// </summary>
    private static readonly (string File, FaultCode Code, string Why)[] ExpectedFaults = Array.Empty<(string, FaultCode, string)>();

    private static readonly DateTime Rsa2026 = new(2026, 4, 1);

    private readonly ITestOutputHelper _output;

    public OpenFiscaTreeTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static OpenFiscaTree Tree => OpenFiscaTree.Shared;

    [Fact]
    public void The_whole_tree_reads_with_the_expected_counts()
    {
        var parameters = Tree.Files.Sum(f => f.Parsed.Parameters.Length);
        var numeric = Tree.Registry.Parameters.Count(p => p.IsNumeric);
        var values = Tree.Registry.Parameters.Sum(p => p.Values.Length);
        var faults = Tree.Files.Sum(f => f.Parsed.Faults.Length);
        _output.WriteLine($"OpenFisca-France copy at {Tree.Root}");
        _output.WriteLine($"files read: {Tree.Files.Length} (index.yaml skipped: {Tree.SkippedIndexFiles})");
        _output.WriteLine($"parameters: {parameters} (numeric: {numeric}, not numeric: {parameters - numeric}); dated values: {values}");
        _output.WriteLine($"faults: {faults}");

        var onDisk = Directory.EnumerateFiles(Tree.Root, "*.yaml", SearchOption.AllDirectories).Count();
        Assert.Equal(onDisk, Tree.Files.Length + Tree.SkippedIndexFiles);
        Assert.Equal(ExpectedFiles, Tree.Files.Length);
        Assert.Equal(ExpectedIndexFiles, Tree.SkippedIndexFiles);
        Assert.Equal(ExpectedParameters, parameters);
        Assert.Equal(ExpectedParameters - ExpectedNonNumericParameters, numeric);

        // No two files (or a file and a node file's child) give the same key: nothing is lost in the merge.
        Assert.Equal(parameters, Tree.Registry.Count);
    }

    [Fact]
    public void The_whole_tree_reads_without_faults_other_than_the_expected_ones()
    {
        var actual = Tree.Files
            .SelectMany(f => f.Parsed.Faults.Select(fault => (f.RelativePath, Fault: fault)))
            .ToList();
        var unexpected = actual.Where(a => !ExpectedFaults.Any(e => e.File == a.RelativePath && e.Code == a.Fault.Code)).ToList();
        var stale = ExpectedFaults.Where(e => !actual.Any(a => e.File == a.RelativePath && e.Code == a.Fault.Code)).ToList();
        Assert.True(
            unexpected.Count == 0 && stale.Count == 0,
            "Unexpected faults:\n" + string.Join("\n", unexpected.Select(u => $"{u.RelativePath}{u.Fault} [{u.Fault.Code}]"))
            + "\nExpected faults that did not occur:\n" + string.Join("\n", stale.Select(s => $"{s.File} {s.Code}: {s.Why}")));
    }

    [Fact]
    public void Every_parameter_has_values_sorted_by_date_and_a_key_code_can_name()
    {
        var wrong = Tree.Registry.Parameters
            .Where(p => p.Values.IsEmpty
                || !RegistryKeys.IsValidReference(p.Key)
                || p.Values.Zip(p.Values.Skip(1), (a, b) => a.From < b.From).Any(sorted => !sorted))
            .Select(p => p.Key)
            .ToList();
        Assert.True(wrong.Count == 0, "Parameters without values, unsorted, or with a key code cannot name:\n" + string.Join("\n", wrong));
    }

    /// <summary>
    /// OpenFisca-France names five folders with capitals (zones A, Abis, B1, B2, C of the bail réel
    /// solidaire): their 35 parameters keep OpenFisca's keys, outside the lower-case grammar of
    /// native keys. Every other key of the copy is lower case.
    /// </summary>
    [Fact]
    public void Only_the_zone_folders_have_capitals_in_their_keys()
    {
        var capitals = Tree.Registry.Parameters.Where(p => !RegistryKeys.IsValid(p.Key) && !RegistryKeys.IsBracketKey(p.Key)).Select(p => p.Key).ToList();

        Assert.Equal(35, capitals.Count);
        Assert.All(capitals, key => Assert.Matches(@"^prestations_sociales\.bail_reel_solidaire\.plafonds_par_zones\.zone_(A|Abis|B1|B2|C)\.nb_personnes_[a-z0-9_]+$", key));
        Assert.Equal(75_447m, Parameter("prestations_sociales.bail_reel_solidaire.plafonds_par_zones.zone_A.nb_personnes_3").Values[^1].Value);
    }

    [Fact]
    public void Rsa_montant_forfaitaire_from_2026_04_01()
    {
        var rsa = Parameter("prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rsa");
        var value = rsa.Values[rsa.IndexAt(Rsa2026)];

        Assert.Equal(Rsa2026, value.From);
        Assert.Equal(651.69m, value.Value);
        Assert.Equal(646.52m, rsa.Values[rsa.IndexAt(Rsa2026.AddDays(-1))].Value);
        Assert.Equal("currency", rsa.Unit);
        Assert.Equal("Montant de base du revenu de solidarité active (RSA) pour la métropole", rsa.Label);
        Assert.Equal(new DateTime(2026, 4, 1), rsa.LastValueStillValidOn);
        var reference = Assert.Single(rsa.ReferencesOf(value));
        Assert.Equal("Décret n° 2026-220 du 30 mars 2026, art. 1", reference.Title);
        Assert.Equal("https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000053733826", reference.Href);

        // The value's position is where it is written in the file.
        var lines = File.ReadAllLines(Path.Combine(Tree.Root, "prestations_sociales/solidarite_insertion/minima_sociaux/rsa/rsa_m/montant_de_base_du_rsa.yaml"));
        Assert.Contains("651.69", lines[value.Span.LineSpan.Start.Line], StringComparison.Ordinal);
    }

    [Fact]
    public void A_scale_bracket_is_a_parameter_of_its_own()
    {
        const string scale = "prelevements_sociaux.contributions_sociales.csg.remplacement.allocations_chomage.abattement";
        var rate = Parameter(scale + ".brackets[0].rate");
        var threshold = Parameter(scale + ".brackets[1].threshold");

        var at2012 = rate.Values[rate.IndexAt(new DateTime(2012, 1, 1))];
        Assert.Equal(new DateTime(2012, 1, 1), at2012.From);
        Assert.Equal(0.0175m, at2012.Value);
        Assert.Equal(new[] { 0.05m, 0.03m, 0.0175m }, rate.Values.Select(v => v.Value!.Value));
        Assert.Equal(4m, threshold.Values.Single().Value);
        Assert.Equal("/1", rate.Unit);
        Assert.Equal("PSS", threshold.Unit);
        Assert.Equal(new DateTime(2023, 7, 5), rate.LastValueStillValidOn); // written quoted in the file: "2023-07-05"
        Assert.Equal(
            new[] { scale + ".brackets[0].rate", scale + ".brackets[0].threshold", scale + ".brackets[1].rate", scale + ".brackets[1].threshold" },
            Tree.Registry.Parameters.Where(p => p.Key.StartsWith(scale + ".", StringComparison.Ordinal)).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void References_keyed_by_date_attach_to_the_value_of_that_date()
    {
        const string scale = "prelevements_sociaux.contributions_sociales.csg.remplacement.allocations_chomage.abattement";
        var rate = Parameter(scale + ".brackets[0].rate");
        var threshold = Parameter(scale + ".brackets[1].threshold");

        Assert.Equal(
            new[] { "Article L136-2 du Code de la Sécurité sociale", "Loi 2011-1906 du 28/12/2011, art. 17 (LFSS pour 2012)" },
            rate.ReferencesOf(rate.Values[2]).Select(r => r.Title));
        Assert.Equal("Loi 2004-810 du 13/08/2004, art. 72", rate.ReferencesOf(rate.Values[1]).Single().Title);
        Assert.Equal("Loi 90-1168 du 29/12/90, art. 127 à 135 (LF pour 1991)", rate.ReferencesOf(rate.Values[0]).Single().Title);
        Assert.Equal("Loi 2010-1594 du 20/12/2010, art. 20 (LFSS pour 2011)", threshold.ReferencesOf(threshold.Values[0]).Single().Title);

        // A value with no reference of its own date has the latest one before it: the decree that
        // set the formula the later values follow (here: AAH plus 179.31 €, décret 2008-988).
        var garantie = Parameter("prestations_sociales.prestations_etat_de_sante.invalidite.caah.garantie_ressources");
        var at2016 = garantie.Values[garantie.IndexAt(new DateTime(2016, 4, 1))];
        Assert.Equal(987.77m, at2016.Value);
        Assert.Equal("Décret 2008-988 du 18/09/2008 - art. 1", garantie.ReferencesOf(at2016).Single().Title);
    }

    [Fact]
    public void A_node_file_gives_its_children_keys_under_the_file_key()
    {
        const string file = "prestations_sociales.transport.permis_de_conduire.pret_formation_permis";
        var maximum = Parameter(file + ".age.maximum");
        var minimum = Parameter(file + ".age.minimum");

        Assert.Equal(25m, maximum.Values.Single().Value);
        Assert.Equal(new DateTime(2005, 9, 30), maximum.Values.Single().From);
        Assert.Equal(15m, minimum.Values[minimum.IndexAt(new DateTime(2015, 3, 6))].Value);
        Assert.Equal("Age maximal révolu d'éligibilité au prêt à la formation au permis de conduire", maximum.Label);

        // A reference with a link and no title is titled by its link.
        Assert.Equal("https://www.legifrance.gouv.fr/loda/id/LEGIARTI000006245493/2005-09-30", maximum.References.Single().Title);
        Assert.Equal(new[] { ".age.maximum", ".age.minimum" }, Tree.Files.Single(f => f.Key == file).Parsed.Parameters.Select(p => p.Key));
    }

    [Theory]
    [InlineData("prestations_sociales.aides_logement.action_logement.visale.eligibilite.residence_hors_eee", 1)]
    [InlineData("prestations_sociales.bail_reel_solidaire.parametres_generaux.zones_abc_eligibles", 1)]
    [InlineData("prestations_sociales.education.bourses.enseignement_superieur.criteres_sociaux.nationalites_hors_eee", 5)]
    [InlineData("prestations_sociales.education.garantie_pret_etudiant.banques_conventionnees", 2)]
    public void Lists_load_without_fault_and_are_no_numbers(string key, int count)
    {
        var list = Parameter(key);

        Assert.Equal(count, list.Values.Length);
        Assert.False(list.IsNumeric);
        Assert.All(list.Values, v =>
        {
            Assert.True(v.IsOther);
            Assert.False(v.IsEnd); // a list is not the end of the parameter
            Assert.Null(v.Value);
        });
        Assert.Empty(Tree.Files.Single(f => key.StartsWith(f.Key, StringComparison.Ordinal)).Parsed.Faults);
    }

    [Fact]
    public void Value_lookups_see_numbers_only()
    {
        var lists = Tree.Registry.Parameters.Where(p => !p.IsNumeric).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var numbers = Tree.Registry.Parameters.SelectMany(p => p.Values).Where(v => v.Value is not null).Select(v => v.Value!.Value).Distinct();
        Assert.DoesNotContain(numbers.SelectMany(n => Tree.Registry.Find(n)), o => lists.Contains(o.Parameter.Key) || !o.Value.IsNumeric);
        Assert.Contains(Tree.Registry.Find(651.69m), o => o.Parameter.Key.EndsWith("rsa_m.montant_de_base_du_rsa", StringComparison.Ordinal));
    }

    [Fact]
    public void Last_value_still_valid_on_is_read_wherever_OpenFisca_writes_it()
    {
        var dated = Tree.Registry.Parameters.Count(p => p.LastValueStillValidOn is not null);
        var written = Tree.Files.Sum(f => File.ReadAllLines(Path.Combine(Tree.Root, f.RelativePath)).Count(l => l.TrimStart().StartsWith("last_value_still_valid_on:", StringComparison.Ordinal)));
        _output.WriteLine($"last_value_still_valid_on: {written} in the files, on {dated} parameters");

        Assert.True(dated >= written, $"{written} dates written, {dated} parameters carry one.");
        Assert.Equal(new DateTime(2025, 2, 7), Parameter("prestations_sociales.bail_reel_solidaire.parametres_generaux.zones_abc_eligibles").LastValueStillValidOn);
    }

    private static StatutoryParameter Parameter(string key)
    {
        Assert.True(Tree.Registry.TryGetParameter(key, out var parameter), $"'{key}' is not in the OpenFisca tree.");
        return parameter;
    }
}
