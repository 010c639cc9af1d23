using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LegalRules.Rules;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = LegalRules.Tests.Infrastructure.AnalyzerTest<LegalRules.Rules.StatutoryBindingAnalyzer>;

namespace LegalRules.Tests.Rules;

public class StatutoryBindingAnalyzerTests
{
    private static DiagnosticResult Divergent(int location) => new DiagnosticResult(RuleIdentifiers.DivergentValue, DiagnosticSeverity.Error).WithLocation(location);

    [Fact]
    public async Task Constant_that_differs_from_the_value_in_force_is_reported_at_its_value()
    {
        await new Test()
            .Ignoring(RuleIdentifiers.StaleData)
            .WithSource($$"""
                using LegalRules;
                class Rsa
                {
                    [StatutoryParameter("{{Keys.Rsa}}")]
                    public const decimal Montant = {|#0:646.52m|};
                }
                """)
            .Expect(Divergent(0).WithArguments("646.52", "651.69", Keys.Rsa, "Montant forfaitaire mensuel du RSA (foyer d'une personne, métropole)", "2026-04-01 →", "Décret n° 2026-220 du 30 mars 2026, art. 1"))
            .RunAsync();
    }

    [Fact]
    public async Task Constant_equal_to_the_value_in_force_is_not_reported()
    {
        await new Test()
            .Ignoring(RuleIdentifiers.StaleData)
            .WithSource($$"""
                using LegalRules;
                class Rsa
                {
                    [StatutoryParameter("{{Keys.Rsa}}")]
                    public const decimal Montant = 651.69m;
                    [StatutoryParameter("{{Keys.Crds}}")]
                    public const double Crds = 0.005;
                    [StatutoryParameter("{{Keys.Crds}}")]
                    public const decimal CrdsFolded = 5m / 1000m;
                    [StatutoryParameter("{{Keys.AfEnf3}}")]
                    public const decimal Enfant3 = 41m / 100m;
                }
                """)
            .RunAsync();
    }

    [Fact]
    public async Task Member_with_its_own_date_is_checked_at_that_date()
    {
        await new Test()
            .Ignoring(RuleIdentifiers.StaleData)
            .WithSource($$"""
                using LegalRules;
                class Rsa
                {
                    [StatutoryParameter("{{Keys.Rsa}}", AsOf = "2025-06-01")]
                    public const decimal Montant2025 = 646.52m;
                    [StatutoryParameter("{{Keys.Rsa}}", AsOf = "2024-06-01")]
                    public const decimal Montant2024 = {|#0:646.52m|};
                }
                """)
            .Expect(Divergent(0).WithArguments("646.52", "635.71", Keys.Rsa, "Montant forfaitaire mensuel du RSA (foyer d'une personne, métropole)", "2024-04-01 → 2025-03-31", "Décret n° 2024-396 du 29 avril 2024, art. 1"))
            .RunAsync();
    }

    [Fact]
    public async Task Fields_properties_and_enum_members_are_checked()
    {
        await new Test()
            .Ignoring(RuleIdentifiers.StaleData)
            .WithSource($$"""
                using LegalRules;
                class Baremes
                {
                    [StatutoryParameter("{{Keys.Pass}}")]
                    public static readonly decimal Pass = {|#0:47100m|};
                    [StatutoryParameter("{{Keys.Pmss}}")]
                    public decimal Pmss { get; } = {|#1:3925m|};
                    [StatutoryParameter("{{Keys.SmicHoraire}}")]
                    public decimal Smic => {|#2:11.88m|};
                    [StatutoryParameter("{{Keys.Crds}}")]
                    public decimal Crds { get { return 0.005m; } }
                    [StatutoryParameter("{{Keys.Pmss}}")]
                    public decimal? PmssOptionnel { get; init; } = {|#4:3925m|};
                }
                enum Ages
                {
                    [StatutoryParameter("{{Keys.AfAge}}")]
                    Majoration = {|#3:14|},
                }
                """)
            .Expect(
                Divergent(0).WithArguments("47100", "48060", Keys.Pass, "Plafond annuel de la sécurité sociale (PASS)", "2026-01-01 →", "Arrêté du 22 décembre 2025"),
                Divergent(1).WithArguments("3925", "4005", Keys.Pmss, "Plafond mensuel de la sécurité sociale (PMSS)", "2026-01-01 →", "Arrêté du 22 décembre 2025"),
                Divergent(2).WithArguments("11.88", "12.31", Keys.SmicHoraire, "Smic horaire brut (métropole)", "2026-06-01 →", "Arrêté du 22 mai 2026 relatif au relèvement du salaire minimum de croissance"),
                Divergent(3).WithArguments("14", "18", Keys.AfAge, "Allocations familiales : âge de l'enfant ouvrant droit à la majoration pour âge", "2026-03-01 →", "Décret n° 2026-138 du 27 février 2026"),
                Divergent(4).WithArguments("3925", "4005", Keys.Pmss, "Plafond mensuel de la sécurité sociale (PMSS)", "2026-01-01 →", "Arrêté du 22 décembre 2025"))
            .RunAsync();
    }
}
