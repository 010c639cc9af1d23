using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LegalRules.Fuzz.Generators;

/// <summary>What a mutation does; its operands are drawn as numbers and scaled to the text at hand.</summary>
internal enum CSharpMutationKind
{
    DeleteToken,
    DeleteTokens,
    InsertToken,
    SwapTokens,
    DuplicateTokens,
    ReplaceLiteral,
    ReplaceIdentifier,
    InsertLine,
    InsertSnippet,
    InsertCharacter,
    DeleteCharacter,
    Truncate,
    UnbalanceBraces,
}

/// <summary>One mutation: a kind, two positions as fractions of the text (0–1,000,000), and a pick in a pool.</summary>
internal sealed record CSharpMutation(CSharpMutationKind Kind, int A, int B, int Pick);

/// <summary>A seed file with the mutations applied to it, in order.</summary>
internal sealed record CSharpMutant(int Seed, ImmutableArray<CSharpMutation> Mutations)
{
    public override string ToString() => $"seed file {Seed}: " + string.Join(", ", Mutations.Select(m => $"{m.Kind}({m.A},{m.B},{m.Pick})"));
}

/// <summary>
/// Mutates C# text at the level of the compiler's tokens (deletions, insertions, swaps,
/// duplications, literal and identifier replacements) and of characters and lines (truncation,
/// unbalanced braces, preprocessor directives, hostile characters). The pools hold what breaks
/// lexers and binders: huge and malformed numeric literals, digit separators, every kind of string,
/// unicode escapes, attributes with odd arguments.
/// </summary>
internal static class CSharpMutator
{
    private const int Scale = 1_000_000;

    public static readonly string[] Literals =
    {
        "1e400m", "1e400", "-1e400", "1e-400m", "1e-400", "1e28m", "7.9e28m", "79228162514264337593543950335m", "79228162514264337593543950336m",
        "0.0000000000000000000000000001m", "0.00000000000000000000000000001m", "0.1234567890123456789012345678901234567890m",
        "0x", "0x_", "0xFFFF_FFFF_FFFF_FFFF", "0xFFFF_FFFF_FFFF_FFFF_F", "0b", "0b1_0", "0B11111111111111111111111111111111111111111111111111111111111111111",
        "1_000__000m", "6_3_5.7_1m", "635_.71m", "635._71m", "5_", "_5", "1.m", ".5m", "1e", "1e+", "1e_3", "1__2e1_0m",
        "635.71m", "635.71", "635.71f", "635.71d", "635.710000000000000000000000001m", "646.52M", "11.88", "0.005", "0.005f", "5e-3", "0.5985", "46368", "46368L",
        "4294967296u", "18446744073709551616", "18446744073709551615UL", "9223372036854775808", "-9223372036854775808L", "2147483648",
        "1L", "1lu", "1uL", "1m", "0m", "-0m", "-0.0", "0.0e0", "double.NaN", "float.PositiveInfinity", "decimal.MaxValue", "(decimal)1e300",
        "1d/0d", "1m/0m", "checked(int.MaxValue + 1)", "unchecked((int)4294967296)", "(byte)300", "(sbyte)-129", "'\\u0041'", "(char)65",
        "1.0000000000000000000000000000000000000000000000001", "9999999999999999999999999999999999999999999999999999999999.99",
    };

    public static readonly string[] Strings =
    {
        "\"\"", "\"", "\"unterminated", "@\"", "@\"verbatim \"\" quote\"", "$\"\"", "$\"{", "$\"{635.71m}\"", "$\"{x,10:N2}\"", "$@\"{{{1}}}\"",
        "$\"{(\"nested\")}\"", "$\"{$\"{$\"{1}\"}\"}\"", "\"\"\"raw\"\"\"", "\"\"\"\n  multi\n  \"\"\"", "$$\"\"\"{{635.71m}}\"\"\"", "$\"\"\"{",
        "\"\\u00e9\"", "\"\\U0001F600\"", "\"\\x41\"", "\"\\q\"", "\"\\u12\"", "\"a\"u8", "'a'", "'", "''", "'\\''", "'ab'",
    };

    public static readonly string[] Identifiers =
    {
        "\\u0061bc", "\\U00000061", "\\u00E9tat", "@class", "@decimal", "_", "__", "a\\u0301", "\\u0041\\u0042", "é", "ᚠ", "Ω", "x1", "var", "nameof",
        "dynamic", "value", "field", "record", "await", "async", "global", "partial", "StatutoryParameter", "StatutoryParameterAttribute",
        "CRDSNonDeductible", "epsilon", "MontantForfaitaire", "TauxCsg", "Smic", "crds", "rsa",
    };

