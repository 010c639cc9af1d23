using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace LegalRules.Cli.Tests;

/// <summary>
/// How a drop is read: each project compiled on its own with what its <c>.csproj</c> says statically,
/// solutions listing projects, project references, the files outside any project — and nothing of
/// the drop ever run.
/// </summary>
public sealed class DropLoadingTests
{
    private const string Sdk = "<Project Sdk=\"Microsoft.NET.Sdk\">";

    /// <summary>Two projects, one referencing the other, and a folder the first removes from its compile items.</summary>
    private static void WriteTwoProjects(TempDrop drop, string root = "")
    {
        drop.Write(root + "Calcul/Vendor.Calcul.csproj", Sdk + """

              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <Compile Remove="Legacy/**" />
              </ItemGroup>
            </Project>
            """);
        drop.Write(root + "Calcul/CalculRsa.cs", Samples.BoundRsa);

        // Planted in a folder the project leaves out: not in the delivered program, never reported.
        drop.Write(root + "Calcul/Legacy/Ancien.cs", "namespace Vendor.Legacy; public static class Ancien { public const decimal Pass = 46368m; }\n");
        drop.Write(root + "Paie/Vendor.Paie.csproj", Sdk + """

              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <AssemblyName>Vendor.Paie.Core</AssemblyName>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="..\Calcul\Vendor.Calcul.csproj" />
              </ItemGroup>
            </Project>
            """);
        drop.Write(root + "Paie/Bulletin.cs", """
            using Vendor.Calcul;

            namespace Vendor.Paie;

            public static class Bulletin
            {
                // Binds only through the project reference.
                public static decimal Total() => CalculRsa.Montant + 48060m;
            }
            """);
    }

    [Theory]
    [InlineData(true, "Core/Rounding.cs:5 LR0101")]
    [InlineData(false, "")]
    public async Task A_core_project_that_a_project_about_social_law_references_is_judged_with_it(bool france, string expected)
    {
        // The core's helper names an amount and no benefit: alone, it is a shop's as much as payroll's.
        using var drop = new TempDrop();
        drop.Write("Core/Core.csproj", Sdk + "<PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n");
        drop.Write("Core/Rounding.cs", RoundingHelper("Core"));
        drop.Write("Module/Module.csproj", Sdk + "<PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup><ItemGroup><ProjectReference Include=\"../Core/Core.csproj\" /></ItemGroup></Project>\n");
        drop.Write("Module/Payroll.cs", france
            ? "namespace Module; public static class CotisationsSalariales { public static decimal Csg(decimal brut) => Core.Rounding.ToCents(brut * TauxCsg); public static decimal TauxCsg { get; set; } }\n"
            : "namespace Module; public static class Invoice { public static decimal Vat(decimal net) => Core.Rounding.ToCents(net * Rate); public static decimal Rate { get; set; } }\n");

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        Assert.Equal(expected, string.Join(", ", report.Results.Select(r => $"{r.Uri}:{r.StartLine} {r.RuleId}")));
    }

    /// <summary>A project's helper that names an amount and no benefit: alone, it is a shop's as much as payroll's.</summary>
    private static string RoundingHelper(string ns) => $$"""
        namespace {{ns}};
        public static class Rounding
        {
            /// <summary>Rounds an amount to the cent.</summary>
            public static decimal ToCents(decimal amount) => System.Math.Round(amount, 2);
        }
        """;

