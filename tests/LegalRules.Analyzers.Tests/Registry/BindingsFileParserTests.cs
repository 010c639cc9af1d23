using System;
using System.Linq;
using LegalRules.Registry;
using LegalRules.Registry.Sources;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using static LegalRules.Tests.Registry.RegistryAssert;

namespace LegalRules.Tests.Registry;

/// <summary>
/// Bindings files (<c>*.legal-bindings.yaml</c>): members bound by name or documentation id, in
/// the short or the <c>{key, as_of}</c> form; faults located in the file, the other bindings kept.
/// </summary>
public sealed class BindingsFileParserTests
{
    private const string RsaKey = "prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rsa";

    [Fact]
    public void A_binding_by_name()
    {
        var text = Bindings($"  Vendor.Calcul.CalculRsa.k1: {RsaKey}");

        var parsed = BindingsFileParser.Parse(text);

        Faults(text, parsed.Faults);
        var binding = parsed.Bindings.Single(b => b.Target == "Vendor.Calcul.CalculRsa.k1");
        Assert.Equal(RsaKey, binding.Key);
        Assert.Null(binding.AsOf);
        Assert.Equal(At(3, 3, 3, 29), binding.TargetSpan.LineSpan);
        Assert.Equal(At(3, 31, 3, 31 + RsaKey.Length), binding.KeySpan.LineSpan);
        Assert.Equal(RsaKey, text.ToString(binding.KeySpan.Span));
    }

    [Fact]
    public void A_binding_by_documentation_id()
    {
        var text = Bindings("  \"F:Vendor.Paie.Smic.SmicHoraireBrut\": marche_travail.salaire_minimum.smic.smic_b_horaire");

        var parsed = BindingsFileParser.Parse(text);

        Faults(text, parsed.Faults);
        var binding = parsed.Bindings.Single(b => b.Target.StartsWith("F:", StringComparison.Ordinal));
        Assert.Equal("F:Vendor.Paie.Smic.SmicHoraireBrut", binding.Target);
        Assert.Equal("marche_travail.salaire_minimum.smic.smic_b_horaire", binding.Key);
        Assert.Equal("\"F:Vendor.Paie.Smic.SmicHoraireBrut\"", text.ToString(binding.TargetSpan.Span));
    }

    [Fact]
    public void A_binding_with_its_own_date()
    {
        var text = Bindings($"  Vendor.Calcul.CalculRsa.k2023: {{key: {RsaKey}, as_of: 2023-06-01}}");

        var parsed = BindingsFileParser.Parse(text);

        Faults(text, parsed.Faults);
        var binding = parsed.Bindings.Single(b => b.Target == "Vendor.Calcul.CalculRsa.k2023");
        Assert.Equal(RsaKey, binding.Key);
        Assert.Equal(new DateTime(2023, 6, 1), binding.AsOf);
        Assert.Equal(RsaKey, text.ToString(binding.KeySpan.Span));
        Assert.Equal(3, parsed.Bindings.Length);
    }