    public static readonly string[] Tokens =
    {
        "{", "}", "(", ")", "[", "]", ";", ",", ".", "..", "=>", "?", "??", "?.", ":", "::", "<", ">", "=", "==", "+", "-", "*", "/", "%", "!", "~",
        "^", "&", "|", "&&", "||", "<<", ">>", ">>>", "@", "$", "#", "\\", "`", "class", "struct", "interface", "record", "enum", "return", "const",
        "static", "readonly", "new", "default", "checked", "unchecked", "stackalloc", "ref", "out", "in", "params", "this", "base", "yield", "get",
        "set", "init", "operator", "implicit", "explicit", "delegate", "fixed", "unsafe", "goto", "switch", "case", "when", "with", "is", "as", "not",
        "and", "or", "var", "void", "decimal", "double", "float", "int", "long", "object", "string", "dynamic", "nint", "typeof", "sizeof", "nameof",
        "throw", "try", "catch", "finally", "lock", "using", "namespace", "extern", "volatile", "abstract", "sealed", "override", "virtual", "event",
        "scoped", "required", "file", "/*", "*/", "//", "///", "/** ", "<summary>",
    };

    public static readonly string[] Lines =
    {
        "#if DEBUG", "#if !DEBUG && (X || Y)", "#else", "#elif X", "#endif", "#region région", "#endregion", "#pragma warning disable",
        "#pragma warning restore LR0003", "#pragma warning disable LR0001 // justification", "#define X", "#undef X", "#line 1 \"autre.cs\"",
        "#line hidden", "#line default", "#line (1,1)-(1,10) 5 \"x.cs\"", "#line 999999999", "#nullable disable", "#nullable restore warnings",
        "#error fuzz", "#warning fuzz", "#pragma checksum \"a.cs\" \"{406EA660-64CF-4C82-B6F0-42D48172A799}\" \"ab007f1d23d9\"", "#!/usr/bin/env dotnet",
        "#r \"x.dll\"", "#load \"y.csx\"", "#", "#if", "#region", "// <auto-generated/>", "/* commentaire non fermé", "/// <summary>", "\u00A0",
        "using static System.Math;", "using D = System.Decimal;", "global using System;", "extern alias A;", "[assembly: System.Reflection.AssemblyVersion(\"1.0\")]",
    };

    public static readonly string[] Snippets =
    {
        "const decimal X = 635.71m;", "static decimal P => 646.52m;", "decimal Q { get { return 11.88m; } }", "enum E { A = 10777, B = 0x1F }",
        "var crds = 0.005;", "x = 0.005m;", "decimal crdsNonDeductible = 5m / 1000m;", "public const double Smic = 11.88;", "float f = 635.71f;",
        "[StatutoryParameter(\"" + CSharpCorpus.RsaKey + "\")] const decimal Bound = 1m;", "[StatutoryParameter(\"\")] const int Empty = 0;",
        "[StatutoryParameter(null)] const decimal Null = 1m;", "[StatutoryParameter(1)] const decimal One = 1m;",
        "[StatutoryParameter(\"" + CSharpCorpus.SmicKey + "\", AsOf = \"2024-02-30\")] const decimal Asof = 11.65m;",
        "[StatutoryParameter(\"" + CSharpCorpus.SmicKey + "\", AsOf = \"\")] static readonly decimal S = 11.88m;",
        "[StatutoryParameter(key: \"" + CSharpCorpus.CrdsKey + "\")] decimal K => 0.005m;",
        "[StatutoryParameter(\"fuzz.bareme.impot.brackets[1].rate\")] const decimal Bracket = 0.11m;",
        "[StatutoryParameter(\"fuzz.bareme.impot.brackets[99].rate\")] const decimal Missing = 0.11m;",
        "[StatutoryParameter(\"" + CSharpCorpus.RsaKey + "\"), StatutoryParameter(\"" + CSharpCorpus.SmicKey + "\")] const decimal Two = 11.88m;",
        "[StatutoryParameterAttribute(\"" + CSharpCorpus.PmssKey + "\", AsOf = \"1900-01-01\")] int Pmss = 3864;",
        "[StatutoryParameter(\"" + CSharpCorpus.BmafKey + "\")] enum Bmaf { Valeur = 478 }",
        "[StatutoryParameter(\"" + CSharpCorpus.BmafKey + "\")] event System.Action? Changed;",
        "[StatutoryParameter(\"" + CSharpCorpus.BmafKey + "\")] decimal this[int i] => 478.16m;",
        "[StatutoryParameter(\"" + CSharpCorpus.BmafKey + "\")] decimal M() => 478.16m;",
        "[StatutoryParameter(\"fuzz.aide.ancienne\")] const decimal Ended = 77.77m;",
        "decimal Deep => ((((((((635.71m))))))));", "decimal Folded => 41m / 100m * 1_000m - -0.005m;", "object Boxed = (object)635.71m;",
        "decimal? Nullable = null ?? 635.71m;", "static readonly decimal[] Table = { 635.71m, 646.52m, 0.005m, 11.88m };",
        "void L() { decimal Local() => 0.005m; var f = () => 635.71m; }", "decimal Sw(int n) => n switch { 1 => 635.71m, _ => 646.52m };",
        "const string S = \"635.71\" + 635.71;", "const decimal Div = 1m / 0m;", "const int Over = int.MaxValue + 1;", "const decimal Circular = Circular + 1m;",
        "const decimal A = B; const decimal B = A;", "partial class P { }", "class Nested<T> where T : Nested<Nested<T>> { }",
    };

