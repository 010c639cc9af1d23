using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Cli.Audit.Analysis;

/// <summary>
/// The symbol a syntax-node action is told it runs in (<c>SyntaxNodeAnalysisContext.ContainingSymbol</c>),
/// found as the compiler's analyzer driver finds it: the innermost declaration whose code holds the
/// node. Rules read it (legal basis of a member, generated code, names around a value), so it must
/// be the same symbol the driver gives in a build; <c>TreeDriverTests</c> compare the two on every
/// kind of declaration.
/// </summary>
/// <remarks>
/// The driver's choices, which are not all the obvious ones:
/// <list type="bullet">
/// <item>every declarator of a field or event-field declaration, its attributes and its type belong to its <em>first</em> declarator's symbol;</item>
/// <item>a property's or indexer's expression body belongs to its getter, an accessor's body to the accessor, an initializer and the parameters to the property;</item>
/// <item>a delegate's parameters belong to the delegate type; a primary constructor's parameters, and the arguments it passes to the base type (and that base-type clause itself, not the type's name in it), to the constructor — without one (broken code), the arguments belong to the type and the clause is not analysed;</item>
/// <item>top-level statements belong to the entry point the compiler synthesises; assembly attributes to the global namespace;</item>
/// <item>local functions and lambdas belong to the member that contains them;</item>
/// <item>nodes in structured trivia (directives, skipped tokens) belong to where the token that carries them belongs;</item>
/// <item>in broken code, a declaration without a symbol leaves its nodes to the declaration around it, except a second accessor of a kind, whose nodes are not analysed at all.</item>
/// </list>
/// One instance serves one tree and one semantic model; it remembers each declaration's symbol.
/// </remarks>
internal sealed class ContainingSymbols
{
    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<SyntaxNode, ISymbol?> _declared = new();
    private readonly Dictionary<SyntaxNode, Answer> _answered = new();

    public ContainingSymbols(SemanticModel model, CancellationToken cancellationToken)
    {
        _model = model;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The containing symbol of <paramref name="node"/>, or false when the compiler's driver does not
    /// analyse the node at all: it lies in an accessor the compiler gives no symbol (a second
    /// <c>get</c>). Answers are remembered: nodes come in document order, parents first, so the walk up
    /// from a node stops at its nearest answered ancestor, and a deeply nested expression costs no
    /// more than a flat one.
    /// </summary>
    public bool TryGet(SyntaxNode node, out ISymbol? symbol)
    {
        var answer = Walk(node);

        // The base-type clause of a primary constructor answers for itself only (see Walk).
        if (node is not PrimaryConstructorBaseTypeSyntax)
        {
            _answered[node] = answer;
        }

        symbol = answer.Symbol;
        return answer.Analysed;
    }

    /// <summary>The containing symbol of <paramref name="node"/>, null where there is none.</summary>
    public ISymbol? Of(SyntaxNode node) => TryGet(node, out var symbol) ? symbol : null;

    private Answer Walk(SyntaxNode node)
    {
        for (var current = node; current is not null; current = current.Parent ?? (current as StructuredTriviaSyntax)?.ParentTrivia.Token.Parent)
        {
            if (current != node && _answered.TryGetValue(current, out var answered))
            {
                return answered;
            }

            switch (current)
            {
                case ParameterListSyntax { Parent: TypeDeclarationSyntax type }:
                    return new Answer(true, PrimaryConstructor(type));

                // Arguments to a base type belong to the primary constructor; without one (broken
                // code), to the type, and the base-type clause itself is not analysed.
                case ArgumentListSyntax { Parent: PrimaryConstructorBaseTypeSyntax { Parent: BaseListSyntax { Parent: TypeDeclarationSyntax type } } } when PrimaryConstructor(type) is IMethodSymbol argumentsConstructor:
                    return new Answer(true, argumentsConstructor);

                case PrimaryConstructorBaseTypeSyntax { Parent: BaseListSyntax { Parent: TypeDeclarationSyntax type } } when current == node:
                    return PrimaryConstructor(type) is IMethodSymbol clauseConstructor ? new Answer(true, clauseConstructor) : new Answer(false, null);

                // A declaration the compiler gives no symbol (broken code: an unknown accessor, a
                // member without a name) leaves its nodes to the declaration around it.
                case AccessorDeclarationSyntax or BaseMethodDeclarationSyntax or EnumMemberDeclarationSyntax or DelegateDeclarationSyntax
                    or BaseNamespaceDeclarationSyntax or BasePropertyDeclarationSyntax or BaseTypeDeclarationSyntax
                    when Declared(current) is { } declared:
                    return new Answer(true, declared);

                // A second accessor of a kind (get; get;) has no symbol, and nothing in it is analysed.
                case AccessorDeclarationSyntax accessor when !accessor.IsKind(SyntaxKind.UnknownAccessorDeclaration):
                    return new Answer(false, null);

                // An expression body beside an accessor list (broken code) is not analysed.
                case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax { AccessorList: not null } or IndexerDeclarationSyntax { AccessorList: not null } }:
                    return new Answer(false, null);

                case ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property } when Declared(property) is { } declaredProperty:
                    return new Answer(true, declaredProperty is IPropertySymbol { GetMethod: { } getter } ? getter : declaredProperty);

                case BaseFieldDeclarationSyntax { Declaration.Variables: [var first, ..] } when Declared(first) is { } field:
                    return new Answer(true, field);

                case GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } when Declared(unit) is { } entryPoint:
                    return new Answer(true, entryPoint);

                case CompilationUnitSyntax:
                    return new Answer(true, _model.Compilation.Assembly.GlobalNamespace);
            }
        }

        return new Answer(true, null);
    }

    private ISymbol? PrimaryConstructor(TypeDeclarationSyntax type)
    {
        if (Declared(type) is not INamedTypeSymbol named)
        {
            return null;
        }

        foreach (var constructor in named.InstanceConstructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == type.SyntaxTree && reference.Span == type.Span)
                {
                    return constructor;
                }
            }
        }

        return named;
    }

    private ISymbol? Declared(SyntaxNode declaration)
    {
        if (!_declared.TryGetValue(declaration, out var symbol))
        {
            symbol = _model.GetDeclaredSymbol(declaration, _cancellationToken);
            _declared.Add(declaration, symbol);
        }

        return symbol;
    }

    /// <summary>Whether the compiler's driver analyses a node, and the symbol it runs in.</summary>
    private readonly record struct Answer(bool Analysed, ISymbol? Symbol);
}
