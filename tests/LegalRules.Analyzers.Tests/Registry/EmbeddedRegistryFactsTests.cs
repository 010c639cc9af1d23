using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using LegalRules.Registry;
using LegalRules.Registry.Sources;
using Xunit;

namespace LegalRules.Tests.Registry;

/// <summary>
/// The embedded French registry's facts (dates, numbers, units) checked against the OpenFisca-France
/// copy in <c>../shared/openfisca-france-parameters/</c>, and its own promises: references, labels,
/// units, keywords, no faults, the parameters the product commits to.
/// </summary>
public sealed class EmbeddedRegistryFactsTests
{
    /// <summary>The registry promises every value in force since at least this date.</summary>
    private static readonly DateTime CoveredFrom = new(2016, 1, 1);

    /// <summary>
    /// Differences kept on purpose, because OpenFisca is wrong on the point and a legal source says
    /// so. Each names the parameter, the date of the value, and the source. None today: the embedded
    /// facts were compiled from this very copy. An entry here that no longer matches a difference
    /// fails the test too, so the list cannot go stale.
    /// </summary>
    private static readonly DeliberateDifference[] DeliberateDifferences = Array.Empty<DeliberateDifference>();

    /// <summary>The parameters the embedded registry commits to (benefits, payroll bases, contributions).</summary>
    public static readonly TheoryData<string, string> RequiredParameters = new()
    {
        { "RSA montant forfaitaire", "prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rsa" },
        { "RSA forfait logement, 1 personne", "prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_fl.forfait_logement.taux_1_personne" },
        { "RSA forfait logement, 2 personnes", "prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_fl.forfait_logement.taux_2_personnes" },
        { "RSA forfait logement, 3 personnes ou plus", "prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_fl.forfait_logement.taux_3_personnes_ou_plus" },
        { "PPA montant forfaitaire", "prestations_sociales.solidarite_insertion.minima_sociaux.ppa.pa_m.montant_de_base" },
        { "PPA pente", "prestations_sociales.solidarite_insertion.minima_sociaux.ppa.pa_m.majoration_ressources_revenus_activite" },
        { "BMAF", "prestations_sociales.prestations_familiales.bmaf.bmaf" },
        { "AF deux enfants", "prestations_sociales.prestations_familiales.prestations_generales.af.af_cm.taux.enf2" },
        { "AF par enfant à partir du troisième", "prestations_sociales.prestations_familiales.prestations_generales.af.af_cm.taux.enf3" },
        { "AF majoration pour âge", "prestations_sociales.prestations_familiales.prestations_generales.af.af_maj.maj_age_deux_enfants.taux1" },
        { "CF base", "prestations_sociales.prestations_familiales.prestations_generales.cf.cf_cm.complement_familial.taux_cf_base" },
        { "CF majoré", "prestations_sociales.prestations_familiales.prestations_generales.cf.cf_cm.complement_familial.taux_cf_majore" },
        { "ARS primaire", "prestations_sociales.prestations_familiales.education_presence_parentale.ars.ars_m.taux_primaire" },
        { "ARS collège", "prestations_sociales.prestations_familiales.education_presence_parentale.ars.ars_m.taux_college" },
        { "ARS lycée", "prestations_sociales.prestations_familiales.education_presence_parentale.ars.ars_m.taux_lycee" },
        { "AAH", "prestations_sociales.prestations_etat_de_sante.invalidite.aah.montant" },
        { "ASPA personnes seules", "prestations_sociales.solidarite_insertion.minimum_vieillesse.aspa.montant_maximum_annuel.personnes_seules" },
        { "ASPA couples", "prestations_sociales.solidarite_insertion.minimum_vieillesse.aspa.montant_maximum_annuel.couples" },
        { "Aides au logement, loyer plafond zone 1, personne seule", "prestations_sociales.aides_logement.allocations_logement.locatif.formule.l_plafonds_loyers.par_zone.zone_1.personnes_seules" },
        { "Aides au logement, loyer plafond zone 1, couple", "prestations_sociales.aides_logement.allocations_logement.locatif.formule.l_plafonds_loyers.par_zone.zone_1.couples" },
        { "Aides au logement, loyer plafond zone 1, une personne à charge", "prestations_sociales.aides_logement.allocations_logement.locatif.formule.l_plafonds_loyers.par_zone.zone_1.un_enfant" },
        { "Aides au logement, loyer plafond zone 1, par personne à charge en plus", "prestations_sociales.aides_logement.allocations_logement.locatif.formule.l_plafonds_loyers.par_zone.zone_1.majoration_par_enf_supp" },
        { "Aides au logement, loyer plafond zone 2, personne seule", "prestations_sociales.aides_logement.allocations_logement.locatif.formule.l_plafonds_loyers.par_zone.zone_2.personnes_seules" },
        { "Aides au logement, loyer plafond zone 2, couple", "prestations_sociales.aides_logement.allocations_logement.locatif.formule.l_plafonds_loyers.par_zone.zone_2.couples" },
        { "Aides au logement, loyer plafond zone 2, une personne à charge", "prestations_sociales.aides_logement.allocations_logement.locatif.formule.l_plafonds_loyers.par_zone.zone_2.un_enfant" },
        { "Aides au logement, loyer plafond zone 2, par personne à charge en plus", "prestations_sociales.aides_logement.allocations_logement.locatif.formule.l_plafonds_loyers.par_zone.zone_2.majoration_par_enf_supp" },
        { "Aides au logement, loyer plafond zone 3, personne seule", "prestations_sociales.aides_logement.allocations_logement.locatif.formule.l_plafonds_loyers.par_zone.zone_3.personnes_seules" },
        { "Aides au logement, loyer plafond zone 3, couple", "prestations_sociales.aides_logement.allocations_logement.locatif.formule.l_plafonds_loyers.par_zone.zone_3.couples" },
        { "Aides au logement, loyer plafond zone 3, une personne à charge", "prestations_sociales.aides_logement.allocations_logement.locatif.formule.l_plafonds_loyers.par_zone.zone_3.un_enfant" },
        { "Aides au logement, loyer plafond zone 3, par personne à charge en plus", "prestations_sociales.aides_logement.allocations_logement.locatif.formule.l_plafonds_loyers.par_zone.zone_3.majoration_par_enf_supp" },
        { "Aides au logement, forfait de charges", "prestations_sociales.aides_logement.allocations_logement.locatif.formule.c_forfait_charges.cas_general.cas_general" },
        { "Aides au logement, forfait de charges par personne à charge", "prestations_sociales.aides_logement.allocations_logement.locatif.formule.c_forfait_charges.cas_general.majoration_par_enfant" },
        { "Aides au logement, participation minimale P0", "prestations_sociales.aides_logement.allocations_logement.locatif.formule.pp_particip_perso.p0_particip_min.p0_forfait" },
        { "SMIC horaire", "marche_travail.salaire_minimum.smic.smic_b_horaire" },
        { "SMIC mensuel", "marche_travail.salaire_minimum.smic.smic_b_mensuel" },
        { "SMIC nombre d'heures mensuel", "marche_travail.salaire_minimum.smic.nb_heures_travail_mensuel" },
        { "PASS", "prelevements_sociaux.pss.plafond_securite_sociale_annuel" },
        { "PMSS", "prelevements_sociaux.pss.plafond_securite_sociale_mensuel" },
        { "CSG activité déductible", "prelevements_sociaux.contributions_sociales.csg.activite.deductible" },
        { "CSG activité imposable", "prelevements_sociaux.contributions_sociales.csg.activite.imposable" },
        { "CSG remplacement, pensions, taux plein déductible", "prelevements_sociaux.contributions_sociales.csg.remplacement.pensions_retraite_invalidite.deductible.taux_plein" },
        { "CSG remplacement, pensions, taux plein imposable", "prelevements_sociaux.contributions_sociales.csg.remplacement.pensions_retraite_invalidite.imposable.taux_plein" },
        { "CSG remplacement, chômage, taux plein déductible", "prelevements_sociaux.contributions_sociales.csg.remplacement.allocations_chomage.deductible.taux_plein" },
        { "CSG remplacement, chômage, taux plein imposable", "prelevements_sociaux.contributions_sociales.csg.remplacement.allocations_chomage.imposable.taux_plein" },
        { "CSG remplacement, indemnités journalières déductible", "prelevements_sociaux.contributions_sociales.csg.remplacement.indemnites_journalieres.deductible.taux" },
        { "CSG remplacement, indemnités journalières imposable", "prelevements_sociaux.contributions_sociales.csg.remplacement.indemnites_journalieres.imposable.taux" },
        { "CRDS", "prelevements_sociaux.contributions_sociales.crds" },
    };

