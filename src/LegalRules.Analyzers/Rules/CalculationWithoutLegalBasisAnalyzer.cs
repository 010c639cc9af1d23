using System.Collections.Immutable;
using LegalRules.Analysis;
using LegalRules.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegalRules.Rules;

/// <summary>
/// LR0201: a public method — or the getter of a public property — that computes with bound
/// statutory values (it references a bound member) cites no legal basis: no
/// <c>[StatutoryReference]</c> on itself, its property, its type or a containing type.
/// </summary>
/// <remarks>
/// Declarations are analysed as syntax nodes so that the diagnostic, on the member's name, lies inside
/// what is analysed (an expression-bodied property's name is outside its getter's body). Only public
/// members without a legal basis have their body's operations walked.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CalculationWithoutLegalBasisAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CalculationWithoutLegalBasis);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var state = LegalRulesCompilationState.Get(start.Compilation, start.Options, start.CancellationToken);

            // Nothing can be bound without a bindings file or a StatutoryParameter attribute type: no calculation to check.
            if (state.Bindings.Count == 0
                && start.Compilation.GetTypeByMetadataName("LegalRules.StatutoryParameterAttribute") is null
                && !start.Compilation.ContainsSymbolsWithName(name => name is StatutoryBindings.AttributeName or StatutoryBindings.AttributeShortName, SymbolFilter.Type, start.CancellationToken))
            {
                return;
            }

            var uses = new StatutoryUses(state);
            start.RegisterSyntaxNodeAction(c => AnalyzeMethod(c, uses), SyntaxKind.MethodDeclaration);
            start.RegisterSyntaxNodeAction(c => AnalyzeProperty(c, uses), SyntaxKind.PropertyDeclaration);
        });
    }

    private static void AnalyzeMethod(SyntaxNodeAnalysisContext context, StatutoryUses uses)
    {
        var method = (MethodDeclarationSyntax)context.Node;
        SyntaxNode? body = method.Body ?? (SyntaxNode?)method.ExpressionBody?.Expression;
        if (body is null
            || context.SemanticModel.GetDeclaredSymbol(method, context.CancellationToken) is not { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public } symbol
            || uses.HasLegalBasis(symbol))
        {
            return;
        }

        Check(context, uses, symbol, body, method.Identifier);
    }

    private static void AnalyzeProperty(SyntaxNodeAnalysisContext context, StatutoryUses uses)
    {
        var property = (PropertyDeclarationSyntax)context.Node;
        SyntaxNode? getter = property.ExpressionBody?.Expression;
        foreach (var accessor in property.AccessorList?.Accessors ?? default)
        {
            if (accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
            {
                getter = accessor.Body ?? (SyntaxNode?)accessor.ExpressionBody?.Expression;
            }
        }

        // A bound property is a statutory value itself, not a calculation with one.
        if (getter is null
            || context.SemanticModel.GetDeclaredSymbol(property, context.CancellationToken) is not { DeclaredAccessibility: Accessibility.Public, GetMethod.DeclaredAccessibility: Accessibility.Public } symbol
            || uses.BoundKey(symbol) is not null
            || uses.HasLegalBasis(symbol))
        {
            return;
        }

        Check(context, uses, symbol, getter, property.Identifier);
    }

    private static void Check(SyntaxNodeAnalysisContext context, StatutoryUses uses, ISymbol calculation, SyntaxNode body, SyntaxToken name)
    {
        if (context.SemanticModel.GetOperation(body, context.CancellationToken) is not { } operation
            || uses.FirstBoundReference(operation) is not { } used
            || uses.BoundKey(used) is not { } key)
        {
            return;
        }

        var options = uses.State.OptionsFor(context.Node.SyntaxTree);
        var label = uses.LabelOf(key, options);
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(PropertyNames.Key, key)
            .Add(PropertyNames.Label, label);

        // The text that establishes the parameter is the calculation's likely basis: the fix cites it.
        if (uses.LegalBasisOf(key, options) is { } basis)
        {
            properties = properties
                .Add(PropertyNames.ReferenceTitle, basis.Title)
                .Add(PropertyNames.ReferenceHref, basis.Href ?? string.Empty);
        }

        var displayName = calculation.ContainingType is { } type ? type.Name + "." + calculation.Name : calculation.Name;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.CalculationWithoutLegalBasis, name.GetLocation(), properties, displayName, key, label));
    }
}
