using System.Threading.Tasks;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Fixes;

/// <summary>Several rules' findings in the same documents, fixed one by one and by Fix All (document, project, solution), as <c>dotnet format</c> does.</summary>
public class AllFixesTests
{
    [Fact]
    public async Task Findings_of_several_rules_in_two_documents_are_all_fixed_and_the_code_compiles()
    {
        var test = new AllFixesTest();
        test.TestState.Sources.Add(("/src/Rsa.cs", $$"""
            using System;
            using LegalRules;

            [StatutoryReference("Article L262-2 du Code de l'action sociale et des familles")]
            public static class Rsa
            {
                [StatutoryParameter("{{Keys.Rsa}}")]
                public const decimal Forfait = {|LR0001:646.52m|};

                [StatutoryParameter("{{Keys.Crds}}")]
                public const {|LR0102:double|} Crds = 0.005;

                public static decimal Mensuel(decimal ressources) => {|LR0101:Math.Round(Forfait - ressources, 2)|};

                public static decimal CrdsSur(decimal montant) => montant * (decimal)Crds;
            }
            """));
        test.TestState.Sources.Add(("/src/Paie.cs", """
            using System;

            public static class Paie
            {
                public static decimal Plafond(decimal brut) => Math.Min(brut, {|LR0003:4005m|});

                public static decimal Crds(decimal assiette) => assiette * {|LR0003:0.005m|};
            }
            """));
        test.FixedState.Sources.Add(("/src/Rsa.cs", $$"""
            using System;
            using LegalRules;

            [StatutoryReference("Article L262-2 du Code de l'action sociale et des familles")]
            public static class Rsa
            {
                [StatutoryParameter("{{Keys.Rsa}}")]
                public const decimal Forfait = 651.69m;

                [StatutoryParameter("{{Keys.Crds}}")]
                public const decimal Crds = 0.005m;

                public static decimal Mensuel(decimal ressources) => Math.Round(Forfait - ressources, 2, MidpointRounding.AwayFromZero);

                public static decimal CrdsSur(decimal montant) => montant * (decimal)Crds;
            }
            """));
        test.FixedState.Sources.Add(("/src/Paie.cs", $$"""
            using System;
            using LegalRules;

            public static class Paie
            {
                [StatutoryParameter("{{Keys.Pmss}}")]
                private const decimal Pmss = 4005m;
                [StatutoryParameter("{{Keys.Crds}}")]
                private const decimal TauxCrds = 0.005m;

                [StatutoryReference("Article D242-19 du Code de la sécurité sociale", Href = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000025103320")]
                public static decimal Plafond(decimal brut) => Math.Min(brut, Pmss);

                [StatutoryReference("Article 19 de l'ordonnance n° 96-50 du 24 janvier 1996", Href = "https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000041466982/")]
                public static decimal Crds(decimal assiette) => assiette * TauxCrds;
            }
            """));

        // Binding Paie's constants makes its public methods calculations with statutory values: LR0201
        // then reports them, and its fix cites the texts that establish the parameters.
        // One by one: a fix per finding, the two LR0201 included. Fix All runs one fixer at a time.
        test.NumberOfIncrementalIterations = 7;
        test.NumberOfFixAllIterations = -6;
        test.NumberOfFixAllInDocumentIterations = -8;
        test.NumberOfFixAllInProjectIterations = -6;
        await test.RunAsync();
    }
}
