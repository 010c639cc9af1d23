using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LegalRules.Hosting;
using LegalRules.Matching;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LegalRules.Tests.Rules;

/// <summary>
/// A value passed as an argument is corroborated by the name of the parameter it is passed as,
/// which syntax reads from the declarations (<see cref="ParameterNames"/>) before the member is
/// bound: every way of declaring or calling that parameter must still reach the compiler, and the
/// value still be reported. 0.12 is the RSA's forfait logement rate (one person): neither the member
/// nor the type around it says so, only the parameter's name.
/// </summary>
public class ArgumentSyntaxFilterTests
{
    private static MetadataReference? LibraryImage;

    private const string ForfaitLogement = "prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_fl.forfait_logement.taux_1_personne";

    public static IEnumerable<object[]> Calls()
    {
        yield return Case("source method", "Outils.Appliquer(m, 0.12m)", "static class Outils { public static decimal Appliquer(decimal m, decimal forfaitLogement) => m; }");
        yield return Case("overload", "Outils.Appliquer(m, 0.12m)", "static class Outils { public static decimal Appliquer(decimal m) => m; public static decimal Appliquer(decimal m, decimal forfaitLogement) => m; }");
        yield return Case("params", "Outils.Somme(m, 0.12m)", "static class Outils { public static decimal Somme(params decimal[] forfaitLogement) => 0m; }");
        yield return Case("extension method called as an instance's", "m.Appliquer(0.12m)", "static class Outils { public static decimal Appliquer(this decimal m, decimal forfaitLogement) => m; }");
        yield return Case("conditional access", "Outils.Instance?.Appliquer(m, 0.12m) ?? 0m", "class Outils { public static Outils? Instance; public decimal Appliquer(decimal m, decimal forfaitLogement) => m; }");
        yield return Case("generic method", "Outils.Appliquer<int>(m, 0.12m)", "static class Outils { public static decimal Appliquer<T>(decimal m, decimal forfaitLogement) => m; }");
        yield return Case("named argument", "Outils.Appliquer(forfaitLogement: 0.12m, m: m)", "static class Outils { public static decimal Appliquer(decimal m, decimal forfaitLogement) => m; }");
        yield return Case("method of a nested type", "Outils.Interne.Appliquer(m, 0.12m)", "static class Outils { public static class Interne { public static decimal Appliquer(decimal m, decimal forfaitLogement) => m; } }");
        yield return Case("method of another part of a partial type", "Outils.Appliquer(m, 0.12m)", "static partial class Outils { } static partial class Outils { public static decimal Appliquer(decimal m, decimal forfaitLogement) => m; }");
        yield return Case("partial method", "Outils.Appliquer(m, 0.12m)", "static partial class Outils { public static partial decimal Appliquer(decimal m, decimal forfaitLogement); public static partial decimal Appliquer(decimal m, decimal forfaitLogement) => m; }");
        yield return Case("constructor", "new Regle(0.12m).Valeur", "class Regle { public Regle(decimal forfaitLogement) => Valeur = forfaitLogement; public decimal Valeur { get; } }");
        yield return Case("qualified constructor", "new Espace.Regle(0.12m).Valeur", "namespace Espace { class Regle { public Regle(decimal forfaitLogement) => Valeur = forfaitLogement; public decimal Valeur { get; } } }");
        yield return Case("primary constructor", "new Regle(0.12m).ForfaitLogement", "record Regle(decimal ForfaitLogement);");
        yield return Case("class's primary constructor", "new Regle(0.12m).Valeur", "class Regle(decimal forfaitLogement) { public decimal Valeur => forfaitLogement; }");
        yield return Case("constructor of a nested type", "new Outils.Regle(0.12m).Valeur", "static class Outils { public class Regle { public Regle(decimal forfaitLogement) => Valeur = forfaitLogement; public decimal Valeur { get; } } }");
        yield return Case("constructor of a generic type", "new Regle<int>(0.12m).Valeur", "class Regle<T> { public Regle(decimal forfaitLogement) => Valeur = forfaitLogement; public decimal Valeur { get; } }");
        yield return Case("struct's constructor", "new Regle(0.12m).Valeur", "struct Regle { public Regle(decimal forfaitLogement) => Valeur = forfaitLogement; public decimal Valeur { get; } }");
        yield return Case("delegate of source", "Appel(0.12m)", "delegate decimal Regle(decimal forfaitLogement);", "Regle Appel = x => x;");
        yield return Case("delegate's Invoke", "Appel.Invoke(0.12m)", "delegate decimal Regle(decimal forfaitLogement);", "Regle Appel = x => x;");
        yield return Case("indexer", "new Table()[0.12m]", "class Table { public decimal this[decimal forfaitLogement] => forfaitLogement; }");
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_value_corroborated_only_by_its_parameter_name_is_reported(string call, string expression, string declarations, string member)
    {
        _ = call;
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            $$"""
            class Calcul
            {
                {{member}}
                decimal Traiter(decimal m) => {{expression}};
            }
            """,
            declarations,
            SocialCode.Marker,
        });

