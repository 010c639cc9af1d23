using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using LegalRules.Fuzz.Infrastructure;

namespace LegalRules.Fuzz.Generators;

/// <summary>
/// Real-looking calculation code to mutate: the repository's samples (a vendor drop and a wired
/// calculation library) and a few files written here that use every construct the rules look at —
/// bound constants, fields, properties and getters, enum members, <c>AsOf</c>, attributes declared
/// locally, folded expressions, interpolated strings, generics, records, pattern matching.
/// </summary>
internal static class CSharpCorpus
{
    public const string RsaKey = "prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rsa";
    public const string SmicKey = "marche_travail.salaire_minimum.smic.smic_b_horaire";
    public const string CrdsKey = "prelevements_sociaux.contributions_sociales.crds";
    public const string PmssKey = "prelevements_sociaux.pss.plafond_securite_sociale_mensuel";
    public const string BmafKey = "prestations_sociales.prestations_familiales.bmaf.bmaf";

    private static readonly Lazy<ImmutableArray<InputFile>> LazySeeds = new(LoadSeeds);

    /// <summary>Every seed file, samples first, sorted by path so that an index names the same file everywhere.</summary>
    public static ImmutableArray<InputFile> Seeds => LazySeeds.Value;

    /// <summary>The registry and bindings files every C# analysis gets: the samples' own, and one written here.</summary>
    public static ImmutableArray<InputFile> AdditionalFiles { get; } = LoadAdditionalFiles();

    private static ImmutableArray<InputFile> LoadSeeds()
    {
        var samples = Directory.EnumerateFiles(Repository.Samples, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new InputFile("/drop/" + Path.GetRelativePath(Repository.Samples, p).Replace('\\', '/'), File.ReadAllText(p)));
        return samples.Concat(Written).ToImmutableArray();
    }

    private static ImmutableArray<InputFile> LoadAdditionalFiles()
    {
        var bindings = File.ReadAllText(Path.Combine(Repository.Samples, "audit", "vendor.legal-bindings.yaml"));
        var caisse = File.ReadAllText(Path.Combine(Repository.Samples, "CalculationLibrary", "caisse.legal.yaml"));
        return ImmutableArray.Create(
            new InputFile("/drop/vendor.legal-bindings.yaml", bindings),
            new InputFile("/drop/caisse.legal.yaml", caisse),
            new InputFile("/drop/fuzz.legal-bindings.yaml", FuzzBindings),
            new InputFile("/drop/fuzz.legal.yaml", FuzzRegistry));
    }

    private const string FuzzBindings = $$"""
        bindings:
          Fuzz.Paie.Bareme.Smic: {{SmicKey}}
          "F:Fuzz.Paie.Bareme.Pmss": {key: {{PmssKey}}, as_of: 2024-01-01}
          Fuzz.Paie.Bareme.Inconnu: prelevements_sociaux.inconnu.taux
        """;

    private const string FuzzRegistry = """
        registry:
          name: Règles de test du fuzz
        parameters:
          fuzz.aide.ponctuelle:
            label: Aide ponctuelle de la caisse
            unit: currency
            keywords: [ponctuelle, aide]
            reference: {title: "Délibération n° 2025-99"}
            values:
              2023-01-01: 123.45
              2025-01-01: {value: 131.17, reference: {title: "Délibération n° 2024-12"}}
          fuzz.aide.ancienne:
            label: Aide supprimée
            values:
              2018-01-01: 77.77
              2020-01-01: null
          fuzz.bareme.impot:
            label: Barème de test
            brackets:
              - threshold: {2020-01-01: 0}
                rate: {2020-01-01: 0.0525}
              - threshold: {2020-01-01: 10777}
                rate: {2020-01-01: 0.1134}
        """;

