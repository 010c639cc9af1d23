using System.Linq;
using LegalRules.Analysis;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LegalRules.Tests.Analysis;

/// <summary>
/// The names a compilation's source declares (<see cref="SourceNames"/>), gathered in one walk of
/// the declaration table: every kind of declared name is there, in every file, and nothing else.
/// </summary>
public class SourceNamesTests
{
    private const string First = """
        namespace Caf.Prestations
        {
            public partial class Bareme
            {
                public const decimal Taux = 0.5m;
                public decimal Plafond { get; set; }
                public event System.EventHandler Change;
                public Bareme(int annee) { }
                public decimal Calculer(decimal revenu) { decimal local = revenu; return local * Taux; }
                public class Tranche { public decimal Seuil; }
                public enum Statut { Actif, Radie }
            }
        }
        """;

    private const string Second = """
        namespace Caf.Prestations;
        public partial class Bareme { partial void Arrondir(); }
        public record Droit(decimal Montant);
        public delegate decimal Regle(decimal montant);
        """;

    [Theory]
    [InlineData("Caf")]
    [InlineData("Prestations")]
    [InlineData("Bareme")]
    [InlineData("Taux")]
    [InlineData("Plafond")]
    [InlineData("Change")]
    [InlineData("Calculer")]
    [InlineData("Tranche")]
    [InlineData("Seuil")]
    [InlineData("Statut")]
    [InlineData("Actif")]
    [InlineData("Arrondir")]
    [InlineData("Droit")]
    [InlineData("Regle")]
    public void Every_declared_name_of_every_file_is_there(string name)
        => Assert.True(SourceNames.MayDeclare(Compile(), name));

    [Theory]
    [InlineData("revenu")] // a parameter
    [InlineData("local")] // a local
    [InlineData("annee")]
    [InlineData("Round")] // called, not declared
    [InlineData("EventHandler")] // a referenced type
    [InlineData("bareme")] // names are compared as the compiler does, case and all
    public void What_the_source_does_not_declare_is_not_there(string name)
        => Assert.False(SourceNames.MayDeclare(Compile(), name));

    [Fact]
    public void Every_identifier_gets_the_answer_the_declaration_table_gives_for_that_name()
    {
        // Names the declaration table does not list stay out: a record's positional property (Montant).
        var compilation = Compile();
        var identifiers = compilation.SyntaxTrees
            .SelectMany(t => t.GetRoot().DescendantTokens())
            .Where(t => t.IsKind(SyntaxKind.IdentifierToken))
            .Select(t => t.ValueText)
            .Distinct()
            .ToList();

        Assert.Contains("Montant", identifiers);
        Assert.All(identifiers, name => Assert.Equal(compilation.ContainsSymbolsWithName(name, SymbolFilter.All), SourceNames.MayDeclare(compilation, name)));
    }

    [Fact]
    public void Each_compilation_has_its_own_names()
    {
        var with = Compile();
        var without = with.RemoveSyntaxTrees(with.SyntaxTrees[1]);

        Assert.True(SourceNames.MayDeclare(with, "Arrondir"));
        Assert.False(SourceNames.MayDeclare(without, "Arrondir"));
        Assert.True(SourceNames.MayDeclare(without, "Calculer"));
    }

    private static CSharpCompilation Compile()
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        return CSharpCompilation.Create(
            "Names",
            new[] { CSharpSyntaxTree.ParseText(First, options), CSharpSyntaxTree.ParseText(Second, options) },
            TestReferences.Runtime,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }
}
