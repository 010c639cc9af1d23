using System.Collections.Immutable;
using LegalRules.Analysis;
using LegalRules.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegalRules.Rules;

/// <summary>
/// LR0102: a <c>double</c> or <c>float</c> holds a statutory value — a field or property bound to a
/// parameter, or a field, property, local, parameter default or method return whose value is a
/// constant matched with a parameter. Reported on the declaration's type.
/// </summary>
/// <remarks>
/// "Holds" means the value itself: <c>double crds = 0.005;</c> holds the CRDS rate,
/// <c>double montant = 651.69 - ressources;</c> holds an amount computed from one (LR0003 reports the
/// constant there). Assignments after the declaration are not followed.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BinaryFloatingPointAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BinaryFloatingPoint);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var uses = new StatutoryUses(LegalRulesCompilationState.Get(start.Compilation, start.Options, start.CancellationToken));
            start.RegisterSymbolAction(c => AnalyzeBoundMember(c, uses), SymbolKind.Field, SymbolKind.Property);
            start.RegisterOperationAction(
                c => AnalyzeInitializer(c, uses),
                OperationKind.FieldInitializer,
                OperationKind.PropertyInitializer,
                OperationKind.ParameterInitializer,
                OperationKind.VariableDeclarator);
            start.RegisterOperationAction(c => AnalyzeReturn(c, uses), OperationKind.Return);
        });
    }

    /// <summary>A field or property of binary floating-point type bound to a parameter, whatever its value.</summary>
    private static void AnalyzeBoundMember(SymbolAnalysisContext context, StatutoryUses uses)
    {
        var member = context.Symbol;
        var type = member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        if (!IsBinaryFloatingPoint(type) || member.IsImplicitlyDeclared || uses.BoundKey(member) is not { } key)
        {
            return;
        }

        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            if (TypeSyntaxOf(reference.GetSyntax(context.CancellationToken)) is { } typeSyntax)
            {
                var options = uses.State.OptionsFor(typeSyntax.SyntaxTree);
                Report(context.ReportDiagnostic, typeSyntax, member.Name, type!, new StatutoryUse(key, uses.LabelOf(key, options), member));
                return;
            }
        }
    }

    private static void AnalyzeInitializer(OperationAnalysisContext context, StatutoryUses uses)
    {
        ISymbol? member;
        ITypeSymbol? type;
        IOperation? value;
        switch (context.Operation)
        {
            case IFieldInitializerOperation { InitializedFields.Length: > 0 } field:
                member = field.InitializedFields[0];
                type = field.InitializedFields[0].Type;
                value = field.Value;
                break;
            case IPropertyInitializerOperation { InitializedProperties.Length: > 0 } property:
                member = property.InitializedProperties[0];
                type = property.InitializedProperties[0].Type;
                value = property.Value;
                break;
            case IParameterInitializerOperation parameter:
                member = parameter.Parameter;
                type = parameter.Parameter.Type;
                value = parameter.Value;
                break;
            case IVariableDeclaratorOperation declarator:
                member = declarator.Symbol;
                type = declarator.Symbol.Type;
                value = declarator.Initializer?.Value;
                break;
            default:
                return;
        }

        // Bound members are reported once, by AnalyzeBoundMember.
        if (value is null || !IsBinaryFloatingPoint(type) || uses.BoundKey(member) is not null)
        {
            return;
        }

        var declaration = member.DeclaringSyntaxReferences.Length > 0 ? member.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) : null;
        if (declaration is null || TypeSyntaxOf(declaration) is not { } typeSyntax)
        {
            return;
        }

        var options = uses.State.OptionsFor(typeSyntax.SyntaxTree);
        if (uses.FindHeld(value, context.ContainingSymbol, options) is { } use)
        {
            Report(context.ReportDiagnostic, typeSyntax, member.Name, type!, use);
        }
    }

    /// <summary>A method, local function or property getter of binary floating-point type that returns a statutory constant.</summary>
    private static void AnalyzeReturn(OperationAnalysisContext context, StatutoryUses uses)
    {
        var returned = (IReturnOperation)context.Operation;
        if (returned.ReturnedValue is not { } value || !ReturnsConstantOrMember(value) || returned.SemanticModel is not { } model)
        {
            return;
        }

        var function = EnclosingFunction(returned.Syntax);
        if (function is null || ReturnTypeSyntax(function) is not { } typeSyntax || model.GetTypeInfo(typeSyntax, context.CancellationToken).Type is not { } type || !IsBinaryFloatingPoint(type))
        {
            return;
        }

        var options = uses.State.OptionsFor(typeSyntax.SyntaxTree);
        if (uses.FindHeld(value, context.ContainingSymbol, options) is not { } use)
        {
            return;
        }

        // A body with several returns of statutory values is reported once, for the first.
        if (function is not ArrowExpressionClauseSyntax && returned.Syntax is ReturnStatementSyntax statement)
        {
            foreach (var other in function.DescendantNodes(n => n == function || !IsFunction(n)))
            {
                if (other == statement)
                {
                    break;
                }

                if (other is ReturnStatementSyntax earlier
                    && model.GetOperation(earlier, context.CancellationToken) is IReturnOperation { ReturnedValue: { } earlierValue }
                    && ReturnsConstantOrMember(earlierValue)
                    && uses.FindHeld(earlierValue, context.ContainingSymbol, options) is not null)
                {
                    return;
                }
            }
        }

        // Returns inside a local function belong to it; the operation block's symbol is the enclosing member.
        var owner = function is ArrowExpressionClauseSyntax ? function.Parent : function;
        var name = owner is LocalFunctionStatementSyntax localFunction
            ? localFunction.Identifier.ValueText
            : (context.ContainingSymbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : context.ContainingSymbol).Name;
        Report(context.ReportDiagnostic, typeSyntax, name, type, use);
    }

    private static void Report(System.Action<Diagnostic> report, TypeSyntax typeSyntax, string member, ITypeSymbol type, StatutoryUse use)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(PropertyNames.Key, use.Key)
            .Add(PropertyNames.Label, use.Label);
        report(Diagnostic.Create(
            Descriptors.BinaryFloatingPoint,
            typeSyntax.GetLocation(),
            properties,
            member,
            type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            use.Key,
            use.Label));
    }

    private static bool ReturnsConstantOrMember(IOperation value)
    {
        while (value is IConversionOperation or IParenthesizedOperation)
        {
            value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
        }

        return value.ConstantValue.HasValue || value is IFieldReferenceOperation or IPropertyReferenceOperation;
    }

    private static bool IsBinaryFloatingPoint(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single;
    }

    /// <summary>The type written in a declaration: a field's or local's declaration, a property, a parameter.</summary>
    internal static TypeSyntax? TypeSyntaxOf(SyntaxNode declaration) => declaration switch
    {
        VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax variables } => variables.Type,
        PropertyDeclarationSyntax property => property.Type,
        ParameterSyntax parameter => parameter.Type,
        _ => null,
    };

    /// <summary>The function a return belongs to: a method, local function or accessor body, or an expression body.</summary>
    private static SyntaxNode? EnclosingFunction(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax:
                    return null; // a lambda declares no type to change
                case ArrowExpressionClauseSyntax arrow:
                    return arrow;
                case MethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax:
                    return current;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static TypeSyntax? ReturnTypeSyntax(SyntaxNode function) => function switch
    {
        ArrowExpressionClauseSyntax arrow => arrow.Parent is { } owner ? ReturnTypeSyntax(owner) : null,
        MethodDeclarationSyntax method => method.ReturnType,
        LocalFunctionStatementSyntax local => local.ReturnType,
        PropertyDeclarationSyntax property => property.Type,
        AccessorDeclarationSyntax accessor when accessor.IsKind(SyntaxKind.GetAccessorDeclaration) && accessor.Parent?.Parent is PropertyDeclarationSyntax property => property.Type,
        _ => null,
    };

    private static bool IsFunction(SyntaxNode node) => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;
}
