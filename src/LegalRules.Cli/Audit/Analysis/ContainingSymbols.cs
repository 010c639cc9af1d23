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
/// <item>a delegate's parameters belong to the delegate type; a primary constructor's parameters, and the arguments it passes to the base type (and that base-type clause itself, not the type's name in it), to the constructor;</item>
/// <item>top-level statements belong to the entry point the compiler synthesises; assembly attributes to the global namespace;</item>
/// <item>local functions and lambdas belong to the member that contains them;</item>
/// <item>nodes in structured trivia (directives, skipped tokens) belong to where the token that carries them belongs.</item>
/// </list>
/// One instance serves one tree and one semantic model; it remembers each declaration's symbol.
/// </remarks>
internal sealed class ContainingSymbols
{
    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<SyntaxNode, ISymbol?> _declared = new();
    private readonly Dictionary<SyntaxNode, ISymbol?> _answered = new();

    public ContainingSymbols(SemanticModel model, CancellationToken cancellationToken)
    {
        _model = model;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The containing symbol of <paramref name="node"/>. Answers are remembered: nodes come in document
    /// order, parents first, so the walk up from a node stops at its nearest answered ancestor, and a
    /// deeply nested expression costs no more than a flat one.
    /// </summary>
    public ISymbol? Of(SyntaxNode node)
    {
        var symbol = Walk(node);

        // The base-type clause of a primary constructor answers for itself only (see Walk).
        if (node is not PrimaryConstructorBaseTypeSyntax)
        {
            _answered[node] = symbol;
        }

        return symbol;
    }

    private ISymbol? Walk(SyntaxNode node)
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
                    return PrimaryConstructor(type);

                case ArgumentListSyntax { Parent: PrimaryConstructorBaseTypeSyntax { Parent: BaseListSyntax { Parent: TypeDeclarationSyntax type } } }:
                    return PrimaryConstructor(type);

                case PrimaryConstructorBaseTypeSyntax { Parent: BaseListSyntax { Parent: TypeDeclarationSyntax type } } when current == node:
                    return PrimaryConstructor(type);

                case AccessorDeclarationSyntax:
                case BaseMethodDeclarationSyntax:
                case EnumMemberDeclarationSyntax:
                case DelegateDeclarationSyntax:
                case BaseNamespaceDeclarationSyntax:
                    return Declared(current);

                case ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property }:
                    return Declared(property) is IPropertySymbol { GetMethod: { } getter } ? getter : Declared(property);

                case BasePropertyDeclarationSyntax:
                    return Declared(current);

                case BaseFieldDeclarationSyntax field:
                    return field.Declaration.Variables.Count == 0 ? ContainingType(field) : Declared(field.Declaration.Variables[0]);

                case GlobalStatementSyntax { Parent: CompilationUnitSyntax unit }:
                    return Declared(unit);

                case BaseTypeDeclarationSyntax:
                    return Declared(current);

                case CompilationUnitSyntax:
                    return _model.Compilation.Assembly.GlobalNamespace;
            }
        }

        return null;
    }

    private ISymbol? ContainingType(SyntaxNode member)
        => member.Parent is BaseTypeDeclarationSyntax type ? Declared(type) : null;

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
}
