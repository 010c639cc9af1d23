using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using LegalRules.Analysis;
using LegalRules.Configuration;
using LegalRules.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LegalRules.Rules;

/// <summary>A statutory parameter that an expression uses: through a bound member, or as a matched constant.</summary>
internal sealed class StatutoryUse
{
    public StatutoryUse(string key, string label)
    {
        Key = key;
        Label = label;
    }

    public string Key { get; }

    public string Label { get; }
}

/// <summary>
/// Questions the arithmetic and traceability rules ask about code — which statutory parameter an
/// expression uses, whether a calculation has a legal basis — answered from the compilation's
/// bindings and registry. One instance per compilation, created in the compilation-start closure;
/// answers about symbols are cached because the same members are asked about again and again.
/// </summary>
internal sealed class StatutoryUses
{
    private const string ReferenceAttributeName = StatutoryBindings.ReferenceAttributeName;
    private const string ReferenceAttributeShortName = "StatutoryReference";

    private readonly LegalRulesCompilationState _state;
    private readonly ConcurrentDictionary<ISymbol, string> _boundKeys = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _legalBasis = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _declaresBound = new(SymbolEqualityComparer.Default);

    public StatutoryUses(LegalRulesCompilationState state)
    {
        _state = state;
    }

    public LegalRulesCompilationState State => _state;

    /// <summary>The key a field or property is bound to, or null. Bindings files are looked up by name, so this is cached.</summary>
    public string? BoundKey(ISymbol member)
    {
        if (member is not (IFieldSymbol or IPropertySymbol))
        {
            return null;
        }

        member = member.OriginalDefinition;

        // Looked up first: the factory's closure is only allocated for a member not seen yet.
        if (!_boundKeys.TryGetValue(member, out var key))
        {
            key = _boundKeys.GetOrAdd(member, m => StatutoryBindings.TryGet(m, _state, out var binding) ? binding.Key : string.Empty);
        }

        return key.Length == 0 ? null : key;
    }

    /// <summary>The parameter's label for messages, or the key when the registry lacks it.</summary>
    public string LabelOf(string key, LegalRulesOptions options)
        => _state.RegistryFor(options).TryGetParameter(key, out var parameter) ? parameter.DisplayLabel : key;

    /// <summary>The legal text that establishes a parameter (its own first reference, not a revaluation's), or null.</summary>
    public Registry.LegalReference? LegalBasisOf(string key, LegalRulesOptions options)
        => _state.RegistryFor(options).TryGetParameter(key, out var parameter) && !parameter.References.IsDefaultOrEmpty
            ? parameter.References[0]
            : null;

    /// <summary>
    /// The statutory parameter <paramref name="expression"/> uses: a reference to a bound member, or a
    /// constant that <see cref="StatutoryMatcher"/> believes statutory (a literal, a folded expression,
    /// a constant field). With <paramref name="followLocals"/>, the locals it reads are looked through,
    /// up to <see cref="LocalsFollowed"/> deep: the values assigned to them in the same body are
    /// examined too (<c>var pass = PassAnnuel * mois / 12m; var limite = … pass; var excedent =
    /// contributions - limite; Math.Round(excedent, 2)</c>).
    /// </summary>
    public StatutoryUse? Find(IOperation expression, ISymbol containingSymbol, LegalRulesOptions options, bool followLocals)
        => Find(expression, containingSymbol, options, followLocals ? LocalsFollowed : 0, followed: null);

    /// <summary>How many locals deep <see cref="Find(IOperation, ISymbol, LegalRulesOptions, bool)"/> looks.</summary>
    internal const int LocalsFollowed = 3;

    private StatutoryUse? Find(IOperation expression, ISymbol containingSymbol, LegalRulesOptions options, int localsLeft, HashSet<ILocalSymbol>? followed)
    {
        foreach (var operation in expression.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IFieldReferenceOperation { Field: var field } reference:
                    if (BoundKey(field) is { } fieldKey)
                    {
                        return new StatutoryUse(fieldKey, LabelOf(fieldKey, options));
                    }

                    // A named constant is matched with its own name around it (CRDSNonDeductible corroborates CRDS).
                    if (field.HasConstantValue && reference.ConstantValue is { HasValue: true, Value: { } fieldValue } && Matched(reference, fieldValue, field, options) is { } constantUse)
                    {
                        return constantUse;
                    }

                    break;
                case IPropertyReferenceOperation { Property: var property }:
                    if (BoundKey(property) is { } propertyKey)
                    {
                        return new StatutoryUse(propertyKey, LabelOf(propertyKey, options));
                    }

                    break;
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: { } literalValue } } literal:
                    if (Matched(literal, literalValue, containingSymbol, options) is { } literalUse)
                    {
                        return literalUse;
                    }

