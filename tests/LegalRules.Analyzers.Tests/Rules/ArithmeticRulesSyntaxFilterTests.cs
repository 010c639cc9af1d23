using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Midpoint = LegalRules.Tests.Infrastructure.AnalyzerTest<LegalRules.Rules.MidpointRoundingAnalyzer>;
using FloatingPoint = LegalRules.Tests.Infrastructure.AnalyzerTest<LegalRules.Rules.BinaryFloatingPointAnalyzer>;
using LegalBasis = LegalRules.Tests.Infrastructure.AnalyzerTest<LegalRules.Rules.CalculationWithoutLegalBasisAnalyzer>;

namespace LegalRules.Tests.Rules;

/// <summary>
/// The arithmetic and traceability rules read syntax before they ask the compiler: the ways of
/// writing a rounding, a binary floating-point declaration or a reference to a bound member that a
/// filter on names could miss, and generated code, which they leave out themselves.
/// </summary>
public class ArithmeticRulesSyntaxFilterTests
{
    private const string RsaLabel = "Montant forfaitaire mensuel du RSA (foyer d'une personne, métropole)";
    private const string CrdsLabel = "Taux de la CRDS (revenus d'activité et de remplacement)";
    private const string SmicLabel = "Smic horaire brut (métropole)";

    private static DiagnosticResult Lr0101(int location) => new DiagnosticResult(RuleIdentifiers.MidpointRounding, DiagnosticSeverity.Warning).WithLocation(location);

    private static DiagnosticResult Lr0102(int location) => new DiagnosticResult(RuleIdentifiers.BinaryFloatingPoint, DiagnosticSeverity.Warning).WithLocation(location);

    private static DiagnosticResult Lr0201(int location) => new DiagnosticResult(RuleIdentifiers.CalculationWithoutLegalBasis, DiagnosticSeverity.Info).WithLocation(location);

    [Fact]
    public async Task Rounding_through_an_alias_a_qualified_name_using_static_and_in_every_kind_of_member_is_reported()
    {
        var fromRsa = $"an amount computed from '{Keys.Rsa}' ({RsaLabel})";
        await new Midpoint()
            .WithSource($$"""
                using LegalRules;
                using M = System.Math;
                using static System.Math;
                class Rsa
                {
                    [StatutoryParameter("{{Keys.Rsa}}")]
                    public const decimal Forfait = 651.69m;

                    decimal Alias(decimal r) => {|#0:M.Round(Forfait - r, 2)|};
                    decimal Qualifie(decimal r) => {|#1:System.Math.Round(Forfait - r, 2)|};
                    decimal Global(decimal r) => {|#2:global::System.Math.Round(Forfait - r)|};
                    decimal Statique(decimal r) => {|#3:Round(Forfait - r, 2)|};
                    decimal Propriete => {|#4:Round(Forfait / 3m, 2)|};
                    decimal Accesseur { get { return {|#5:M.Round(Forfait / 3m, 2)|}; } }
                    static readonly decimal Champ = {|#6:decimal.Round(Forfait / 3m, 2)|};
                    decimal Locale(decimal r)
                    {
                        decimal Interne() => {|#7:Round(Forfait - r, 2)|};
                        System.Func<decimal> lambda = () => {|#8:Round(Forfait + r, 2)|};
                        return Interne() + lambda();
                    }
                }
                """)
            .Expect(
                Lr0101(0).WithArguments("Math.Round", fromRsa),
                Lr0101(1).WithArguments("Math.Round", fromRsa),
                Lr0101(2).WithArguments("Math.Round", fromRsa),
                Lr0101(3).WithArguments("Math.Round", fromRsa),
                Lr0101(4).WithArguments("Math.Round", fromRsa),
                Lr0101(5).WithArguments("Math.Round", fromRsa),
                Lr0101(6).WithArguments("decimal.Round", fromRsa),
                Lr0101(7).WithArguments("Math.Round", fromRsa),
                Lr0101(8).WithArguments("Math.Round", fromRsa))
            .RunAsync();
    }

