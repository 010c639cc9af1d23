using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Rules;

/// <summary>Unusual and broken code: the arithmetic and traceability rules report what they can and never throw (AD0001).</summary>
public class ArithmeticRulesRobustnessTests
{
    [Fact]
    public async Task Unusual_and_broken_code_never_makes_the_rules_throw()
    {
        // DirectRun fails on any AD0001.
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            """
            using System;
            var ressources = 100m;
            Console.WriteLine(Math.Round(651.69m - ressources, 2));
            double crds = 0.005;
            static double Pass() => 48060.0;
            """,
            """
            using System;
            using LegalRules;
            public record Bareme(double TauxCrds = 0.005, decimal Rsa = 651.69m);
            public interface ICalcul
            {
                [StatutoryParameter("prelevements_sociaux.contributions_sociales.crds")]
                double Crds => 0.005;
                public decimal Arrondi(decimal x) => Math.Round(x * 0.005m, 2);
            }
            public class Generique<T>
            {
                [StatutoryParameter("prelevements_sociaux.contributions_sociales.crds")]
                public const double Crds = 0.005;
                public double this[int i] => 48060.0;
                public decimal Dynamique(dynamic x) => Math.Round(x * 0.005m, 2);
                public Func<double, double> Lambda = (double taux = 0.005) => Math.Round(taux * Crds, 2);
                public double Local()
                {
                    double Interne() => 48060.0;
                    var defaut = default(double);
                    Double sansUsing = 0.005;
                    Foo inconnu = 0.005;
                    return Interne() + defaut + sansUsing;
                }
                public decimal Incomplet(decimal x) => Math.Round(x * 0.005m,
            }
            namespace Maison
            {
                // A type of the team's named Math: its Round is not .NET's.
                class Math { public static decimal Round(decimal x) => x; decimal F() => Math.Round(651.69m); }
            }
            """,
        });

        // What can be analysed still is: the top-level rounding of the RSA and the record's default.
        Assert.Contains(diagnostics, d => d.Id == RuleIdentifiers.MidpointRounding && d.Location.GetLineSpan().StartLinePosition.Line == 2);
        Assert.Contains(diagnostics, d => d.Id == RuleIdentifiers.BinaryFloatingPoint && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).StartsWith("'TauxCrds'", System.StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Id == RuleIdentifiers.MidpointRounding && d.Location.GetLineSpan().Path == "/src/Test1.cs" && d.Location.GetLineSpan().StartLinePosition.Line == 29);
    }

    [Fact]
    public async Task A_rounding_that_reads_a_missing_name_is_analysed_to_the_end()
    {
        // Broken code gives a name no text (`crds.` then nothing): searching a member's text for an
        // empty name finds it everywhere, and must not be tried. The run must end, and the rounding
        // of the other member, whose local holds the CRDS rate, must still be reported.
        var run = DirectRun.AnalyzeAsync(new[]
        {
            """
            using System;
            class Calcul
            {
                decimal Casse(decimal assiette)
                {
                    var crds = 1m;
                    return Math.Round(assiette * crds., 2);
                }

                decimal Crds(decimal assiette)
                {
                    var crds = 0.005m;
                    return Math.Round(assiette * crds, 2);
                }
            }
            """,
        });

        var finished = await Task.WhenAny(run, Task.Delay(System.TimeSpan.FromMinutes(2)));
        Assert.Same(run, finished);
        var diagnostics = await run;
        // The broken rounding names the CRDS in what it rounds: reported too, from the overloads the compiler considered.
        Assert.Contains(diagnostics, d => d.Id == RuleIdentifiers.MidpointRounding && d.Location.GetLineSpan().StartLinePosition.Line == 12);
    }
}
