using System.Collections.Immutable;
using System.Threading;
using LegalRules.Analysis;
using LegalRules.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegalRules.Rules;

/// <summary>
/// LR0201: a public method — or the getter of a public property — that computes with bound
/// statutory values (it references a bound member) cites no legal basis: no
/// <c>[StatutoryReference]</c> on itself, its property, its type or a containing type.
/// </summary>
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
            var uses = new StatutoryUses(LegalRulesCompilationState.Get(start.Compilation, start.Options, start.CancellationToken));
            start.RegisterOperationBlockStartAction(block =>
            {
                if (CalculationOf(block.OwningSymbol, uses) is not { } calculation)
                {
                    return;
                }

                // The first bound member the body references; the body's operations may be visited concurrently.
                ISymbol? used = null;
                block.RegisterOperationAction(
                    c =>
                    {
                        var member = c.Operation switch
                        {
                            IFieldReferenceOperation field => (ISymbol)field.Field,
                            IPropertyReferenceOperation property => property.Property,
                            _ => null,
                        };
                        if (member is not null && Volatile.Read(ref used) is null && uses.BoundKey(member) is not null)
                        {
                            Interlocked.CompareExchange(ref used, member, null);
                        }
                    },
                    OperationKind.FieldReference,
                    OperationKind.PropertyReference);
                block.RegisterOperationBlockEndAction(c =>
                {
                    if (Volatile.Read(ref used) is not { } member || uses.BoundKey(member) is not { } key || calculation.Locations.Length == 0)
                    {
                        return;
                    }

                    var options = uses.State.OptionsFor(c.OperationBlocks[0].Syntax.SyntaxTree);
                    var label = uses.LabelOf(key, options);
                    var properties = ImmutableDictionary<string, string?>.Empty
                        .Add(PropertyNames.Key, key)
                        .Add(PropertyNames.Label, label);
                    var name = calculation.ContainingType is { } type ? type.Name + "." + calculation.Name : calculation.Name;
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.CalculationWithoutLegalBasis, calculation.Locations[0], properties, name, key, label));
                });
            });
        });
    }

    /// <summary>
    /// The public calculation an operation block belongs to — an ordinary method, or the property whose
    /// getter it is — when it has no legal basis; null otherwise.
    /// </summary>
    private static ISymbol? CalculationOf(ISymbol owner, StatutoryUses uses)
    {
        ISymbol? calculation = owner switch
        {
            IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public } method => method,
            IMethodSymbol { MethodKind: MethodKind.PropertyGet, DeclaredAccessibility: Accessibility.Public, AssociatedSymbol: IPropertySymbol { DeclaredAccessibility: Accessibility.Public } property } => property,
            _ => null,
        };

        // A bound property is a statutory value itself, not a calculation with one.
        if (calculation is null || calculation.IsImplicitlyDeclared || (calculation is IPropertySymbol && uses.BoundKey(calculation) is not null) || uses.HasLegalBasis(owner))
        {
            return null;
        }

        return calculation;
    }
}