    [Fact]
    public async Task Decimal_rounding_in_functions_and_accessors_of_a_calculation_with_a_legal_basis_names_the_member()
    {
        await new Midpoint()
            .WithSource("""
                using System;
                using LegalRules;
                class Prestations
                {
                    [StatutoryReference("Article L521-1 du Code de la sécurité sociale")]
                    decimal Familiales(decimal montant)
                    {
                        decimal Arrondi() => {|#0:Math.Round(montant, 2)|};
                        return Arrondi();
                    }

                    [StatutoryReference("Article L521-1 du Code de la sécurité sociale")]
                    decimal Base => {|#1:Math.Round(Total, 2)|};

                    decimal Total { get; set; }
                }
                """)
            .Expect(
                Lr0101(0).WithArguments("Math.Round", "a decimal amount of 'Prestations.Familiales', a statutory calculation"),
                Lr0101(1).WithArguments("Math.Round", "a decimal amount of 'Prestations.Base', a statutory calculation"))
            .RunAsync();
    }

    [Fact]
    public async Task Round_methods_of_other_types_and_names_that_are_not_invocations_are_not_reported()
    {
        await new Midpoint()
            .WithSource($$"""
                using System;
                using LegalRules;
                class Rsa
                {
                    [StatutoryParameter("{{Keys.Rsa}}")]
                    public const decimal Forfait = 651.69m;

                    static decimal Round(decimal x, int n) => x;
                    decimal Mode(decimal r, MidpointRounding mode) => Math.Round(Forfait - r, 2, mode);
                    decimal Maison(decimal r) => Round(Forfait - r, 2);
                    string Nom => nameof(Math.Round);
                    Func<decimal, decimal> Groupe => Math.Round;
                }
                """)
            .RunAsync();
    }

    [Fact]
    public async Task Rounding_of_a_constant_declared_elsewhere_is_reported_when_the_constant_or_its_fold_holds_the_value()
    {
        // The member filter reads constants' initialisers: a name counts when some constant of that
        // name holds a value a parameter has, when syntax cannot fold its initialiser, or when it
        // folds with another constant or literal where it is used. Each rounding below must still
        // be analysed; the two in Ordinaire must not be reported (their constants hold no such value).
        var fromCrds = $"an amount computed from '{Keys.Crds}' ({CrdsLabel})";
        await new Midpoint()
            .WithSource($$"""
                using System;
                static class Taux
                {
                    public const decimal Crds = 0.005m;
                    public const decimal CrdsCalcule = 5m / 1000m;
                    public const decimal CrdsMoitie = 0.0025m;
                    public const decimal CrdsConverti = (decimal)0.005;
                    public const int MoisParAn = 12;
                    public const decimal Demi = 0.5m;
                }

                class Autre { const decimal Crds = 7.5m; }

                class Calcul
                {
                    decimal Direct(decimal assiette) => {|#0:Math.Round(assiette * Taux.Crds, 2)|};
                    decimal Plie(decimal assiette) => {|#1:Math.Round(assiette * Taux.CrdsCalcule, 2)|};
                    decimal CrdsDouble(decimal assiette) => {|#2:Math.Round(assiette * (Taux.CrdsMoitie * 2m), 2)|};
                    decimal Converti(decimal assiette) => {|#3:Math.Round(assiette * Taux.CrdsConverti, 2)|};
                    decimal Local(decimal assiette)
                    {
                        const decimal crds = 0.005m;
                        return {|#4:Math.Round(assiette * crds, 2)|};
                    }
                }

                class Ordinaire
                {
                    decimal Mensuel(decimal annuel) => Math.Round(annuel / Taux.MoisParAn, 2);
                    decimal Moitie(decimal x) => Math.Round(x * Taux.Demi, 2);
                }
                """)
            .Expect(
                Lr0101(0).WithArguments("Math.Round", fromCrds),
                Lr0101(1).WithArguments("Math.Round", fromCrds),
                Lr0101(2).WithArguments("Math.Round", fromCrds),
                Lr0101(3).WithArguments("Math.Round", fromCrds),
                Lr0101(4).WithArguments("Math.Round", fromCrds))
            .RunAsync();
    }

