using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = LegalRules.Tests.Infrastructure.AnalyzerTest<LegalRules.Rules.BinaryFloatingPointAnalyzer>;

namespace LegalRules.Tests.Rules;

public class BinaryFloatingPointAnalyzerTests
{
    private const string CrdsLabel = "Taux de la CRDS (revenus d'activité et de remplacement)";
    private const string PassLabel = "Plafond annuel de la sécurité sociale (PASS)";

    private static DiagnosticResult Lr0102(int location) => new DiagnosticResult(RuleIdentifiers.BinaryFloatingPoint, DiagnosticSeverity.Warning).WithLocation(location);

    [Fact]
    public async Task Bound_double_and_float_members_are_reported_on_their_type()
    {
        await new Test()
            .WithSource($$"""
                using LegalRules;
                class Paie
                {
                    [StatutoryParameter("{{Keys.Crds}}")]
                    public const {|#0:double|} Crds = 0.005;

                    [StatutoryParameter("{{Keys.Pass}}")]
                    public static {|#1:float?|} Pass { get; set; }

                    [StatutoryParameter("{{Keys.Pmss}}")]
                    public static readonly decimal Pmss = 4005m;
                }
                """)
            .Expect(
                Lr0102(0).WithArguments("Crds", "double", Keys.Crds, CrdsLabel),
                Lr0102(1).WithArguments("Pass", "float?", Keys.Pass, PassLabel))
            .RunAsync();
    }

    [Fact]
    public async Task A_return_is_found_in_any_statement_and_not_in_a_nested_function()
    {
        // The function's returns are looked for in its statements only: a return nested in any
        // statement counts; one in a lambda or a local function returns from that function.
        await new Test()
            .WithSource("""
                using System;
                using System.Collections.Generic;
                class CotisationsSalariales
                {
                    {|#10:double|} Boucle(List<int> annees)
                    {
                        foreach (var annee in annees) { while (annee > 0) { for (;;) { do { return {|#0:48060.0|}; } while (false); } } }
                        return 0;
                    }

                    {|#11:double|} Selon(int annee)
                    {
                        switch (annee)
                        {
                            case 2026: return {|#1:48060.0|};
                            default: return 0;
                        }
                    }

                    {|#12:double|} Essai()
                    {
                        try { return 1; }
                        catch (InvalidOperationException) { checked { return {|#2:48060.0|}; } }
                        finally { }
                    }

                    {|#13:double|} Verrou(object verrou)
                    {
                        lock (verrou) { using (var d = (IDisposable)null) { fin: return {|#3:48060.0|}; } }
                    }

                    {|#14:double|} Sinon(bool b)
                    {
                        if (b) return 1; else if (!b) return {|#4:48060.0|};
                        return 0;
                    }

                    double Imbriquees()
                    {
                        Func<double> lambda = () => { return 48060.0; };
                        {|#5:double|} Locale() { return 48060.0; }
                        return lambda() + Locale();
                    }
                }
                """)
            .Expect(
                Lr0102(0).WithLocation(10).WithArguments("Boucle", "double", Keys.Pass, PassLabel),
                Lr0102(1).WithLocation(11).WithArguments("Selon", "double", Keys.Pass, PassLabel),
                Lr0102(2).WithLocation(12).WithArguments("Essai", "double", Keys.Pass, PassLabel),
                Lr0102(3).WithLocation(13).WithArguments("Verrou", "double", Keys.Pass, PassLabel),
                Lr0102(4).WithLocation(14).WithArguments("Sinon", "double", Keys.Pass, PassLabel),
                Lr0102(5).WithArguments("Locale", "double", Keys.Pass, PassLabel))
            .RunAsync();
    }