    [Fact]
    public async Task A_project_about_social_law_only_through_its_references_passes_nothing_on_to_its_other_references()
    {
        // The tests of a whole solution reference its payroll module and its shop: they are about
        // social law through the payroll, which says nothing of the shop's roundings.
        using var drop = new TempDrop();
        drop.Write("Shop/Shop.csproj", Sdk + "<PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n");
        drop.Write("Shop/Rounding.cs", RoundingHelper("Shop"));
        drop.Write("Payroll/Payroll.csproj", Sdk + "<PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n");
        drop.Write("Payroll/Cotisations.cs", "namespace Payroll; public static class CotisationsSalariales { public static decimal TauxCsg { get; set; } }\n");
        drop.Write("Tests/Tests.csproj", Sdk + "<PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup><ItemGroup><ProjectReference Include=\"../Shop/Shop.csproj\" /><ProjectReference Include=\"../Payroll/Payroll.csproj\" /></ItemGroup></Project>\n");
        drop.Write("Tests/Checks.cs", "namespace Tests; public static class Checks { public static decimal Cents(decimal v) => Shop.Rounding.ToCents(v) + Payroll.CotisationsSalariales.TauxCsg; }\n");

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        Assert.DoesNotContain(report.Results, r => r.Uri?.StartsWith("Shop/", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("Compta.Core", 0)]
    [InlineData("Acme.Accounting", 0)]
    [InlineData("Interim.Facturation", 0)]
    [InlineData("Compta.Paie", 1)]
    [InlineData("Gestion.Core", 1)]
    public async Task An_accounting_program_that_posts_social_charges_is_not_about_social_law(string project, int findings)
    {
        // A chart of accounts names the social bodies and charges it posts to; an invoice's amount of
        // 1,041.59 € is not the AAH for that. A payroll module of the same suite computes them.
        using var drop = new TempDrop();
        drop.Write($"Core/{project}.csproj", Sdk + "<PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n");
        drop.Write("Core/Comptes.cs", """
            namespace Core;
            public enum CategorieCompte { SecuriteSociale = 431, ChargesSociales = 645, Urssaf = 4311 }
            public static class Exemples { public static decimal MontantFacture() => 1041.59m; }
            """);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        Assert.Equal(findings, report.Results.Count(r => r.RuleId is "LR0002" or "LR0003"));
    }

    [Theory]
    [InlineData("Vendor.Tests")]
    [InlineData("Vendor.Tests.NUnit")]
    [InlineData("Vendor.UnitTests.Integration")]
    public async Task A_tests_project_about_social_law_by_its_own_names_passes_nothing_on_to_its_references(string testsProject)
    {
        // Tests name what they test (CotisationsSalarialesTests), and reference every project of the
        // solution: the shop they also test is not about social law for that.
        using var drop = new TempDrop();
        drop.Write("Shop/Shop.csproj", Sdk + "<PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n");
        drop.Write("Shop/Rounding.cs", RoundingHelper("Shop"));
        drop.Write($"Tests/{testsProject}.csproj", Sdk + "<PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup><ItemGroup><ProjectReference Include=\"../Shop/Shop.csproj\" /></ItemGroup></Project>\n");
        drop.Write("Tests/Checks.cs", "namespace Tests; public static class CotisationsSalarialesTests { public static decimal Cents(decimal v) => Shop.Rounding.ToCents(v); }\n");

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        Assert.DoesNotContain(report.Results, r => r.Uri?.StartsWith("Shop/", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("Ceci n'est pas un projet.\n")]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</Target")]
    [InlineData("<Projet>\n</Projet>\n")]
    [InlineData("")]
    public async Task Project_file_that_is_not_a_readable_project_is_compiled_with_the_SDK_defaults_its_note_announces(string content)
    {
        using var drop = new TempDrop();
        drop.Write("Paie/Vendor.Paie.csproj", content);
        drop.Write("Paie/Plafonds.cs", Samples.UnboundPass);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        Assert.Equal(3, report.Results.Count);
        Assert.All(report.Results, r => Assert.Equal("Paie/Plafonds.cs", r.Uri));
        Assert.Empty(report.Skipped());
        var project = report.Projects()["Vendor.Paie"];
        Assert.Equal(1, project.GetProperty("sourceFiles").GetInt32());
        Assert.Contains(project.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("Vendor.Paie.csproj cannot be read as XML (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_project_is_compiled_with_its_references_and_without_the_files_it_removes()
    {
        using var drop = new TempDrop();
        WriteTwoProjects(drop);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        Assert.Collection(
            report.Results,
            r => (r.RuleId, r.Uri).AssertIs(("LR0001", "Calcul/CalculRsa.cs")),
            r => (r.RuleId, r.Uri).AssertIs(("LR0201", "Paie/Bulletin.cs")),
            r => (r.RuleId, r.Uri, r.Properties["found"]).AssertIs(("LR0003", "Paie/Bulletin.cs", "48060")));
        Assert.Equal(0, report.CompilerErrors);
        Assert.Contains("Calcul/Legacy/Ancien.cs: excludedByProject", report.Skipped());
        var projects = report.Projects();
        Assert.Equal(new[] { "Vendor.Calcul", "Vendor.Paie.Core" }, projects.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Paie/Vendor.Paie.csproj", projects["Vendor.Paie.Core"].GetProperty("path").GetString());
        Assert.Equal(".NET 8.0", projects["Vendor.Paie.Core"].GetProperty("referenceAssemblies").GetString());
        Assert.Equal("Vendor.Calcul", projects["Vendor.Paie.Core"].GetProperty("projectReferences")[0].GetString());
    }

    [Fact]
    public async Task Text_report_lists_the_compilations_and_the_files_a_project_leaves_out()
    {
        using var drop = new TempDrop();
        WriteTwoProjects(drop);

        var run = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf);

        Assert.Contains("\nCompilations\n  Vendor.Calcul (Calcul/Vendor.Calcul.csproj): net8.0 → .NET 8.0, C# 12.0; 1 C# file(s), 0 compiler error(s)\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("    references: Vendor.Calcul\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  Calcul/Legacy/Ancien.cs (not compiled by its project: Calcul/Vendor.Calcul.csproj)\n", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Vendor.sln")]
    [InlineData("Vendor.slnx")]
    public async Task Solution_audits_the_projects_it_lists_and_those_they_reference(string solution)
    {
        using var drop = new TempDrop();
        WriteTwoProjects(drop, "src/");
        drop.Write("src/Outils/Outils.csproj", Sdk + "<PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n");
        drop.Write("src/Outils/Plafonds.cs", Samples.UnboundPass);
        drop.Write("Hors.cs", Samples.UnboundPass);
        drop.Write("Vendor.sln", """
            Microsoft Visual Studio Solution File, Format Version 12.00
            # Visual Studio Version 17
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Vendor.Paie", "src\paie\vendor.paie.csproj", "{11111111-1111-1111-1111-111111111111}"
            EndProject
            Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "docs", "docs", "{22222222-2222-2222-2222-222222222222}"
            EndProject
            Global
            EndGlobal
            """);
        drop.Write("Vendor.slnx", """
            <Solution>
              <Folder Name="/src/">
                <Project Path="src/Paie/Vendor.Paie.csproj" />
              </Folder>
            </Solution>
            """);

        var report = await Sarif.AuditAsync(drop.PathOf(solution), "--as-of", Samples.AsOf);

        // Bulletin.Total computes with the RSA bound through the project reference: LR0201, beside its LR0003.
        Assert.Equal(new[] { "Calcul/CalculRsa.cs", "Paie/Bulletin.cs", "Paie/Bulletin.cs" }.Select(p => "src/" + p), report.Results.Select(r => r.Uri));
        Assert.Equal(new[] { "Vendor.Calcul", "Vendor.Paie.Core" }, report.Projects().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Project_file_given_alone_is_audited_alone()
    {
        using var drop = new TempDrop();
        WriteTwoProjects(drop);
        drop.Write("Hors.cs", Samples.UnboundPass);

        var report = await Sarif.AuditAsync(drop.PathOf("Calcul/Vendor.Calcul.csproj"), "--as-of", Samples.AsOf);

        var result = Assert.Single(report.Results);
        Assert.Equal(("LR0001", "CalculRsa.cs"), (result.RuleId, result.Uri));
    }

    [Fact]
    public async Task Explicit_compile_items_are_the_only_ones_and_never_reach_outside_the_drop()
    {
        using var drop = new TempDrop();
        drop.Write("ailleurs/Secret.cs", "namespace Ailleurs; public static class S { public const decimal Pass = 46368m; }\n");
        drop.Write("drop/Paie/Paie.csproj", Sdk + """

              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="Src\**\*.cs" Exclude="Src\Brouillon\**" />
                <Compile Include="..\..\ailleurs\Secret.cs" />
              </ItemGroup>
            </Project>
            """);
        drop.Write("drop/Paie/Src/Plafonds.cs", Samples.UnboundPass);
        drop.Write("drop/Paie/Src/Brouillon/Essai.cs", "namespace V; public static class E { public const decimal Pass = 46368m; }\n");
        drop.Write("drop/Paie/Ancien.cs", "namespace V; public static class A { public const decimal Pass = 46368m; }\n");

        var report = await Sarif.AuditAsync(drop.PathOf("drop"), "--as-of", Samples.AsOf);

        Assert.All(report.Results, r => Assert.Equal("Paie/Src/Plafonds.cs", r.Uri));
        Assert.Equal(3, report.Results.Count);
        Assert.Contains("Paie/Ancien.cs: excludedByProject", report.Skipped());
        Assert.Contains("Paie/Src/Brouillon/Essai.cs: excludedByProject", report.Skipped());
        Assert.Contains("../ailleurs/Secret.cs: outsideDrop", report.Skipped());
    }

    [Fact]
    public async Task Defines_come_from_the_project_the_release_configuration_and_the_framework()
    {
        using var drop = new TempDrop();
        drop.Write("Paie/Paie.csproj", Sdk + """

              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <DefineConstants>$(DefineConstants);VENDOR_PAIE</DefineConstants>
              </PropertyGroup>
              <PropertyGroup Condition="'$(Configuration)|$(Platform)' == 'Debug|AnyCPU'">
                <DefineConstants>$(DefineConstants);VENDOR_DEBUG</DefineConstants>
              </PropertyGroup>
            </Project>
            """);
        drop.Write("Paie/Plafonds.cs", """
            namespace Vendor.Paie;

            public static class Plafonds
            {
            #if VENDOR_PAIE && RELEASE && NET8_0_OR_GREATER
                public const decimal PlafondPass = 48060m;
            #endif
            #if DEBUG || VENDOR_DEBUG || NETFRAMEWORK
                public const decimal PlafondPassAncien = 47100m;
            #endif
            }
            """);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        var result = Assert.Single(report.Results);
        Assert.Equal(("LR0003", 6), (result.RuleId, result.StartLine));
    }

    [Fact]
    public async Task Files_outside_any_project_have_the_defines_of_an_sdk_project_of_the_default_framework()
    {
        using var drop = new TempDrop();
        drop.Write("Paie/Plafonds.cs", """
            namespace Vendor.Paie;

            public static class Plafonds
            {
            #if RELEASE && TRACE && NET8_0_OR_GREATER
                public const decimal PlafondPass = 48060m;
            #endif
            #if DEBUG || NETFRAMEWORK
                public const decimal PlafondPassAncien = 47100m;
            #endif
            }
            """);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        var result = Assert.Single(report.Results);
        Assert.Equal(("LR0003", 6), (result.RuleId, result.StartLine));
    }

    [Fact]
    public async Task Implicit_usings_nullable_and_language_version_are_those_of_the_project()
    {
        using var drop = new TempDrop();
        const string UsesImplicitUsings = """
            namespace Vendor.Outils;

            public static class Fichiers
            {
                public static List<string> Lire(string chemin) => File.ReadAllLines(chemin).ToList();
            }
            """;
        drop.Write("Avec/Avec.csproj", Sdk + "<PropertyGroup><TargetFramework>net8.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup></Project>\n");
        drop.Write("Avec/Fichiers.cs", UsesImplicitUsings);
        drop.Write("Sans/Sans.csproj", Sdk + "<PropertyGroup><TargetFramework>net8.0</TargetFramework><LangVersion>7.3</LangVersion></PropertyGroup></Project>\n");
        drop.Write("Sans/Fichiers.cs", UsesImplicitUsings);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        var projects = report.Projects();
        Assert.Equal(0, projects["Avec"].GetProperty("compilerErrors").GetInt32());
        Assert.Equal("12.0", projects["Avec"].GetProperty("languageVersion").GetString());
        Assert.True(projects["Sans"].GetProperty("compilerErrors").GetInt32() > 0);
        Assert.Equal("7.3", projects["Sans"].GetProperty("languageVersion").GetString());
    }

    [Theory]
    [InlineData("<TargetFramework>net10.0</TargetFramework>", "net10.0", ".NET 10.0")]
    [InlineData("<TargetFramework>net9.0</TargetFramework>", "net9.0", ".NET 9.0")]
    [InlineData("<TargetFramework>net6.0</TargetFramework>", "net6.0", "≈ .NET 8.0")]
    [InlineData("<TargetFramework>netstandard2.0</TargetFramework>", "netstandard2.0", ".NET Standard 2.0")]
    [InlineData("<TargetFramework>net472</TargetFramework>", "net472", ".NET Framework 4.7.2")]
    [InlineData("<TargetFramework>net48</TargetFramework>", "net48", "≈ .NET Framework 4.7.2")]
    [InlineData("<TargetFrameworks>netstandard2.0;net8.0</TargetFrameworks>", "netstandard2.0 (netstandard2.0;net8.0)", ".NET Standard 2.0")]
    public async Task Target_framework_chooses_the_reference_assemblies(string property, string framework, string references)
    {
        using var drop = new TempDrop();
        drop.Write("Calcul/Calcul.csproj", Sdk + "<PropertyGroup>" + property + "</PropertyGroup></Project>\n");
        drop.Write("Calcul/CalculRsa.cs", Samples.BoundRsa.Replace("namespace Vendor.Calcul;", "namespace Vendor.Calcul {", StringComparison.Ordinal) + "\n}\n");

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        var project = Assert.Single(report.Projects().Values);
        Assert.Equal(framework, project.GetProperty("targetFramework").GetString());
        Assert.Equal(references, project.GetProperty("referenceAssemblies").GetString());
        Assert.Equal(0, project.GetProperty("compilerErrors").GetInt32());
        Assert.Equal("LR0001", Assert.Single(report.Results).RuleId);
    }

    [Fact]
    public async Task Old_style_project_compiles_the_files_it_lists_for_its_framework_version()
    {
        using var drop = new TempDrop();
        drop.Write("Legacy/Legacy.csproj", """
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="15.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <Import Project="$(MSBuildExtensionsPath)\$(MSBuildToolsVersion)\Microsoft.Common.props" Condition="Exists('$(MSBuildExtensionsPath)\$(MSBuildToolsVersion)\Microsoft.Common.props')" />
              <PropertyGroup>
                <OutputType>Library</OutputType>
                <AssemblyName>Vendor.Legacy</AssemblyName>
                <TargetFrameworkVersion>v4.7.2</TargetFrameworkVersion>
              </PropertyGroup>
              <PropertyGroup Condition=" '$(Configuration)|$(Platform)' == 'Release|AnyCPU' ">
                <DefineConstants>TRACE;VENDOR</DefineConstants>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="System.Web" />
                <!-- Written on Windows, where case does not matter. -->
                <Compile Include="calcul\calculrsa.cs" />
              </ItemGroup>
              <Import Project="$(MSBuildToolsPath)\Microsoft.CSharp.targets" />
            </Project>
            """);
        drop.Write("Legacy/Calcul/CalculRsa.cs", "#if VENDOR\n" + Samples.BoundRsa.Replace("namespace Vendor.Calcul;", "namespace Vendor.Calcul {", StringComparison.Ordinal) + "\n}\n#endif\n");
        drop.Write("Legacy/Calcul/NonListe.cs", Samples.UnboundPass);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        Assert.Equal("LR0001", Assert.Single(report.Results).RuleId);
        var project = report.Projects()["Vendor.Legacy"];
        Assert.Equal(".NET Framework 4.7.2", project.GetProperty("referenceAssemblies").GetString());
        Assert.Equal("System.Web", project.GetProperty("assemblyReferences")[0].GetString());
        Assert.Contains("Legacy/Calcul/NonListe.cs: excludedByProject", report.Skipped());
    }

    [Fact]
    public async Task Hostile_build_logic_of_the_drop_never_runs()
    {
        using var drop = new TempDrop();
        drop.Write("Directory.Build.props", """
            <Project InitialTargets="EvilInitial">
              <PropertyGroup><LangVersion>latest</LangVersion></PropertyGroup>
              <Target Name="EvilInitial"><Exec Command="touch marker-initial" /></Target>
            </Project>
            """);
        drop.Write("Calcul/evil.targets", "<Project><Target Name=\"EvilImported\" BeforeTargets=\"CoreCompile\"><Exec Command=\"touch marker-imported\" /></Target></Project>\n");
        drop.Write("Calcul/Calcul.csproj", Sdk + """

              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <Value>$([System.IO.File]::WriteAllText('marker-function', 'ran'))</Value>
              </PropertyGroup>
              <Import Project="evil.targets" />
              <Target Name="Evil" BeforeTargets="CoreCompile;Restore;Build">
                <Exec Command="touch marker" />
              </Target>
            </Project>
            """);
        drop.Write("Calcul/CalculRsa.cs", Samples.BoundRsa);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        Assert.Equal("LR0001", Assert.Single(report.Results).RuleId);
        Assert.Equal("latest", Assert.Single(report.Projects().Values).GetProperty("languageVersion").GetString());
        var everything = Directory.GetFileSystemEntries(drop.Root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(drop.Root, p)).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "Calcul", "Calcul/Calcul.csproj", "Calcul/CalculRsa.cs", "Calcul/evil.targets", "Directory.Build.props" }.Select(p => p.Replace('/', Path.DirectorySeparatorChar)), everything);
    }

    [Fact]
    public async Task Missing_packages_are_listed_and_the_code_is_analysed_as_far_as_it_binds()
    {
        using var drop = new TempDrop();
        drop.Write("Paie/Paie.csproj", Sdk + """

              <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
                <PackageReference Include="Vendor.Framework">
                  <Version>4.2.0</Version>
                </PackageReference>
              </ItemGroup>
            </Project>
            """);
        drop.Write("Paie/Export.cs", """
            using Newtonsoft.Json;

            namespace Vendor.Paie;

            public static class Export
            {
                public static string Plafond() => JsonConvert.SerializeObject(48060m);
            }
            """);

        var run = await CommandRunner.RunAsync("audit", drop.Root, "--as-of", Samples.AsOf);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("LR0003", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("    packages not restored: Newtonsoft.Json 13.0.3, Vendor.Framework 4.2.0\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_outside_any_project_are_compiled_together()
    {
        using var drop = new TempDrop();
        WriteTwoProjects(drop);
        drop.Write("Scripts/Plafonds.cs", Samples.UnboundPass);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        Assert.Equal(3, report.Results.Count(r => r.Uri == "Scripts/Plafonds.cs"));
        var loose = report.Projects()["LegalRulesAudit"];
        Assert.Equal(JsonValueKindNull, loose.GetProperty("path").ValueKind);
        Assert.Equal(1, loose.GetProperty("sourceFiles").GetInt32());
    }

    private const string Payslip = """
        namespace Paie;

        public static class Bulletin
        {
            public static decimal TauxCsgDeductible = 0.068m;

            public static decimal Csg(decimal brut) => Math.Round(brut * 0.9825m * TauxCsgDeductible, 2);

            public static void Main() => Console.WriteLine(Csg(2000m));
        }
        """;

    private const string Quote = """
        namespace Atelier;

        public static class Devis
        {
            public static decimal MontantMensuel(decimal prix, decimal remise) => Math.Round(prix * (1m - remise) / 12m, 2);

            public static void Main() => Console.WriteLine(MontantMensuel(10000m, 0.04m));
        }
        """;

    [Theory]
    [InlineData(true, "Atelier/Devis.cs:7 LR0101|Paie/Bulletin.cs:8 LR0101")]
    [InlineData(false, "Paie/Bulletin.cs:8 LR0101")]
    public async Task Loose_programs_that_use_none_of_each_other_s_names_are_judged_apart(bool sharedConstants, string expectedRoundings)
    {
        // Two programs gathered side by side without project files: the workshop's quote rounds
        // the workshop's money, unless a name links it to the payslip program (then they are one program).
        using var drop = new TempDrop();
        drop.Write("alice__paie/Paie/Bulletin.cs", "using System;\n" + Payslip);
        var quote = "using System;\n" + Quote;
        if (sharedConstants)
        {
            quote = quote.Replace("12m, 2)", "12m + Plafonds.Ancien * 0m, 2)", StringComparison.Ordinal);
            drop.Write("alice__paie/Paie/Plafonds.cs", "namespace Paie;\npublic static class Plafonds { public const decimal Ancien = 46368m; }\n");
        }

        drop.Write("bob__devis/Atelier/Devis.cs", sharedConstants ? "using Paie;\n" + quote : quote);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf, "--fail-on", "none");

        var found = report.Results
            .Where(r => r.RuleId == "LR0101")
            .Select(r => $"{r.Uri![(r.Uri!.IndexOf('/', StringComparison.Ordinal) + 1)..]}:{r.StartLine} {r.RuleId}")
            .OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(expectedRoundings, string.Join("|", found));
        var projects = report.Projects();
        Assert.Equal(sharedConstants ? new[] { "LegalRulesAudit" } : new[] { "LegalRulesAudit.alice__paie", "LegalRulesAudit.bob__devis" }, projects.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(projects.Values, p => Assert.Equal(0, p.GetProperty("compilerErrors").GetInt32()));
    }

    [Fact]
    public async Task A_multi_targeting_project_s_branches_for_its_other_frameworks_are_audited_too()
    {
        // The desktop client's framework keeps last year's values, the other this year's: both ship.
        // What both frameworks compile alike is reported once.
        using var drop = new TempDrop();
        drop.Write("Core/Core.csproj", Sdk + "<PropertyGroup><TargetFrameworks>net48;net8.0</TargetFrameworks><LangVersion>latest</LangVersion></PropertyGroup></Project>\n");
        drop.Write("Core/Parametres.cs", """
            namespace Core;
            public static class Parametres
            {
            #if NET48
                public const decimal RsaMontantForfaitaire = 646.52m;
            #else
                public const decimal RsaMontantForfaitaire = 651.69m;
            #endif
                public const decimal TauxCsgDeductible = 0.068m;
            }
            """);
        drop.Write("Core/Autre.cs", "namespace Core;\npublic static class Autre { public const decimal TauxCrds = 0.005m; }\n");

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf, "--fail-on", "none");

        var found = report.Results
            .Where(r => r.RuleId is "LR0002" or "LR0003")
            .Select(r => $"{r.Uri}:{r.StartLine} {r.RuleId}")
            .OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal("Core/Autre.cs:2 LR0003|Core/Parametres.cs:5 LR0002|Core/Parametres.cs:7 LR0003|Core/Parametres.cs:9 LR0003", string.Join("|", found));
        var notes = report.Projects()["Core"].GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.Contains("files with an #if on a framework symbol (1) also compiled and analysed for net8.0, which the project also targets", notes);
    }

    [Fact]
    public async Task Loose_folders_without_a_program_of_their_own_stay_with_the_rest()
    {
        // A vendor's miscellany: a folder that no name links to a program, and that has no entry
        // point, is compiled and judged with the largest program, not with a one-line script.
        using var drop = new TempDrop();
        drop.Write("Paie/Bulletin.cs", "using System;\n" + Payslip);
        drop.Write("Atelier/Devis.cs", "using System;\n" + Quote.Replace("static void Main()", "static void Afficher()", StringComparison.Ordinal));
        drop.Write("Outils/Script.cs", "System.Console.WriteLine(1.5m);\n");

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf, "--fail-on", "none");

        Assert.Contains(report.Results, r => r.Uri == "Atelier/Devis.cs" && r.RuleId == "LR0101");
        Assert.Equal(new[] { "LegalRulesAudit.Atelier", "LegalRulesAudit.Outils" }, report.Projects().Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("namespace Vendor.Outils;\n\npublic static class Fichiers\n{\n    public static List<string> Lire(string chemin) => File.ReadAllLines(chemin).ToList();\n}\n", true)]
    [InlineData("namespace Vendor.Outils\n{\n    public static class Fichiers\n    {\n        public static List<string> Lire(string chemin) => File.ReadAllLines(chemin).ToList();\n    }\n}\n", false)]
    public async Task Files_outside_any_project_in_the_style_of_sdk_projects_get_their_implicit_usings(string source, bool implicitUsings)
    {
        // namespace X; came with C# 10 and the SDK's implicit usings: such a file comes from a project that had them.
        using var drop = new TempDrop();
        drop.Write("Outils/Fichiers.cs", source);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        var loose = report.Projects()["LegalRulesAudit"];
        Assert.Equal(implicitUsings, loose.GetProperty("compilerErrors").GetInt32() == 0);
        var notes = loose.TryGetProperty("notes", out var written) ? written.EnumerateArray().Select(n => n.GetString()).ToList() : new List<string?>();
        Assert.Equal(implicitUsings, notes.Any(n => n!.Contains("Microsoft.NET.Sdk", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reference_cycle_is_broken_and_said()
    {
        using var drop = new TempDrop();
        drop.Write("A/A.csproj", Sdk + "<PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup><ItemGroup><ProjectReference Include=\"../B/B.csproj\" /></ItemGroup></Project>\n");
        drop.Write("B/B.csproj", Sdk + "<PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup><ItemGroup><ProjectReference Include=\"../A/A.csproj\" /><ProjectReference Include=\"../../ailleurs/C.csproj\" /></ItemGroup></Project>\n");
        drop.Write("A/CalculRsa.cs", Samples.BoundRsa);
        drop.Write("B/Plafonds.cs", Samples.UnboundPass);

        var report = await Sarif.AuditAsync(drop.Root, "--as-of", Samples.AsOf);

        Assert.Equal(4, report.Results.Count);
        var notes = report.Projects().Values.SelectMany(p => p.GetProperty("notes").EnumerateArray().Select(n => n.GetString())).ToList();
        Assert.Contains(notes, n => n!.StartsWith("reference to ", StringComparison.Ordinal) && n.EndsWith(" left out: it closes a cycle", StringComparison.Ordinal));
        Assert.Contains("project reference outside the drop, not read: ../ailleurs/C.csproj", notes);
    }

    [Fact]
    public async Task Project_a_solution_lists_but_the_drop_lacks_is_listed()
    {
        using var drop = new TempDrop();
        WriteTwoProjects(drop);
        drop.Write("Vendor.slnx", "<Solution><Project Path=\"Paie/Vendor.Paie.csproj\" /><Project Path=\"Absent/Absent.csproj\" /><Project Path=\"../Ailleurs/Ailleurs.csproj\" /></Solution>\n");

        var report = await Sarif.AuditAsync(drop.PathOf("Vendor.slnx"), "--as-of", Samples.AsOf);

        Assert.Equal(3, report.Results.Count);
        Assert.Contains("Absent/Absent.csproj: unreadable", report.Skipped());
        Assert.Contains("../Ailleurs/Ailleurs.csproj: outsideDrop", report.Skipped());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
