using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LegalRules.Fuzz.Generators;

/// <summary>A source written to hurt: extreme in depth, length or size.</summary>
internal sealed record ExtremeSource(string Name, string Text);

/// <summary>
/// C# at the limits: expressions nested thousands deep, sums of tens of thousands of terms (of
/// names and of statutory literals, which the matcher looks at), huge initializers, long
/// interpolated strings, deep blocks and generics, and every preprocessor directive at once.
/// </summary>
internal static class ExtremeSources
{
    /// <summary>Every source, sizes multiplied by <paramref name="scale"/> (2 in a long run).</summary>
    public static IEnumerable<ExtremeSource> All(int scale)
    {
        yield return new($"{5_000 * scale:N0} nested parentheses", Member("decimal", Repeat("(", 5_000 * scale) + "635.71m" + Repeat(")", 5_000 * scale)));
        yield return new($"{5_000 * scale:N0} nested parentheses around names", Member("decimal", Repeat("(", 5_000 * scale) + "a" + Repeat(")", 5_000 * scale)));
        yield return new($"a+a+… {20_000 * scale:N0} terms", Member("decimal", string.Join("+", Enumerable.Repeat("a", 20_000 * scale))));
        // The compiler itself takes 18 s to bind 20,000 folded decimals: CI takes 5,000.
        yield return new($"635.71m+… {5_000 * scale:N0} statutory literals", Member("decimal", string.Join("+", Enumerable.Repeat("635.71m", 5_000 * scale))));
        yield return new($"crds*0.005m+… {5_000 * scale:N0} corroborated terms", Member("decimal", string.Join("+", Enumerable.Repeat("crds * 0.005m", 5_000 * scale))));
        yield return new($"1+1+… {20_000 * scale:N0} folded constants", "class C { const int K = " + string.Join("+", Enumerable.Repeat("1", 20_000 * scale)) + "; }");
        yield return new($"1.0000001m*… {2_000 * scale:N0} folded decimals", "class C { const decimal K = " + string.Join("*", Enumerable.Repeat("1.0000001m", 2_000 * scale)) + "; }");
        yield return new($"{5_000 * scale:N0} nested conditionals", Member("decimal", Repeat("a > 0m ? 635.71m : (", 5_000 * scale) + "0m" + Repeat(")", 5_000 * scale)));
        yield return new($"{5_000 * scale:N0} nested unary minus", Member("decimal", Repeat("-", 5_000 * scale) + "635.71m"));
        yield return new($"{5_000 * scale:N0} nested casts", Member("decimal", Repeat("(decimal)", 5_000 * scale) + "635.71m"));
        // Roslyn 4.8's nullable analysis overflows the stack on 2,000 nested lambdas (the compiler's limit): 300 here.
        yield return new($"{300 * scale:N0} nested lambdas", Member("System.Func<decimal>", "() => " + Repeat("((System.Func<decimal>)(() => ", 300 * scale) + "635.71m" + Repeat("))()", 300 * scale)));
        yield return new($"{3_000 * scale:N0} nested blocks", "class C { void M() { " + Repeat("{ ", 3_000 * scale) + "var crds = 0.005m;" + Repeat(" }", 3_000 * scale) + " } }");
        yield return new($"{1_000 * scale:N0} nested generic types", "class G<T> { } class C { " + Repeat("G<", 1_000 * scale) + "int" + Repeat(">", 1_000 * scale) + " f; }");
        yield return new($"{20_000 * scale:N0}-element initializer of statutory values", "class C { static readonly decimal[] T = { " + string.Join(", ", Enumerable.Range(0, 20_000 * scale).Select(i => (i % 3) switch { 0 => "635.71m", 1 => "0.005m", _ => "11.88m" })) + " }; }");
        yield return new($"interpolated string of {10_000 * scale:N0} holes", "class C { static decimal a; string S => $\"" + string.Concat(Enumerable.Repeat("{635.71m}{a:N2}", 10_000 * scale)) + "\"; }");
        yield return new($"string concatenation of {10_000 * scale:N0} literals", "class C { const string S = " + string.Join(" + ", Enumerable.Repeat("\"635.71\"", 10_000 * scale)) + "; }");
        yield return new($"{10_000 * scale:N0} bound constants", "using LegalRules; class C { " + string.Concat(Enumerable.Range(0, 10_000 * scale).Select(i => $"[StatutoryParameter(\"{CSharpCorpus.RsaKey}\")] const decimal M{i} = {i}.5m; ")) + "}");
        yield return new($"{10_000 * scale:N0} unbound statutory constants", "class Crds { " + string.Concat(Enumerable.Range(0, 10_000 * scale).Select(i => $"const decimal CrdsTaux{i} = 0.005m; ")) + "}");
        yield return new($"every directive, {2_000 * scale:N0} times", Repeat("#if A\n#define B\n#elif B\n#undef A\n#else\n#pragma warning disable\n#endif\n#region r\n#endregion\n#line 12 \"x.cs\"\n#nullable enable\n#line default\n", 2_000 * scale) + "class C { decimal X = 635.71m; }");
        // The compiler's error recovery takes 20 s over 10,000 open braces: CI opens 2,000.
        yield return new($"unbalanced braces, {2_000 * scale:N0} open", "class C { " + Repeat("{ decimal x = 635.71m; ", 2_000 * scale));
        yield return new($"unbalanced braces, {10_000 * scale:N0} closed", "class C { decimal x = 635.71m; " + Repeat("} ", 10_000 * scale));
        yield return new($"a {4 * scale} MB line comment and a {4 * scale} MB string", "// " + new string('x', 4_000_000 * scale) + "\nclass C { const string S = \"" + new string('y', 4_000_000 * scale) + "\"; const decimal R = 635.71m; }");
        yield return new($"identifier of {1_000_000 * scale:N0} characters", "class C { const decimal " + new string('a', 1_000_000 * scale) + " = 635.71m; }");
        yield return new($"numeric literal of {100_000 * scale:N0} digits", "class C { const decimal D = " + new string('9', 100_000 * scale) + ".5m; const double E = 0." + new string('0', 100_000 * scale) + "1; }");
        yield return new("unicode escapes everywhere", "class \\u0043 { const decimal \\u0043rds\\u0054aux = 0.005m; string s = \"\\u0063\\U0001F600\"; char c = '\\u0041'; }");
        yield return new("nothing but NUL, BOM and surrogates", "\0\uFEFF\uD800\uDC00\u202E\0" + Repeat("\uD800", 10_000 * scale));
    }

    private static string Member(string type, string expression) => $"class C {{ static decimal a; static decimal crds; static {type} M() => {expression}; }}";

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
