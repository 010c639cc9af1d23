using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LegalRules.Analysis;
using LegalRules.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegalRules.Rules;

/// <summary>
/// LR0102: a <c>double</c> or <c>float</c> holds a statutory value — a field or property bound to a
/// parameter, or a field, property, local, parameter default or method return whose value is a
/// constant matched with a parameter, or a bound member. Reported on the declaration's type, or on the
/// value a body returns when it is on another line (the type is then the additional location).
/// </summary>
/// <remarks>
/// "Holds" means the value itself: <c>double crds = 0.005;</c> holds the CRDS rate,
/// <c>double montant = 651.69 - ressources;</c> holds an amount computed from one (LR0003 reports the
/// constant there). Assignments after the declaration are not followed.
/// The rule looks at declarations (syntax nodes) rather than operations so that the diagnostic, on the
/// type, lies inside what is analysed: the IDE computes it, and offers its fix, for the line being
/// edited. Only declarations whose type is binary floating point, and whose value can hold a statutory
/// value as is — a literal or constant that may be statutory, a name that may be bound
/// (<see cref="StatutoryMembers"/>) — reach the semantic model. A <c>var</c> is typed by the semantic
/// model only when its value passes the same test: <c>var courant = debut;</c> binds nothing.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BinaryFloatingPointAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BinaryFloatingPoint);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated code is not analysed; findings in it are dropped here (GeneratedCodeFilter), not by the driver.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var state = LegalRulesCompilationState.Get(start.Compilation, start.Options, start.CancellationToken);
            var uses = new StatutoryUses(state);
            var members = StatutoryMembers.For(start.Compilation, state);
            start.RegisterSyntaxNodeAction(c => AnalyzeField(c, uses, members), SyntaxKind.FieldDeclaration);
            start.RegisterSyntaxNodeAction(c => AnalyzeProperty(c, uses, members), SyntaxKind.PropertyDeclaration);
            start.RegisterSyntaxNodeAction(c => AnalyzeLocal(c, uses, members), SyntaxKind.LocalDeclarationStatement);
            start.RegisterSyntaxNodeAction(c => AnalyzeParameter(c, uses, members), SyntaxKind.Parameter);
            start.RegisterSyntaxNodeAction(c => AnalyzeFunction(c, uses, members), SyntaxKind.MethodDeclaration, SyntaxKind.LocalFunctionStatement);
        });
    }

    /// <summary>Fields: bound to a parameter, or initialised with a statutory value.</summary>
    private static void AnalyzeField(SyntaxNodeAnalysisContext context, StatutoryUses uses, StatutoryMembers members)
    {
        var declaration = ((FieldDeclarationSyntax)context.Node).Declaration;
        if (BinaryFloatingPointType(context, declaration.Type) is not { } type)
        {
            return;
        }

        foreach (var variable in declaration.Variables)
        {
            if (context.SemanticModel.GetDeclaredSymbol(variable, context.CancellationToken) is IFieldSymbol field
                && Held(context, uses, members, field, variable.Initializer?.Value) is { } use)
            {
                Report(context, declaration.Type, field, field.Name, type, use);
            }
        }
    }

    /// <summary>Properties: bound to a parameter, or whose initializer, expression body or getter gives a statutory value.</summary>
    private static void AnalyzeProperty(SyntaxNodeAnalysisContext context, StatutoryUses uses, StatutoryMembers members)
    {
        var property = (PropertyDeclarationSyntax)context.Node;
        if (BinaryFloatingPointType(context, property.Type) is not { } type
            || context.SemanticModel.GetDeclaredSymbol(property, context.CancellationToken) is not { } symbol)
        {
            return;
        }

        var use = Held(context, uses, members, symbol, property.Initializer?.Value);
        ExpressionSyntax? returned = null;
        foreach (var value in Returned(property.ExpressionBody, null))
        {
            use ??= Held(context, uses, members, symbol, returned = value);
        }

        foreach (var accessor in property.AccessorList?.Accessors ?? default)
        {
            if (accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
            {
                foreach (var value in Returned(accessor.ExpressionBody, accessor.Body))
                {
                    if (use is null && (use = Held(context, uses, members, symbol, value)) is not null)
                    {
                        returned = value;
                    }
                }
            }
        }

        if (use is not null)
        {
            Report(context, property.Type, symbol, symbol.Name, type, use, returned);
        }
    }

    private static void AnalyzeLocal(SyntaxNodeAnalysisContext context, StatutoryUses uses, StatutoryMembers members)
    {
        var declaration = ((LocalDeclarationStatementSyntax)context.Node).Declaration;

        if (declaration.Variables.Count == 0 || context.ContainingSymbol is not { } containing)
        {
            return;
        }

        // A var holds a statutory value only if its initializer can, and is binary floating point only if a
        // literal initializer is: decide both from syntax before asking for its type, which binds the member.
        if (declaration.Type.IsVar)
        {
            var initializer = declaration.Variables[0].Initializer?.Value;
            if (!MayHoldValue(initializer) || IsOtherThanFloatingPointLiteral(initializer)
                || (uses.BoundKey(containing) is null && !members.MayHoldStatutoryValue(initializer!, containing, uses.State)))
            {
                return;
            }
        }

        if (BinaryFloatingPointType(context, declaration.Type) is not { } type)
        {
            return;
        }

        foreach (var variable in declaration.Variables)
        {
            if (Held(context, uses, members, containing, variable.Initializer?.Value) is { } use)
            {
                Report(context, declaration.Type, containing, variable.Identifier.ValueText, type, use);
            }
        }
    }

    private static void AnalyzeParameter(SyntaxNodeAnalysisContext context, StatutoryUses uses, StatutoryMembers members)
    {
        var parameter = (ParameterSyntax)context.Node;
        if (parameter.Default is null || parameter.Type is null || BinaryFloatingPointType(context, parameter.Type) is not { } type
            || context.SemanticModel.GetDeclaredSymbol(parameter, context.CancellationToken) is not { ContainingSymbol: { } method })
        {
            return;
        }

        if (Held(context, uses, members, method, parameter.Default.Value) is { } use)
        {
            Report(context, parameter.Type, method, parameter.Identifier.ValueText, type, use);
        }
    }

    /// <summary>
    /// Methods and local functions that return a statutory value: each value returned on a line of its
    /// own is a finding (<c>case 1: return 295.93;</c>, <c>case 2: return 257.92;</c>: two parameters
    /// held in a <c>double</c>); those on the type's line are one, on the type.
    /// </summary>
    private static void AnalyzeFunction(SyntaxNodeAnalysisContext context, StatutoryUses uses, StatutoryMembers members)
    {
        var (returnType, name, expressionBody, body) = context.Node switch
        {
            MethodDeclarationSyntax method => (method.ReturnType, method.Identifier.ValueText, method.ExpressionBody, method.Body),
            LocalFunctionStatementSyntax local => (local.ReturnType, local.Identifier.ValueText, local.ExpressionBody, local.Body),
            _ => default,
        };
        if (returnType is null || BinaryFloatingPointType(context, returnType) is not { } type
            || context.SemanticModel.GetDeclaredSymbol(context.Node, context.CancellationToken) is not { } function)
        {
            return;
        }

        // One finding per line: the values on the type's line are all reported on the type (Report).
        var lines = new HashSet<int>();
        foreach (var value in Returned(expressionBody, body))
        {
            if (lines.Contains(value.GetLocation().GetLineSpan().StartLinePosition.Line)
                || Held(context, uses, members, function, value) is not { } use)
            {
                continue;
            }

            Report(context, returnType, function, name, type, use, value);
            lines.Add(value.GetLocation().GetLineSpan().StartLinePosition.Line);
        }
    }

    /// <summary>The parameter a member or value holds: the member's own binding, else its value's.</summary>
    private static StatutoryUse? Held(SyntaxNodeAnalysisContext context, StatutoryUses uses, StatutoryMembers members, ISymbol symbol, ExpressionSyntax? value)
    {
        var options = uses.State.OptionsFor(context.Node.SyntaxTree);
        if (uses.BoundKey(symbol) is { } key)
        {
            return new StatutoryUse(key, uses.LabelOf(key, options));
        }

        return MayHoldValue(value) && members.MayHoldStatutoryValue(value!, symbol, uses.State) && BoundOperations.Of(context.SemanticModel, value!, context.CancellationToken) is { } operation
            ? uses.FindHeld(operation, symbol, options)
            : null;
    }

    /// <summary>
    /// Whether an expression can hold a statutory value as is (see <see cref="StatutoryUses.FindHeld"/>):
    /// a literal, literals the compiler folds, a name or member read as is — through parentheses, casts
    /// and signs. <c>y * 0.5</c> or <c>Calcul()</c> cannot, and never reach the semantic model.
    /// </summary>
    private static bool MayHoldValue(ExpressionSyntax? value)
    {
        while (true)
        {
            switch (value)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    value = parenthesized.Expression;
                    continue;
                case CastExpressionSyntax cast:
                    value = cast.Expression;
                    continue;
                case CheckedExpressionSyntax @checked:
                    value = @checked.Expression;
                    continue;
                case PrefixUnaryExpressionSyntax unary:
                    value = unary.Operand;
                    continue;
                case LiteralExpressionSyntax literal:
                    return literal.IsKind(SyntaxKind.NumericLiteralExpression);
                case BinaryExpressionSyntax binary:
                    return IsLiteralArithmetic(binary.Left) && IsLiteralArithmetic(binary.Right);
                case IdentifierNameSyntax or MemberAccessExpressionSyntax or AliasQualifiedNameSyntax:
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>
    /// A numeric literal (through parentheses and signs) whose type is not binary floating point:
    /// <c>var taux = 0.5m;</c> is a decimal, told by the literal's token without the semantic model.
    /// </summary>
    private static bool IsOtherThanFloatingPointLiteral(ExpressionSyntax? value)
    {
        while (value is ParenthesizedExpressionSyntax or PrefixUnaryExpressionSyntax)
        {
            value = value is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : ((PrefixUnaryExpressionSyntax)value).Operand;
        }

        return value is LiteralExpressionSyntax literal
            && literal.IsKind(SyntaxKind.NumericLiteralExpression)
            && literal.Token.Value is not (double or float);
    }

    private static bool IsLiteralArithmetic(ExpressionSyntax expression) => expression switch
    {
        ParenthesizedExpressionSyntax parenthesized => IsLiteralArithmetic(parenthesized.Expression),
        PrefixUnaryExpressionSyntax unary => IsLiteralArithmetic(unary.Operand),
        CastExpressionSyntax cast => IsLiteralArithmetic(cast.Expression),
        BinaryExpressionSyntax binary => IsLiteralArithmetic(binary.Left) && IsLiteralArithmetic(binary.Right),
        LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.NumericLiteralExpression),
        _ => false,
    };

    /// <summary>
    /// Reports on the declaration's type; a value a body returns on another line is where the finding
    /// is read (<c>return 151.67;</c> under <c>double HeuresMensuelles()</c>), and the type, which the
    /// fix changes, follows as an additional location.
    /// </summary>
    private static void Report(SyntaxNodeAnalysisContext context, TypeSyntax typeSyntax, ISymbol declared, string member, ITypeSymbol type, StatutoryUse use, ExpressionSyntax? returned = null)
    {
        if (GeneratedCodeFilter.IsInGeneratedCode(typeSyntax.SyntaxTree, typeSyntax.SpanStart, declared))
        {
            return;
        }

        var typeLocation = typeSyntax.GetLocation();
        if (returned is not null && returned.GetLocation() is var valueLocation
            && valueLocation.GetLineSpan().StartLinePosition.Line != typeLocation.GetLineSpan().StartLinePosition.Line)
        {
            context.ReportDiagnostic(Create(valueLocation, member, type, use.Key, use.Label, typeLocation));
            return;
        }

        context.ReportDiagnostic(Create(typeLocation, member, type, use.Key, use.Label));
    }

    /// <summary>An LR0102 finding: <paramref name="held"/> (a member, or a constant as written) is a <paramref name="type"/> holding the parameter's value.</summary>
    internal static Diagnostic Create(Location location, string held, ITypeSymbol type, string key, string label, Location? typeLocation = null)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(PropertyNames.Key, key)
            .Add(PropertyNames.Label, label);
        return Diagnostic.Create(
            Descriptors.BinaryFloatingPoint,
            location,
            typeLocation is null ? null : new[] { typeLocation },
            properties,
            held,
            type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            key,
            label);
    }

    /// <summary>
    /// The declared type when it is <c>double</c>, <c>float</c> or their nullable forms. A type written
    /// as a keyword is told apart without the semantic model; other names (<c>var</c>, <c>Double</c>)
    /// ask it, and nothing else does.
    /// </summary>
    private static ITypeSymbol? BinaryFloatingPointType(SyntaxNodeAnalysisContext context, TypeSyntax type)
    {
        var written = type is NullableTypeSyntax nullable ? nullable.ElementType : type;
        var candidate = written switch
        {
            PredefinedTypeSyntax predefined => predefined.Keyword.IsKind(SyntaxKind.DoubleKeyword) || predefined.Keyword.IsKind(SyntaxKind.FloatKeyword),
            IdentifierNameSyntax { IsVar: true } => true,
            IdentifierNameSyntax name => IsFloatingPointName(name.Identifier.ValueText),
            QualifiedNameSyntax qualified => IsFloatingPointName(qualified.Right.Identifier.ValueText),
            AliasQualifiedNameSyntax aliased => IsFloatingPointName(aliased.Name.Identifier.ValueText),

            // Arrays, generics, tuples, pointers; and using aliases of double, left out to keep classes off the semantic model.
            _ => false,
        };
        if (!candidate)
        {
            return null;
        }

        // double and float written as keywords are known without binding.
        if (written is PredefinedTypeSyntax keyword)
        {
            var compilation = context.SemanticModel.Compilation;
            ITypeSymbol floatingPoint = compilation.GetSpecialType(keyword.Keyword.IsKind(SyntaxKind.DoubleKeyword) ? SpecialType.System_Double : SpecialType.System_Single);
            return type is NullableTypeSyntax ? compilation.GetSpecialType(SpecialType.System_Nullable_T).Construct(floatingPoint) : floatingPoint;
        }

        var symbol = context.SemanticModel.GetTypeInfo(type, context.CancellationToken).Type;
        return IsBinaryFloatingPoint(symbol) ? symbol : null;
    }

    private static bool IsFloatingPointName(string name) => name is "Double" or "Single";

    private static bool IsBinaryFloatingPoint(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single;
    }

    /// <summary>The expressions a body returns: its expression body, or its return statements outside nested functions.</summary>
    private static readonly Func<SyntaxNode, bool> IsNotExpressionOrFunction = static n => n is not (ExpressionSyntax or LocalFunctionStatementSyntax);

    private static IEnumerable<ExpressionSyntax> Returned(ArrowExpressionClauseSyntax? expressionBody, BlockSyntax? body)
    {
        if (expressionBody is not null)
        {
            yield return expressionBody.Expression;
        }

        if (body is null)
        {
            yield break;
        }

        // A return statement is never inside an expression, except a nested function's: only statements are walked into.
        foreach (var node in SyntaxWalk.Descendants(body, IsNotExpressionOrFunction))
        {
            if (node is ReturnStatementSyntax { Expression: { } returned })
            {
                yield return returned;
            }
        }
    }
}
