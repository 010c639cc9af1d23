using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using LegalRules.Fuzz.Generators;
using LegalRules.Fuzz.Infrastructure;
using LegalRules.Registry.Yaml;
using LegalRules.Tests.Registry;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LegalRules.Fuzz;

/// <summary>
/// The subset reader against YamlDotNet's parser on the registry mutants and the hostile files: for
/// each, it declines, or the parser reads the text without a fault and gives the same tree.
/// </summary>
[Collection(FuzzGroup.Name)]
public sealed class YamlSubsetReaderFuzzTests
{
    [Fact]
    public void Mutated_files_are_declined_or_read_as_the_parser_reads_them()
    {
        var seeds = RegistryCorpus.Seeds;
        var generator = YamlMutator.Mutants(seeds.Length);
        var count = FuzzSettings.RegistryMutants;
        var failures = new List<string>();
        var read = 0;
        for (var index = 0; index < count; index++)
        {
            var mutant = generator.Generate(new PCG((uint)index, FuzzSettings.Seed), null!, out _);
            var text = YamlMutator.Apply(seeds[mutant.Seed].Text, mutant);
            if (Check(text) is { } failure)
            {
                failures.Add($"mutant {index} ({mutant}): {failure}");
            }
            else if (YamlTreeReader.ReadWithSubset(SourceText.From(text)) is not null)
            {
                read++;
            }
        }

        FuzzSummary.Write("subset reader on registry mutants", $"{count:N0} mutants: {read:N0} read by the subset reader as the parser reads them, {count - read:N0} declined, {failures.Count} differences");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(5)));
        Assert.True(read > 0, "the subset reader declined every mutant");
    }

    [Fact]
    public void Hostile_files_are_declined_or_read_as_the_parser_reads_them()
    {
        var failures = HostileYaml.All(1)
            .Select(file => (file.Name, Failure: Check(file.Text)))
            .Where(r => r.Failure is not null)
            .Select(r => $"{r.Name}: {r.Failure}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(5)));
    }

    /// <summary>Null when the subset reader declines or agrees with the parser.</summary>
    private static string? Check(string yaml)
    {
        var text = SourceText.From(yaml);
        var subset = YamlTreeReader.ReadWithSubset(text);
        if (subset is null)
        {
            return null;
        }

        var parser = YamlTreeReader.ReadWithParser(text);
        if (parser.Faults.Count > 0)
        {
            return "read by the subset reader, but the parser reports " + string.Join("; ", parser.Faults);
        }

        return YamlTreeAssert.FirstDifference(parser.Root, subset.Value.Root);
    }
}
