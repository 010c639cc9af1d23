using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.Cli.Audit;
using LegalRules.Cli.Audit.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LegalRules.Cli.Tests;

/// <summary>
/// The audit analyses tree by tree (<see cref="TreeDriver"/>): it must run every rule as Roslyn's
/// driver does in a build — the same nodes, the same containing symbols, the same symbols, the same
/// suppressions — and so find the same.
/// </summary>
public sealed class TreeDriverTests
{
    /// <summary>Every kind of declaration a node can sit in, and the places where the driver's choice is not the obvious one.</summary>
    private const string Declarations = """
        using System;
        using System.Linq;
        using Alias = System.Decimal;
        [assembly: System.Reflection.AssemblyDescription("x" + "y")]
        namespace N
        {
            [Obsolete("c" + "d")]
            public class C<[Obsolete] T> : Base where T : class
            {
                [Obsolete] public const decimal K = 0.5m * 2, K2 = 1m;
                private decimal a = 1m, b = 2m + 3m;
                public decimal P { get; set; } = 4m + 1m;
                public decimal Q => 5m + 1m;
                public decimal R { get { return 6m + 1m; } set { a = value + 7m; } }
                public decimal S { get => 8m + 1m; init => a = 9m + 1m; }
                public decimal this[int i] => 10m + i;
                public decimal this[string s] { get { return 10.5m; } }
                public event EventHandler? E = (s, e) => { var z = 11m + 1m; };
                public event EventHandler F { add { var q = 12m + 1m; } remove { } }
                public C(decimal x = 13m + 1m) : base(14m + 1m) { var y = 15m + 1m; }
                ~C() { var d = 16m + 1m; }
                [return: Obsolete] [Obsolete("m" + "n")]
                public decimal M([Obsolete] decimal p = 17m + 1m)
                {
                    decimal Local(decimal v = 18m + 1m) => v * 19m + 1m;
                    Func<decimal, decimal> f = v => v + 20m + 1m;
                    const decimal Kl = 21m + 1m;
                    var an = new { X = 22m + 1m };
                    var qs = from i in new[] { 1, 2 } where i > 23 + 1 select i * 24 + 1;
                    return Math.Round(Local(p) + f(Kl) + an.X + (p switch { > 25m + 1m => 26m + 1m, _ => 0m }), 2);
                }
                public static C<T> operator +(C<T> l, C<T> r) { var o = 27m + 1m; return l; }
                public static implicit operator decimal(C<T> c) => 28m + 1m;
                class Nested { decimal n = 29m + 1m; void NM() { var nn = 30m + 1m; } }
                enum En { A = 31 + 1, B }
                delegate decimal D(decimal d = 32m + 1m);
                [Obsolete] decimal field2 = 33m + 1m;
                Alias alias = 34m + 1m;
                decimal[] arr = { 35m + 1m, 36m };
                static C() { }
            }
            public class Base { public Base(decimal d) { } }
            public record Rec([property: Obsolete] decimal X = 37m + 1m, decimal Y = 38m + 1m) : BaseRec(39m + 1m) { public decimal Z { get; } = X + 40m + 1m; }
            public record BaseRec(decimal B);
            public class Prim(decimal pp = 41m + 1m) : Base(42m + 1m) { decimal w = pp + 43m + 1m; }
            public interface I { decimal Def() => 44m + 1m; decimal IP => 45m + 1m; }
            public struct St { public decimal s = 46m + 1m; public St() { } }
            public partial class Part { partial void PM(); partial void PM() { var pm = 47m + 1m; } }
            public partial class Part { decimal second = 47.5m; public partial decimal PP { get; } }
            public partial class Part { public partial decimal PP => 47.75m; }
            public record struct Point(double X, double Y = 0.25);
        }
        """;

    private const string TopLevel = """
        var top = 48m + 1m;
        Console.WriteLine(top * 49m + 1m);
        decimal TopLocal() => 50m + 1m;
        class Program2 { decimal p2 = 0.75m; }
        """;

    private const string FileScoped = """
        namespace FS;
        public class G { decimal g = 51m + 1m; }
        """;

