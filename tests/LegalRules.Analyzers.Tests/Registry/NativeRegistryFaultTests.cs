using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LegalRules.Registry;
using LegalRules.Registry.Sources;
using LegalRules.Registry.Yaml;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using static LegalRules.Tests.Registry.RegistryAssert;

namespace LegalRules.Tests.Registry;

/// <summary>
/// Faults in a native registry file (<c>*.legal.yaml</c>): each is reported with its code at the
/// exact place in the file, never as an exception, and the file's valid parameters still load.
/// Positions are 1-based (line, column), as an editor shows them.
/// </summary>
public sealed class NativeRegistryFaultTests
{
    /// <summary>Lines 1 to 7 of every file below; a faulty entry starts on line 8.</summary>
    private static readonly string[] Before =
    {
        "registry:",
        "  name: Test",
        "parameters:",
        "  ok.before:",
        "    unit: currency",
        "    values:",
        "      2024-01-01: 1.5",
    };

    private static readonly string[] After =
    {
        "  ok.after:",
        "    unit: currency",
        "    values:",
        "      2024-01-01: 2.5",
    };

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("2025-13-01")]
    [InlineData("hier")]
    [InlineData("2025-1-01")]
    public void A_date_that_is_not_a_date(string date)
    {
        var text = Registry(
            "  bad.date:",
            "    unit: currency",
            "    values:",
            "      2024-01-01: 3",
            $"      {date}: 4");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.NotADate, At(12, 7, 12, 7 + date.Length), date));
        Loaded(parsed, "ok.before", "ok.after"); // not bad.date with a value missing from its history
    }

    [Fact]
    public void Duplicate_dates()
    {
        var text = Registry(
            "  bad.dates:",
            "    values:",
            "      2024-01-01: 3",
            "      2024-01-01: 4");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.DuplicateDate, At(11, 7, 11, 17), "2024-01-01"));
        Loaded(parsed, "ok.before", "ok.after");
    }

    [Theory]
    [InlineData("12,5", "12,5")]
    [InlineData("douze", "douze")]
    [InlineData("'12'", "'12'")]
    [InlineData("[1, 2]", "[1, 2]")]
    [InlineData("true", "true")]
    public void A_value_that_is_not_a_number(string value, string covered)
    {
        var text = Registry(
            "  bad.number:",
            "    values:",
            "      2024-01-01: 3",
            $"      2025-01-01: {value}");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.NotANumber, At(11, 19, 11, 19 + covered.Length), covered));
        Loaded(parsed, "ok.before", "ok.after");
    }

    [Fact]
    public void A_value_written_in_long_form_that_is_not_a_number()
    {
        var text = Registry(
            "  bad.number:",
            "    values:",
            "      2024-01-01: {value: 3,5}");

        var parsed = NativeRegistryParser.Parse(text);

        // "{value: 3,5}" reads as value 3 and a field "5": the number the author meant is in doubt.
        Faults(text, parsed.Faults, (FaultCode.UnknownEntry, At(10, 29, 10, 30), "5"));
        Loaded(parsed, "ok.before", "ok.after");
    }

    [Fact]
    public void A_bracket_without_threshold()
    {
        var text = Registry(
            "  bad.scale:",
            "    brackets:",
            "      - rate: {2024-01-01: 0.1}",
            "      - threshold: {2024-01-01: 100}",
            "        rate: {2024-01-01: 0.2}");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.BracketWithoutThreshold, At(10, 9, 10, 32), "rate: {2024-01-01: 0.1}"));
        Loaded(parsed, "ok.before", "ok.after"); // the scale is ambiguous: none of its brackets loads
    }

    [Fact]
    public void A_valid_scale_loads_every_bracket_component()
    {
        var text = Registry(
            "  good.scale:",
            "    unit: /1",
            "    brackets:",
            "      - threshold: {2024-01-01: 0}",
            "        rate: {2024-01-01: 0.1}",
            "      - threshold:",
            "          values: {2024-01-01: 100}",
            "        rate: {2024-01-01: 0.2}");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults);
        Loaded(parsed, "ok.before", "ok.after", "good.scale.brackets[0].threshold", "good.scale.brackets[0].rate", "good.scale.brackets[1].threshold", "good.scale.brackets[1].rate");
        Assert.Equal(100m, parsed.Parameters.Single(p => p.Key == "good.scale.brackets[1].threshold").Values.Single().Value);
    }

    [Fact]
    public void An_unknown_unit_is_reported_and_the_parameter_still_loads()
    {
        var text = Registry(
            "  odd.unit:",
            "    unit: euros",
            "    values:",
            "      2024-01-01: 3");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.UnknownUnit, At(9, 11, 9, 16), "euros"));
        Loaded(parsed, "ok.before", "ok.after", "odd.unit");
    }

    [Theory]
    [InlineData("currency")]
    [InlineData("/1")]
    [InlineData("BMAF")]
    [InlineData("year")]
    [InlineData("prestations_sociales.prestations_familiales.bmaf.bmaf")]
    public void Known_units_are_accepted(string unit)
    {
        var text = Registry("  good.unit:", $"    unit: {unit}", "    values: {2024-01-01: 3}");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults);
        Assert.Equal(unit, parsed.Parameters.Single(p => p.Key == "good.unit").Unit);
    }

    [Fact]
    public void A_parameter_key_declared_twice()
    {
        var text = Registry(
            "  dup.key:",
            "    values: {2024-01-01: 3}",
            "  dup.key:",
            "    values: {2024-01-01: 4}");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.DuplicateKey, At(10, 3, 10, 10), "dup.key"));
        Loaded(parsed, "ok.before", "ok.after"); // which of the two was meant is unknown
    }

    [Fact]
    public void A_field_declared_twice_in_an_entry()
    {
        var text = Registry(
            "  dup.field:",
            "    values: {2024-01-01: 3}",
            "    values: {2024-01-01: 4}");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.DuplicateKey, At(10, 5, 10, 11), "values"));
        Loaded(parsed, "ok.before", "ok.after");
    }

    [Theory]
    [InlineData("Bad.Key")]
    [InlineData("a..b")]
    [InlineData("rsa montant")]
    [InlineData("a.b-c")]
    [InlineData(".a.b")]
    public void An_invalid_key(string key)
    {
        var text = Registry($"  {key}:", "    values: {2024-01-01: 3}");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.InvalidKey, At(8, 3, 8, 3 + key.Length), key));
        Loaded(parsed, "ok.before", "ok.after");
    }

    [Fact]
    public void An_unknown_entry_field()
    {
        var text = Registry(
            "  typo.entry:",
            "    unit: currency",
            "    valeus:",
            "      2024-01-01: 3");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(
            text,
            parsed.Faults,
            (FaultCode.UnknownEntry, At(10, 5, 10, 11), "valeus"),
            (FaultCode.MissingValues, At(8, 3, 8, 13), "typo.entry"));
        Loaded(parsed, "ok.before", "ok.after");
    }

    [Fact]
    public void An_unknown_field_of_a_dated_value()
    {
        var text = Registry(
            "  typo.value:",
            "    values:",
            "      2024-01-01: {value: 3, refrence: {title: Décret}}");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.UnknownEntry, At(10, 30, 10, 38), "refrence"));
        Loaded(parsed, "ok.before", "ok.after");
    }

    [Fact]
    public void An_unknown_section()
    {
        var text = SourceText.From("registry: {name: Test}\nparametres:\n  a.b: {values: {2024-01-01: 1}}\n");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(
            text,
            parsed.Faults,
            (FaultCode.UnknownEntry, At(2, 1, 2, 11), "parametres"),
            (FaultCode.MissingSection, At(1, 1, 1, 9), "registry"));
        Loaded(parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# Barème vide\n")]
    public void An_empty_file(string content)
    {
        var text = SourceText.From(content);

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.EmptyFile, At(1, 1, 1, 1), string.Empty));
        Loaded(parsed);
    }

    [Fact]
    public void A_file_without_parameters_section()
    {
        var text = SourceText.From("registry:\n  name: Test\n");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.MissingSection, At(1, 1, 1, 9), "registry"));
        Loaded(parsed);
    }

    [Fact]
    public void An_empty_parameters_section_is_not_a_fault()
    {
        var text = SourceText.From("registry:\n  name: Test\nparameters:\n");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults);
        Assert.Equal("Test", parsed.Name);
    }

    [Fact]
    public void A_file_that_is_not_a_mapping()
    {
        var text = SourceText.From("- a\n- b\n");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.ExpectedMapping, At(1, 1, 2, 4), "- a\n- b"));
    }

    [Fact]
    public void A_tab_used_as_indentation()
    {
        var text = Registry(
            "  tab.entry:",
            "\tunit: currency",
            "    values: {2024-01-01: 3}");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.YamlSyntax, At(9, 1, 9, 2), "\t"));

        // Reading stops at a syntax error: what came before it loads, the entry it is in does not.
        Loaded(parsed, "ok.before");
    }

    [Fact]
    public void A_syntax_error_bad_indentation()
    {
        var text = Registry(
            "  bad.indent:",
            "    unit: currency",
            "   values:",
            "      2024-01-01: 3");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.YamlSyntax, At(10, 4, 10, 4), string.Empty));
        Loaded(parsed, "ok.before");
    }

    [Fact]
    public void A_syntax_error_flow_sequence_left_open()
    {
        // YamlDotNet throws InvalidOperationException here, not a YamlException: still a fault,
        // placed where the parser last stood, the bracket left open.
        var text = Registry(
            "  bad.flow:",
            "    values:",
            "      2024-01-01: [3");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.YamlSyntax, At(10, 19, 10, 19), string.Empty));
        Loaded(parsed, "ok.before");
    }

    [Fact]
    public void A_syntax_error_unknown_escape()
    {
        var text = Registry(
            "  bad.escape:",
            "    label: \"Montant \\q\"",
            "    values: {2024-01-01: 3}");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.YamlSyntax, At(9, 12, 9, 23), "\"Montant \\q"));
        Loaded(parsed, "ok.before");
    }

    [Fact]
    public void A_reference_without_title_or_href()
    {
        var text = Registry(
            "  ref.empty:",
            "    reference: {note: Article 1}",
            "    values:",
            "      2024-01-01: {value: 3, reference: {}}");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(
            text,
            parsed.Faults,
            (FaultCode.EmptyReference, At(9, 16, 9, 33), "{note: Article 1}"),
            (FaultCode.EmptyReference, At(11, 41, 11, 43), "{}"));
        Loaded(parsed, "ok.before", "ok.after", "ref.empty"); // a reference describes the value: the value stands
    }

    [Fact]
    public void A_second_document()
    {
        var text = SourceText.From(string.Join("\n", Before) + "\n---\nparameters: {}\n");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.MultipleDocuments, At(8, 1, 8, 4), "---"));
        Loaded(parsed, "ok.before");
    }

    [Fact]
    public void An_unknown_alias()
    {
        var text = Registry(
            "  bad.alias:",
            "    values: *nowhere");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.UnknownAlias, At(9, 13, 9, 21), "*nowhere"));
        Loaded(parsed, "ok.before", "ok.after");
    }

    [Fact]
    public void Aliases_resolve_to_their_anchor()
    {
        var text = Registry(
            "  with.anchor:",
            "    reference: &decree {title: Décret n° 2024-1, href: \"https://example.org/d\"}",
            "    values: {2024-01-01: 3}",
            "  with.alias:",
            "    reference: *decree",
            "    values: {2024-01-01: 4}");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults);
        Assert.Equal("Décret n° 2024-1", parsed.Parameters.Single(p => p.Key == "with.alias").References.Single().Title);
    }

    [Fact]
    public void A_complex_key()
    {
        var text = Registry(
            "  bad.key:",
            "    values:",
            "      ? [2024, 01, 01]",
            "      : 3");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.ComplexKey, At(10, 9, 10, 23), "[2024, 01, 01]"));
        Loaded(parsed, "ok.before", "ok.after");
    }

    /// <summary>9 levels of 10 aliases each stand for 10⁹ nodes: read without expanding, and refused.</summary>
    [Fact(Timeout = 60_000)]
    public async Task A_billion_laughs_alias_bomb_loads_quickly_without_expanding()
    {
        var lines = Before.Take(2).ToList();
        lines.Add("lol:");
        lines.Add("  a: &a [x, x, x, x, x, x, x, x, x, x]");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            lines.Add($"  {level}: &{level} [{string.Join(", ", Enumerable.Repeat("*" + previous, 10))}]");
        }

        lines.AddRange(Before.Skip(2));
        lines.AddRange(After);
        var text = SourceText.From(string.Join("\n", lines) + "\n");

        var parsed = await Task.Run(() => NativeRegistryParser.Parse(text));

        // a..f stand for 1,234,550 nodes; g's first *f passes the limit of 2,000,000.
        Faults(
            text,
            parsed.Faults,
            (FaultCode.TooLarge, At(10, 10, 10, 12), "*f"),
            (FaultCode.UnknownEntry, At(3, 1, 3, 4), "lol"));
        Loaded(parsed, "ok.before", "ok.after");
        Assert.True(YamlTreeReader.Read(text).Root!.ExpandedSize <= YamlTreeReader.MaxNodes + YamlTreeReader.MaxAliasExpansion);
    }

    [Fact]
    public void A_chain_of_aliases_cannot_make_the_tree_deeper_than_the_limit()
    {
        var lines = Before.Take(2).ToList();
        lines.Add("chain:");
        lines.Add("  d0: &d0 [x]");
        for (var i = 1; i <= 100; i++)
        {
            lines.Add($"  d{i}: &d{i} [*d{i - 1}]");
        }

        lines.AddRange(Before.Skip(2));
        lines.AddRange(After);
        var text = SourceText.From(string.Join("\n", lines) + "\n");

        var read = YamlTreeReader.Read(text);
        var parsed = NativeRegistryParser.Parse(text);

        // d_i is i + 2 levels deep once expanded, under a mapping of depth 2: d61 is the first too deep.
        Assert.Equal(FaultCode.TooDeep, read.Faults[0].Code);
        Assert.Equal(At(65, 14, 65, 18), read.Faults[0].Span.LineSpan);
        Assert.True(read.Root!.ExpandedHeight <= YamlTreeReader.MaxDepth);
        Loaded(parsed, "ok.before", "ok.after");
    }

    [Theory]
    [InlineData("flow sequences")]
    [InlineData("flow mappings")]
    [InlineData("block sequences")]
    public void Nesting_ten_thousand_levels_deep_is_a_fault_not_a_stack_overflow(string style)
    {
        const int levels = 10_000;
        var deep = style switch
        {
            "flow sequences" => "deep: " + new string('[', levels) + "x" + new string(']', levels),
            "flow mappings" => "deep: " + string.Concat(Enumerable.Repeat("{a: ", levels)) + "x" + new string('}', levels),
            _ => "deep:\n  " + string.Concat(Enumerable.Repeat("- ", levels)) + "x",
        };
        var lines = Before.Take(2).Append(deep).Concat(Before.Skip(2)).Concat(After);
        var text = SourceText.From(string.Join("\n", lines) + "\n");

        var parsed = NativeRegistryParser.Parse(text);

        // The root mapping is level 1: the collection at level MaxDepth + 1 is refused, where it opens.
        var fault = Assert.Single(parsed.Faults, f => f.Code == FaultCode.TooDeep);
        var line = text.Lines.GetLinePosition(fault.Span.Span.Start).Line + 1;
        var opening = style switch
        {
            "flow sequences" => "deep: ".Length + (YamlTreeReader.MaxDepth - 1),
            "flow mappings" => "deep: ".Length + ("{a: ".Length * (YamlTreeReader.MaxDepth - 1)),
            _ => 2 + ("- ".Length * (YamlTreeReader.MaxDepth - 1)),
        };
        Assert.Equal(style == "block sequences" ? 4 : 3, line);
        Assert.Equal(opening, fault.Span.LineSpan.Start.Character);
        Assert.Contains(parsed.Faults, f => f.Code == FaultCode.UnknownEntry);
        Loaded(parsed, "ok.before", "ok.after");
    }

    [Fact]
    public void A_five_megabyte_file_of_twenty_thousand_parameters_loads()
    {
        const int count = 20_000;
        var builder = new StringBuilder("registry:\n  name: Généré\nparameters:\n");
        for (var i = 0; i < count; i++)
        {
            builder.Append("  genere.p").Append(i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).Append(":\n")
                .Append("    label: \"Paramètre généré pour mesurer la lecture d'un grand registre, numéro ").Append(i).Append("\"\n")
                .Append("    unit: currency\n")
                .Append("    keywords: [genere, mesure]\n")
                .Append("    reference: {title: \"Texte de référence\", href: \"https://example.org/texte\"}\n")
                .Append("    values:\n")
                .Append("      2020-01-01: 1").Append(i % 100).Append(".25\n")
                .Append("      2022-04-01: 2").Append(i % 100).Append(".50\n")
                .Append("      2024-04-01: {value: 3").Append(i % 100).Append(".75, reference: {title: \"Décret n° 2024-").Append(i).Append("\"}}\n");
        }

        var text = SourceText.From(builder.ToString());
        Assert.True(text.Length >= 5_000_000, $"The file has {text.Length} characters.");

        var parsed = NativeRegistryParser.Parse(text);

        Faults(text, parsed.Faults);
        Assert.Equal(count, parsed.Parameters.Length);
        Assert.Equal(3, parsed.Parameters[count - 1].Values.Length);
    }

    [Fact]
    public void A_byte_order_mark_does_not_move_positions()
    {
        var plain = Registry("  bad.date:", "    values:", "      2025-02-30: 4");
        var withMark = SourceText.From("\uFEFF" + plain);
        var fromBytes = SourceText.From(new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(plain.ToString())).ToArray()));

        foreach (var text in new[] { withMark, fromBytes })
        {
            var parsed = NativeRegistryParser.Parse(text);

            Faults(text, parsed.Faults, (FaultCode.NotADate, At(10, 7, 10, 17), "2025-02-30"));
            Loaded(parsed, "ok.before", "ok.after");
            Assert.Equal("Test", parsed.Name);
        }
    }

    [Fact]
    public void Windows_line_endings_keep_positions_right()
    {
        var text = SourceText.From(Registry(
            "  bad.date:",
            "    unit: euros",
            "    values:",
            "      2025-02-30: 4").ToString().Replace("\n", "\r\n"));

        var parsed = NativeRegistryParser.Parse(text);

        Faults(
            text,
            parsed.Faults,
            (FaultCode.UnknownUnit, At(9, 11, 9, 16), "euros"),
            (FaultCode.NotADate, At(11, 7, 11, 17), "2025-02-30"));
        Loaded(parsed, "ok.before", "ok.after");
        Assert.Equal(At(4, 3, 4, 12), parsed.Parameters.Single(p => p.Key == "ok.before").Span.LineSpan);
        Assert.Equal(At(7, 19, 7, 22), parsed.Parameters.Single(p => p.Key == "ok.before").Values.Single().Span.LineSpan);
    }

    [Fact]
    public void Parameters_and_values_are_located_where_they_are_written()
    {
        var text = Registry("  here.it.is:", "    values:", "      2024-01-01: {value: 3.25}", "      2025-01-01: null");

        var parsed = NativeRegistryParser.Parse(text);
        var parameter = parsed.Parameters.Single(p => p.Key == "here.it.is");

        Assert.Equal("here.it.is", text.ToString(parameter.Span.Span));
        Assert.Equal("3.25", text.ToString(parameter.Values[0].Span.Span));
        Assert.Equal(At(11, 19, 11, 23), parameter.Values[1].Span.LineSpan);
        Assert.True(parameter.Values[1].IsEnd);
    }

    /// <summary>Whatever is cut off or garbled, reading gives faults, never an exception.</summary>
    [Fact]
    public void Truncated_or_garbled_files_never_throw()
    {
        var sample = Registry(
            "  rich.entry:",
            "    label: \"Montant « forfaitaire »\"",
            "    unit: currency",
            "    keywords: [rsa, 'socle']",
            "    reference: {title: \"Article L262-2\", href: \"https://example.org\"}",
            "    values:",
            "      2024-04-01: {value: 635.71, reference: [{title: Décret}]}",
            "      2025-04-01: &v 646.52",
            "    brackets:",
            "      - threshold: {2024-01-01: 0}",
            "        rate: |",
            "          0.5").ToString();
        var garbling = new[] { "\t", "[", "{", "]", "}", ":", "\"", "'", "*v", "&", "\\", "- ", "? ", "\n", "#", "%", "@", "`", "!!str ", "|" };

        for (var cut = 0; cut <= sample.Length; cut++)
        {
            NativeRegistryParser.Parse(SourceText.From(sample.Substring(0, cut)));
            foreach (var inserted in garbling)
            {
                NativeRegistryParser.Parse(SourceText.From(sample.Insert(cut, inserted)));
            }
        }
    }

    private static SourceText Registry(params string[] faulty)
        => SourceText.From(string.Join("\n", Before.Concat(faulty).Concat(After)) + "\n");
}
