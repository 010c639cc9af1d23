using LegalRules.Fuzz.Infrastructure;
using Xunit;

namespace LegalRules.Fuzz.Regressions;

/// <summary>Property bodies the compiler cannot turn into operations, found by the C# mutants (long run, mutant 168091).</summary>
public sealed class BrokenPropertyBodyTests
{
    [Theory]
    [InlineData("public static string Libelle => $\"Smic {1}\" = 11.88m;")]
    [InlineData("public static string Libelle { get => $\"Smic\" = 11.88m; }")]
    [InlineData("public static double Taux => $\"Smic\" = 11.88;")]
    [InlineData("public const decimal HoraireBrut = 11.88m; public static string Libelle => $@\"Smic {HoraireBrut} € / h — {\"été\"} {'A'}\" = 11.88m * 151.67m * 12m;")]
    [InlineData("using static System.Math;\n public const decimal HoraireBrut = 11.88m;\n public static decimal  volatile Mensuel(decimal heures = 151.67m) => HoraireBrut * heures;\n public static string Libelle => $@\"Smic {HoraireBrut} € / h — {\"\\u00e9t\\u00e9\"} {'\\u0041'}\" = 11.88m * 151.67m * 12m;")]
    public void An_assignment_to_an_interpolated_string_in_a_property_body_does_not_make_an_analyzer_throw(string member)
    {
        // Roslyn 4.8 throws (UnexpectedValue: UnconvertedInterpolatedString) when asked for the
        // operation of the bare expression; LR0201 asked for it and was disabled (AD0001).
        var outcome = AnalysisHarness.Run(new[] { new InputFile("/src/Smic.cs", "public static class Smic { " + member + " }") });

        Assert.Empty(outcome.Failures);
    }
}
