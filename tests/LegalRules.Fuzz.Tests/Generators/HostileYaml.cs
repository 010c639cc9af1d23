using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LegalRules.Fuzz.Generators;

/// <summary>A hostile file: what it is called, what it is read as, and its text.</summary>
internal sealed record HostileFile(string Name, RegistrySeedKind Kind, string Text);

/// <summary>
/// Files written to hurt a YAML reader: empty or nearly, alias bombs, nesting far deeper than any
/// stack, multi-megabyte files of every kind, huge scalars and numbers, impossible and extreme
/// dates, thousands of duplicate keys, odd line endings and characters.
/// </summary>
internal static class HostileYaml
{
    private static CultureInfo Invariant => CultureInfo.InvariantCulture;

    /// <summary>Every case; <paramref name="scale"/> multiplies the sizes (1 in CI).</summary>
    public static IEnumerable<HostileFile> All(int scale)
    {
        foreach (var kind in Enum.GetValues<RegistrySeedKind>())
        {
            yield return new($"empty ({kind})", kind, string.Empty);
            yield return new($"byte order mark only ({kind})", kind, "\uFEFF");
            yield return new($"comments and blank lines only ({kind})", kind, "# rien\n\n   \n# fin\n");
            yield return new($"several documents ({kind})", kind, "---\nparameters: {}\n...\n---\nbindings: {}\n");
            yield return new($"NUL characters ({kind})", kind, "\0\0parameters:\0\n  \0");
            yield return new($"billion laughs ({kind})", kind, BillionLaughs(kind));
            yield return new($"flow nesting {100_000 * scale:N0} deep ({kind})", kind, Section(kind) + ": " + Repeat("{a: ", 100_000 * scale) + "1" + Repeat("}", 100_000 * scale) + "\n");
            yield return new($"sequence nesting {100_000 * scale:N0} deep ({kind})", kind, Section(kind) + ": " + Repeat("[", 100_000 * scale) + Repeat("]", 100_000 * scale) + "\n");
            yield return new($"block nesting {1_000 * scale:N0} deep ({kind})", kind, BlockNesting(kind, 1_000 * scale));
            yield return new($"{40_000 * scale:N0} anchors and aliases ({kind})", kind, Anchors(kind, 20_000 * scale));
            yield return new($"{8 * scale} MB scalar ({kind})", kind, Section(kind) + ":\n  x.y: \"" + new string('a', 8_000_000 * scale) + "\"\n");
            yield return new($"unterminated quote before 1 MB ({kind})", kind, Section(kind) + ": \"\n" + Repeat("  a.b: 1\n", 110_000 * scale));
        }

        yield return new($"{3 * scale} MB native registry", RegistrySeedKind.Native, BigNative(10_000 * scale));
        yield return new($"{3 * scale} MB native registry, CR line endings", RegistrySeedKind.Native, BigNative(10_000 * scale).Replace("\n", "\r", StringComparison.Ordinal));
        yield return new("native registry, tabs as indentation", RegistrySeedKind.Native, BigNative(200).Replace("  ", "\t", StringComparison.Ordinal));
        yield return new($"{10_000 * scale:N0} duplicate parameters", RegistrySeedKind.Native, "parameters:\n" + Repeat("  a.b:\n    values: {2020-01-01: 1}\n", 10_000 * scale));
        yield return new($"key of {50_000 * scale:N0} segments", RegistrySeedKind.Native, "parameters:\n  " + string.Join('.', Enumerable.Repeat("a", 50_000 * scale)) + ":\n    values: {2020-01-01: 1}\n");
        yield return new($"number of {100_000 * scale:N0} digits", RegistrySeedKind.Native, "parameters:\n  a.b:\n    values:\n      2020-01-01: " + new string('9', 100_000 * scale) + "." + new string('9', 1000) + "\n");
        yield return new("numbers past decimal's range", RegistrySeedKind.Native, "parameters:\n  a.b:\n    values:\n      2020-01-01: 1e400\n      2021-01-01: 79228162514264337593543950336\n      2022-01-01: -1e-400\n      2023-01-01: .nan\n");
        yield return new("impossible and extreme dates", RegistrySeedKind.Native, ExtremeDates);
        yield return new("merge keys", RegistrySeedKind.Native, "base: &base {unit: currency, label: Base}\nparameters:\n  a.b:\n    <<: *base\n    values: {2020-01-01: 1}\n");
        yield return new("alias of itself", RegistrySeedKind.Native, "parameters: &p\n  a.b: *p\n");
        yield return new("lone surrogates and direction marks", RegistrySeedKind.Native, "parameters:\n  a.b:\n    label: \"\uD800\u202E\uDC00\"\n    values: {2020-01-01: 1}\n\uD800: x\n");
        yield return new($"{scale} MB OpenFisca node file", RegistrySeedKind.OpenFisca, BigOpenFisca(5_000 * scale));
        yield return new($"OpenFisca leaf with {100_000 * scale:N0} dated values", RegistrySeedKind.OpenFisca, ManyValues(100_000 * scale));
        yield return new($"{20_000 * scale:N0} bindings", RegistrySeedKind.Bindings, BigBindings(20_000 * scale));
        yield return new($"{10_000 * scale:N0} duplicate bindings", RegistrySeedKind.Bindings, "bindings:\n" + Repeat("  A.B.C: a.b\n", 10_000 * scale));
    }