    /// <summary>Code that does not parse or bind: a vendor's drop may hold some.</summary>
    private const string Broken = """
        namespace Broken
        {
            public class B
            {
                decimal x = 0.5m +;
                public decimal Taux( => 0.16m;
                decimal
                public void M() { var y = Unknown(1.5m) * 2; if (y > 3 { } }
                public decimal P { get => 4m
            }
            public class After { decimal z = 5m * 0.1m; }
        """;

    [Fact]
    public async Task Every_node_and_declared_symbol_is_visited_with_the_containing_symbol_Roslyn_s_driver_gives()
    {
        var sources = new Dictionary<string, string>
        {
            ["Declarations.cs"] = Declarations,
            ["TopLevel.cs"] = TopLevel,
            ["FileScoped.cs"] = FileScoped,
            ["Broken.cs"] = Broken,
        };
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.RepositoryRoot, "samples", "VendorDrop"), "*.cs", SearchOption.AllDirectories).Where(p => !p.EndsWith(".g.cs", StringComparison.Ordinal)))
        {
            sources.Add(Path.GetRelativePath(RepositoryPaths.RepositoryRoot, path), File.ReadAllText(path));
        }

        var compilation = Compile(sources);

        var roslyn = new RecordingAnalyzer();
        await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(roslyn)).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var byTree = new RecordingAnalyzer();
        var result = await TreeDriver.TryAnalyseAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(byTree), new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), new HashSet<SyntaxTree>(), (_, e) => throw e, CancellationToken.None);

        Assert.NotNull(result);
        Assert.Contains(roslyn.Visits, v => v.Contains("Method:N.C<T>.Q.get", StringComparison.Ordinal)); // the recording sees what it should
        Assert.Contains(roslyn.Visits, v => v.Contains("NamedType:N.C<T>.D", StringComparison.Ordinal));
        AssertSame(roslyn.Visits, byTree.Visits);
        AssertSame(roslyn.Symbols, byTree.Symbols);
    }

    /// <summary>
    /// Broken code, as drops hold: seeded mutants of the declarations above and of the sample drop
    /// (tokens deleted, repeated, swapped, braces and keywords inserted) must be visited and analysed
    /// the same way by both drivers — nodes, containing symbols, declared symbols and every rule's findings.
    /// </summary>
    [Fact]
    public async Task Mutated_code_is_visited_and_analysed_as_by_Roslyn_s_driver()
    {
        var seeds = new List<(string Path, string Text)> { ("Declarations.cs", Declarations), ("TopLevel.cs", TopLevel) };
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.RepositoryRoot, "samples", "VendorDrop"), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            seeds.Add((Path.GetFileName(path), File.ReadAllText(path)));
        }

        var options = new AnalyzerOptions(
            ImmutableArray<AdditionalText>.Empty,
            new LegalRules.Hosting.GlobalOptionsProvider(new Dictionary<string, string> { ["legal_rules.as_of"] = "2026-11-29" }));
        for (var index = 0; index < 600; index++)
        {
            var random = new Random(index);
            var (path, text) = seeds[index % seeds.Count];
            var mutant = Mutate(text, random);
            var compilation = Compile(new Dictionary<string, string> { [path] = mutant });

            var roslyn = new RecordingAnalyzer();
            var roslynAnalyzers = AnalyzerCatalog.CreateAnalyzers().Add(roslyn);
            var roslynDiagnostics = await compilation.WithAnalyzers(roslynAnalyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var byTree = new RecordingAnalyzer();
            var generated = compilation.SyntaxTrees.Where(t => GeneratedCode.IsGeneratedName(t.FilePath) || GeneratedCode.HasGeneratedHeader(t)).ToHashSet();
            var byTreeDiagnostics = await TreeDriver.TryAnalyseAsync(compilation, AnalyzerCatalog.CreateAnalyzers().Add(byTree), options, generated, (_, e) => throw e, CancellationToken.None);

            var context = $"mutant {index} of {path}:\n{mutant}\n";
            Assert.True(byTreeDiagnostics is not null, context);
            // In broken code, Roslyn's driver may visit structured trivia (directives, skipped tokens)
            // twice, once per symbol a declaration declares (a type and its primary constructor, top-level
            // statements); the audit once. Everything else must be the same.
            AssertSame(OutsideTrivia(roslyn.Visits), OutsideTrivia(byTree.Visits), context);
            var unknown = byTree.Visits.Except(roslyn.Visits).ToList();
            Assert.True(unknown.Count == 0, context + "visited by the audit only:\n  " + string.Join("\n  ", unknown));
            AssertSame(roslyn.Symbols, byTree.Symbols, context);
            AssertSame(Findings(roslynDiagnostics), Findings(byTreeDiagnostics!.Value), context);
        }
    }

    private static IEnumerable<string> OutsideTrivia(IEnumerable<string> visits) => visits.Where(v => !v.Contains(" (in trivia) ->", StringComparison.Ordinal));

    private static IEnumerable<string> Findings(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics.Where(d => d.Id.StartsWith("LR", StringComparison.Ordinal)).Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");

    private static readonly string[] Insertions = { "{", "}", "(", ")", ";", "=>", "class", "0.5m", "[Obsolete]", "\n#if X\n", "\n#endif\n", "namespace", "=", ",", "record", "get", "static", "1e400m", "\"" };

    /// <summary>One to five token-level edits, chosen by <paramref name="random"/> alone.</summary>
    private static string Mutate(string text, Random random)
    {
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens(descendIntoTrivia: false).Select(t => t.ToFullString()).ToList();
        for (var edits = random.Next(1, 6); edits > 0 && tokens.Count > 1; edits--)
        {
            var at = random.Next(tokens.Count);
            switch (random.Next(4))
            {
                case 0:
                    tokens.RemoveAt(at);
                    break;
                case 1:
                    tokens.Insert(at, tokens[at]);
                    break;
                case 2:
                    var other = random.Next(tokens.Count);
                    (tokens[at], tokens[other]) = (tokens[other], tokens[at]);
                    break;
                default:
                    tokens.Insert(at, " " + Insertions[random.Next(Insertions.Length)] + " ");
                    break;
            }
        }

        return string.Concat(tokens);
    }

    [Fact]
    public async Task Generated_files_are_skipped_and_a_type_partly_generated_is_still_announced_once()
    {
        var compilation = Compile(new Dictionary<string, string>
        {
            // Sorted first: the type's first part is the generated one.
            ["A.Designer.cs"] = "namespace P { public partial class Form { decimal generated = 0.5m; void InitializeComponent() { var x = 1.5m; } } }",
            ["B.cs"] = "namespace P { public partial class Form { decimal written = 0.25m; decimal Total() => written * 2m; } }",
        });
        var generated = compilation.SyntaxTrees.Where(t => t.FilePath.EndsWith(".Designer.cs", StringComparison.Ordinal)).ToHashSet();

        var roslyn = new RecordingAnalyzer();
        await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(roslyn)).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var byTree = new RecordingAnalyzer();
        await TreeDriver.TryAnalyseAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(byTree), new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), generated, (_, e) => throw e, CancellationToken.None);

        Assert.Contains(byTree.Symbols, s => s.StartsWith("NamedType:P.Form@", StringComparison.Ordinal));
        Assert.DoesNotContain(byTree.Visits, v => v.StartsWith("A.Designer.cs", StringComparison.Ordinal));
        AssertSame(roslyn.Visits, byTree.Visits);
        AssertSame(roslyn.Symbols, byTree.Symbols);
    }

    public static TheoryData<string, string[]> Drops => new()
    {
        { "VendorDrop", new[] { "--bindings", Sample("audit/vendor.legal-bindings.yaml") } },
        { "VendorSolution/Vendor.Prestations.sln", Array.Empty<string>() },
        { "CalculationLibrary", new[] { "--registry", Sample("CalculationLibrary/caisse.legal.yaml") } },
        { "VendorDrop", new[] { "--openfisca", RepositoryPaths.OpenFiscaParameters } },
    };

    [Theory]
    [MemberData(nameof(Drops))]
    public async Task Findings_are_the_same_as_with_Roslyn_s_driver_on_the_samples(string input, string[] options)
    {
        var args = new[] { "audit", Sample(input), "--as-of", "2026-11-29", "--format", "sarif", "--fail-on", "none" }.Concat(options).ToArray();

        var (byTree, roslyn) = await RunWithBothDriversAsync(args);

        Assert.Equal(0, byTree.ExitCode);
        Assert.NotEmpty(SarifReport.Parse(byTree.Stdout).Results);
        Assert.Equal(roslyn.Stdout, byTree.Stdout);
    }

    private static string Sample(string path) => Path.Combine(RepositoryPaths.RepositoryRoot, "samples", path);

    [Fact]
    public async Task Suppressions_and_generated_code_are_honoured_as_in_a_build()
    {
        // 46368 is the PASS of 2024, superseded (LR0002, a warning); 646.52 the RSA of 2025, bound (LR0001, an error).
        using var drop = new TempDrop();
        drop.Write("Pragma.cs", """
            public static class Pragma
            {
            #pragma warning disable LR0002
                public static decimal Suppressed() => 46368m;
            #pragma warning restore LR0002
                public static decimal Reported() => 46368m;
            }
            """);
        drop.Write("Attribute.cs", """
            using System.Diagnostics.CodeAnalysis;
            public static class Attribute
            {
                [SuppressMessage("LegalRules", "LR0002", Justification = "test")]
                public static decimal Suppressed() => 46368m;
            }
            """);
        drop.Write("Generated.cs", """
            using LegalRules;
            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            public static class Generated
            {
                [StatutoryParameter("prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rsa")]
                public const decimal Rsa = 646.52m;

                public static decimal Pass() => 46368m;
            }
            """);

        var (byTree, roslyn) = await RunWithBothDriversAsync("audit", drop.Root, "--as-of", Samples.AsOf, "--format", "sarif", "--fail-on", "none");

        // Only the value no pragma, attribute or generated-code marker covers is reported.
        var findings = SarifReport.Parse(byTree.Stdout).Results.Select(r => $"{r.Uri}:{r.StartLine} {r.RuleId}").ToList();
        var roslynFindings = SarifReport.Parse(roslyn.Stdout).Results.Select(r => $"{r.Uri}:{r.StartLine} {r.RuleId}").ToList();
        Assert.Equal(roslynFindings, findings);
        Assert.Equal(new[] { "Pragma.cs:6 LR0002" }, findings);
        Assert.Equal(roslyn.Stdout, byTree.Stdout);
    }

    [Fact]
    public async Task An_analyzer_with_actions_the_audit_does_not_run_itself_runs_on_Roslyn_s_driver()
    {
        using var drop = new TempDrop();
        drop.Write("Texte.cs", Samples.Clean);

        var run = await CommandRunner.RunWithAnalyzersAsync(() => AnalyzerCatalog.CreateAnalyzers().Add(new OperationAnalyzer()), "audit", drop.Root, "--as-of", Samples.AsOf, "--format", "json", "--fail-on", "none");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(OperationAnalyzer.Rule.Id, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_audit_cancelled_while_the_rules_run_ends_as_cancelled_with_no_report()
    {
        using var drop = new TempDrop();
        for (var i = 0; i < 20; i++)
        {
            drop.Write($"Paie/Plafonds{i}.cs", Samples.UnboundPass.Replace("class Plafonds", $"class Plafonds{i}", StringComparison.Ordinal));
        }

        var output = Path.Combine(drop.Root, "audit.sarif");
        using var cancellation = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Program.RunAsync(
            new[] { "audit", drop.Root, "--as-of", Samples.AsOf, "--output", output },
            stdout,
            stderr,
            () => AnalyzerCatalog.CreateAnalyzers().Add(new CancellingAnalyzer(cancellation)),
            cancellationToken: cancellation.Token));

        Assert.True(cancellation.IsCancellationRequested);
        Assert.False(File.Exists(output));
        Assert.DoesNotContain("AD0001", stderr.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(CommandRun ByTree, CommandRun Roslyn)> RunWithBothDriversAsync(params string[] args)
    {
        var byTree = await CommandRunner.RunAsync(args);
        AuditEngine.UseRoslynDriver.Value = true;
        try
        {
            var roslyn = await CommandRunner.RunAsync(args);
            return (byTree, roslyn);
        }
        finally
        {
            AuditEngine.UseRoslynDriver.Value = false;
        }
    }

    private static CSharpCompilation Compile(Dictionary<string, string> sources)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Value), options, s.Key));
        var references = new List<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All)
        {
            MetadataReference.CreateFromFile(typeof(StatutoryParameterAttribute).Assembly.Location),
        };
        return CSharpCompilation.Create("Drivers", trees, references, new CSharpCompilationOptions(OutputKind.ConsoleApplication, concurrentBuild: true));
    }

    /// <summary>The same lines, each as many times; what differs is listed in the failure.</summary>
    private static void AssertSame(IEnumerable<string> expected, IEnumerable<string> actual, string context = "")
    {
        var missing = expected.GroupBy(l => l).SelectMany(g => g.Skip(actual.Count(a => a == g.Key))).ToList();
        var extra = actual.GroupBy(l => l).SelectMany(g => g.Skip(expected.Count(e => e == g.Key))).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            context + "Roslyn's driver only:\n  " + string.Join("\n  ", missing.Order(StringComparer.Ordinal)) + "\nthe audit's only:\n  " + string.Join("\n  ", extra.Order(StringComparer.Ordinal)));
    }

    /// <summary>Records each node of every kind, with its containing symbol, and each declared symbol of the kinds the audit enumerates.</summary>