                    break;
                case IBinaryOperation { ConstantValue: { HasValue: true, Value: { } foldedValue } } folded when folded.Parent is not IBinaryOperation { ConstantValue.HasValue: true }:
                    if (Matched(folded, foldedValue, containingSymbol, options) is { } foldedUse)
                    {
                        return foldedUse;
                    }

                    break;
                case ILocalReferenceOperation { Local: var local } when localsLeft > 0 && (followed ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default)).Add(local):
                    foreach (var assigned in ValuesAssignedTo(local, operation))
                    {
                        if (Find(assigned, containingSymbol, options, localsLeft - 1, followed) is { } localUse)
                        {
                            return localUse;
                        }
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>
    /// The statutory parameter whose value <paramref name="value"/> is — not merely uses: a bound member
    /// read as is, or a constant (literal, folded expression, named constant) that the matcher believes
    /// statutory. <c>651.69 - ressources</c> holds no statutory value; <c>651.69</c> and <c>Crds</c> do.
    /// </summary>
    public StatutoryUse? FindHeld(IOperation value, ISymbol containingSymbol, LegalRulesOptions options)
    {
        while (value is IConversionOperation or IParenthesizedOperation)
        {
            value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
        }

        ISymbol? member = value switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };
        if (member is not null && BoundKey(member) is { } key)
        {
            return new StatutoryUse(key, LabelOf(key, options));
        }

        if (value.ConstantValue is not { HasValue: true, Value: { } constant })
        {
            return null;
        }

        return Matched(value, constant, member is IFieldSymbol constantField ? constantField : containingSymbol, options);
    }

    /// <summary>The first bound member that <paramref name="root"/> references, or null.</summary>
    public ISymbol? FirstBoundReference(IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            var member = operation switch
            {
                IFieldReferenceOperation field => (ISymbol)field.Field,
                IPropertyReferenceOperation property => property.Property,
                _ => null,
            };
            if (member is not null && BoundKey(member) is not null)
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="symbol"/> — a method, an accessor's property, a field — or one of its
    /// containing types carries <c>[StatutoryReference]</c> (recognised by simple name, any namespace).
    /// </summary>
    public bool HasLegalBasis(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { AssociatedSymbol: { } associated } && HasReferenceAttribute(associated))
        {
            return true;
        }

        if (HasReferenceAttribute(symbol))
        {
            return true;
        }

        for (var type = symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (_legalBasis.GetOrAdd(type, t => HasReferenceAttribute(t)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="symbol"/>'s type, or a type containing it, declares bound members.
    /// A type none of whose member names <paramref name="names"/> passes declares none, known from its
    /// declarations without building its members.
    /// </summary>
    public bool InTypeDeclaringBoundMembers(ISymbol symbol, BoundMemberNames names)
    {
        for (var type = symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (!_declaresBound.TryGetValue(type, out var declares))
            {
                declares = names.AnyMayBeBound(type.MemberNames) && DeclaresBoundMembers(type);
                _declaresBound.TryAdd(type, declares);
            }

            if (declares)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The root of the body an operation belongs to (the method body, the initializer).</summary>
    public static IOperation RootOf(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    private bool DeclaresBoundMembers(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol or IPropertySymbol && !member.IsImplicitlyDeclared && BoundKey(member) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private StatutoryUse? Matched(IOperation operation, object value, ISymbol containingSymbol, LegalRulesOptions options)
    {
        if (value is string or bool or char
            || (operation.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal && ConstantValues.IsBitPattern(literal.Token)))
        {
            return null;
        }

        return StatutoryMatcher.Match(operation, value, containingSymbol, _state, options) is { } match
            ? new StatutoryUse(match.Parameter.Key, match.Parameter.DisplayLabel)
            : null;
    }

    private static bool HasReferenceAttribute(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is ReferenceAttributeName or ReferenceAttributeShortName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The values assigned to a local in the body that holds <paramref name="reference"/>: its initializer and assignments.</summary>
    private static System.Collections.Generic.IEnumerable<IOperation> ValuesAssignedTo(ILocalSymbol local, IOperation reference)
    {
        foreach (var operation in RootOf(reference).Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.GetVariableInitializer() is { Value: { } initial })
                    {
                        yield return initial;
                    }

                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    yield return assignment.Value;
                    break;
            }
        }
    }
}