    [Fact]
    public async Task Rounding_of_a_local_is_analysed_whichever_way_the_local_is_given_a_statutory_value()
    {
        // The member filter finds the values given to the names a rounding reads by searching the
        // member's text: every way of writing the name where it is given a value must be found.
        // Escaped names make the filter read the member's nodes instead.
        var fromCrds = $"an amount computed from '{Keys.Crds}' ({CrdsLabel})";
        await new Midpoint()
            .WithSource("""
                using System;
                class Calcul
                {
                    decimal Declare(decimal assiette)
                    {
                        var crds = 0.005m;
                        return {|#0:Math.Round(assiette * crds, 2)|};
                    }

                    decimal Assigne(decimal assiette)
                    {
                        decimal crds;
                        crds = 0.005m;
                        return {|#1:Math.Round(assiette * crds, 2)|};
                    }

                    decimal Parentheses(decimal assiette)
                    {
                        decimal crds;
                        (crds) = 0.005m;
                        return {|#2:Math.Round(assiette * crds, 2)|};
                    }

                    decimal Verbatim(decimal assiette)
                    {
                        var @crds = 0.005m;
                        return {|#3:Math.Round(assiette * crds, 2)|};
                    }

                    decimal Echappe(decimal assiette)
                    {
                        var \u0063rds = 0.005m;
                        return {|#4:Math.Round(assiette * crds, 2)|};
                    }

                    decimal Deuxieme(decimal assiette)
                    {
                        var crdsBrut = assiette;
                        var crds = 0.005m;
                        return {|#5:Math.Round(crdsBrut * crds, 2)|};
                    }

                    decimal Commentaire(decimal assiette)
                    {
                        decimal crds;
                        crds /* CRDS */ = 0.005m;
                        return {|#6:Math.Round(assiette * crds, 2)|};
                    }

                    decimal Retour(decimal assiette)
                    {
                        decimal crds;
                        crds
                            = 0.005m;
                        return {|#7:Math.Round(assiette * crds, 2)|};
                    }

                    // Written elsewhere than where it is given a value: taux = 0.005m
                    decimal Ailleurs(decimal assiette)
                    {
                        var texte = "taux = 0.005m";
                        var taux = assiette + texte.Length;
                        return Math.Round(taux, 2);
                    }
                }
                """)
            .Expect(
                Lr0101(0).WithArguments("Math.Round", fromCrds),
                Lr0101(1).WithArguments("Math.Round", fromCrds),
                Lr0101(2).WithArguments("Math.Round", fromCrds),
                Lr0101(3).WithArguments("Math.Round", fromCrds),
                Lr0101(4).WithArguments("Math.Round", fromCrds),
                Lr0101(5).WithArguments("Math.Round", fromCrds),
                Lr0101(6).WithArguments("Math.Round", fromCrds),
                Lr0101(7).WithArguments("Math.Round", fromCrds))
            .RunAsync();
    }

    [Fact]
    public async Task Rounding_in_a_member_marked_generated_code_is_not_reported()
    {
        await new Midpoint()
            .WithSource("""
                using System;
                class Calcul
                {
                    [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                    decimal CrdsGeneree(decimal assiette) => Math.Round(assiette * 0.005m, 2);

                    decimal Crds(decimal assiette) => {|#0:Math.Round(assiette * 0.005m, 2)|};
                }

                [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                class Proxy { decimal Crds(decimal assiette) => Math.Round(assiette * 0.005m, 2); }
                """)
            .Expect(Lr0101(0).WithArguments("Math.Round", $"an amount computed from '{Keys.Crds}' ({CrdsLabel})"))
            .RunAsync();
    }

