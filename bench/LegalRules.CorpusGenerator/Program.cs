using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace LegalRules.Bench.Corpus;

/// <summary>
/// Writes a benchmark corpus: the same calculation code as a compilable project wired to the
/// analyzer (<c>OUT/project</c>) and as a loose drop for the audit command (<c>OUT/drop</c>).
/// Seeded: the same arguments give the same bytes on every run.
/// <code>dotnet run --project bench/LegalRules.CorpusGenerator -- --lines 100000 --out /tmp/corpus100k</code>
/// </summary>
internal static class Program
{
    private static readonly DateTime AsOf = new(2026, 11, 29);

    private static int Main(string[] args)
    {
        var lines = 100_000;
        string? output = null;
        string? repository = null;
        ulong seed = 20261129;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--lines" when value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out lines) && lines > 0:
                case "--seed" when value is not null && ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seed):
                    i++;
                    break;
                case "--out" when value is not null:
                    output = Path.GetFullPath(value);
                    i++;
                    break;
                case "--repo" when value is not null:
                    repository = Path.GetFullPath(value);
                    i++;
                    break;
                default:
                    return Usage($"unexpected argument '{args[i]}'");
            }
        }

        if (output is null)
        {
            return Usage("--out is required");
        }

        repository ??= FindRepository();
        if (repository is null)
        {
            return Usage("cannot find the repository (LegalRules.sln); pass --repo");
        }

        var registryPath = Path.Combine(repository, "src", "LegalRules.Analyzers", "Registry", "Embedded", "france.legal.yaml");
        var parameters = RegistryFacts.Read(registryPath, AsOf, AsOf.AddYears(-10));

        // Start from an empty folder: files of a larger earlier corpus must not linger.
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var project = Path.Combine(output, "project");
        var drop = Path.Combine(output, "drop");
        var writer = new CorpusWriter(seed, parameters);
        var written = writer.Write(project, lines, (path, text) =>
        {
            WriteFile(path, text);
            WriteFile(Path.Combine(drop, Path.GetRelativePath(project, path)), text);
        });

        WriteProject(project, repository);
        WriteFile(
            Path.Combine(output, "planted.tsv"),
            "file\tline\tkey\tkind\tvalue\n" + string.Concat(writer.PlantedValues.Select(p => $"{p.File}\t{p.Line}\t{p.Key}\t{p.Kind}\t{p.Value}\n")));

        var files = Directory.GetFiles(drop, "*.cs", SearchOption.AllDirectories).Length;
        Console.WriteLine($"corpus: {written} lines in {files} files, {writer.PlantedValues.Count} planted statutory values → {output}");
        return 0;
    }

    /// <summary>
    /// The project file. <c>BenchAnalyzers</c> picks what runs beside the compiler — <c>none</c>,
    /// <c>legalrules</c>, <c>sonar</c> (S109 only), <c>floor-tree|model|syntax|operation</c> (a do-nothing
    /// analyzer with actions of that kind: bench/LegalRules.FloorAnalyzers) — while restore stays the same for all three, so
    /// that paired builds differ in nothing else. The framework's own analyzers and generators are
    /// removed from every variant: the baseline is the compiler alone.
    /// </summary>
    private static void WriteProject(string project, string repository)
    {
        var yamlVersion = Regex.Match(File.ReadAllText(Path.Combine(repository, "Directory.Packages.props")), "<YamlDotNetVersion>([^<]+)</YamlDotNetVersion>").Groups[1].Value;
        var repo = repository.TrimEnd('/') + "/";
        WriteFile(Path.Combine(project, "Corpus.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- Written by LegalRules.CorpusGenerator. dotnet build -p:BenchAnalyzers=none|legalrules|sonar|floor-KIND -->
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <Nullable>disable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <LangVersion>latest</LangVersion>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <EnableNETAnalyzers>false</EnableNETAnalyzers>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
                <BenchAnalyzers Condition="'$(BenchAnalyzers)' == ''">legalrules</BenchAnalyzers>
                <LegalRulesRepository Condition="'$(LegalRulesRepository)' == ''">{repo}</LegalRulesRepository>
                <LegalRulesConfiguration Condition="'$(LegalRulesConfiguration)' == ''">Release</LegalRulesConfiguration>
                <LegalRulesBin>$(LegalRulesRepository)src/LegalRules.CodeFixes/bin/$(LegalRulesConfiguration)/netstandard2.0/</LegalRulesBin>
                <BenchFloor Condition="$(BenchAnalyzers.StartsWith('floor-'))">$(BenchAnalyzers.Substring(6))</BenchFloor>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="$(LegalRulesRepository)src/LegalRules.Annotations/bin/$(LegalRulesConfiguration)/netstandard2.0/LegalRules.Annotations.dll" />
                <!-- Restored for every variant (same restore, same assets); its analyzers are added only for 'sonar'. -->
                <PackageReference Include="SonarAnalyzer.CSharp" Version="9.32.0.97167" ExcludeAssets="all" GeneratePathProperty="true" />
                <PackageReference Include="YamlDotNet" Version="{yamlVersion}" ExcludeAssets="all" GeneratePathProperty="true" />
                <CompilerVisibleProperty Include="BenchFloor" />
              </ItemGroup>
              <Target Name="BenchAnalyzersOnly" BeforeTargets="CoreCompile">
                <ItemGroup>
                  <Analyzer Remove="@(Analyzer)" />
                </ItemGroup>
                <!-- As the LegalRules.Analyzers package lays them out: analyzer, code fixes and the YAML library side by side. -->
                <ItemGroup Condition="'$(BenchAnalyzers)' == 'legalrules'">
                  <Analyzer Include="$(LegalRulesBin)LegalRules.Analyzers.dll;$(LegalRulesBin)LegalRules.CodeFixes.dll;$(PkgYamlDotNet)/lib/netstandard2.0/YamlDotNet.dll" />
                  <AdditionalFiles Include="**/*.legal.yaml;**/*.legal-bindings.yaml" />
                  <EditorConfigFiles Include="$(MSBuildProjectDirectory)/legalrules.globalconfig" />
                </ItemGroup>
                <ItemGroup Condition="'$(BenchAnalyzers)' == 'sonar'">
                  <Analyzer Include="$(PkgSonarAnalyzer_CSharp)/analyzers/*.dll" />
                  <EditorConfigFiles Include="$(MSBuildProjectDirectory)/sonar-s109.globalconfig" />
                </ItemGroup>
                <!-- floor-tree|floor-model|floor-syntax|floor-operation: a do-nothing analyzer of that shape;
                     floor-bind: one that asks for the operations where LegalRules' findings are (bind-floor.tsv, written by eng/bench-build.sh). -->
                <ItemGroup Condition="'$(BenchFloor)' != ''">
                  <AdditionalFiles Include="$(MSBuildProjectDirectory)/bind-floor.tsv" Condition="'$(BenchFloor)' == 'bind'" />
                  <Analyzer Include="$(LegalRulesRepository)bench/LegalRules.FloorAnalyzers/bin/$(LegalRulesConfiguration)/netstandard2.0/LegalRules.FloorAnalyzers.dll" />
                </ItemGroup>
              </Target>
            </Project>

            """);
        // The corpus may be written inside the repository (artifacts/): stop MSBuild and the
        // editor settings from reaching the repository's own files (warnings as errors, central versions).
        WriteFile(Path.Combine(project, "Directory.Build.props"), "<Project />\n");
        WriteFile(Path.Combine(project, "Directory.Build.targets"), "<Project />\n");
        WriteFile(Path.Combine(project, "Directory.Packages.props"), "<Project />\n");
        // Sonar decides per file whether a rule is on, from .editorconfig (not from a global config):
        // S109 is switched on here; only the 'sonar' variant has the rule.
        WriteFile(Path.Combine(project, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.S109.severity = warning\n");
        WriteFile(Path.Combine(project, "legalrules.globalconfig"), """
            is_global = true
            # A fixed evaluation date: the same findings on every run.
            legal_rules.as_of = 2026-11-29

            """);
        WriteFile(Path.Combine(project, "sonar-s109.globalconfig"), """
            is_global = true
            # SonarAnalyzer restricted to its magic-number rule (S109, on in .editorconfig): eng/bench-build.sh
            # writes here every other Sonar rule's id with severity none, read from the restored package.

            """);
    }

    private static void WriteFile(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static string? FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LegalRules.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"LegalRules.CorpusGenerator: {message}");
        Console.Error.WriteLine("usage: --lines N --out DIR [--seed N] [--repo DIR]");
        return 2;
    }
}
