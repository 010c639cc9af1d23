using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// A value passed along a fluent chain is named by the member the chain configures or validates: the
/// lambda of an earlier call (<c>Property(p => p.TauxCsgDeductible)</c>, <c>RuleFor(x => x.MontantAah)</c>),
/// also where the chain's library is missing from the drop and the compiler cannot resolve the call.
/// The embedded registry, on 2026-06-01: 0.068 is the deductible CSG rate, not distinctive.
/// </summary>
public sealed class FluentChainTests
{
    private const string Cotisation = "public class ParametreCotisation { public decimal TauxCsgDeductible { get; set; } public decimal FraisGestion { get; set; } }";

    private const string Fluent = """
        public class Colonne { public Colonne HasPrecision(int precision, int scale) => this; public Colonne HasDefaultValue(object value) => this; }
        public class Configuration { public Colonne Property<T>(System.Func<ParametreCotisation, T> member) => new Colonne(); }
        """;

    [Theory]
    // The library is in the compilation: the calls resolve.
    [InlineData(true, "public class Cfg { public void Configure(Configuration builder) { builder.Property(p => p.TauxCsgDeductible).HasPrecision(9, 6).HasDefaultValue(0.068m); } }")]
    // EF Core is missing from the drop: nothing resolves, the chain still names the member.
    [InlineData(false, "public class Cfg { public void Configure(EntityTypeBuilder<ParametreCotisation> builder) { builder.Property(p => p.TauxCsgDeductible).HasPrecision(9, 6).HasDefaultValue(0.068m); } }")]
    public async Task A_value_in_a_fluent_chain_is_named_by_the_member_it_configures(bool withLibrary, string source)
    {
        var found = withLibrary
            ? await FoundAsync(Cotisation, Fluent, source)
            : await FoundAsync(Cotisation, source);

        Assert.Equal(new[] { "LR0003 0.068" }, found);
    }

    [Theory]
    [InlineData("public class Cfg { public void Configure(Configuration builder) { builder.Property(p => p.FraisGestion).HasPrecision(9, 6).HasDefaultValue(0.068m); } }")]
    [InlineData("public class Cfg { public void Configure(EntityTypeBuilder<ParametreCotisation> builder) { builder.Property(p => p.FraisGestion).HasDefaultValue(0.068m); } }")]
    public async Task A_value_in_a_chain_that_configures_another_member_is_not_named_by_it(string source)
        => Assert.Empty(await FoundAsync(Cotisation, Fluent, source));

    private static Task<string[]> FoundAsync(params string[] sources)
        => UnboundValues.DescribedAsync("2026-06-01", UnboundValues.RuleAndValue, [SocialCode.Marker, .. sources]);
}
