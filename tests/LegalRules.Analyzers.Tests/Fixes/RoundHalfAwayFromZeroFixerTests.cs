using System.Threading.Tasks;
using LegalRules.CodeFixes.Fixes;
using LegalRules.Rules;
using LegalRules.Tests.Infrastructure;
using Xunit;

namespace LegalRules.Tests.Fixes;

public class RoundHalfAwayFromZeroFixerTests
{
    [Fact]
    public async Task Every_overload_gets_the_mode_after_its_arguments_keeping_comments_and_layout()
    {
        var test = new CodeFixTest<MidpointRoundingAnalyzer, RoundHalfAwayFromZeroFixer>
        {
            TestCode = $$"""
                using System;
                using LegalRules;
                class Rsa
                {
                    [StatutoryParameter("{{Keys.Rsa}}")]
                    public const decimal Forfait = 651.69m;

                    decimal A(decimal r) => {|LR0101:Math.Round(Forfait - r)|}; // à l'euro
                    decimal B(decimal r) => {|LR0101:Math.Round(Forfait - r, 2)|};
                    decimal C(decimal r) => {|LR0101:decimal.Round(Forfait - r, 2)|};
                    decimal D(decimal r) => {|LR0101:Math.Round(decimals: 2, d: Forfait - r)|};
                    double E(double r) => {|LR0101:Math.Round((double)Forfait - r)|};
                    decimal F(decimal r)
                    {
                        return {|LR0101:Math.Round(
                            Forfait - r,
                            2)|};
                    }
                }
                """,
            FixedCode = $$"""
                using System;
                using LegalRules;
                class Rsa
                {
                    [StatutoryParameter("{{Keys.Rsa}}")]
                    public const decimal Forfait = 651.69m;

                    decimal A(decimal r) => Math.Round(Forfait - r, MidpointRounding.AwayFromZero); // à l'euro
                    decimal B(decimal r) => Math.Round(Forfait - r, 2, MidpointRounding.AwayFromZero);
                    decimal C(decimal r) => decimal.Round(Forfait - r, 2, MidpointRounding.AwayFromZero);
                    decimal D(decimal r) => Math.Round(decimals: 2, d: Forfait - r, mode: MidpointRounding.AwayFromZero);
                    double E(double r) => Math.Round((double)Forfait - r, MidpointRounding.AwayFromZero);
                    decimal F(decimal r)
                    {
                        return Math.Round(
                            Forfait - r,
                            2, MidpointRounding.AwayFromZero);
                    }
                }
                """,
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task Without_using_System_the_mode_is_qualified_and_using_static_works()
    {
        var test = new CodeFixTest<MidpointRoundingAnalyzer, RoundHalfAwayFromZeroFixer>
        {
            TestCode = """
                using static System.Math;
                namespace Vendor.Calcul
                {
                    public static class AllocationsFamiliales
                    {
                        public const decimal BMAF = 474.37m;

                        public static decimal Montant(decimal taux) => {|LR0101:System.Math.Round(BMAF * taux, 2)|};
                        public static decimal Arrondi(decimal taux) => {|LR0101:Round(BMAF * taux)|};
                        public static float Simple(float taux) => {|LR0101:System.MathF.Round((float)BMAF * taux, 2)|};
                    }
                }
                """,
            FixedCode = """
                using static System.Math;
                namespace Vendor.Calcul
                {
                    public static class AllocationsFamiliales
                    {
                        public const decimal BMAF = 474.37m;

                        public static decimal Montant(decimal taux) => System.Math.Round(BMAF * taux, 2, System.MidpointRounding.AwayFromZero);
                        public static decimal Arrondi(decimal taux) => Round(BMAF * taux, System.MidpointRounding.AwayFromZero);
                        public static float Simple(float taux) => System.MathF.Round((float)BMAF * taux, 2, System.MidpointRounding.AwayFromZero);
                    }
                }
                """,
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_all_in_the_project_fixes_every_document_and_nested_roundings()
    {
        var test = new CodeFixTest<MidpointRoundingAnalyzer, RoundHalfAwayFromZeroFixer>();
        test.TestState.Sources.Add(("/src/Rsa.cs", $$"""
            using System;
            using LegalRules;
            [StatutoryReference("Article L262-2 du Code de l'action sociale et des familles")]
            public static class Rsa
            {
                [StatutoryParameter("{{Keys.Rsa}}")]
                public const decimal Forfait = 651.69m;

                public static decimal Mensuel(decimal r) => {|LR0101:Math.Round({|LR0101:Math.Round(Forfait - r, 3)|}, 2)|};
            }
            """));
        test.TestState.Sources.Add(("/src/Paie.cs", """
            using System;
            static class Paie
            {
                static decimal Crds(decimal assiette) => {|LR0101:Math.Round(assiette * 0.005m, 2)|};
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

                public static decimal Mensuel(decimal r) => Math.Round(Math.Round(Forfait - r, 3, MidpointRounding.AwayFromZero), 2, MidpointRounding.AwayFromZero);
            }
            """));
        test.FixedState.Sources.Add(("/src/Paie.cs", """
            using System;
            static class Paie
            {
                static decimal Crds(decimal assiette) => Math.Round(assiette * 0.005m, 2, MidpointRounding.AwayFromZero);
            }
            """));

        await test.RunAsync();
    }
}