        Assert.Contains(diagnostics, d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue && d.Properties["key"] == ForfaitLogement);
    }

    [Fact]
    public async Task Local_functions_and_constructor_initializers_pass_their_parameter_names()
    {
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            """
            class Base { protected Base(decimal forfaitLogement) { } }
            class Calcul : Base
            {
                Calcul() : base(0.12m) { }
                Calcul(int n) : this(0.12m, n) { }
                Calcul(decimal forfaitLogement, int n) : base(forfaitLogement) { }
                decimal Traiter(decimal m)
                {
                    return Interne(m, 0.12m);
                    static decimal Interne(decimal m, decimal forfaitLogement) => m;
                }
            }
            """,
            SocialCode.Marker,
        });

        var found = diagnostics.Where(d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue && d.Properties["key"] == ForfaitLogement).ToList();
        Assert.Equal(3, found.Count);
    }

    [Fact]
    public async Task Calls_the_compiler_cannot_resolve_read_the_names_further_up()
    {
        // No argument operation where the call does not bind (an unknown method, a wrong count,
        // dynamic): the compiler reads the declared local's name instead.
        var diagnostics = await DirectRun.AnalyzeAsync(new[]
        {
            """
            class Calcul
            {
                decimal Appliquer(decimal m) => m;
                decimal Inconnue(decimal m) { decimal forfaitLogement = Absente(m, 0.12m); return forfaitLogement; }
                decimal Nombre(decimal m) { decimal forfaitLogement = Appliquer(m, 0.12m); return forfaitLogement; }
                object Dynamique(dynamic d) { object forfaitLogement = d.Appliquer(0.12m); return forfaitLogement; }
            }
            """,
            SocialCode.Marker,
        });

        var found = diagnostics.Where(d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue && d.Properties["key"] == ForfaitLogement).ToList();
        Assert.Equal(3, found.Count);
    }

    [Theory]
    [InlineData("image")]
    [InlineData("image, a second time")]
    [InlineData("compilation")]
    public async Task A_method_of_a_referenced_assembly_or_of_a_type_nested_there_passes_its_parameter_names(string referenceKind)
    {
        var (library, image) = Library(
            "Bibliotheque",
            "namespace Biblio { public static class Outils { public static decimal Appliquer(decimal m, decimal forfaitLogement) => m; } public class Regle { public Regle(decimal forfaitLogement) { } } public static class Externe { public static class Imbrique { public static decimal Calculer(decimal m, decimal forfaitLogement) => m; } } }");

        // The answers for an assembly read from metadata are kept with the metadata, for the next
        // compilation that references it; a compilation's reference (the IDE's project references) is read as is.
        var reference = referenceKind == "compilation" ? library.ToMetadataReference() : LibraryImage ??= image;

        var diagnostics = await AnalyzeWithReferenceAsync(
            """
            using Biblio;
            class Calcul
            {
                decimal Traiter(decimal m) => Outils.Appliquer(m, 0.12m);
                object Creer() => new Regle(0.12m);
                decimal Imbriquee(decimal m) => Externe.Imbrique.Calculer(m, 0.12m);
            }
            namespace Autre
            {
                static class Outils { public static decimal Appliquer(decimal m, decimal autre) => m; }
                class Regle { public Regle(decimal autre) { } }
            }
            """,
            reference);

        var found = diagnostics.Where(d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue && d.Properties["key"] == ForfaitLogement).ToList();
        Assert.Equal(3, found.Count);
    }

    [Fact]
    public void Syntax_reads_the_parameter_names_of_an_argument_and_gives_up_where_it_cannot_name_them()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            class Calcul
            {
                decimal Traiter(decimal m) => Math.Round(m, 2) + Outils.Appliquer(m, 0.12m) + new Table()[0.16m] + Fabrique()(0.17m);
                System.Func<decimal, decimal> Fabrique() => x => x;
            }
            static class Outils { public static decimal Appliquer(decimal montant, decimal forfaitLogement) => montant; }
            class Table { public decimal this[decimal i] => i; }
            static class Math { public static decimal Round(decimal d, int decimales) => d; }
            """);
        var compilation = CSharpCompilation.Create("Mots", new[] { tree }, TestReferences.Runtime);
        var names = ParameterNames.For(compilation);
        var method = compilation.GetTypeByMetadataName("Calcul")!.GetMembers("Traiter").Single();
        HashSet<string>? WordsOf(string text)
        {
            var literal = tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().First(l => l.Token.Text == text);
            return CodeContext.SyntacticWordsAround(literal, method, names)?.ToSet();
        }

        var applied = WordsOf("0.12m");
        Assert.NotNull(applied);
        Assert.Superset(Words("forfaitLogement", "Appliquer"), applied!);
        var rounded = WordsOf("2");
        Assert.NotNull(rounded);
        Assert.Superset(Words("decimales", "decimals", "Round"), rounded!);
        Assert.Null(WordsOf("0.16m"));
        Assert.Null(WordsOf("0.17m"));
    }

    private static HashSet<string> Words(params string[] names)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            NameWords.AddWords(name, words);
        }

        return words;
    }

    private static object[] Case(string call, string expression, string declarations, string member = "") => new object[] { call, expression, declarations, member };

    [Fact]
    public async Task An_internal_method_of_an_assembly_that_grants_access_passes_its_parameter_names_whoever_asked_first()
    {
        // The answers kept with the metadata were first asked by a compilation the assembly does not
        // let see its internals; the one it does still reads the internal method's parameters.
        var (_, reference) = Library(
            "BibliothequeInterne",
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Consommateur\")] namespace Biblio { public static class Outils { internal static decimal Reduire(decimal m, decimal forfaitLogement) => m; } }");
        const string source = """
            class Calcul
            {
                decimal Traiter(decimal m) => Biblio.Outils.Reduire(m, 0.12m);
            }
            """;

        await AnalyzeWithReferenceAsync(source, reference, "Autre");
        var diagnostics = await AnalyzeWithReferenceAsync(source, reference, "Consommateur");

        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.UnreferencedStatutoryValue && d.Properties["key"] == ForfaitLogement);
    }

    /// <summary>A library compiled from <paramref name="source"/>, and a reference to its emitted image.</summary>
    private static (CSharpCompilation Library, MetadataReference Image) Library(string name, string source)
    {
        var library = CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(source) },
            TestReferences.Runtime,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);
        return (library, MetadataReference.CreateFromImage(image.ToArray()));
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeWithReferenceAsync(string source, MetadataReference reference, string assemblyName = "Direct")
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[]
            {
                CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Test0.cs"),
                CSharpSyntaxTree.ParseText(SocialCode.Marker, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Test1.cs"),
            },
            TestReferences.Runtime.Add(TestReferences.Annotations).Add(reference),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var globalOptions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["legal_rules.as_of"] = AnalyzerTest<LegalRules.Rules.StatutoryBindingAnalyzer>.DefaultAsOf };
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(globalOptions));
        var diagnostics = await compilation.WithAnalyzers(AnalyzerCatalog.CreateAnalyzers(), analyzerOptions).GetAllDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }
}
