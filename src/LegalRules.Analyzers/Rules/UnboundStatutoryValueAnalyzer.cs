using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LegalRules.Analysis;
using LegalRules.Diagnostics;
using LegalRules.Matching;
using LegalRules.Registry;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegalRules.Rules;

/// <summary>
/// Finds statutory values hard-coded in code that is not bound to the registry: a constant equal
/// to the value in force of a parameter (LR0003), or to a past value within the look-back window
/// when no value in force matches (LR0002). A match is reported only where it is believable: the
/// value is distinctive, or names around it corroborate the parameter.
/// </summary>
/// <remarks>
/// Runs on every numeric literal, from syntax: the common path reads the literal's text and makes
/// one hash lookup, without binding; the compiler's operation is asked for only when a value
/// matches, and names are only looked at then.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnboundStatutoryValueAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.SupersededValue,
        Descriptors.UnreferencedStatutoryValue,
        Descriptors.ValueWithoutReference,
        Descriptors.BinaryFloatingPoint);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated code is not analysed (no Analyze flag), but the driver is not asked to check each
        // finding against generated code: that check scans a whole file, under a lock, for
        // [GeneratedCode] declarations the first time the file has a finding, and it cost more than
        // the rest of this analyzer on a 100k-line project (docs/performance.md). Findings land on
        // the constant analysed, so GeneratedCodeFilter drops the cases the driver would.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var state = LegalRulesCompilationState.Get(start.Compilation, start.Options, start.CancellationToken);
            var compilation = start.Compilation;
            Func<string, bool> isConstantName = name => ConstantSyntax.ConstantNamesOf(compilation).Contains(name);
            var parameterNames = ParameterNames.For(compilation);

            // Syntax actions, not operation actions: registering an operation action makes the driver
            // build the bound operations of every method body, which cost more than the whole rule
            // (docs/performance.md). The syntax says where a statutory value may be; only there is the
            // compiler asked for the operation, and the rule goes on as on any operation.
            start.RegisterSyntaxNodeAction(c => AnalyzeLiteral(c, state, parameterNames), SyntaxKind.NumericLiteralExpression);
            start.RegisterSyntaxNodeAction(c => AnalyzeFolded(c, state, isConstantName, parameterNames), ConstantSyntax.FoldableBinaryKinds);
        });
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context, LegalRulesCompilationState state, ParameterNames parameterNames)
    {
        // Syntax first: bit patterns are not amounts, and a number that no parameter has — almost
        // every literal — is known from its text, before any question to the compiler.
        var literal = (LiteralExpressionSyntax)context.Node;
        if (ConstantValues.IsBitPattern(literal.Token) || context.ContainingSymbol is not { } containingSymbol)
        {
            return;
        }

        // A value some parameter has still needs binding only where it could be reported: a parameter
        // with it in the look-back window, and the value distinctive or names around (as written) that
        // could corroborate it. The quick reading declines exponents (1e-6) and long texts: they are
        // read in full, as the matcher reads a binary floating-point literal; what neither reads, the
        // compiler does.
        var text = literal.Token.Text;
        if (ConstantValues.TryReadPlainLiteral(text, out var number) || ConstantValues.TryParseLiteral(text, out number))
        {
            var options = state.OptionsFor(literal.SyntaxTree);
            var occurrences = state.RegistryFor(options).Find(number);
            if (occurrences.IsEmpty || !StatutoryMatcher.MayMatch(occurrences, number, literal, containingSymbol, options, parameterNames))
            {
                return;
            }
        }

        // Null where the compiler binds no operation (a fixed buffer's size, some broken code).
        if (BoundOperations.Of(context.SemanticModel, literal, context.CancellationToken) is not ILiteralOperation operation)
        {
            return;
        }

        var constant = operation.ConstantValue;
        if (!constant.HasValue || constant.Value is null or string or bool or char)
        {
            return;
        }

        Check(context, containingSymbol, operation, constant.Value, state);
    }

    /// <summary>
    /// An expression of literals the compiler folds (<c>41m / 100m</c>), checked once, at its top.
    /// Syntax finds the expressions that may fold — literals and names of constants — in the outermost
    /// binary expression; their operations are then checked as the compiler folded them.
    /// </summary>
    private static void AnalyzeFolded(SyntaxNodeAnalysisContext context, LegalRulesCompilationState state, Func<string, bool> isConstantName, ParameterNames parameterNames)
    {
        var binary = (BinaryExpressionSyntax)context.Node;
        if (!ConstantSyntax.IsOutermost(binary) || context.ContainingSymbol is not { } containingSymbol)
        {
            return;
        }

        List<BinaryExpressionSyntax>? candidates = null;
        ConstantSyntax.CollectMaybeConstant(binary, isConstantName, ref candidates);
        if (candidates is null)
        {
            return;
        }

        foreach (var candidate in candidates)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!MayMatchFolded(candidate, containingSymbol, state, parameterNames))
            {
                continue;
            }

            if (BoundOperations.Of(context.SemanticModel, candidate, context.CancellationToken) is not { } operation)
            {
                continue;
            }

            // The binary operations of the candidate, outermost first; where one folds, it is checked
            // and what it holds is not (as before: each folded expression once, at its top).
            var pending = new Stack<IOperation>();
            pending.Push(operation);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (current is IBinaryOperation folded && IsTopOfFolded(folded))
                {
                    if (!ReadsABoundMember(folded, state))
                    {
                        Check(context, containingSymbol, folded, folded.ConstantValue.Value!, state);
                    }

                    continue;
                }

                foreach (var child in current.ChildOperations)
                {
                    pending.Push(child);
                }
            }
        }
    }

    /// <summary>
    /// False when the expression is made of plain literals whose folded value cannot match (as for a
    /// literal: in no parameter, out of the window, or neither distinctive nor corroborable); true
    /// where syntax cannot fold it (names of constants, casts…) and the compiler has to.
    /// </summary>
    private static bool MayMatchFolded(BinaryExpressionSyntax candidate, ISymbol containingSymbol, LegalRulesCompilationState state, ParameterNames parameterNames)
    {
        if (!ConstantSyntax.TryFoldLiterals(candidate, out var folded))
        {
            return true;
        }

        var options = state.OptionsFor(candidate.SyntaxTree);
        var registry = state.RegistryFor(options);
        decimal number;
        switch (folded.Kind)
        {
            case FoldedKind.Integer:
                number = folded.Integer;
                break;
            case FoldedKind.Decimal:
                number = folded.Decimal;
                break;
            default:
                // As the matcher reads a folded double: the approximate index, then 15 significant digits.
                var binary = folded.Double;
                if (!registry.MayContain(binary) || double.IsNaN(binary) || double.IsInfinity(binary) || Math.Abs(binary) >= 7.9e28)
                {
                    return false;
                }

                number = (decimal)binary;
                break;
        }

        var occurrences = registry.Find(number);
        return !occurrences.IsEmpty && StatutoryMatcher.MayMatch(occurrences, number, candidate, containingSymbol, options, parameterNames);
    }

    /// <summary>
    /// Whether <paramref name="folded"/> reads a member bound to a parameter (<c>TauxCsgDeductible +
    /// TauxCsgNonDeductible</c>, <c>Pass / 12m</c>): a value computed from a referenced value, checked
    /// against its own parameter (LR0001), is not hard-coded. A literal in it is matched on its own.
    /// </summary>
    private static bool ReadsABoundMember(IBinaryOperation folded, LegalRulesCompilationState state)
    {
        foreach (var operation in folded.DescendantsAndSelf())
        {
            if (operation is IFieldReferenceOperation { Field: var field } && StatutoryBindings.TryGet(field.OriginalDefinition, state, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A folded binary operation of a number, not inside a larger folded binary operation.</summary>
    private static bool IsTopOfFolded(IBinaryOperation operation)
    {
        // The type first: the constant of a string concatenation is built anew on each access, and
        // asking it of every '+' of "a" + "b" + … costs time in the square of the terms.
        if (operation.Type?.SpecialType is SpecialType.System_String or SpecialType.System_Boolean or SpecialType.System_Char
            || !operation.ConstantValue.HasValue || operation.ConstantValue.Value is null or string or bool or char)
        {
            return false;
        }

        for (var parent = operation.Parent; parent is IConversionOperation or IParenthesizedOperation or IUnaryOperation; parent = parent.Parent)
        {
            if (parent.Parent is IBinaryOperation { ConstantValue.HasValue: true })
            {
                return false;
            }
        }

        return operation.Parent is not IBinaryOperation { ConstantValue.HasValue: true };
    }

    // The context is passed, not its ReportDiagnostic: a delegate over a struct's method boxes the struct.
    private static void Check(SyntaxNodeAnalysisContext context, ISymbol containingSymbol, IOperation operation, object value, LegalRulesCompilationState state)
    {
        var options = state.OptionsFor(operation.Syntax.SyntaxTree);
        if (StatutoryMatcher.Match(operation, value, containingSymbol, state, options) is not { } chosen
            || GeneratedCodeFilter.IsInGeneratedCode(operation.Syntax.SyntaxTree, operation.Syntax.SpanStart, containingSymbol))
        {
            return;
        }

        var number = chosen.Value;
        var parameter = chosen.Occurrence.Parameter;
        var location = operation.Syntax.GetLocation();
        var found = DiagnosticData.Number(number);
        var inForceIndex = parameter.IndexAt(options.AsOf);
        if (chosen.InForce)
        {
            var period = chosen.Occurrence.Period;
            var properties = DiagnosticData.ForUnboundValue(parameter, chosen.Occurrence.Index, found, options.AsOf, foundIndex: -1);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UnreferencedStatutoryValue,
                location,
                properties,
                found,
                parameter.Key,
                parameter.DisplayLabel,
                period.ToString(),
                StatutoryBindingAnalyzer.References(parameter.ReferencesOf(chosen.Occurrence.Value))));
        }
        else
        {
            var foundPeriod = parameter.PeriodOfValue(chosen.Occurrence.Index);
            var current = inForceIndex >= 0 && parameter.Values[inForceIndex].Value is { } currentValue
                ? (object)DiagnosticData.Number(currentValue)
                : Resources.Localizable("NoValueInForce");
            var properties = DiagnosticData.ForUnboundValue(parameter, inForceIndex >= 0 && !parameter.Values[inForceIndex].IsEnd ? inForceIndex : -1, found, options.AsOf, chosen.Occurrence.Index);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SupersededValue,
                location,
                properties,
                found,
                parameter.Key,
                parameter.DisplayLabel,
                foundPeriod.ToString(),
                StatutoryBindingAnalyzer.References(parameter.ReferencesOf(chosen.Occurrence.Value)),
                Dates.Format(options.AsOf),
                current));
        }

        LegalDataChecks.Report(context.ReportDiagnostic, parameter, chosen.Occurrence.Index, options.AsOf, options, location, bound: false);
        ReportBinaryFloatingPoint(context, operation, parameter, location);
    }

    /// <summary>
    /// LR0102 on a matched constant in binary floating point that no declaration holds as its value: a
    /// comparison's operand (<c>taux &lt; 11.88</c>), an argument, a tuple's element, an assignment.
    /// The value of a field, property, local, parameter default or return is the declaration's, which
    /// <see cref="BinaryFloatingPointAnalyzer"/> reports on its type (and fixes).
    /// </summary>
    private static void ReportBinaryFloatingPoint(SyntaxNodeAnalysisContext context, IOperation operation, StatutoryParameter parameter, Location location)
    {
        // The type it is converted to, unless it is boxed: [InlineData(12523.14)] passes a double as an object.
        var type = operation.Parent is IConversionOperation { IsImplicit: true, Type.IsValueType: true } conversion ? conversion.Type : operation.Type;
        if (type?.SpecialType is not (SpecialType.System_Double or SpecialType.System_Single) || IsDeclaredValue(operation.Syntax))
        {
            return;
        }

        context.ReportDiagnostic(BinaryFloatingPointAnalyzer.Create(location, operation.Syntax.ToString(), type, parameter.Key, parameter.DisplayLabel));
    }

    /// <summary>Whether <paramref name="constant"/> (through parentheses, casts and signs) is the value a declaration is initialised with or a function returns.</summary>
    private static bool IsDeclaredValue(SyntaxNode constant)
    {
        var node = constant.Parent;
        while (node is ParenthesizedExpressionSyntax or CastExpressionSyntax or PrefixUnaryExpressionSyntax or CheckedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node is EqualsValueClauseSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax;
    }
}