#pragma warning disable RS1001 // Handed to the drivers directly, never discovered.
    private sealed class RecordingAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        private static readonly ImmutableArray<SyntaxKind> AllKinds = Enum.GetValues<SyntaxKind>().Where(k => k != SyntaxKind.None).Distinct().ToImmutableArray();

        public ConcurrentBag<string> Visits { get; } = new();

        public ConcurrentBag<string> Symbols { get; } = new();

#pragma warning disable RS2008 // A test-only rule, never shipped.
        private static readonly DiagnosticDescriptor Rule = new("TEST0003", "Never reported", "Never reported", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

        // A supported rule: an analyzer with none is never run.
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterSyntaxNodeAction(
                    c => Visits.Add($"{c.Node.SyntaxTree.FilePath}@{c.Node.Span} {c.Node.Kind()}{(c.Node.IsPartOfStructuredTrivia() ? " (in trivia)" : string.Empty)} -> {c.ContainingSymbol?.Kind}:{c.ContainingSymbol?.ToDisplayString()}"),
                    AllKinds);
                start.RegisterSymbolAction(
                    c => Symbols.Add($"{c.Symbol.Kind}:{c.Symbol.ToDisplayString()}@{c.Symbol.Locations.FirstOrDefault()?.GetLineSpan()}"),
                    SymbolKind.NamedType, SymbolKind.Field, SymbolKind.Property, SymbolKind.Method, SymbolKind.Event);
            });
        }
    }

    /// <summary>Cancels the audit from its first literal, as a user pressing Ctrl+C while the rules run.</summary>
#pragma warning disable RS1001 // As above.
    private sealed class CancellingAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        private readonly CancellationTokenSource _cancellation;

        public CancellingAnalyzer(CancellationTokenSource cancellation)
        {
            _cancellation = cancellation;
        }

#pragma warning disable RS2008 // A test-only rule, never shipped.
        private static readonly DiagnosticDescriptor Rule = new("TEST0004", "Never reported", "Never reported", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(
                c =>
                {
                    _cancellation.Cancel();
                    c.CancellationToken.ThrowIfCancellationRequested();
                },
                SyntaxKind.NumericLiteralExpression);
        }
    }

    /// <summary>Reports every numeric literal, from an operation action.</summary>
#pragma warning disable RS1001 // As above.
    private sealed class OperationAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // A test-only rule, never shipped.
        public static readonly DiagnosticDescriptor Rule = new("TEST0002", "Literal", "Literal", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(c => c.ReportDiagnostic(Diagnostic.Create(Rule, c.Operation.Syntax.GetLocation())), OperationKind.Literal);
        }
    }
}
