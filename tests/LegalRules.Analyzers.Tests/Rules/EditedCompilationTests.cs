using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.Analysis;
using LegalRules.Hosting;
using LegalRules.Matching;
using LegalRules.Rules;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LegalRules.Tests.Rules;

/// <summary>
/// What the rules read from every file for the whole compilation (declarations' parameter names,
/// binding attributes and their aliases, constants, declarations of <c>MidpointRounding</c>) is read
/// once per syntax tree and kept with the tree: in the IDE, a keystroke makes a new compilation in
/// which only the edited file is a new tree. These tests edit one file of a compilation as the IDE
/// does (<see cref="Compilation.ReplaceSyntaxTree"/>, the other trees kept) and check that each
/// answer follows the edit, in both directions.
/// </summary>
public class EditedCompilationTests
{
    private const string ForfaitLogement = "prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_fl.forfait_logement.taux_1_personne";

    private const string Caller = """
        class Calcul
        {
            decimal Traiter(decimal m) => Outils.Appliquer(m, 0.12m);
        }
        """;

    [Fact]
    public async Task A_parameter_renamed_in_another_file_corroborates_the_argument_after_the_edit_and_not_after_the_edit_back()
    {
        // 0.12 (the RSA's forfait logement rate for one person) is corroborated only by the name of the parameter it is passed as.
        var before = DirectRun.Compile(new[] { Caller, Tools("autre"), SocialCode.Marker });
        var after = Edit(before, 1, Tools("forfaitLogement"));
        var back = Edit(after, 1, Tools("autre"));

        Assert.Same(before.SyntaxTrees.First(), after.SyntaxTrees.First());
        Assert.Empty(ForfaitLogementFindings(await DirectRun.AnalyzeAsync(before)));
        Assert.Single(ForfaitLogementFindings(await DirectRun.AnalyzeAsync(after)));
        Assert.Empty(ForfaitLogementFindings(await DirectRun.AnalyzeAsync(back)));

        static string Tools(string parameter) => $"static class Outils {{ public static decimal Appliquer(decimal m, decimal {parameter}) => m; }}";
    }

    [Fact]
    public async Task A_type_created_through_an_alias_declared_in_another_file_is_left_to_the_compiler()
    {
        // The alias hides which constructor is called: the argument must reach the compiler, which names the parameter.
        var before = DirectRun.Compile(new[]
        {
            "class Calcul { decimal Traiter() => new R(0.12m).Valeur; }",
            "class Regle { public Regle(decimal forfaitLogement) => Valeur = forfaitLogement; public decimal Valeur { get; } }",
            "class R { public R(decimal autre) => Valeur = autre; public decimal Valeur { get; } }",
            SocialCode.Marker,
        });
        var aliased = Edit(before, 2, "global using R = Regle;");

        Assert.Empty(ForfaitLogementFindings(await DirectRun.AnalyzeAsync(before)));
        Assert.Single(ForfaitLogementFindings(await DirectRun.AnalyzeAsync(aliased)));
    }

    [Fact]
    public void Each_method_called_gives_its_own_parameter_names_whichever_file_declares_it()
    {
        // Methods of two types in two files, each with a parameter of its own: the words of a call are
        // those of the method it names, found in the file that declares it.
        const int Methods = 70;
        var calls = string.Concat(Enumerable.Range(0, Methods).Select(i => $"m = Outils{i % 2}.Appliquer{i}(m, 0.12m); "));
        var declarations = Enumerable.Range(0, 2).Select(file => $"static class Outils{file} {{ "
            + string.Concat(Enumerable.Range(0, Methods).Where(i => i % 2 == file).Select(i => $"public static decimal Appliquer{i}(decimal m, decimal forfaitLogementCas{Letters(i)}) => m; "))
            + "}");
        var caller = CSharpSyntaxTree.ParseText($"class Calcul {{ decimal Traiter(decimal m) {{ {calls}return m; }} }}");
        var compilation = CSharpCompilation.Create("Mots", declarations.Select(d => CSharpSyntaxTree.ParseText(d)).Prepend(caller), TestReferences.Runtime);
        var names = ParameterNames.For(compilation);
        var method = compilation.GetTypeByMetadataName("Calcul")!.GetMembers("Traiter").Single();

        var literals = caller.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.Token.Text == "0.12m").ToList();
        Assert.Equal(Methods, literals.Count);
        for (var i = 0; i < Methods; i++)
        {
            var words = CodeContext.SyntacticWordsAround(literals[i], method, names)?.ToSet();
            Assert.NotNull(words);
            var expected = new HashSet<string>(StringComparer.Ordinal);
            NameWords.AddWords("forfaitLogementCas" + Letters(i), expected);
            Assert.Superset(expected, words!);
            var another = new HashSet<string>(StringComparer.Ordinal);
            NameWords.AddWords("forfaitLogementCas" + Letters((i + 1) % Methods), another);
            another.ExceptWith(expected);
            Assert.NotEmpty(another);
            Assert.Empty(another.Intersect(words!));
        }

