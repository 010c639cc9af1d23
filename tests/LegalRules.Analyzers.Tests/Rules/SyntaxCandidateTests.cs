using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Rules;

/// <summary>
/// The statutory rules find their candidates from syntax before asking the compiler: what syntax
/// narrows down must still reach every constant the compiler folds and every bound member — named
/// constants in folded expressions, folded parts of larger expressions, aliased attributes, members
/// bound by a bindings file, indexers and getters.
/// </summary>
public class SyntaxCandidateTests
{
    [Fact]
    public async Task Folded_expressions_of_named_constants_are_checked_like_literals()
    {
        // 4005 * 12 is the PASS; each folded expression is reported once, at its top.
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            """
            class Plafonds
            {
                const decimal Mois = 12m;
                decimal PassDeConstantes => Unites.Pmss * Mois;
                decimal PassDansUnCalcul(decimal taux) => taux * -(4005m * (int)12m);
                decimal PassVerifie(decimal taux) => checked(4005m * 12m) * taux;
                decimal PassConditionnel(bool annuel) => annuel ? 4005m * 12m : 0m;
            }
            static class Unites { public const decimal Pmss = 4005m; }
            """,
        });

        var pass = diagnostics.Where(d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue && d.Properties["key"] == Keys.Pass)
            .Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan))
            .OrderBy(t => t, System.StringComparer.Ordinal)
            .ToList();
        Assert.Equal(new[] { "4005m * (int)12m", "4005m * 12m", "4005m * 12m", "Unites.Pmss * Mois" }, pass);
    }

    [Fact]
    public async Task Expressions_with_a_variable_are_not_folded_and_names_that_are_not_constants_do_not_count()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            """
            class Calcul
            {
                const decimal Mois = 12m;
                decimal Annuel(decimal pmss) => pmss * Mois;
                decimal Local() { decimal Pmss = 4005m; return Pmss * Mois; }
            }
            """,
        });

        // Only the literal 4005m (the PMSS) is a statutory value here.
        var found = diagnostics.Where(d => d.Id is RuleIdentifiers.UnreferencedStatutoryValue or RuleIdentifiers.SupersededValue).ToList();
        var single = Assert.Single(found);
        Assert.Equal(Keys.Pmss, single.Properties["key"]);
    }

    [Fact]
    public async Task Members_bound_through_an_aliased_attribute_or_a_bindings_file_have_their_initializers_and_getters_checked()
    {
        const string Bindings = $$"""
            bindings:
              Vendor.Rsa.Forfait: {{Keys.Rsa}}
              "P:Vendor.Rsa.Getter": {{Keys.Rsa}}
            """;
        var diagnostics = await DirectRun.AnalyzeAsync(
            new[]
            {
                $$"""
                using Lie = LegalRules.StatutoryParameterAttribute;
                namespace Vendor
                {
                    class Rsa
                    {
                        [Lie("{{Keys.Rsa}}")] static readonly decimal Alias = 600.01m;
                        [Lie("{{Keys.Rsa}}")] decimal AliasProperty { get; } = 600.02m;
                        decimal Forfait = 600.03m;
                        decimal Getter { get { return 600.04m; } }
                        decimal NotBound = 600.05m;
                    }
                }
                """,
            },
            additionalFiles: new[] { ("/drop/vendor.legal-bindings.yaml", Bindings) });

        var divergent = diagnostics.Where(d => d.Id == RuleIdentifiers.DivergentValue).Select(d => d.Properties["found"]).OrderBy(f => f, System.StringComparer.Ordinal);
        Assert.Equal(new[] { "600.01", "600.02", "600.03", "600.04" }, divergent);
    }

    [Fact]
    public async Task A_bound_indexer_getter_is_checked()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            $$"""
            using LegalRules;
            class Bareme
            {
                [StatutoryParameter("{{Keys.Rsa}}")]
                public decimal this[int foyer] => 600.06m;
            }
            """,
        });

        var divergent = Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.DivergentValue);
        Assert.Equal("600.06", divergent.Properties["found"]);
    }

    [Fact]
    public async Task Members_bound_by_attribute_in_every_form_of_declaration_are_seen_by_the_arithmetic_rules()
    {
        // The arithmetic rules read from syntax which names may name a bound member: each form of
        // declaration below binds one, and the public calculation that uses it is reported (LR0201).
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            """
            global using Global = LegalRules.StatutoryParameterAttribute;
            """,
            $$"""
            using Local = LegalRules.StatutoryParameterAttribute;
            namespace Vendor;

            public static class Valeurs
            {
                [System.Obsolete, global::LegalRules.StatutoryParameter("{{Keys.SmicHoraire}}")] public const decimal Qualifie = 12.31m;
                [Local("{{Keys.SmicHoraire}}")] public static readonly decimal Premier = 12.31m, Second = 12.31m;
                [Global("{{Keys.SmicHoraire}}")] public static decimal Propriete { get; } = 12.31m;
                [LegalRules.StatutoryParameterAttribute("{{Keys.SmicHoraire}}")] public static decimal Long => 12.31m;
            }

            public enum Codes { [LegalRules.StatutoryParameter("{{Keys.SmicHoraire}}")] Horaire = 12 }

            public record Bareme([property: LegalRules.StatutoryParameter("{{Keys.SmicHoraire}}")] decimal Positionnel);

            public class Calculs
            {
                public decimal ParQualifie(decimal h) => Valeurs.Qualifie * h;
                public decimal ParSecond(decimal h) => Valeurs.Second * h;
                public decimal ParPropriete(decimal h) => Valeurs.Propriete * h;
                public decimal ParLong(decimal h) => Valeurs.Long * h;
                public int ParEnum(int h) => (int)Codes.Horaire * h;
                public decimal ParPositionnel(Bareme b, decimal h) => b.Positionnel * h;
            }
            """,
        });

        var calculations = diagnostics.Where(d => d.Id == RuleIdentifiers.CalculationWithoutLegalBasis)
            .Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan))
            .OrderBy(t => t, System.StringComparer.Ordinal);
        Assert.Equal(new[] { "ParEnum", "ParLong", "ParPositionnel", "ParPropriete", "ParQualifie", "ParSecond" }, calculations);
    }

    [Fact]
    public async Task A_member_bound_by_an_attribute_written_with_unicode_escapes_is_seen_by_the_arithmetic_rules()
    {
        // Files are searched for the attribute's names before their members are walked; an
        // identifier written with escapes does not contain the name as text, and must still count.
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            $$"""
            namespace Vendor;

            public static class Valeurs
            {
                [LegalRules.Statutory\u0050arameter("{{Keys.SmicHoraire}}")] public const decimal Horaire = 12.31m;
            }
            """,
            """
            namespace Vendor;

            public class Calculs
            {
                public decimal Salaire(decimal h) => Valeurs.Horaire * h;
            }
            """,
        });

        var calculation = Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.CalculationWithoutLegalBasis);
        Assert.Equal("Salaire", calculation.Location.SourceTree!.GetText().ToString(calculation.Location.SourceSpan));
    }

    [Fact]
    public async Task A_bound_member_named_with_unicode_escapes_or_from_another_file_is_seen_by_the_arithmetic_rules()
    {
        // A file whose text contains no name of a bound member is not walked for one: a name written
        // with escapes does not contain the name as text, and must still count.
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            $$"""
            namespace Vendor;

            public static class Valeurs
            {
                [LegalRules.StatutoryParameter("{{Keys.SmicHoraire}}")] public const decimal Horaire = 12.31m;
            }
            """,
            """
            namespace Vendor;

            public class Calculs
            {
                public decimal Echappe(decimal h) => Valeurs.Hor\u0061ire * h;
                public decimal Propriete => Valeurs.Hor\u0061ire * 2;
            }
            """,
            """
            namespace Vendor;

            public class Autres
            {
                public decimal Direct(decimal h) => Valeurs.Horaire * h;
                public decimal Rien(decimal h) => h * 2;
            }
            """,
        });

        var calculations = diagnostics.Where(d => d.Id == RuleIdentifiers.CalculationWithoutLegalBasis)
            .Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan))
            .OrderBy(t => t, System.StringComparer.Ordinal);
        Assert.Equal(new[] { "Direct", "Echappe", "Propriete" }, calculations);
    }
}
