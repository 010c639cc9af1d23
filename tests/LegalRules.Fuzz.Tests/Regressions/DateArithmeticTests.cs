using System.Linq;
using LegalRules.Fuzz.Generators;
using LegalRules.Fuzz.Infrastructure;
using Xunit;

namespace LegalRules.Fuzz.Regressions;

/// <summary>Dates at the ends of the calendar, from options or registry files, found by the fuzz tests.</summary>
public sealed class DateArithmeticTests
{
    [Fact]
    public void An_evaluation_date_near_year_one_does_not_overflow_the_look_back_window()
    {
        // as_of = 0001-01-01 put the window start 10 years before year 1: AddYears threw for every matched literal (AD0001).
        var outcome = AnalysisHarness.Run(
            new[] { new InputFile("/src/Rsa.cs", "class Rsa { const decimal Forfait = 635.71m; }") },
            options: AnalysisHarness.DefaultOptions.SetItem("legal_rules.as_of", "0001-01-01").SetItem("legal_rules.history_years", "200"));

        Assert.Empty(outcome.Failures);
        Assert.Empty(outcome.Findings.Where(d => d.Id is "LR0002" or "LR0003"));
    }

    [Fact]
    public void Data_confirmed_at_the_end_of_the_calendar_is_not_stale_and_does_not_overflow()
    {
        // last_value_still_valid_on: 9999-12-31 plus the 12 months of staleness overflowed DateTime in
        // every member bound to the parameter (AD0001 from a registry file the user wrote).
        var registry = """
            parameters:
              caisse.aide.confirmee:
                label: Aide confirmée à la fin du calendrier
                reference: {title: "Délibération"}
                last_value_still_valid_on: 9999-12-31
                values:
                  2020-01-01: 12.34
            """;
        var outcome = AnalysisHarness.Run(
            new[] { new InputFile("/src/Aide.cs", "using LegalRules;\nclass Aide { [StatutoryParameter(\"caisse.aide.confirmee\")] const decimal Montant = 12.34m; }") },
            new[] { new InputFile("/reg/caisse.legal.yaml", registry) });

        Assert.Empty(outcome.Failures);
        Assert.Empty(outcome.Findings);
    }
}