    [Fact]
    public async Task Rounding_in_a_hidden_region_is_not_reported()
    {
        // In a file with hidden regions, what precedes the first #line directive counts as hidden too.
        await new Midpoint()
            .WithSource("""
                using System;
                class Avant { decimal Crds(decimal assiette) => Math.Round(assiette * 0.005m, 2); }
                #line default
                class Calcul
                {
                #line hidden
                    decimal CrdsCachee(decimal assiette) => Math.Round(assiette * 0.005m, 2);
                #line default
                    decimal Crds(decimal assiette) => {|#0:Math.Round(assiette * 0.005m, 2)|};
                }
                """)
            .Expect(Lr0101(0).WithArguments("Math.Round", $"an amount computed from '{Keys.Crds}' ({CrdsLabel})"))
            .RunAsync();
    }

    [Fact]
    public async Task Var_and_named_floating_point_declarations_holding_a_statutory_double_are_reported()
    {
        await new FloatingPoint()
            .WithSource($$"""
                using System;
                using LegalRules;
                static class Paie
                {
                    [StatutoryParameter("{{Keys.Crds}}")]
                    public static decimal Crds { get; } = 0.005m;

                    [StatutoryParameter("{{Keys.Crds}}")]
                    public static {|#0:double|} CrdsD => 0.005;

                    static double Taux()
                    {
                        {|#1:var|} taux = Paie.CrdsD;
                        {|#2:var|} tauxCrds = 0.005;
                        {|#3:Double|} nomme = (double)Crds;
                        {|#4:System.Double|} qualifie = CrdsD;
                        {|#5:double|} crdsConverti = (double)0.005m;
                        var crdsDecimal = 0.005m;
                        var calcule = taux * 2;
                        var texte = "0.005";
                        return taux + tauxCrds + nomme + qualifie + calcule + crdsConverti + (double)crdsDecimal;
                    }
                }
                """)
            .Expect(
                Lr0102(0).WithArguments("CrdsD", "double", Keys.Crds, CrdsLabel),
                Lr0102(1).WithArguments("taux", "double", Keys.Crds, CrdsLabel),
                Lr0102(2).WithArguments("tauxCrds", "double", Keys.Crds, CrdsLabel),
                Lr0102(3).WithArguments("nomme", "double", Keys.Crds, CrdsLabel),
                Lr0102(4).WithArguments("qualifie", "double", Keys.Crds, CrdsLabel),
                Lr0102(5).WithArguments("crdsConverti", "double", Keys.Crds, CrdsLabel))
            .RunAsync();
    }

    [Fact]
    public async Task A_var_is_typed_only_where_its_value_may_hold_a_statutory_value_and_every_such_value_is_still_reported()
    {
        // The type of a var set from a name is asked for only when the name may be bound or names a
        // constant that may hold a parameter's value (or the declaring member is bound): each case here
        // must still be reported; the names of parameters and of constants no parameter has are not.
        await new FloatingPoint()
            .WithSource($$"""
                using System;
                using LegalRules;
                static class Constantes
                {
                    public const {|#5:double|} Crds = 0.005;
                    public const {|#6:double|} CrdsPlie = 0.5 / 100;
                    public const {|#7:double|} CrdsNomme = Crds;
                    public const double MoisParAn = 12;
                }

                static class Paie
                {
                    static double ratio = 0.25;

                    [StatutoryParameter("{{Keys.Crds}}")]
                    static readonly Func<double> Lie = () => { {|#0:var|} lu = ratio; return lu; };

                    static double Taux(DateTime debut, double assiette)
                    {
                        const {|#8:double|} crdsLocal = 0.005;
                        {|#1:var|} a = Constantes.Crds;
                        {|#2:var|} b = Constantes.CrdsPlie;
                        {|#3:var|} c = Constantes.CrdsNomme;
                        {|#4:var|} tauxCrds = crdsLocal;
                        var e = Constantes.MoisParAn;
                        var f = assiette;
                        var courant = debut;
                        return a + b + c + tauxCrds + e + f + courant.Day;
                    }
                }
                """)
            .Expect(
                Lr0102(0).WithArguments("lu", "double", Keys.Crds, CrdsLabel),
                Lr0102(1).WithArguments("a", "double", Keys.Crds, CrdsLabel),
                Lr0102(2).WithArguments("b", "double", Keys.Crds, CrdsLabel),
                Lr0102(3).WithArguments("c", "double", Keys.Crds, CrdsLabel),
                Lr0102(4).WithArguments("tauxCrds", "double", Keys.Crds, CrdsLabel),
                Lr0102(5).WithArguments("Crds", "double", Keys.Crds, CrdsLabel),
                Lr0102(6).WithArguments("CrdsPlie", "double", Keys.Crds, CrdsLabel),
                Lr0102(7).WithArguments("CrdsNomme", "double", Keys.Crds, CrdsLabel),
                Lr0102(8).WithArguments("crdsLocal", "double", Keys.Crds, CrdsLabel))
            .RunAsync();
    }