    /// <summary>The registry as france.legal.yaml says it (what the analyzer loads equals it: <see cref="EmbeddedRegistryDataTests"/>).</summary>
    private static readonly Lazy<ParsedRegistryFile> Yaml = new(() => EmbeddedRegistry.ParseYaml(EmbeddedRegistry.ReadText()));

    private static IReadOnlyList<StatutoryParameter> Embedded => Yaml.Value.Parameters;

    [Fact]
    public void Embedded_registry_loads_without_faults()
    {
        Assert.True(Yaml.Value.Faults.IsEmpty, "Faults in the embedded registry:\n" + string.Join("\n", Yaml.Value.Faults));
        Assert.NotEmpty(Embedded);
        Assert.All(Embedded, p => Assert.Same(RegistryOrigin.Embedded, p.Origin));
    }

    [Theory]
    [MemberData(nameof(RequiredParameters))]
    public void Required_parameter_is_present_with_numeric_values(string name, string key)
    {
        var parameter = Embedded.SingleOrDefault(p => p.Key == key);
        Assert.True(parameter is not null, $"{name}: '{key}' is missing from the embedded registry.");
        Assert.True(parameter!.IsNumeric, $"{name}: '{key}' has no numeric value.");
    }

    [Fact]
    public void Every_embedded_value_has_a_legal_reference()
    {
        var missing = Embedded
            .SelectMany(p => p.Values.Where(v => p.ReferencesOf(v).IsDefaultOrEmpty).Select(v => $"{p.Key} {Dates.Format(v.From)}"))
            .ToList();
        Assert.True(missing.Count == 0, "Values without a legal reference (neither their own nor their parameter's):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_embedded_reference_has_a_title()
    {
        var untitled = Embedded
            .SelectMany(p => p.References.Concat(p.Values.SelectMany(v => v.References)).Select(r => (p.Key, Reference: r)))
            .Where(r => string.IsNullOrWhiteSpace(r.Reference.Title) || r.Reference.Title == r.Reference.Href)
            .Select(r => $"{r.Key}: {r.Reference}")
            .ToList();
        Assert.True(untitled.Count == 0, "References without a title of their own:\n" + string.Join("\n", untitled));
    }

    [Fact]
    public void Every_embedded_parameter_has_a_label_a_unit_and_keywords()
    {
        var incomplete = Embedded
            .Where(p => string.IsNullOrWhiteSpace(p.Label) || string.IsNullOrWhiteSpace(p.Unit) || p.Keywords.IsEmpty)
            .Select(p => $"{p.Key}: label '{p.Label}', unit '{p.Unit}', keywords [{string.Join(", ", p.Keywords)}]")
            .ToList();
        Assert.True(incomplete.Count == 0, "Parameters without a label, a unit or keywords:\n" + string.Join("\n", incomplete));
    }

    [Fact]
    public void Every_embedded_parameter_covers_2016_onwards()
    {
        var late = Embedded
            .Where(p => p.Values.IsEmpty || p.Values[0].From > CoveredFrom)
            .Select(p => $"{p.Key}: first value {(p.Values.IsEmpty ? "none" : Dates.Format(p.Values[0].From))}")
            .ToList();
        Assert.True(late.Count == 0, "Parameters whose history starts after 2016-01-01:\n" + string.Join("\n", late));
    }

    [Fact]
    public void Every_embedded_parameter_has_an_OpenFisca_file_of_the_same_key()
    {
        var root = SharedData.OpenFiscaParameters;
        var missing = Embedded.Where(p => FindInOpenFisca(root, p.Key).Parameter is null).Select(p => p.Key).ToList();
        Assert.True(missing.Count == 0, $"Embedded keys that no OpenFisca file under '{root}' declares:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Embedded_facts_match_OpenFisca_France_from_2016_on()
    {
        var root = SharedData.OpenFiscaParameters;
        var differences = new List<Difference>();
        foreach (var embedded in Embedded)
        {
            var (file, openFisca) = FindInOpenFisca(root, embedded.Key);
            if (openFisca is null)
            {
                continue; // reported by Every_embedded_parameter_has_an_OpenFisca_file_of_the_same_key
            }

            differences.AddRange(Compare(embedded, openFisca, file!));
        }

        var unexplained = differences.Where(d => !DeliberateDifferences.Any(x => x.Matches(d))).ToList();
        var stale = DeliberateDifferences.Where(x => !differences.Any(x.Matches)).ToList();
        Assert.True(
            unexplained.Count == 0 && stale.Count == 0,
            (unexplained.Count == 0 ? string.Empty : $"{unexplained.Count} difference(s) between the embedded registry and OpenFisca-France (key, date: embedded vs OpenFisca):\n" + string.Join("\n", unexplained) + "\n")
            + (stale.Count == 0 ? string.Empty : "Deliberate differences that no longer occur (remove them):\n" + string.Join("\n", stale)));
    }

    /// <summary>The comparison itself must see a difference: a wrong number, a missing date, an extra date, a unit.</summary>
    [Fact]
    public void Comparison_reports_every_kind_of_difference()
    {
        var openFisca = Parameter(
            "/1",
            (new DateTime(2010, 1, 1), 0.1m),
            (new DateTime(2015, 1, 1), 0.2m), // in force on 2016-01-01: required
            (new DateTime(2017, 1, 1), 0.3m),
            (new DateTime(2018, 1, 1), 0.4m));
        var embedded = Parameter(
            "currency",
            (new DateTime(2015, 1, 1), 0.2m),
            (new DateTime(2017, 1, 1), 0.35m),
            (new DateTime(2019, 1, 1), 0.5m));

        var differences = Compare(embedded, openFisca, "x.yaml").Select(d => d.ToString()).ToList();

        Assert.Equal(
            new[]
            {
                "k: unit: embedded 'currency' vs OpenFisca '/1' (x.yaml)",
                "k 2017-01-01: embedded 0.35 vs OpenFisca 0.3 (x.yaml)",
                "k 2018-01-01: embedded (none) vs OpenFisca 0.4 (x.yaml)",
                "k 2019-01-01: embedded 0.5 vs OpenFisca (none) (x.yaml)",
            },
            differences);
    }

    private static IEnumerable<Difference> Compare(StatutoryParameter embedded, StatutoryParameter openFisca, string file)
    {
        if (!string.Equals(embedded.Unit, openFisca.Unit, StringComparison.Ordinal))
        {
            yield return new Difference(embedded.Key, null, $"unit: embedded '{embedded.Unit}' vs OpenFisca '{openFisca.Unit}'", file);
        }

        var embeddedByDate = embedded.Values.ToDictionary(v => v.From);
        var openFiscaByDate = openFisca.Values.ToDictionary(v => v.From);
        var dates = new SortedSet<DateTime>(embeddedByDate.Keys.Concat(RequiredDates(openFisca)));
        foreach (var date in dates)
        {
            embeddedByDate.TryGetValue(date, out var mine);
            openFiscaByDate.TryGetValue(date, out var theirs);
            if (mine is null || theirs is null || !SameValue(mine, theirs))
            {
                yield return new Difference(embedded.Key, date, $"embedded {Show(mine)} vs OpenFisca {Show(theirs)}", file);
            }
        }
    }

    /// <summary>The dates of OpenFisca's values whose period touches 2016-01-01 or later.</summary>
    private static IEnumerable<DateTime> RequiredDates(StatutoryParameter openFisca)
    {
        for (var i = 0; i < openFisca.Values.Length; i++)
        {
            if (i + 1 == openFisca.Values.Length || openFisca.Values[i + 1].From > CoveredFrom)
            {
                yield return openFisca.Values[i].From;
            }
        }
    }

    private static bool SameValue(DatedValue a, DatedValue b)
        => a.Value == b.Value && a.IsNumeric == b.IsNumeric && a.IsEnd == b.IsEnd && a.IsOther == b.IsOther;

    private static string Show(DatedValue? value) => value switch
    {
        null => "(none)",
        { IsEnd: true } => "null",
        { IsOther: true } => "(not a number)",
        _ => value.Value!.Value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The OpenFisca file whose key is the longest prefix of <paramref name="key"/> (a leaf file, or
    /// a node file declaring the rest of the key), read with the product's parser.
    /// </summary>
    private static (string? File, StatutoryParameter? Parameter) FindInOpenFisca(string root, string key)
    {
        for (var end = key.Length; end > 0; end = key.LastIndexOf('.', end - 1))
        {
            var relative = key.Substring(0, end).Replace('.', '/') + ".yaml";
            var parsed = OpenFiscaTree.TryParseFile(root, relative);
            if (parsed is null)
            {
                continue;
            }

            var suffix = key.Substring(end);
            return (relative, parsed.Parameters.FirstOrDefault(p => p.Key == suffix));
        }

        return (null, null);
    }

    private static StatutoryParameter Parameter(string unit, params (DateTime From, decimal Value)[] values)
        => new(
            "k",
            "label",
            unit,
            default,
            default,
            values.Select(v => new DatedValue(v.From, v.Value, true, default, default)).ToImmutableArray(),
            null,
            RegistryOrigin.Embedded);

    private sealed record Difference(string Key, DateTime? Date, string What, string File)
    {
        public override string ToString() => $"{Key}{(Date is { } date ? " " + Dates.Format(date) : string.Empty)}: {What} ({File})";
    }

    /// <summary>A difference kept on purpose: OpenFisca contradicts <see cref="LegalSource"/>.</summary>
    private sealed record DeliberateDifference(string Key, DateTime? Date, string LegalSource, string Why)
    {
        public bool Matches(Difference difference) => difference.Key == Key && difference.Date == Date;

        public override string ToString() => $"{Key} {(Date is { } date ? Dates.Format(date) : "unit")}: {Why} ({LegalSource})";
    }
}