    private static readonly char[] Characters =
    {
        '\0', '\uFEFF', '\u200B', '\u202E', '\uD800', '\uDC00', '\uFFFF', '\uFFFE', '\r', '\n', '\u2028', '\u0085', '\t', '\v', '\f', '\\', '"', '\'',
        '@', '$', '{', '}', '(', ')', '#', '\u00A0', 'é', '\u0301', '\u3000', '\u001A', '0', '.', '_', 'm', 'e',
    };

    /// <summary>Mutations, most of them on tokens; each mutant gets one to six.</summary>
    public static readonly Gen<CSharpMutation> Mutation = Gen.Select(
        Gen.Frequency(
            (6, Gen.Const(CSharpMutationKind.DeleteToken)),
            (3, Gen.Const(CSharpMutationKind.DeleteTokens)),
            (6, Gen.Const(CSharpMutationKind.InsertToken)),
            (3, Gen.Const(CSharpMutationKind.SwapTokens)),
            (2, Gen.Const(CSharpMutationKind.DuplicateTokens)),
            (8, Gen.Const(CSharpMutationKind.ReplaceLiteral)),
            (3, Gen.Const(CSharpMutationKind.ReplaceIdentifier)),
            (4, Gen.Const(CSharpMutationKind.InsertLine)),
            (6, Gen.Const(CSharpMutationKind.InsertSnippet)),
            (3, Gen.Const(CSharpMutationKind.InsertCharacter)),
            (2, Gen.Const(CSharpMutationKind.DeleteCharacter)),
            (1, Gen.Const(CSharpMutationKind.Truncate)),
            (2, Gen.Const(CSharpMutationKind.UnbalanceBraces))),
        Gen.Int[0, Scale],
        Gen.Int[0, Scale],
        Gen.Int[0, int.MaxValue],
        (kind, a, b, pick) => new CSharpMutation(kind, a, b, pick));

    public static Gen<CSharpMutant> Mutants(int seedCount)
        => Gen.Select(Gen.Int[0, seedCount - 1], Mutation.Array[1, 6], (seed, mutations) => new CSharpMutant(seed, mutations.ToImmutableArray()));

    public static string Apply(string text, CSharpMutant mutant)
    {
        foreach (var mutation in mutant.Mutations)
        {
            text = Apply(text, mutation);
        }

        return text;
    }