    /// <summary>Extreme dates, with a parameter whose data was last confirmed at the end of the calendar.</summary>
    public const string ExtremeDates = """
        parameters:
          extreme.fin_du_calendrier:
            label: Confirmée à la fin du calendrier
            reference: {title: "Texte"}
            last_value_still_valid_on: 9999-12-31
            values:
              0001-01-01: 12.34
              9999-12-31: 56.78
          extreme.dates_impossibles:
            values:
              2025-02-30: 1
              2025-13-01: 2
              0000-00-00: 3
          extreme.debut_du_calendrier:
            reference: {title: "Texte"}
            last_value_still_valid_on: 0001-01-01
            values:
              0001-01-01: 98.76
        """;

    private static string Section(RegistrySeedKind kind) => kind switch
    {
        RegistrySeedKind.Native => "parameters",
        RegistrySeedKind.Bindings => "bindings",
        _ => "values",
    };

    private static string BillionLaughs(RegistrySeedKind kind)
    {
        var builder = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 1; level <= 9; level++)
        {
            builder.Append(Invariant, $"a{level}: &a{level} [").Append(string.Join(",", Enumerable.Repeat($"*a{level - 1}", 9))).Append("]\n");
        }

        return builder.Append(Section(kind)).Append(": *a9\n").ToString();
    }

    private static string BlockNesting(RegistrySeedKind kind, int depth)
    {
        var builder = new StringBuilder(Section(kind)).Append(":\n");
        for (var i = 1; i <= depth; i++)
        {
            builder.Append(' ', 2 * i).Append("a:\n");
        }

        return builder.Append(' ', 2 * (depth + 1)).Append("1\n").ToString();
    }

    private static string Anchors(RegistrySeedKind kind, int count)
    {
        var builder = new StringBuilder(Section(kind)).Append(":\n");
        for (var i = 0; i < count; i++)
        {
            builder.Append(Invariant, $"  k{i}: &x{i} 1\n  l{i}: *x{i}\n");
        }

        return builder.ToString();
    }

    private static string BigNative(int parameters)
    {
        var builder = new StringBuilder("registry:\n  name: Gros registre\nparameters:\n");
        for (var i = 0; i < parameters; i++)
        {
            builder.Append(Invariant, $"  gros.registre.p{i}:\n    label: Paramètre {i}\n    unit: currency\n    keywords: [gros, p{i}]\n    reference: {{title: \"Texte {i}\", href: \"https://example.org/{i}\"}}\n    values:\n      2020-01-01: {i}.25\n      2022-04-01: {{value: {i}.5, reference: {{title: \"Décret {i}\"}}}}\n      2024-04-01: {i + 1}.75\n");
        }

        return builder.ToString();
    }

    private static string BigOpenFisca(int children)
    {
        var builder = new StringBuilder("description: Gros nœud\nmetadata:\n  unit: currency\n");
        for (var i = 0; i < children; i++)
        {
            builder.Append(Invariant, $"enfant_{i}:\n  description: Enfant {i}\n  values:\n    2020-01-01:\n      value: {i}.1\n    2023-01-01:\n      value: {i}.2\n  metadata:\n    reference:\n      2020-01-01:\n        title: Article {i}\n        href: https://example.org/{i}\n");
        }

        return builder.ToString();
    }

    private static string ManyValues(int count)
    {
        var builder = new StringBuilder("description: Beaucoup de valeurs\nvalues:\n");
        var date = new DateTime(1, 1, 1);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Invariant, $"  {date:yyyy-MM-dd}:\n    value: {i}.01\n");
            date = date.AddDays(1);
        }

        return builder.ToString();
    }

    private static string BigBindings(int count)
    {
        var builder = new StringBuilder("bindings:\n");
        for (var i = 0; i < count; i++)
        {
            builder.Append(Invariant, $"  Vendor.Calcul.Classe{i % 100}.Membre{i}: prestations_sociales.cle_{i % 7}.valeur\n");
        }

        return builder.ToString();
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