    [Fact]
    public async Task Floating_point_declarations_in_a_member_marked_generated_code_are_not_reported()
    {
        await new FloatingPoint()
            .WithSource("""
                class Calcul
                {
                    [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                    double CrdsGeneree() => 0.005;

                    [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                    double TauxCrds = 0.005;

                    {|#0:double|} Crds() => 0.005;
                }

                [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                class Proxy { double Crds = 0.005; }
                """)
            .Expect(Lr0102(0).WithArguments("Crds", "double", Keys.Crds, CrdsLabel))
            .RunAsync();
    }

    [Fact]
    public async Task Floating_point_declarations_in_a_hidden_region_are_not_reported()
    {
        await new FloatingPoint()
            .WithSource("""
                class Avant { double Crds() => 0.005; }
                #line default
                class Calcul
                {
                #line hidden
                    double CrdsCache() => 0.005;
                #line default
                    {|#0:double|} Crds() => 0.005;
                }
                """)
            .Expect(Lr0102(0).WithArguments("Crds", "double", Keys.Crds, CrdsLabel))
            .RunAsync();
    }

    [Fact]
    public async Task Bound_members_reached_through_using_static_an_alias_a_default_value_or_an_interface_are_found()
    {
        await new LegalBasis()
            .WithSource($$"""
                using LegalRules;
                using S = Paie.Smic;
                using static Paie.Smic;
                namespace Paie
                {
                    public static class Smic
                    {
                        [StatutoryParameter("{{Keys.SmicHoraire}}")]
                        public const decimal Horaire = 12.31m;
                    }

                    public class Calculs
                    {
                        public decimal {|#0:Statique|}(decimal heures) => Horaire * heures;
                        public decimal {|#1:Alias|}(decimal heures) => S.Horaire * heures;
                        public decimal {|#2:Defaut|}(decimal heures, decimal taux = Smic.Horaire) => taux * heures;
                        public decimal {|#3:Lambda|}(decimal heures)
                        {
                            System.Func<decimal> f = () => heures * global::Paie.Smic.Horaire;
                            return f();
                        }

                        public decimal Masque(decimal heures)
                        {
                            var Horaire = 10m;
                            return Horaire * heures;
                        }

                        public decimal {|#4:Propriete|} => S.Horaire * 151.67m;
                    }

                    public interface ICalcul
                    {
                        decimal {|#5:Mensuel|}(decimal heures) => Horaire * heures;
                    }
                }
                """)
            .Expect(
                Lr0201(0).WithArguments("Calculs.Statique", Keys.SmicHoraire, SmicLabel),
                Lr0201(1).WithArguments("Calculs.Alias", Keys.SmicHoraire, SmicLabel),
                Lr0201(2).WithArguments("Calculs.Defaut", Keys.SmicHoraire, SmicLabel),
                Lr0201(3).WithArguments("Calculs.Lambda", Keys.SmicHoraire, SmicLabel),
                Lr0201(4).WithArguments("Calculs.Propriete", Keys.SmicHoraire, SmicLabel),
                Lr0201(5).WithArguments("ICalcul.Mensuel", Keys.SmicHoraire, SmicLabel))
            .RunAsync();
    }

