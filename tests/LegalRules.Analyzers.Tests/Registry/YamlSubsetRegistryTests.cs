using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using LegalRules.Analysis;
using LegalRules.Registry;
using LegalRules.Registry.Sources;
using LegalRules.Registry.Yaml;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LegalRules.Tests.Registry;

/// <summary>
/// The registry of the whole OpenFisca-France copy, built as the product builds it (subset reader
/// first) and with YamlDotNet's parser alone: the same parameters, labels, units, references,
/// dated values, dates and places, and the same faults.
/// </summary>
public sealed class YamlSubsetRegistryTests
{
    [Fact]
    public void The_whole_tree_gives_the_same_registry_through_either_reader()
    {
        var root = SharedData.OpenFiscaParameters;
        var product = new List<RegistryFileInput>();
        var parser = new List<RegistryFileInput>();
        var faults = new List<string>();
        foreach (var path in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (Path.GetFileName(relative) == "index.yaml")
            {
                continue;
            }

            SourceText text;
            using (var stream = File.OpenRead(path))
            {
                text = SourceText.From(stream);
            }

            var key = RegistryKeys.FromRelativePath(relative)!;
            var fast = OpenFiscaParameterParser.Parse(text);
            var reference = OpenFiscaParameterParser.Parse(text, YamlTreeReader.ReadWithParser(text));
            Assert.Equal(string.Join("\n", reference.Faults), string.Join("\n", fast.Faults));
            product.Add(new RegistryFileInput(path, RegistryFileKind.OpenFisca, key, fast, null));
            parser.Add(new RegistryFileInput(path, RegistryFileKind.OpenFisca, key, reference, null));
        }

        var expected = RegistryMerger.Merge(includeEmbedded: false, parser.ToImmutableArray());
        var actual = RegistryMerger.Merge(includeEmbedded: false, product.ToImmutableArray());
        Assert.Equal(1_814, expected.Count);
        var expectedText = Describe(expected);
        var actualText = Describe(actual);
        var first = Enumerable.Range(0, Math.Min(expectedText.Count, actualText.Count)).FirstOrDefault(i => expectedText[i] != actualText[i], -1);
        Assert.True(first < 0 && expectedText.Count == actualText.Count, first < 0 ? "different counts" : $"expected:\n{expectedText[first]}\nactual:\n{actualText[first]}");
    }

    private static List<string> Describe(StatutoryRegistry registry)
        => registry.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(Describe).ToList();

    private static string Describe(StatutoryParameter parameter)
    {
        var builder = new StringBuilder();
        builder.Append(parameter.Key).Append(" | ").Append(parameter.Label).Append(" | ").Append(parameter.Unit)
            .Append(" | ").Append(string.Join(",", parameter.Keywords))
            .Append(" | last ").Append(parameter.LastValueStillValidOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Append(" | ").Append(parameter.Origin.Kind).Append(' ').Append(parameter.Origin.Path)
            .Append(" | at ").Append(parameter.Span.Span).Append(' ').Append(parameter.Span.LineSpan)
            .Append(" | refs ").Append(References(parameter.References)).Append('\n');
        foreach (var value in parameter.Values)
        {
            builder.Append("  ").Append(value.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                .Append(' ').Append(value.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null")
                .Append(value.IsNumeric ? " numeric" : string.Empty).Append(value.IsOther ? " other" : string.Empty)
                .Append(" at ").Append(value.Span.Span).Append(' ').Append(value.Span.LineSpan)
                .Append(" refs ").Append(References(value.References)).Append('\n');
        }

        return builder.ToString();
    }

    private static string References(ImmutableArray<LegalReference> references)
        => string.Join("; ", references.Select(r => r.Title + " <" + r.Href + ">"));
}