    public static string Apply(string text, CSharpMutation mutation)
    {
        var tokens = Tokenize(text);
        switch (mutation.Kind)
        {
            case CSharpMutationKind.DeleteToken when tokens.Count > 0:
                return Replace(text, tokens[Index(mutation.A, tokens.Count)].Span, string.Empty);
            case CSharpMutationKind.DeleteTokens when tokens.Count > 0:
            {
                var first = Index(mutation.A, tokens.Count);
                var last = Math.Min(tokens.Count - 1, first + (mutation.Pick % 8));
                return text.Remove(tokens[first].Span.Start, tokens[last].Span.End - tokens[first].Span.Start);
            }

            case CSharpMutationKind.InsertToken:
                return InsertAtToken(text, tokens, mutation.A, " " + Pick(Tokens, mutation.Pick) + " ");
            case CSharpMutationKind.SwapTokens when tokens.Count > 1:
            {
                var a = tokens[Index(mutation.A, tokens.Count)].Span;
                var b = tokens[Index(mutation.B, tokens.Count)].Span;
                if (a == b)
                {
                    return text;
                }

                var (first, second) = a.Start < b.Start ? (a, b) : (b, a);
                var builder = new StringBuilder(text.Length);
                builder.Append(text, 0, first.Start).Append(text, second.Start, second.Length)
                    .Append(text, first.End, second.Start - first.End).Append(text, first.Start, first.Length)
                    .Append(text, second.End, text.Length - second.End);
                return builder.ToString();
            }

            case CSharpMutationKind.DuplicateTokens when tokens.Count > 0:
            {
                var first = Index(mutation.A, tokens.Count);
                var last = Math.Min(tokens.Count - 1, first + (mutation.Pick % 12));
                var start = tokens[first].Span.Start;
                var end = tokens[last].Span.End;
                return string.Concat(text.AsSpan(0, end), " ", text.AsSpan(start, end - start), text.AsSpan(end));
            }

            case CSharpMutationKind.ReplaceLiteral:
            {
                var literals = tokens.Where(t => t.IsKind(SyntaxKind.NumericLiteralToken) || t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.CharacterLiteralToken)).ToList();
                if (literals.Count == 0)
                {
                    return InsertAtToken(text, tokens, mutation.A, " " + Pick(Literals, mutation.Pick) + " ");
                }

                var target = literals[Index(mutation.A, literals.Count)];
                var replacement = target.IsKind(SyntaxKind.NumericLiteralToken) || mutation.B % 4 != 0 ? Pick(Literals, mutation.Pick) : Pick(Strings, mutation.Pick);
                return Replace(text, target.Span, replacement);
            }

            case CSharpMutationKind.ReplaceIdentifier:
            {
                var identifiers = tokens.Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToList();
                if (identifiers.Count == 0)
                {
                    return text;
                }

                return Replace(text, identifiers[Index(mutation.A, identifiers.Count)].Span, Pick(Identifiers, mutation.Pick));
            }

            case CSharpMutationKind.InsertLine:
            {
                var lines = text.Split('\n').ToList();
                lines.Insert(Index(mutation.A, lines.Count + 1), Pick(Lines, mutation.Pick));
                return string.Join('\n', lines);
            }

            case CSharpMutationKind.InsertSnippet:
            {
                // Most snippets are members: put them after a '{' so that many land where members belong.
                var braces = tokens.Where(t => t.IsKind(SyntaxKind.OpenBraceToken)).ToList();
                var snippet = Pick(Snippets, mutation.Pick);
                if (braces.Count == 0 || mutation.B % 5 == 0)
                {
                    return InsertAtToken(text, tokens, mutation.A, " " + snippet + " ");
                }

                return text.Insert(braces[Index(mutation.A, braces.Count)].Span.End, "\n" + snippet + "\n");
            }

            case CSharpMutationKind.InsertCharacter:
                return text.Insert(Index(mutation.A, text.Length + 1), Pick(Characters, mutation.Pick).ToString());
            case CSharpMutationKind.DeleteCharacter when text.Length > 0:
                return text.Remove(Index(mutation.A, text.Length), 1);
            case CSharpMutationKind.Truncate:
                return text.Substring(0, Index(mutation.A, text.Length + 1));
            case CSharpMutationKind.UnbalanceBraces:
            {
                var brackets = new[] { "{", "}", "(", ")", "[", "]", "{{{{", "}}}}", "((((", "))))", "<", ">" };
                return InsertAtToken(text, tokens, mutation.A, Pick(brackets, mutation.Pick));
            }

            default:
                return text;
        }
    }

    /// <summary>The tokens of a text, as the compiler's lexer reads them (trivia excluded, end of file excluded).</summary>
    public static List<SyntaxToken> Tokenize(string text)
        => SyntaxFactory.ParseTokens(text, options: Infrastructure.AnalysisHarness.ParseOptions).Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0).ToList();

    private static string InsertAtToken(string text, List<SyntaxToken> tokens, int fraction, string insertion)
    {
        var position = tokens.Count == 0 ? 0 : tokens[Index(fraction, tokens.Count)].Span.Start;
        return text.Insert(position, insertion);
    }

    private static string Replace(string text, Microsoft.CodeAnalysis.Text.TextSpan span, string replacement)
        => string.Concat(text.AsSpan(0, span.Start), replacement, text.AsSpan(span.End));

    private static int Index(int fraction, int count) => count == 0 ? 0 : (int)Math.Min(count - 1, (long)fraction * count / (Scale + 1L));

    private static T Pick<T>(T[] pool, int pick) => pool[pick % pool.Length];
}
