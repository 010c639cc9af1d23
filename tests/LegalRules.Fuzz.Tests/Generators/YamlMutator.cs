using System;
using System.Collections.Immutable;
using System.Linq;
using CsCheck;

namespace LegalRules.Fuzz.Generators;

internal enum YamlMutationKind
{
    Indent,
    Outdent,
    TabIndent,
    DeleteLine,
    DuplicateLine,
    SwapLines,
    ReplaceValue,
    ReplaceKey,
    InsertLine,
    InsertCharacter,
    DeleteCharacter,
    Truncate,
    LineEndings,
    ByteOrderMark,
}

internal sealed record YamlMutation(YamlMutationKind Kind, int A, int B, int Pick);

internal sealed record YamlMutant(int Seed, ImmutableArray<YamlMutation> Mutations, int ReadAs)
{
    public override string ToString() => $"seed file {Seed}, read as {ReadAs}: " + string.Join(", ", Mutations.Select(m => $"{m.Kind}({m.A},{m.B},{m.Pick})"));
}

/// <summary>
/// Mutates YAML by lines and characters, the way hand-edited files go wrong: broken indentation,
/// tabs, lines lost or repeated (duplicate keys and dates), values of the wrong type, impossible
/// dates, huge numbers, anchors and aliases, tags, directives, stray characters, byte order marks.
/// </summary>
internal static class YamlMutator
{
    private const int Scale = 1_000_000;

    public static readonly string[] Values =
    {
        "[1, 2]", "[]", "{}", "{a: b}", "\"texte\"", "'texte'", "yes", "no", "true", "~", "null", "", ".inf", "-.inf", ".nan", "0x1F", "0o17", "1e400",
        "-1e400", "1e-400", "79228162514264337593543950336", "79228162514264337593543950335", "-79228162514264337593543950336", "0.0000000000000000000000000001",
        "0.00000000000000000000000000001", "1_000", "12,5", "1 000", "+5", "-0", "00012", "1.2.3", "2025-02-30", "2025-13-01", "0000-00-00", "9999-12-31",
        "0001-01-01", "2025-1-1", "2025-01-01T00:00:00Z", "expected", "{value: 1, expected: 2}", "{value: 3,5}", "{value: }", "{value: [1]}", "&a 1", "*a",
        "*unknown", "!!binary AAAA", "!!str 12", "!!int x", "!tag x", "|\n  bloc", ">-\n  plié", "\"non fermé", "'", "? complexe", "- élément", "{", "[", "}",
        "]", "\"\\q\"", "\"\\u12\"", "\"\\uD800\"", "@", "`", "%", "&", "*", "!", "|", ">", "#", ":", "- ", "- - -", "{a: {b: {c: {d: [[[[]]]]}}}}",
        new string('9', 400), "1" + new string('0', 60) + ".5", "{title: }", "{title: 1, href: [x]}", "[{title: t}, [nested]]",
    };

    public static readonly string[] Keys =
    {
        "values", "value", "brackets", "threshold", "rate", "amount", "metadata", "reference", "unit", "label", "keywords", "last_value_still_valid_on",
        "bindings", "parameters", "registry", "key", "as_of", "2025-02-30", "2025-04-01", "9999-12-31", "0001-01-01", "Clé-Invalide", "a..b", ".a", "a.",
        "A.B", "x y", "\"\"", "\"quoted.key\"", "<<", "? [a, b]", "&k key", "*k", "!!str k", "F:", "F:Vendor.X", "P:A.B", "M:A.B()", "Vendor.X<T>.Y",
        "a.b.brackets[0].rate", "a.b.brackets[x].rate", "\u00e9t\u00e9", "\u202E", "-",
    };

    public static readonly string[] Lines =
    {
        "<<: *a", "&anchor", "--- ", "...", "%YAML 1.2", "%TAG ! tag:x,2000:", "# commentaire", "key: value", "? [a, b]\n: c", "\"\\u0000\": x", "\uFEFFbom: x",
        "\t", "values:", "brackets:", "- threshold: 1", "  - rate: {2020-01-01: 0.1}", "metadata: {unit: /1}", "reference: []", "last_value_still_valid_on: 9999-12-31",
        "last_value_still_valid_on: 0001-01-01", "unit: BMAF", "unit: inconnue", "keywords: [[a]]", "x: &a [*a]", "y: *a", "b: &b {c: *b}", "- ", ": ",
        "{", "[", "'", "\"", "|", ">", "key: |\n  text\n    more", "2025-02-30: 12", "2024-04-01: 1", "9999-12-31: 1", "0001-01-01: 1", "2020-01-01: null",
    };

    private static readonly char[] Characters =
    {
        '\0', '\uFEFF', '\t', '\r', '\n', ':', '-', '&', '*', '!', '|', '>', '{', '}', '[', ']', ',', '#', '"', '\'', '%', '@', '`', '?', ' ', '\uD800',
        '\u2028', '\u0085', '\u00A0', '\u0007', '\u001B', 'é',
    };