    [Theory]
    [InlineData("2023-02-30")]
    [InlineData("juin 2023")]
    public void A_binding_date_that_is_not_a_date(string date)
    {
        var text = Bindings($"  Vendor.Calcul.CalculRsa.k: {{key: a.b, as_of: {date}}}");

        var parsed = BindingsFileParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.NotADate, At(3, 48, 3, 48 + date.Length), date));
        Targets(parsed, "Vendor.Ok.Before.A", "Vendor.Ok.After.B");
    }

    [Fact]
    public void A_misspelt_field_of_a_binding()
    {
        // Read without its date, the binding would be checked against another value: not read at all.
        var text = Bindings("  Vendor.Calcul.CalculRsa.k: {key: a.b, asof: 2023-06-01}");

        var parsed = BindingsFileParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.UnknownEntry, At(3, 41, 3, 45), "asof"));
        Targets(parsed, "Vendor.Ok.Before.A", "Vendor.Ok.After.B");
    }

    [Fact]
    public void A_binding_without_key()
    {
        var text = Bindings("  Vendor.Calcul.CalculRsa.k: {as_of: 2023-06-01}");

        var parsed = BindingsFileParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.MissingSection, At(3, 30, 3, 49), "{as_of: 2023-06-01}"));
        Targets(parsed, "Vendor.Ok.Before.A", "Vendor.Ok.After.B");
    }

    [Theory]
    [InlineData("Vendor Calcul.Rsa.k")]
    [InlineData("Montant")]
    [InlineData("Vendor..Rsa.k")]
    [InlineData("Vendor.Rsa.")]
    [InlineData("9Vendor.Rsa.k")]
    [InlineData("T:Vendor.Calcul.Rsa")]
    [InlineData("M:Vendor.Calcul.Rsa.Calculer")]
    [InlineData("F:")]
    [InlineData("Vendor.Rsa.k-1")]
    public void An_invalid_target(string target)
    {
        var text = Bindings($"  \"{target}\": a.b");

        var parsed = BindingsFileParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.InvalidBindingTarget, At(3, 3, 3, 5 + target.Length), $"\"{target}\""));
        Targets(parsed, "Vendor.Ok.Before.A", "Vendor.Ok.After.B");
    }

    [Theory]
    [InlineData("Vendor.Calcul.Rsa.MONTANT")]
    [InlineData("F:Vendor.Calcul.Rsa.MONTANT")]
    [InlineData("P:Vendor.Calcul.Rsa.Montant")]
    [InlineData("Vendor.Calcul.Barème.TauxRéduit")]
    [InlineData("Vendor.Calcul.Outer.Inner._taux")]
    [InlineData("Vendor.Calcul.Table<T>.Taux")]
    [InlineData("Vendor.Calcul.Table<TKey, TValue>.Taux")]
    [InlineData("F:Vendor.Calcul.Table`1.Taux")]
    [InlineData("Rsa.k")]
    public void A_valid_target(string target)
    {
        var text = Bindings($"  \"{target}\": a.b");

        var parsed = BindingsFileParser.Parse(text);

        Faults(text, parsed.Faults);
        Assert.Contains(parsed.Bindings, b => b.Target == target);
    }

    [Theory]
    [InlineData("Prestations RSA")]
    [InlineData("a..b")]
    [InlineData("rsa.montant!")]
    [InlineData("a.b.brackets[x].rate")]
    [InlineData("a.b.brackets[0]")]
    public void An_invalid_key(string key)
    {
        var text = Bindings($"  Vendor.Calcul.Rsa.k: \"{key}\"");

        var parsed = BindingsFileParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.InvalidKey, At(3, 24, 3, 26 + key.Length), $"\"{key}\""));
        Targets(parsed, "Vendor.Ok.Before.A", "Vendor.Ok.After.B");
    }

    [Theory]
    [InlineData("prelevements_sociaux.contributions_sociales.csg.remplacement.allocations_chomage.abattement.brackets[0].rate")]
    [InlineData("prestations_sociales.bail_reel_solidaire.plafonds_par_zones.zone_A.nb_personnes_3")]
    public void Keys_of_brackets_and_of_OpenFisca_names_are_valid(string key)
    {
        var text = Bindings($"  Vendor.Calcul.Rsa.k: {key}");

        var parsed = BindingsFileParser.Parse(text);

        Faults(text, parsed.Faults);
        Assert.Equal(key, parsed.Bindings.Single(b => b.Target == "Vendor.Calcul.Rsa.k").Key);
    }

    [Fact]
    public void A_target_bound_twice()
    {
        var text = Bindings("  Vendor.Calcul.Rsa.k: a.b", "  Vendor.Calcul.Rsa.k: c.d");

        var parsed = BindingsFileParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.DuplicateKey, At(4, 3, 4, 22), "Vendor.Calcul.Rsa.k"));
        Targets(parsed, "Vendor.Ok.Before.A", "Vendor.Ok.After.B"); // which key was meant is unknown
    }

    [Fact]
    public void A_binding_to_a_list()
    {
        var text = Bindings("  Vendor.Calcul.Rsa.k: [a.b, c.d]");

        var parsed = BindingsFileParser.Parse(text);

        Faults(text, parsed.Faults, (FaultCode.ExpectedScalar, At(3, 24, 3, 34), "[a.b, c.d]"));
        Targets(parsed, "Vendor.Ok.Before.A", "Vendor.Ok.After.B");
    }

    [Fact]
    public void A_syntax_error_keeps_the_bindings_before_it()
    {
        var text = Bindings("  Vendor.Calcul.Rsa.k: {key: a.b");

        var parsed = BindingsFileParser.Parse(text);

        Assert.Equal(FaultCode.YamlSyntax, Assert.Single(parsed.Faults).Code);
        Targets(parsed, "Vendor.Ok.Before.A");
    }

    [Theory]
    [InlineData("", nameof(FaultCode.EmptyFile), 1, 1, 1, 1, "")]
    [InlineData("# rien\n", nameof(FaultCode.EmptyFile), 1, 1, 1, 1, "")]
    [InlineData("liaisons:\n  A.b: a.b\n", nameof(FaultCode.UnknownEntry), 1, 1, 1, 9, "liaisons")]
    [InlineData("bindings:\n  - A.b\n", nameof(FaultCode.ExpectedMapping), 2, 3, 2, 8, "- A.b")]
    [InlineData("- bindings\n", nameof(FaultCode.ExpectedMapping), 1, 1, 1, 11, "- bindings")]
    public void A_file_that_is_not_a_bindings_file(string content, string code, int line, int column, int endLine, int endColumn, string covered)
    {
        var text = SourceText.From(content);

        var parsed = BindingsFileParser.Parse(text);

        Assert.Equal(code, parsed.Faults[0].Code.ToString());
        Assert.Equal(At(line, column, endLine, endColumn), parsed.Faults[0].Span.LineSpan);
        Assert.Equal(covered, text.ToString(parsed.Faults[0].Span.Span));
        Assert.Empty(parsed.Bindings);
    }

    [Fact]
    public void A_file_without_bindings_section_says_so()
    {
        var text = SourceText.From("liaisons:\n  A.b: a.b\n");

        var parsed = BindingsFileParser.Parse(text);

        Faults(
            text,
            parsed.Faults,
            (FaultCode.UnknownEntry, At(1, 1, 1, 9), "liaisons"),
            (FaultCode.MissingSection, At(1, 1, 1, 9), "liaisons"));
    }

    [Fact]
    public void An_empty_bindings_section_is_not_a_fault()
    {
        var parsed = BindingsFileParser.Parse(SourceText.From("bindings:\n"));

        Assert.Empty(parsed.Faults);
        Assert.Empty(parsed.Bindings);
    }

    /// <summary>A bindings file: a valid binding on line 2, the lines under test from line 3, a valid one after.</summary>
    private static SourceText Bindings(params string[] lines)
        => SourceText.From(string.Join("\n", new[] { "bindings:", "  Vendor.Ok.Before.A: a.b" }.Concat(lines).Append("  Vendor.Ok.After.B: c.d")) + "\n");

    private static void Targets(ParsedBindingsFile parsed, params string[] targets)
        => Assert.Equal(targets, parsed.Bindings.Select(b => b.Target));
}
