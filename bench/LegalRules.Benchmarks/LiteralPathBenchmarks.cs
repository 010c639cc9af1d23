using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using LegalRules.Analysis;
using LegalRules.Matching;
using LegalRules.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegalRules.Bench;

/// <summary>
/// The analyzer's path for one numeric literal, on a compilation that is nothing but literals:
/// time and bytes allocated per literal (<see cref="MemoryDiagnoser"/>). The common path — a value
/// no parameter has — should allocate nothing. Also the whole analyzer against an analyzer that
/// registers the same actions and does nothing, on the same compilation.
/// </summary>
[MemoryDiagnoser]
public class LiteralPathBenchmarks
{
    /// <summary>Numeric literals in the generated source (checked at setup).</summary>
    public const int Literals = 6_000;

    /// <summary>Literals analysed per invocation of the per-literal benchmarks.</summary>
    public const int PathOperations = 4096;

    private const int Methods = 120;
    private const int LiteralsPerMethod = Literals / Methods;

    private ImmutableArray<SyntaxTree> _trees;
    private (IOperation Operation, ISymbol Containing)[] _literals = Array.Empty<(IOperation, ISymbol)>();
    private (IOperation Operation, object Value, ISymbol Containing)[] _common = Array.Empty<(IOperation, object, ISymbol)>();
    private (IOperation Operation, object Value, ISymbol Containing)[] _matching = Array.Empty<(IOperation, object, ISymbol)>();
    private LegalRulesCompilationState? _state;
    private AnalyzerOptions? _options;

    [GlobalSetup]
    public void Setup()
    {
        _trees = ImmutableArray.Create(CSharpSyntaxTree.ParseText(Source(), BenchInputs.ParseOptions, "Literals.cs"));
        var compilation = BenchInputs.Compile(_trees);
        _options = BenchInputs.Options(ImmutableArray<AdditionalText>.Empty);
        _state = LegalRulesCompilationState.Get(compilation, _options, CancellationToken.None);
        _ = _state.Registry;

        var model = compilation.GetSemanticModel(_trees[0]);
        _literals = _trees[0].GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.NumericLiteralExpression))
            .Select(l => (model.GetOperation(l)!, model.GetEnclosingSymbol(l.SpanStart)!))
            .ToArray();
        if (_literals.Length != Literals)
        {
            throw new InvalidOperationException($"expected {Literals} literals, found {_literals.Length}");
        }

        var registry = _state.Registry;
        var withValues = _literals.Select(l => (l.Operation, Value: l.Operation.ConstantValue.Value!, l.Containing)).ToArray();
        _common = withValues.Where(l => !ConstantValues.TryGetDecimal(l.Value, l.Operation.Syntax, out var d) || registry.Find(d).IsEmpty).ToArray();
        _matching = withValues.Where(l => ConstantValues.TryGetDecimal(l.Value, l.Operation.Syntax, out var d) && !registry.Find(d).IsEmpty).ToArray();
    }

    /// <summary>
    /// What <c>UnboundStatutoryValueAnalyzer</c> does for a literal whose value no parameter has (the
    /// common path): the tree's options, the exact value, one registry lookup. The constant values are
    /// read at setup: Roslyn's <c>IOperation.ConstantValue</c> boxes the value on every call, an
    /// allocation of the driver's API that no analyzer can avoid.
    /// </summary>
    [Benchmark(Description = "per literal, common path (value in no parameter)", OperationsPerInvoke = PathOperations)]
    public int CommonPath() => Run(_common);

    /// <summary>The same for literals whose value some parameter has (0.12, 0.16, 14, 18): names are then looked at.</summary>
    [Benchmark(Description = "per literal, value in the registry (names looked at)", OperationsPerInvoke = PathOperations)]
    public int MatchingPath() => Run(_matching);

    private int Run((IOperation Operation, object Value, ISymbol Containing)[] literals)
    {
        var state = _state!;
        var matches = 0;
        for (var i = 0; i < PathOperations; i++)
        {
            var (operation, value, containing) = literals[i % literals.Length];
            var options = state.OptionsFor(operation.Syntax.SyntaxTree);
            if (StatutoryMatcher.Match(operation, value, containing, state, options) is not null)
            {
                matches++;
            }
        }

        return matches;
    }

    [Benchmark(Baseline = true, Description = "analyzer driver: literal and binary actions that do nothing")]
    public Task<ImmutableArray<Diagnostic>> NoOpAnalyzer() => Analyze(new DriverFloorAnalyzer());

    [Benchmark(Description = "analyzer driver: UnboundStatutoryValueAnalyzer")]
    public Task<ImmutableArray<Diagnostic>> UnboundValues() => Analyze(new UnboundStatutoryValueAnalyzer());

    private Task<ImmutableArray<Diagnostic>> Analyze(DiagnosticAnalyzer analyzer)
        => BenchInputs.Compile(_trees)
            .WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(_options!, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);

    /// <summary>
    /// Calculation code reduced to its literals: rates and amounts as decimals, counts as integers,
    /// a few doubles; some equal to values of the registry that are not distinctive (0.12, 0.16).
    /// </summary>
    private static string Source()
    {
        string[] rates = { "0.5m", "0.25m", "0.12m", "0.16m", "0.075m", "1.02m", "0.33m" };
        var text = new StringBuilder("public static class Literals\n{\n");
        for (var m = 0; m < Methods; m++)
        {
            text.Append(CultureInfo.InvariantCulture, $"    public static decimal M{m}(decimal x, int n, double d)\n    {{\n        decimal t = x;\n");
            for (var i = 0; i < LiteralsPerMethod / 5; i++)
            {
                var k = (m * 31) + (i * 7);
                var amount = (1000 + (k * 7919 % 900000)) / 100m;
                text.Append(CultureInfo.InvariantCulture, $"        t += x * {rates[k % rates.Length]} + {amount.ToString("0.00", CultureInfo.InvariantCulture)}m - n * {k % 365};\n");
                text.Append(CultureInfo.InvariantCulture, $"        d = d * 1.05 + {k % 97}.5;\n");
            }

            text.Append("        return t + (decimal)d;\n    }\n");
        }

        return text.Append("}\n").ToString();
    }
}
