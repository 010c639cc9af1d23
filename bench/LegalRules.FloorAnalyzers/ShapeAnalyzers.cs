using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegalRules.Bench.Floor;

/// <summary>
/// Do-nothing analyzers with LegalRules' own registrations: the syntax kinds, symbol kinds and
/// additional-file actions each of its analyzers registers, with bodies that return at once.
/// <c>BenchFloor=shape</c> registers all of them in one analyzer (<see cref="FloorAnalyzer"/>);
/// <c>BenchFloor=shape6</c> splits them over six analyzers as LegalRules does (the six classes
/// below). The difference of their build times is what the number of analyzers costs the compiler's
/// driver, whatever the analyzers do.
/// </summary>
internal static class LegalRulesShape
{
    /// <summary>
    /// LR0001–LR0003 on values: numeric literals and the binary expressions the compiler folds (the
    /// kinds of <c>ConstantSyntax.FoldableBinaryKinds</c>, written again here: a floor loads nothing of LegalRules).
    /// </summary>
    public static readonly ImmutableArray<SyntaxKind> Values = ImmutableArray.Create(
        SyntaxKind.NumericLiteralExpression,
        SyntaxKind.AddExpression,
        SyntaxKind.SubtractExpression,
        SyntaxKind.MultiplyExpression,
        SyntaxKind.DivideExpression,
        SyntaxKind.ModuloExpression,
        SyntaxKind.LeftShiftExpression,
        SyntaxKind.RightShiftExpression,
        SyntaxKind.UnsignedRightShiftExpression,
        SyntaxKind.BitwiseAndExpression,
        SyntaxKind.BitwiseOrExpression,
        SyntaxKind.ExclusiveOrExpression,
        SyntaxKind.LogicalAndExpression,
        SyntaxKind.LogicalOrExpression,
        SyntaxKind.EqualsExpression,
        SyntaxKind.NotEqualsExpression,
        SyntaxKind.LessThanExpression,
        SyntaxKind.LessThanOrEqualExpression,
        SyntaxKind.GreaterThanExpression,
        SyntaxKind.GreaterThanOrEqualExpression);

    /// <summary>LR0101: invocations.</summary>
    public static readonly ImmutableArray<SyntaxKind> Roundings = ImmutableArray.Create(SyntaxKind.InvocationExpression);

    /// <summary>LR0102: declarations that may hold a binary floating-point value.</summary>
    public static readonly ImmutableArray<SyntaxKind> FloatingPoint = ImmutableArray.Create(
        SyntaxKind.FieldDeclaration,
        SyntaxKind.PropertyDeclaration,
        SyntaxKind.LocalDeclarationStatement,
        SyntaxKind.Parameter,
        SyntaxKind.MethodDeclaration,
        SyntaxKind.LocalFunctionStatement);

    /// <summary>LR0201: methods and properties.</summary>
    public static readonly ImmutableArray<SyntaxKind> Calculations = ImmutableArray.Create(SyntaxKind.MethodDeclaration, SyntaxKind.PropertyDeclaration);

    /// <summary>LR0001, LR0004, LR0005 on bound members: their declarations.</summary>
    public static readonly ImmutableArray<SyntaxKind> BoundMembers = ImmutableArray.Create(
        SyntaxKind.FieldDeclaration,
        SyntaxKind.PropertyDeclaration,
        SyntaxKind.IndexerDeclaration);

    /// <summary>Registers the actions of LegalRules' analyzer number <paramref name="part"/> (1–6).</summary>
    public static void Register(CompilationStartAnalysisContext start, int part)
    {
        switch (part)
        {
            case 1:
                start.RegisterSyntaxNodeAction(_ => { }, Values);
                break;
            case 2:
                start.RegisterSyntaxNodeAction(_ => { }, Roundings);
                break;
            case 3:
                start.RegisterSyntaxNodeAction(_ => { }, FloatingPoint);
                break;
            case 4:
                start.RegisterSyntaxNodeAction(_ => { }, Calculations);
                break;
            case 5:
                start.RegisterSymbolAction(_ => { }, SymbolKind.Field, SymbolKind.Property);
                start.RegisterSyntaxNodeAction(_ => { }, BoundMembers);
                start.RegisterAdditionalFileAction(_ => { });
                break;
            case 6:
                start.RegisterAdditionalFileAction(_ => { });
                break;
        }
    }

    /// <summary>Registers every part's actions in the one analyzer that calls it.</summary>
    public static void RegisterAll(CompilationStartAnalysisContext start)
    {
        for (var part = 1; part <= 6; part++)
        {
            Register(start, part);
        }
    }
}

/// <summary>One of the six analyzers of <c>BenchFloor=shape6</c>; nothing under any other kind.</summary>
public abstract class ShapePartAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH0101", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "A benchmark baseline: this analyzer reports nothing.");

    private readonly int _part;

    protected ShapePartAnalyzer(int part) => _part = part;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.BenchFloor", out var kind) && kind == "shape6")
            {
                LegalRulesShape.Register(start, _part);
            }
        });
    }
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShapeValuesAnalyzer : ShapePartAnalyzer
{
    public ShapeValuesAnalyzer() : base(1) { }
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShapeRoundingsAnalyzer : ShapePartAnalyzer
{
    public ShapeRoundingsAnalyzer() : base(2) { }
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShapeFloatingPointAnalyzer : ShapePartAnalyzer
{
    public ShapeFloatingPointAnalyzer() : base(3) { }
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShapeCalculationsAnalyzer : ShapePartAnalyzer
{
    public ShapeCalculationsAnalyzer() : base(4) { }
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShapeBoundMembersAnalyzer : ShapePartAnalyzer
{
    public ShapeBoundMembersAnalyzer() : base(5) { }
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShapeRegistryFilesAnalyzer : ShapePartAnalyzer
{
    public ShapeRegistryFilesAnalyzer() : base(6) { }
}