    [Fact]
    public async Task Members_locals_parameters_and_returns_holding_a_matched_value_are_reported()
    {
        await new Test()
            .WithSource("""
                class Paie
                {
                    const {|#0:double|} CRDSNonDeductible = 0.005;
                    {|#1:float|} PassAnnuel { get; } = 48060f;
                    {|#2:double|} PlafondAnnuel => 48060.0;

                    {|#3:double|} Pass() => 48060;

                    static readonly {|#8:System.Double|} TauxCrdsSysteme = 0.005;

                    {|#14:double|} PassSelonAnnee(int annee)
                    {
                        if (annee == 2026)
                        {
                            return {|#4:48060.0|};
                        }

                        return {|#15:48060.0|};
                    }

                    // Each value returned on a line of its own is a finding; those on the type's line are one.
                    {|#16:double|} CrdsOuPass(bool crds) { if (crds) return 0.005; return 48060.0; }

                    {|#17:double|} Plafond(int zone)
                    {
                        switch (zone)
                        {
                            case 1: return {|#18:48060.0|};
                            case 2: return {|#19:46368.0|}; case 3: return 48060.0;
                            default: return 0;
                        }
                    }

                    decimal Contributions(decimal brut, {|#5:double|} tauxCrds = 0.005)
                    {
                        {|#6:var|} crds = 0.005;
                        double plafond = PassAnnuel;
                        return brut * (decimal)(crds + tauxCrds + plafond);
                    }
                }
                """)
            .Expect(
                Lr0102(0).WithArguments("CRDSNonDeductible", "double", Keys.Crds, CrdsLabel),
                Lr0102(1).WithArguments("PassAnnuel", "float", Keys.Pass, PassLabel),
                Lr0102(2).WithArguments("PlafondAnnuel", "double", Keys.Pass, PassLabel),
                Lr0102(3).WithArguments("Pass", "double", Keys.Pass, PassLabel),
                Lr0102(4).WithLocation(14).WithArguments("PassSelonAnnee", "double", Keys.Pass, PassLabel),
                Lr0102(15).WithLocation(14).WithArguments("PassSelonAnnee", "double", Keys.Pass, PassLabel),
                Lr0102(16).WithArguments("CrdsOuPass", "double", Keys.Crds, CrdsLabel),
                Lr0102(18).WithLocation(17).WithArguments("Plafond", "double", Keys.Pass, PassLabel),
                Lr0102(19).WithLocation(17).WithArguments("Plafond", "double", Keys.Pass, PassLabel),
                Lr0102(5).WithArguments("tauxCrds", "double", Keys.Crds, CrdsLabel),
                Lr0102(6).WithArguments("crds", "double", Keys.Crds, CrdsLabel),
                Lr0102(8).WithArguments("TauxCrdsSysteme", "double", Keys.Crds, CrdsLabel))
            .RunAsync();
    }

    [Fact]
    public async Task A_local_holding_a_bound_member_is_reported()
    {
        await new Test()
            .WithSource($$"""
                using LegalRules;
                class Paie
                {
                    [StatutoryParameter("{{Keys.Crds}}")]
                    public const decimal Crds = 0.005m;

                    double Taux()
                    {
                        {|#0:double|} taux = (double)Crds;
                        return taux;
                    }
                }
                """)
            .Expect(Lr0102(0).WithArguments("taux", "double", Keys.Crds, CrdsLabel))
            .RunAsync();
    }

    [Fact]
    public async Task Doubles_unrelated_to_statutory_values_and_amounts_computed_from_them_are_not_reported()
    {
        await new Test()
            .WithSource("""
                using System;
                class Ordinaire
                {
                    const double Epsilon = 0.005;
                    double Ratio => 16.0 / 9.0;
                    double Pi() => 3.14159;
                    double Echelle { get; } = 1.5;

                    double Distance(double x, double y, double tolerance = 0.005)
                    {
                        var carre = x * x + y * y;
                        double montant = 651.69 - x;
                        Func<double> lambda = () => 48060.0;
                        return Math.Sqrt(carre) + montant + tolerance + lambda();
                    }

                    decimal Crds(decimal assiette) => assiette * 0.005m;
                }
                """)
            .RunAsync();
    }
}