    [Fact]
    public async Task Bound_members_of_a_referenced_assembly_are_found()
    {
        var library = CSharpCompilation.Create(
            "Bareme",
            new[]
            {
                CSharpSyntaxTree.ParseText($$"""
                    namespace Bareme
                    {
                        public static class Smic
                        {
                            [LegalRules.StatutoryParameter("{{Keys.SmicHoraire}}")]
                            public const decimal HoraireBrut = 12.31m;

                            [LegalRules.StatutoryParameter("{{Keys.SmicHoraire}}")]
                            public static decimal Horaire { get; } = 12.31m;
                        }
                    }
                    """),
            },
            TestReferences.Runtime.Add(TestReferences.Annotations),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        var test = new LegalBasis()
            .WithSource("""
                public class Paie
                {
                    public decimal {|#0:Mensuel|}(decimal heures) => Bareme.Smic.HoraireBrut * heures;
                    public decimal {|#1:Annuel|}(decimal heures) => Bareme.Smic.Horaire * heures * 12m;
                }
                """)
            .Expect(
                Lr0201(0).WithArguments("Paie.Mensuel", Keys.SmicHoraire, SmicLabel),
                Lr0201(1).WithArguments("Paie.Annuel", Keys.SmicHoraire, SmicLabel));
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromImage(image.ToArray()));
        await test.RunAsync();
    }

    [Fact]
    public async Task Members_bound_by_a_bindings_file_by_qualified_name_count()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(
            new[]
            {
                """
                namespace Vendor.Paie
                {
                    public static class Smic
                    {
                        public static decimal SmicHoraireBrut { get; } = 11.88m;
                    }

                    public class Calcul
                    {
                        public decimal Mensuel(decimal heures) => Smic.SmicHoraireBrut * heures;
                    }
                }
                """,
            },
            additionalFiles: new[] { ("/src/vendor.legal-bindings.yaml", $"bindings:\n  \"Vendor.Paie.Smic.SmicHoraireBrut\": {Keys.SmicHoraire}\n") });

        var diagnostic = Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.CalculationWithoutLegalBasis);
        Assert.Equal(Keys.SmicHoraire, diagnostic.Properties["key"]);
        Assert.Equal(9, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public async Task Calculations_in_generated_code_are_not_reported()
    {
        await new LegalBasis()
            .WithSource($$"""
                using LegalRules;
                public static class Smic
                {
                    [StatutoryParameter("{{Keys.SmicHoraire}}")]
                    public const decimal Horaire = 12.31m;

                    [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                    public static decimal Genere(decimal heures) => Horaire * heures;

                    [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                    public static decimal GenereePropriete => Horaire * 151.67m;
                #line hidden
                    public static decimal Cache(decimal heures) => Horaire * heures;
                #line default
                    public static decimal {|#0:Visible|}(decimal heures) => Horaire * heures;
                }
                """)
            .Expect(Lr0201(0).WithArguments("Smic.Visible", Keys.SmicHoraire, SmicLabel))
            .RunAsync();
    }

    [Fact]
    public async Task Broken_code_in_a_rounding_or_a_floating_point_value_never_makes_the_rules_throw()
    {
        // Roslyn 4.8 throws when asked for the operation of an assignment to an interpolated string;
        // DirectRun fails on any AD0001.
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            """
            using System;
            public static class Smic
            {
                public static decimal Arrondi => Math.Round($"Smic" = 11.88m, 2);
                public static decimal Accesseur { get { return Math.Round($"Smic {1}" = 11.88m); } }
                public static double Taux { get { var s = $"Smic" = 11.88; return 0.005; } }
                public static double Methode() { var s = $"Smic" = 11.88; double crds = 0.005; return crds; }
                public static double Local => $"Smic" = 0.005;
            }
            """,
        });

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