    public static readonly Gen<YamlMutation> Mutation = Gen.Select(
        Gen.Frequency(
            (3, Gen.Const(YamlMutationKind.Indent)),
            (3, Gen.Const(YamlMutationKind.Outdent)),
            (2, Gen.Const(YamlMutationKind.TabIndent)),
            (3, Gen.Const(YamlMutationKind.DeleteLine)),
            (4, Gen.Const(YamlMutationKind.DuplicateLine)),
            (2, Gen.Const(YamlMutationKind.SwapLines)),
            (8, Gen.Const(YamlMutationKind.ReplaceValue)),
            (4, Gen.Const(YamlMutationKind.ReplaceKey)),
            (4, Gen.Const(YamlMutationKind.InsertLine)),
            (3, Gen.Const(YamlMutationKind.InsertCharacter)),
            (2, Gen.Const(YamlMutationKind.DeleteCharacter)),
            (1, Gen.Const(YamlMutationKind.Truncate)),
            (1, Gen.Const(YamlMutationKind.LineEndings)),
            (1, Gen.Const(YamlMutationKind.ByteOrderMark))),
        Gen.Int[0, Scale],
        Gen.Int[0, Scale],
        Gen.Int[0, int.MaxValue],
        (kind, a, b, pick) => new YamlMutation(kind, a, b, pick));

    /// <summary>Mutants of a seed; one in ten is read as another kind of file than its own (a bindings file named as a registry…).</summary>
    public static Gen<YamlMutant> Mutants(int seedCount)
        => Gen.Select(
            Gen.Int[0, seedCount - 1],
            Mutation.Array[1, 5],
            Gen.Frequency((9, Gen.Const(-1)), (1, Gen.Int[0, 2])),
            (seed, mutations, readAs) => new YamlMutant(seed, mutations.ToImmutableArray(), readAs));

    public static string Apply(string text, YamlMutant mutant)
    {
        foreach (var mutation in mutant.Mutations)
        {
            text = Apply(text, mutation);
        }

        return text;
    }

    public static string Apply(string text, YamlMutation m)
    {
        var lines = text.Split('\n').ToList();
        var line = Index(m.A, lines.Count);
        switch (m.Kind)
        {
            case YamlMutationKind.Indent:
                lines[line] = new string(' ', 1 + (m.Pick % 4)) + lines[line];
                break;
            case YamlMutationKind.Outdent:
                lines[line] = lines[line].Length > 0 && lines[line][0] == ' ' ? lines[line].Substring(Math.Min(lines[line].Length, 1 + (m.Pick % 3))) : lines[line];
                break;
            case YamlMutationKind.TabIndent:
            {
                var indent = lines[line].Length - lines[line].TrimStart(' ').Length;
                lines[line] = new string('\t', Math.Max(1, indent / 2)) + lines[line].TrimStart(' ');
                break;
            }

            case YamlMutationKind.DeleteLine:
                lines.RemoveAt(line);
                break;
            case YamlMutationKind.DuplicateLine:
                lines.Insert(line, lines[line]);
                break;
            case YamlMutationKind.SwapLines:
            {
                var other = Index(m.B, lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                break;
            }

            case YamlMutationKind.ReplaceValue:
            {
                // The value after the first ': ' of a line (or the item after '- ').
                var target = FindLine(lines, line, l => l.Contains(": ", StringComparison.Ordinal) || l.TrimStart().StartsWith("- ", StringComparison.Ordinal));
                var text0 = lines[target];
                var colon = text0.IndexOf(": ", StringComparison.Ordinal);
                var start = colon >= 0 ? colon + 2 : Math.Max(0, text0.IndexOf("- ", StringComparison.Ordinal) + 2);
                lines[target] = string.Concat(text0.AsSpan(0, Math.Min(start, text0.Length)), Pick(Values, m.Pick));
                break;
            }

            case YamlMutationKind.ReplaceKey:
            {
                var target = FindLine(lines, line, l => l.Contains(':', StringComparison.Ordinal));
                var text0 = lines[target];
                var indent = text0.Length - text0.TrimStart(' ', '-').Length;
                var colon = text0.IndexOf(':', indent);
                if (colon > indent)
                {
                    lines[target] = string.Concat(text0.AsSpan(0, indent), Pick(Keys, m.Pick), text0.AsSpan(colon));
                }

                break;
            }

            case YamlMutationKind.InsertLine:
            {
                var indent = new string(' ', m.B % 9);
                lines.Insert(Index(m.A, lines.Count + 1), indent + Pick(Lines, m.Pick));
                break;
            }

            case YamlMutationKind.InsertCharacter:
                return text.Insert(Index(m.A, text.Length + 1), Pick(Characters, m.Pick).ToString());
            case YamlMutationKind.DeleteCharacter:
                return text.Length == 0 ? text : text.Remove(Index(m.A, text.Length), 1);
            case YamlMutationKind.Truncate:
                return text.Substring(0, Index(m.A, text.Length + 1));
            case YamlMutationKind.LineEndings:
                return (m.Pick % 3) switch
                {
                    0 => text.Replace("\n", "\r\n", StringComparison.Ordinal),
                    1 => text.Replace("\n", "\r", StringComparison.Ordinal),
                    _ => text.Replace("\n", "\u2028", StringComparison.Ordinal),
                };
            case YamlMutationKind.ByteOrderMark:
                return (m.Pick % 2 == 0 ? "\uFEFF" : "\uFEFF\uFEFF") + text;
        }

        return string.Join('\n', lines);
    }

    private static int FindLine(System.Collections.Generic.List<string> lines, int from, Func<string, bool> predicate)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var candidate = (from + i) % lines.Count;
            if (predicate(lines[candidate]))
            {
                return candidate;
            }
        }

        return from;
    }

    private static int Index(int fraction, int count) => count == 0 ? 0 : (int)Math.Min(count - 1, (long)fraction * count / (Scale + 1L));

    private static T Pick<T>(T[] pool, int pick) => pool[pick % pool.Length];
}