    private static readonly InputFile[] Written =
    {
        new("/drop/Fuzz/Bareme.cs", $$$"""
            // Paie : barème interne, version fuzz (constantes, champs, propriétés, accesseurs).
            using System;
            using System.Collections.Generic;
            using LegalRules;

            namespace Fuzz.Paie
            {
                [StatutoryReference("Article L241-3 du CSS", Href = "https://www.legifrance.gouv.fr/")]
                public static class Bareme
                {
                    public const decimal Smic = 11.88m;
                    public static readonly decimal Pmss = 3864m;
                    public static decimal Inconnu => 0.0575m;

                    [StatutoryParameter("{{{RsaKey}}}")]
                    public const decimal Rsa = 646.52m;

                    [StatutoryParameter("{{{RsaKey}}}", AsOf = "2025-06-01")]
                    public const decimal Rsa2025 = 646.52m;

                    [StatutoryParameter("{{{CrdsKey}}}")]
                    public static decimal Crds { get { return 5m / 1000m; } }

                    [StatutoryParameter("{{{BmafKey}}}")]
                    public static readonly decimal Bmaf = 478.16m;

                    [StatutoryParameter("fuzz.aide.ancienne")]
                    public const double Ancienne = 77.77;

                    [StatutoryParameter("fuzz.aide.ponctuelle", AsOf = "2025-13-45")]
                    public const float Ponctuelle = 131.17f;

                    public static decimal Cotisation(decimal salaire, int heures)
                    {
                        var plafond = Math.Min(salaire, 4005m);
                        decimal crdsNonDeductible = 0.005m;
                        var taux = heures > 151.67m ? 0.1134 : 0.0525;
                        var message = $"Assiette {plafond:N2} € au taux {taux:P} ({635.71m}) {{brut}}";
                        return Math.Round(plafond * (decimal)taux * crdsNonDeductible, 2) + (message.Length > 0 ? 0m : 1m);
                    }

                    public static IEnumerable<decimal> Historique()
                    {
                        yield return 635.71m;
                        yield return 607.75m;
                        yield return 1_766.92m;
                        yield return 0x1F;
                        yield return 0b1010;
                        yield return 1e3m;
                    }
                }

                public enum Tranche { Premiere = 1, Seconde = 10777, Troisieme = 27478 }
            }
            """),
        new("/drop/Fuzz/Prestations.cs", """
            #nullable enable
            #define AVEC_AAH
            namespace Fuzz.Prestations;

            using System;
            using System.Linq;

            [AttributeUsage(AttributeTargets.All)]
            internal sealed class StatutoryParameterAttribute : Attribute
            {
                public StatutoryParameterAttribute(string key) { Key = key; }
                public string Key { get; }
                public string? AsOf { get; set; }
            }

            public sealed record Foyer(int Personnes, decimal Ressources, bool Logement);

            public abstract class Prestation<T> where T : struct
            {
                public abstract T Montant(Foyer foyer);
            }

            public sealed class Aah : Prestation<decimal>
            {
                [StatutoryParameter("prestations_sociales.prestations_etat_de_sante.invalidite.aah.montant")]
                private const decimal MontantAah = 1033.32m;

            #if AVEC_AAH
                private readonly decimal _plafond = 1016.05m * 12;
            #else
                private readonly decimal _plafond = 0m;
            #endif

                public override decimal Montant(Foyer foyer) => foyer switch
                {
                    { Personnes: > 1 } => Math.Max(0m, MontantAah - foyer.Ressources / 12m),
                    { Ressources: var r } when r > _plafond => 0m,
                    _ => MontantAah,
                };

                public decimal[] Tableau() => new[] { 971.37m, 1016.05m, 1033.32m }.Where(m => m > 0m).ToArray();
            }

            public static class Smic
            {
                public const decimal HoraireBrut = 11.88m;
                public static decimal Mensuel(decimal heures = 151.67m) => HoraireBrut * heures;
                public static string Libelle => $@"Smic {HoraireBrut} € / h — {"\u00e9t\u00e9"} {'\u0041'}";
                public static readonly decimal \u0053micAnnuel = 11.88m * 151.67m * 12m;
            }
            """),
    };
}
