using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LegalRules.Registry.Yaml;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace LegalRules.Tests.Registry;

/// <summary>
/// The subset reader over every YAML file of the OpenFisca-France copy and of the repository: it
/// declines a file, or gives the tree YamlDotNet's path gives (values, kinds, spans, line spans).
/// </summary>
public sealed class YamlSubsetReaderEquivalenceTests
{
    /// <summary>
    /// How many files of the copy the subset reader may decline (it reads all of them today). A few
    /// more after an update of the copy are acceptable; many mean the subset no longer fits the tree,
    /// whose cold cost then goes back up (YamlDotNet's parser compiled and run cold).
    /// </summary>
    private const int MaxDeclinedOpenFiscaFiles = 5;

    private readonly ITestOutputHelper _output;

    public YamlSubsetReaderEquivalenceTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Every_file_of_the_OpenFisca_tree_is_declined_or_read_as_the_parser_reads_it()
    {
        var root = SharedData.OpenFiscaParameters;
        var files = Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).ToList();
        var declined = new List<string>();
        var differences = new List<string>();
        foreach (var path in files)
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (Compare(path) is { } difference)
            {
                if (difference.StartsWith("declined", StringComparison.Ordinal))
                {
                    declined.Add($"{relative} ({difference})");
                }
                else
                {
                    differences.Add($"{relative}: {difference}");
                }
            }
        }

        _output.WriteLine($"{files.Count} files; read by the subset reader: {files.Count - declined.Count}; declined: {declined.Count}");
        foreach (var file in declined)
        {
            _output.WriteLine("  declined: " + file);
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(20)));
        Assert.Equal(1_774, files.Count);
        Assert.True(declined.Count <= MaxDeclinedOpenFiscaFiles, $"{declined.Count} files declined:\n" + string.Join("\n", declined));
    }

    [Fact]
    public void Every_YAML_file_of_the_repository_is_declined_or_read_as_the_parser_reads_it()
    {
        var repository = Path.GetDirectoryName(SharedData.Root)!;
        var checkout = FindCheckout();
        var files = new[] { "src/LegalRules.Analyzers/Registry/Embedded/france.legal.yaml", "samples/CalculationLibrary/caisse.legal.yaml" }
            .Select(f => Path.Combine(checkout, f))
            .Concat(Directory.EnumerateFiles(Path.Combine(checkout, "samples"), "*.yaml", SearchOption.AllDirectories))
            .Distinct()
            .ToList();
        Assert.NotEmpty(repository);
        foreach (var path in files)
        {
            // Native files write their values as flow mappings, which the subset reader leaves to the parser.
            var difference = Compare(path);
            _output.WriteLine($"{Path.GetFileName(path)}: {difference ?? "read"}");
            Assert.True(difference is null || difference.StartsWith("declined", StringComparison.Ordinal), $"{path}: {difference}");
        }
    }

    /// <summary>Null when the subset reader gives the parser's tree; "declined…" when it declines; else the difference.</summary>
    private static string? Compare(string path)
    {
        SourceText text;
        using (var stream = File.OpenRead(path))
        {
            text = SourceText.From(stream);
        }

        var subset = YamlTreeReader.ReadWithSubset(text, out var declinedAt);
        if (subset is null)
        {
            return declinedAt < 0 ? "declined" : $"declined at line {text.Lines.GetLinePosition(Math.Min(declinedAt, text.Length)).Line + 1}";
        }

        var parser = YamlTreeReader.ReadWithParser(text);
        if (parser.Faults.Count > 0)
        {
            return "the parser reports faults: " + string.Join("; ", parser.Faults);
        }

        return YamlTreeAssert.FirstDifference(parser.Root, subset.Value.Root);
    }

    private static string FindCheckout()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LegalRules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No LegalRules.sln above " + AppContext.BaseDirectory);
    }
}
