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
}
