using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// A value a test expects is named by what the test compares it with, whichever framework asserts it,
/// and whether or not the framework is part of the compilation (a drop audited without its packages).
/// 0.024 is the non-deductible CSG rate and 0.005 the CRDS rate on 2026-11-29: neither is believable
/// by its digits alone.
/// </summary>
public sealed class AssertedValuesTests
{
    private const string Result = """
        public enum Code { CsgNonDeductible, Marge }
        public sealed class Resultat { public decimal TauxCsgNonDeductible { get; set; } public decimal Crds { get; set; } public decimal Marge { get; set; } public decimal TauxCrds() => 0m; }
        """;

    // The frameworks' shapes, for the compilations that have them.
    private const string Frameworks = """
        namespace Xunit { public static class Assert { public static void Equal<T>(T expected, T actual) { } } }
        namespace NUnit.Framework
        {
            public static class Assert { public static void That<T>(T actual, Constraint constraint) { } }
            public static class Is { public static Constraint EqualTo(object expected) => new(); }
            public sealed class Constraint { public Constraint Within(object tolerance) => this; }
        }
        namespace FluentAssertions
        {
            public static class Extensions { public static Assertions<T> Should<T>(this T value) => new(); }
            public sealed class Assertions<T> { public void Be(T expected) { } }
        }
        namespace Shouldly { public static class Extensions { public static void ShouldBe<T>(this T actual, T expected) { } } }
        """;

    [Theory]
    [InlineData("Xunit", "Assert.Equal(0.024m, r.TauxCsgNonDeductible);", "LR0003 0.024")]
    [InlineData("Xunit", "Assert.Equal(0.024m, taux[Code.CsgNonDeductible]);", "LR0003 0.024")]
    [InlineData("Xunit", "Assert.Equal(r.Crds, 0.005m);", "LR0003 0.005")]
    [InlineData("NUnit.Framework", "Assert.That(r.TauxCrds(), Is.EqualTo(0.005m));", "LR0003 0.005")]
    [InlineData("NUnit.Framework", "Assert.That(r.Crds, Is.EqualTo(0.005m).Within(0.001m));", "LR0003 0.005")]
    [InlineData("FluentAssertions", "taux[Code.CsgNonDeductible].Should().Be(0.024m);", "LR0003 0.024")]
    [InlineData("Shouldly", "r.Crds.ShouldBe(0.005m);", "LR0003 0.005")]
    public async Task An_expected_value_is_named_by_what_the_test_compares_it_with(string framework, string assertion, string found)
    {
        var test = Test(framework, assertion);
        Assert.Equal(new[] { found }, await FoundAsync(SocialCode.Marker, Result, test, Frameworks));
        Assert.Equal(new[] { found }, await FoundAsync(SocialCode.Marker, Result, test));
    }

    [Theory]
    // Compared with something else, or a tolerance: not a rate of the CSG or of the CRDS.
    [InlineData("Xunit", "Assert.Equal(0.024m, r.Marge);")]
    [InlineData("Xunit", "Assert.Equal(0.024m, taux[Code.Marge]);")]
    [InlineData("NUnit.Framework", "Assert.That(r.Marge, Is.EqualTo(1m).Within(0.005m));")]
    [InlineData("FluentAssertions", "r.Marge.Should().Be(0.005m);")]
    public async Task A_value_compared_with_another_name_is_not_a_statutory_value(string framework, string assertion)
    {
        var test = Test(framework, assertion);
        Assert.Empty(await FoundAsync(SocialCode.Marker, Result, test, Frameworks));
        Assert.Empty(await FoundAsync(SocialCode.Marker, Result, test));
    }

    private static string Test(string framework, string assertion) => $$"""
        using {{framework}};
        using System.Collections.Generic;
        public class VerificationTests
        {
            public void Verifier(Resultat r, Dictionary<Code, decimal> taux)
            {
                {{assertion}}
            }
        }
        """;

    private static Task<string[]> FoundAsync(params string[] sources) => UnboundValues.DescribedAsync("2026-11-29", UnboundValues.RuleAndValue, sources);
}
