using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using LegalRules.Tests.Registry;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// Matching with the whole OpenFisca-France tree as registry: 1,800 parameters whose values cover
/// most small numbers (2, 0.5, 12, 24, 365…) and whose names cover most words of benefit code.
/// Ordinary code must stay quiet; statutory values named as such must still be found.
/// </summary>
public sealed class OpenFiscaPrecisionTests
{
    private const string OrdinaryCode = """
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Caisse.Calculs;

        public sealed class Foyer
        {
            public int Enfants { get; set; }
            public int Personnes { get; set; }
            public decimal Ressources { get; set; }
            public List<decimal> RessourcesMensuelles { get; } = new();
        }

        public static class CompteRessource
        {
            public const int MoisParAn = 12;
            public const int JoursParAn = 365;
            public const int HeuresParJour = 24;
            public static readonly decimal[] Coefficients = { 0.5m, 0.3m, 0.2m, 0.15m, 0.05m };

            public static decimal MoyenneTrimestrielle(Foyer foyer)
            {
                var derniers = foyer.RessourcesMensuelles.Skip(Math.Max(0, foyer.RessourcesMensuelles.Count - 3)).ToList();
                return derniers.Count == 0 ? 0m : Math.Round(derniers.Sum() / derniers.Count, 2);
            }

            public static decimal Annualiser(decimal mensuel) => mensuel * 12;

            public static int MoisEntre(DateTime debut, DateTime fin)
            {
                var mois = 0;
                for (var courant = debut; courant < fin && mois < 4 * 24; courant = courant.AddMonths(1))
                {
                    mois++;
                }

                return mois;
            }
        }

        public sealed class AideLogementSimulation
        {
            // Weights of the queue of files to review: an office's choice, not the law's.
            private readonly Dictionary<int, decimal> _poidsPriorite = new() { [1] = 1m, [2] = 1.5m, [3] = 2m, [4] = 2.5m, [5] = 3m };

            public decimal PrioriteDossier(int anciennete)
                => _poidsPriorite.TryGetValue(Math.Min(anciennete, 5), out var poids) ? poids + 0.5m * Math.Max(0, anciennete - 5) : 1m;

            public decimal RemiseFidelite(Foyer foyer) => foyer.Enfants switch
            {
                0 => 0m,
                <= 2 => foyer.Ressources * 0.1m,
                <= 4 => foyer.Ressources * 0.2m,
                _ => foyer.Ressources * 0.25m,
            };

            public decimal Pourcentage(decimal part, decimal total) => total == 0m ? 0m : Math.Round(part * 100 / total, 1);

            public bool EnfantAChargeAge(int age) => age < 20 && age >= 0;

            public decimal DroitEnfant(Foyer foyer, int rang)
            {
                var droit = 0m;
                for (var i = 0; i < foyer.Enfants; i++)
                {
                    droit += rang > 2 ? 0.4m : 0.3m;
                }

                return Math.Round(droit * 60, 2);
            }
        }

        public sealed class VersementEcheancier
        {
            public IEnumerable<DateTime> Echeances(DateTime debut, int nombre)
                => Enumerable.Range(0, nombre).Select(i => debut.AddDays(30 * i).AddHours(8));

            public TimeSpan Delai(int jours) => TimeSpan.FromDays(jours) + TimeSpan.FromHours(24);

            public decimal Acompte(decimal montant, int versements) => versements <= 1 ? montant : Math.Round(montant / versements, 2);

            public decimal Majoration(decimal montant, bool tardif) => tardif ? montant * 1.1m : montant;
        }
        """;

    [Fact]
    public async Task Ordinary_benefit_code_gets_no_statutory_value_finding_from_the_whole_tree()
    {
        var diagnostics = await AnalyzeWithTreeAsync(OrdinaryCode);

        var matches = diagnostics.Where(d => d.Id is RuleIdentifiers.SupersededValue or RuleIdentifiers.UnreferencedStatutoryValue).ToList();
        Assert.True(matches.Count == 0, "Unexpected matches:" + Environment.NewLine + string.Join(Environment.NewLine, matches.Select(d => $"{d.Location.GetLineSpan().StartLinePosition}: {d.Properties["found"]} → {d.Properties["key"]}")));
    }

    [Fact]
    public async Task Named_and_distinctive_statutory_values_are_still_found_with_the_whole_tree()
    {
        var diagnostics = await AnalyzeWithTreeAsync("""
            public static class Bareme
            {
                public const decimal TauxCsgDeductibleActivite = 0.068m;
                public const decimal MontantForfaitaire = 651.69m;
            }
            """);

        var found = diagnostics
            .Where(d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue)
            .Select(d => (Found: d.Properties["found"], Key: d.Properties["key"]))
            .OrderBy(f => f.Found, StringComparer.Ordinal)
            .ToList();
        Assert.Collection(
            found,
            csg =>
            {
                Assert.Equal("0.068", csg.Found);
                Assert.StartsWith(Keys.CsgDeductible, csg.Key, StringComparison.Ordinal);
            },
            rsa =>
            {
                Assert.Equal("651.69", rsa.Found);
                Assert.Equal(Keys.Rsa, rsa.Key);
            });
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> AnalyzeWithTreeAsync(string source)
    {
        var root = SharedData.OpenFiscaParameters;
        var files = Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Select(path => (path, File.ReadAllText(path)))
            .ToList();
        return DirectRun.AnalyzeAsync(
            new[] { source },
            new Dictionary<string, string>
            {
                ["build_property.LegalRulesOpenFiscaParameters"] = root,
                ["legal_rules.default_registry"] = "false",
            },
            files);
    }
}
