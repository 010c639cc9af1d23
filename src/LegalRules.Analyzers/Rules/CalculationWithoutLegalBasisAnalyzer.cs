using System.Collections.Immutable;
using System.Threading;
using LegalRules.Analysis;
using LegalRules.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegalRules.Rules;

/// <summary>
/// LR0201: a public method — or the getter of a public property — that computes with bound
/// statutory values (it references a bound member) cites no legal basis: no
/// <c>[StatutoryReference]</c> on itself, its property, its type or a containing type.
/// </summary>
/// <remarks>
/// The diagnostic, on the member's name, must lie inside what is analysed, so that the IDE computes it
/// for the edited line: a method's operation block covers its declaration, but an expression-bodied
/// property's getter does not cover the property's name, so properties are analysed as declarations.
/// Only public members without a legal basis have their references looked at.
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
            start.RegisterOperationBlockStartAction(c => AnalyzeMethod(c, uses));
            start.RegisterSyntaxNodeAction(c => AnalyzeProperty(c, uses), SyntaxKind.PropertyDeclaration);
        });
    }

    /// <summary>
    /// Methods, from the operation blocks the compiler hands out: the method's name lies inside the
    /// declaration analysed, and the references are visited as the body's operations are.
    /// </summary>
    private static void AnalyzeMethod(OperationBlockStartAnalysisContext context, StatutoryUses uses)
    {
        if (context.OwningSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public } method
            || method.IsImplicitlyDeclared
            || uses.HasLegalBasis(method))
        {
            return;
        }

        // The first bound member the body references; a block's operations may be visited concurrently.
        ISymbol? used = null;
        context.RegisterOperationAction(
            c =>
            {
                if (Volatile.Read(ref used) is not null)
                {
                    return;
                }

                var member = c.Operation switch
                {
                    IFieldReferenceOperation field => (ISymbol)field.Field,
                    IPropertyReferenceOperation property => property.Property,
                    _ => null,
                };
                if (member is not null && uses.BoundKey(member) is not null)
                {
                    Interlocked.CompareExchange(ref used, member, null);
                }
            },
            OperationKind.FieldReference,
            OperationKind.PropertyReference);
        context.RegisterOperationBlockEndAction(c =>
        {
            if (Volatile.Read(ref used) is { } member && method.Locations.Length > 0 && method.Locations[0].IsInSource)
            {
                Report(c.ReportDiagnostic, uses, method, member, method.Locations[0]);
            }
        });
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
        if (OperationOf(context, body) is { } operation
            && uses.FirstBoundReference(operation) is { } used)
        {
            Report(context.ReportDiagnostic, uses, calculation, used, name.GetLocation());
        }
    }

    /// <summary>
    /// The body's operation. Roslyn 4.8 throws (UnexpectedValue: UnconvertedInterpolatedString) on
    /// some broken code, <c>$"…" = 1m</c> after a misplaced <c>using</c>: code it cannot bind is no
    /// calculation to check, and the exception would disable this analyzer (AD0001).
    /// </summary>
    private static IOperation? OperationOf(SyntaxNodeAnalysisContext context, SyntaxNode body)
    {
        try
        {
            return context.SemanticModel.GetOperation(body, context.CancellationToken);
        }
        catch (System.InvalidOperationException)
        {
            return null;
        }
    }

    private static void Report(System.Action<Diagnostic> report, StatutoryUses uses, ISymbol calculation, ISymbol used, Location location)
    {
        if (uses.BoundKey(used) is not { } key || location.SourceTree is not { } tree)
        {
            return;
        }

        var options = uses.State.OptionsFor(tree);
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
        report(Diagnostic.Create(Descriptors.CalculationWithoutLegalBasis, location, properties, displayName, key, label));
    }
}
