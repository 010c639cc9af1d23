using System;
using System.Linq;
using LegalRules.Registry;
using LegalRules.Registry.Sources;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using static LegalRules.Tests.Registry.RegistryAssert;

namespace LegalRules.Tests.Registry;

/// <summary>
/// One file of an OpenFisca tree, read as OpenFisca-Core reads it (openfisca_core/parameters):
/// forms the copy in shared/ does not use but any OpenFisca tree may.
/// </summary>
public sealed class OpenFiscaParameterParserTests
{
    [Fact]
    public void A_leaf_in_short_form()
    {
        // OpenFisca reads a mapping whose keys are all dates as a parameter (helpers._parse_child).
        var parsed = Parse("2015-01-01: 12\n2016-01-01: {value: 13}\n");

        Assert.Empty(parsed.Faults);
        var leaf = Assert.Single(parsed.Parameters);
        Assert.Equal(string.Empty, leaf.Key);
        Assert.Equal(new decimal?[] { 12m, 13m }, leaf.Values.Select(v => v.Value));
    }

    [Fact]
    public void References_keyed_by_date_apply_from_their_date_in_date_order_the_last_of_a_repeated_date_kept()
    {
        var parsed = Parse(string.Join("\n", new[]
        {
            "values:",
            "  2010-01-01: 1",
            "  2012-06-01: 2",
            "  2015-01-01: 3",
            "  2020-01-01: 4",
            "metadata:",
            "  reference:",
            "    2015-01-01: {title: Loi C}",
            "    2009-01-01: {title: Loi A}",
            "    '2012-06-01 ': {title: Loi B}",
            "    2015-01-01: {title: Loi C bis}",
            string.Empty,
        }));

        var leaf = Assert.Single(parsed.Parameters);
        Assert.Equal(
            new[] { "Loi A", "Loi B", "Loi C bis", "Loi C bis" },
            leaf.Values.Select(v => Assert.Single(leaf.ReferencesOf(v)).Title));
    }

    [Fact]
    public void A_node_file_with_a_child_in_short_form_and_node_fields()
    {
        var text = SourceText.From(string.Join("\n", new[]
        {
            "description: Plafonds",
            "unit: currency",
            "reference: https://example.org/node",
            "seul:",
            "  2020-01-01: 100",
            "couple:",
            "  values:",
            "    2020-01-01: 150",
            "zone_A:",
            "  values: {2020-01-01: 1}",
            string.Empty,
        }));

        var parsed = OpenFiscaParameterParser.Parse(text);

        // 'unit' and 'reference' are node fields in OpenFisca (config.COMMON_KEYS), not children.
        Faults(text, parsed.Faults);
        Assert.Equal(new[] { ".seul", ".couple", ".zone_A" }, parsed.Parameters.Select(p => p.Key));
        Assert.Equal(100m, parsed.Parameters[0].Values.Single().Value);
    }

    [Fact]
    public void Expected_values_are_metadata_not_values()
    {
        // OpenFisca skips "expected" values (Parameter.__init__): they must not end the one in force.
        var parsed = Parse(string.Join("\n", new[]
        {
            "values:",
            "  2024-01-01: 100",
            "  2025-01-01: expected",
            "  2026-01-01: {expected: 120}",
            string.Empty,
        }));

        Assert.Empty(parsed.Faults);
        var value = Assert.Single(Assert.Single(parsed.Parameters).Values);
        Assert.Equal(100m, value.Value);
    }

    [Fact]
    public void A_value_reference_in_the_value_metadata()
    {
        var parsed = Parse(string.Join("\n", new[]
        {
            "values:",
            "  2024-01-01:",
            "    value: 100",
            "    metadata:",
            "      reference: {title: Décret n° 2023-1, href: 'https://example.org/d'}",
            string.Empty,
        }));

        Assert.Empty(parsed.Faults);
        Assert.Equal("Décret n° 2023-1", Assert.Single(Assert.Single(parsed.Parameters).Values).References.Single().Title);
    }

    [Fact]
    public void A_bracket_component_written_as_a_leaf()
    {
        var parsed = Parse(string.Join("\n", new[]
        {
            "brackets:",
            "- threshold:",
            "    values: {2020-01-01: 0}",
            "  rate:",
            "    values: {2020-01-01: 0.1}",
            "    metadata: {unit: /1}",
            "metadata:",
            "  rate_unit: /1",
            string.Empty,
        }));

        Assert.Empty(parsed.Faults);
        Assert.Equal(new[] { ".brackets[0].threshold", ".brackets[0].rate" }, parsed.Parameters.Select(p => p.Key));
        Assert.Equal(0.1m, parsed.Parameters[1].Values.Single().Value);
    }

    [Fact]
    public void Texts_lists_and_booleans_are_values_but_not_numbers()
    {
        var parsed = Parse(string.Join("\n", new[]
        {
            "values:",
            "  2020-01-01: [1, 2]",
            "  2021-01-01: true",
            "  2022-01-01: '3'",
            "  2023-01-01: 4",
            string.Empty,
        }));

        Assert.Empty(parsed.Faults);
        var parameter = Assert.Single(parsed.Parameters);
        Assert.Equal(new[] { true, true, true, false }, parameter.Values.Select(v => v.IsOther));
        var registry = new StatutoryRegistry(new[] { parameter.WithKey("a.b", RegistryOrigin.Embedded) });
        Assert.Empty(registry.Find(1m));
        Assert.Empty(registry.Find(3m));
        Assert.Single(registry.Find(4m));
    }

    [Fact]
    public void An_index_like_file_with_no_parameter_is_not_a_fault()
    {
        var parsed = Parse("description: Prestations\nmetadata:\n  order: [a, b]\n");

        Assert.Empty(parsed.Faults);
        Assert.Empty(parsed.Parameters);
    }

    [Fact]
    public void A_child_that_is_not_a_mapping()
    {
        var text = SourceText.From("description: Nœud\nmontant: 12\n");

        var parsed = OpenFiscaParameterParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.ExpectedMapping, At(2, 10, 2, 12), "12"));
    }

    [Fact]
    public void Non_strict_reading_keeps_unknown_units_and_fields()
    {
        var parsed = Parse("values: {2020-01-01: 1}\nmetadata:\n  unit: ISO 3166-1 alpha-2\n  notes: {2020-01-01: [{title: x}]}\n");

        Assert.Empty(parsed.Faults);
        Assert.Equal("ISO 3166-1 alpha-2", Assert.Single(parsed.Parameters).Unit);
    }

    private static ParsedRegistryFile Parse(string yaml) => OpenFiscaParameterParser.Parse(SourceText.From(yaml));
}
