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
/// LR0201: a public method — or the getter of a public property — that computes with bound
/// statutory values (it references a bound member) cites no legal basis: no
/// <c>[StatutoryReference]</c> on itself, its property, its type or a containing type.
/// </summary>
/// <remarks>
/// The diagnostic, on the member's name, must lie inside what is analysed, so that the IDE computes it
/// for the edited line: methods and properties are analysed as declarations (syntax nodes). The rule
/// registers no operation action, so that the compiler builds no operation tree for every body: a
/// declaration is read as syntax first, and only one that names a member that may be bound
/// (<see cref="BoundMemberNames"/>) is asked about; then only its public members without a legal basis
/// have those names bound.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CalculationWithoutLegalBasisAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CalculationWithoutLegalBasis);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated code is not analysed; findings in it are dropped here (GeneratedCodeFilter), not by the driver.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var state = LegalRulesCompilationState.Get(start.Compilation, start.Options, start.CancellationToken);
            var compilation = start.Compilation;

            // Nothing can be bound without a bindings file or a StatutoryParameter attribute type: no
            // calculation to check. The references are asked by the first declaration, not here: the
            // first to ask about them pays for binding them, which the compiler does anyway before
            // the first declaration reaches a syntax action.
            var mayBind = new Lazy<bool>(() => state.Bindings.Count > 0
                || BoundMemberNames.AnyReferenceDeclaresBindingAttribute(compilation)
                || compilation.ContainsSymbolsWithName(name => name is StatutoryBindings.AttributeName or StatutoryBindings.AttributeShortName, SymbolFilter.Type));

            var uses = new StatutoryUses(state);
            var names = BoundMemberNames.For(compilation, state);
            var memberSyntax = MemberSyntax.For(compilation, state);
            start.RegisterSyntaxNodeAction(c => AnalyzeMethod(c, mayBind, uses, memberSyntax), SyntaxKind.MethodDeclaration);
            start.RegisterSyntaxNodeAction(c => AnalyzeProperty(c, mayBind, uses, names), SyntaxKind.PropertyDeclaration);
        });
    }

    /// <summary>
    /// Methods: the first name in the declaration (body, expression body, parameters' defaults) that
    /// may name a bound member is bound, in the order of the text, until one refers to a bound field
    /// or property.
    /// </summary>
    private static void AnalyzeMethod(SyntaxNodeAnalysisContext context, Lazy<bool> mayBind, StatutoryUses uses, MemberSyntax memberSyntax)
    {
        var declaration = (MethodDeclarationSyntax)context.Node;
        if (!MayBePublic(declaration) || IsTest(declaration) || !mayBind.Value)
        {
            return; // only public calculations are reported: the walk of the body is for them; a test checks one
        }

        // The walk is shared with the rounding rule, which asks about the same members.
        var candidates = memberSyntax.Of(declaration).BoundNames;
        if (candidates.Count == 0
            || context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public } method
            || method.IsImplicitlyDeclared
            || uses.HasLegalBasis(method)
            || method.Locations.Length == 0
            || !method.Locations[0].IsInSource)
        {
            return;
        }

        foreach (var candidate in candidates)
        {
            if (context.SemanticModel.GetSymbolInfo(candidate, context.CancellationToken).Symbol is { } member
                && uses.BoundKey(member) is not null)
            {
                if (!GeneratedCodeFilter.IsInGeneratedCode(method.Locations[0], method))
                {
                    Report(context.ReportDiagnostic, uses, method, member, method.Locations[0]);
                }

                return;
            }
        }
    }

    private static readonly HashSet<string> TestAttributes = new(StringComparer.Ordinal)
    {
        "Fact", "Theory", "Test", "TestCase", "TestCaseSource", "TestMethod", "DataTestMethod",
    };

    /// <summary>Whether a test framework's attribute marks the method a test (xUnit, NUnit, MSTest), by simple name.</summary>
    private static bool IsTest(MethodDeclarationSyntax declaration)
    {
        foreach (var list in declaration.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                var name = attribute.Name switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => string.Empty,
                };
                if (TestAttributes.Contains(name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// From its modifiers, whether a method may be declared public: it says <c>public</c>, or it is an
    /// interface's member and says no other accessibility (an interface's members are public by default).
    /// </summary>
    private static bool MayBePublic(MethodDeclarationSyntax declaration)
    {
        var modifiers = declaration.Modifiers;
        return modifiers.Any(SyntaxKind.PublicKeyword)
            || (declaration.Parent is InterfaceDeclarationSyntax
                && !modifiers.Any(SyntaxKind.PrivateKeyword)
                && !modifiers.Any(SyntaxKind.ProtectedKeyword)
                && !modifiers.Any(SyntaxKind.InternalKeyword));
    }

    /// <summary>The simple names under <paramref name="node"/> that may name a bound member, in the order of the text.</summary>
    private static IEnumerable<IdentifierNameSyntax> Candidates(SyntaxNode node, BoundMemberNames names)
    {
        foreach (var descendant in SyntaxWalk.DescendantsAndSelf(node))
        {
            if (descendant is IdentifierNameSyntax identifier && names.MayBeBound(identifier.Identifier.ValueText))
            {
                yield return identifier;
            }
        }
    }

    private static void AnalyzeProperty(SyntaxNodeAnalysisContext context, Lazy<bool> mayBind, StatutoryUses uses, BoundMemberNames names)
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

        // A getter that names no member that may be bound uses no bound value: known from syntax.
        // A bound property is a statutory value itself, not a calculation with one.
        if (getter is null
            || !mayBind.Value
            || !names.MayBeNamedIn(property.SyntaxTree)
            || !HasCandidate(getter, names)
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
        if (BoundOperations.Of(context.SemanticModel, body, context.CancellationToken) is { } operation
            && uses.FirstBoundReference(operation) is { } used
            && !GeneratedCodeFilter.IsInGeneratedCode(name.SyntaxTree!, name.SpanStart, calculation))
        {
            Report(context.ReportDiagnostic, uses, calculation, used, name.GetLocation());
        }
    }

    private static bool HasCandidate(SyntaxNode node, BoundMemberNames names)
    {
        using var candidates = Candidates(node, names).GetEnumerator();
        return candidates.MoveNext();
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