        // Words of letters only: a method's own parameter, told apart from the others'.
        static string Letters(int i) => new(new[] { (char)('a' + (i / 26)), (char)('a' + (i % 26)) });
    }

    [Fact]
    public void An_alias_of_the_binding_attribute_added_in_another_file_makes_the_names_it_binds_bound_names()
    {
        var before = DirectRun.Compile(new[]
        {
            """class Regles { [Loi("prelevements_sociaux.contributions_sociales.crds")] public static decimal TauxCrds = 0.005m; }""",
            "class Rien { }",
        });
        var aliased = Edit(before, 1, "global using Loi = LegalRules.StatutoryParameterAttribute;");
        var removed = Edit(aliased, 0, "class Regles { public static decimal TauxCrds = 0.005m; }");

        Assert.False(BoundNames(before).MayBeBound("TauxCrds"));
        Assert.True(BoundNames(aliased).MayBeBound("TauxCrds"));
        Assert.False(BoundNames(removed).MayBeBound("TauxCrds"));
    }

    [Fact]
    public async Task A_file_read_with_one_registry_is_read_again_with_another()
    {
        // The same tree in two compilations with different registries: with a registry where 651.69
        // is no parameter's value, the constant cannot make the rounding statutory; with the
        // embedded registry, it is the RSA amount, and the rounding of an amount computed from it is
        // reported (LR0101). Nothing else names the rounding an amount.
        const string Source = """
            using System;
            class Calcul
            {
                const decimal Forfait = 651.69m;
                decimal Part(decimal n) => Math.Round(n * Forfait, 2);
            }

            class CotisationsSalariales { }
            """;
        const string OtherRegistry = """
            registry:
              name: Autre registre
            parameters:
              essai.alpha.part:
                label: Part alpha
                unit: /1
                reference: {title: "Arrêté du 1er janvier 2020"}
                values:
                  2020-01-01: 0.45
            """;
        var first = DirectRun.Compile(new[] { Source });
        var second = first.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Rien { }"));

        var withOther = await DirectRun.AnalyzeAsync(first, new Dictionary<string, string> { ["legal_rules.default_registry"] = "false" }, new[] { ("/0/autre.legal.yaml", OtherRegistry) });
        var withEmbedded = await DirectRun.AnalyzeAsync(second);

        Assert.DoesNotContain(withOther, d => d.Id == RuleIdentifiers.MidpointRounding);
        Assert.Contains(withEmbedded, d => d.Id == RuleIdentifiers.MidpointRounding && d.Properties["key"] == Keys.Rsa);
    }

    [Theory]
    [InlineData("enum MidpointRounding { Up }", true)]
    [InlineData("namespace Outils.MidpointRounding { class C { } }", true)]
    [InlineData("namespace MidpointRounding;", true)]
    [InlineData("class C { int MidpointRounding; }", true)]
    [InlineData("class C { int MidpointRounding() => 0; }", true)]
    [InlineData("record R(int MidpointRounding);", true)]
    [InlineData("class C { int \\u004DidpointRounding; }", true)]
    [InlineData("using MidpointRounding = System.Int32;", true)]
    [InlineData("using System = Outils;", true)]
    [InlineData("namespace N { using MidpointRounding = System.Int32; }", true)]
    [InlineData("class C { decimal F(decimal x) => System.Math.Round(x, 2, System.MidpointRounding.AwayFromZero); }", false)]
    [InlineData("class C { string S = \"MidpointRounding\"; } // MidpointRounding", false)]
    [InlineData("class C { object M = typeof(MidpointRounding); }", false)]
    public void A_file_gives_MidpointRounding_another_meaning_only_where_it_declares_or_aliases_the_name(string source, bool gives)
        => Assert.Equal(gives, StatedModeNames.GivesOtherMeaning(CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))));

    private static Compilation Edit(Compilation compilation, int file, string text)
    {
        var tree = compilation.SyntaxTrees.ElementAt(file);
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)tree.Options, tree.FilePath));
    }

    private static BoundMemberNames BoundNames(Compilation compilation)
    {
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(new Dictionary<string, string> { ["legal_rules.as_of"] = "2026-06-01" }));
        return BoundMemberNames.For(compilation, LegalRulesCompilationState.Get(compilation, options, CancellationToken.None));
    }

    private static List<Diagnostic> ForfaitLogementFindings(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics.Where(d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue && d.Properties["key"] == ForfaitLogement).ToList();
}
