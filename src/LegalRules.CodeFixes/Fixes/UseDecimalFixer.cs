using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace LegalRules.CodeFixes.Fixes;

/// <summary>
/// LR0102: holds a statutory value in <c>decimal</c>. Changes the declaration's type
/// (<c>double</c>, <c>float</c>, their nullable forms; <c>var</c> stays) and gives the binary
/// floating-point literals of its value the <c>m</c> suffix: <c>const double Crds = 0.005;</c> →
/// <c>const decimal Crds = 0.005m;</c>.
/// </summary>
/// <remarks>
/// A changed type can break code that uses the value (<c>Math.Sqrt(taux)</c>, <c>double x = taux;</c>,
/// an override): the fix is offered only when the declaring document and every document that refers
/// to the member compile with no new error. No fix is better than a fix that breaks the build.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseDecimalFixer))]
[Shared]
public sealed class UseDecimalFixer : CodeFixProvider
{
    public const string EquivalenceKey = "LegalRules.UseDecimal";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.BinaryFloatingPoint);

    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create(async (context, document, diagnostics) => await FixAllAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (DeclarationAt(root, diagnostic) is not { } declaration
                || Rewrite(declaration) is not { } rewritten
                || !await CompilesAsync(document, root, declaration, rewritten, context.CancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    FixTitles.Of("Fix_UseDecimal", NameOf(declaration)),
                    ct => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(declaration, rewritten))),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>Every declaration of the document whose change compiles on its own, changed together.</summary>
    private static async Task<Document> FixAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var declarations = new List<SyntaxNode>();
        foreach (var declaration in diagnostics.Select(d => DeclarationAt(root, d)).OfType<SyntaxNode>().Distinct())
        {
            if (Rewrite(declaration) is { } rewritten && await CompilesAsync(document, root, declaration, rewritten, cancellationToken).ConfigureAwait(false))
            {
                declarations.Add(declaration);
            }
        }

        // Nested declarations (a local in a method whose return type changes) are rewritten inside out.
        return declarations.Count == 0 ? document : document.WithSyntaxRoot(root.ReplaceNodes(declarations, (_, current) => Rewrite(current) ?? current));
    }

    /// <summary>The declaration whose type the diagnostic is reported on.</summary>
    private static SyntaxNode? DeclarationAt(SyntaxNode root, Diagnostic diagnostic)
    {
        // A returned value on another line than the type carries the type as its additional location.
        var location = diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations[0] : diagnostic.Location;
        if (root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is not TypeSyntax type)
        {
            return null;
        }

        return type.Parent switch
        {
            VariableDeclarationSyntax variables when variables.Type == type => variables,
            PropertyDeclarationSyntax property when property.Type == type => property,
            ParameterSyntax parameter when parameter.Type == type => parameter,
            MethodDeclarationSyntax method when method.ReturnType == type => method,
            LocalFunctionStatementSyntax local when local.ReturnType == type => local,
            _ => null,
        };
    }

    /// <summary>The declaration in <c>decimal</c>, or null when a literal of its value has no decimal form.</summary>
    private static SyntaxNode? Rewrite(SyntaxNode declaration)
    {
        var values = ValuesOf(declaration).ToList();
        var literals = values.SelectMany(v => v.DescendantNodesAndSelf(n => !IsFunction(n)).OfType<LiteralExpressionSyntax>())
            .Where(l => l.IsKind(SyntaxKind.NumericLiteralExpression) && l.Token.Value is double or float)
            .ToList();
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var literal in literals)
        {
            if (DecimalLiteral(literal) is not { } replacement)
            {
                return null;
            }

            replacements[literal] = replacement;
        }

        var type = TypeOf(declaration);
        var nodes = replacements.Keys.ToList();
        if (type is not null && !IsVar(type))
        {
            nodes.Add(type);
        }

        return declaration.ReplaceNodes(nodes, (original, _) => original == type ? DecimalType(type!) : replacements[original]);
    }

    /// <summary>The expressions that give the declaration its value: initializers, default values, returned expressions.</summary>
    private static IEnumerable<SyntaxNode> ValuesOf(SyntaxNode declaration)
    {
        switch (declaration)
        {
            case VariableDeclarationSyntax variables:
                foreach (var variable in variables.Variables)
                {
                    if (variable.Initializer is { } initializer)
                    {
                        yield return initializer.Value;
                    }
                }

                break;
            case PropertyDeclarationSyntax property:
                if (property.Initializer is { } propertyInitializer)
                {
                    yield return propertyInitializer.Value;
                }

                if (property.ExpressionBody is { } propertyBody)
                {
                    yield return propertyBody.Expression;
                }

                foreach (var getter in property.AccessorList?.Accessors.Where(a => a.IsKind(SyntaxKind.GetAccessorDeclaration)) ?? Enumerable.Empty<AccessorDeclarationSyntax>())
                {
                    foreach (var returned in Returned(getter.ExpressionBody, getter.Body))
                    {
                        yield return returned;
                    }
                }

                break;
            case ParameterSyntax { Default: { } defaultValue }:
                yield return defaultValue.Value;
                break;
            case MethodDeclarationSyntax method:
                foreach (var returned in Returned(method.ExpressionBody, method.Body))
                {
                    yield return returned;
                }

                break;
            case LocalFunctionStatementSyntax local:
                foreach (var returned in Returned(local.ExpressionBody, local.Body))
                {
                    yield return returned;
                }

                break;
        }
    }

    private static IEnumerable<SyntaxNode> Returned(ArrowExpressionClauseSyntax? expressionBody, BlockSyntax? body)
    {
        if (expressionBody is not null)
        {
            yield return expressionBody.Expression;
        }

        if (body is null)
        {
            yield break;
        }

        foreach (var statement in body.DescendantNodes(n => !IsFunction(n)).OfType<ReturnStatementSyntax>())
        {
            if (statement.Expression is { } expression)
            {
                yield return expression;
            }
        }
    }

    /// <summary>True when the change compiles: no document that declares or uses the changed symbols has a new error.</summary>
    private static async Task<bool> CompilesAsync(Document document, SyntaxNode root, SyntaxNode declaration, SyntaxNode rewritten, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return false;
        }

        var solution = document.Project.Solution;
        var documents = new HashSet<DocumentId> { document.Id };
        foreach (var symbol in ChangedSymbols(model, declaration, cancellationToken))
        {
            foreach (var reference in await SymbolFinder.FindReferencesAsync(symbol, solution, cancellationToken).ConfigureAwait(false))
            {
                foreach (var location in reference.Locations)
                {
                    documents.Add(location.Document.Id);
                }
            }
        }

        var changed = document.WithSyntaxRoot(root.ReplaceNode(declaration, rewritten)).Project.Solution;
        foreach (var id in documents)
        {
            var before = await ErrorsAsync(solution.GetDocument(id), cancellationToken).ConfigureAwait(false);
            var after = await ErrorsAsync(changed.GetDocument(id), cancellationToken).ConfigureAwait(false);
            if (after.Any(error => !before.TryGetValue(error.Key, out var count) || error.Value > count))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Members whose type changes and may be used elsewhere; locals and local functions are used in their document only.</summary>
    private static IEnumerable<ISymbol> ChangedSymbols(SemanticModel model, SyntaxNode declaration, CancellationToken cancellationToken)
    {
        switch (declaration)
        {
            case VariableDeclarationSyntax { Parent: FieldDeclarationSyntax } variables:
                foreach (var variable in variables.Variables)
                {
                    if (model.GetDeclaredSymbol(variable, cancellationToken) is { } field)
                    {
                        yield return field;
                    }
                }

                break;
            case PropertyDeclarationSyntax or MethodDeclarationSyntax:
                if (model.GetDeclaredSymbol(declaration, cancellationToken) is { } member)
                {
                    yield return member;
                }

                break;
            case ParameterSyntax parameter:
                // Callers may pass a double: they use the parameter's method.
                if (model.GetDeclaredSymbol(parameter, cancellationToken) is { ContainingSymbol: IMethodSymbol { MethodKind: not MethodKind.LocalFunction and not MethodKind.AnonymousFunction } method })
                {
                    yield return method;

                    // A record's positional parameter is also its property.
                    if (parameter.Parent?.Parent is TypeDeclarationSyntax)
                    {
                        foreach (var property in method.ContainingType.GetMembers(parameter.Identifier.ValueText))
                        {
                            yield return property;
                        }
                    }
                }

                break;
        }
    }

    private static async Task<Dictionary<string, int>> ErrorsAsync(Document? document, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, int>(System.StringComparer.Ordinal);
        if (document is null || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
        {
            return errors;
        }

        foreach (var diagnostic in model.GetDiagnostics(cancellationToken: cancellationToken))
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                errors[diagnostic.Id] = errors.TryGetValue(diagnostic.Id, out var count) ? count + 1 : 1;
            }
        }

        return errors;
    }

    /// <summary><c>0.005</c>, <c>0.005d</c>, <c>5e-3f</c> → <c>0.005m</c>, <c>5e-3m</c>; null when the value has no decimal form.</summary>
    private static LiteralExpressionSyntax? DecimalLiteral(LiteralExpressionSyntax literal)
    {
        var text = literal.Token.Text;
        var end = text.Length;
        while (end > 0 && text[end - 1] is 'd' or 'D' or 'f' or 'F')
        {
            end--;
        }

        var digits = text.Substring(0, end);
        if (!decimal.TryParse(digits.Replace("_", string.Empty), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var token = SyntaxFactory.Literal(literal.Token.LeadingTrivia, digits + "m", value, literal.Token.TrailingTrivia);
        return literal.WithToken(token);
    }

    private static TypeSyntax? TypeOf(SyntaxNode declaration) => declaration switch
    {
        VariableDeclarationSyntax variables => variables.Type,
        PropertyDeclarationSyntax property => property.Type,
        ParameterSyntax parameter => parameter.Type,
        MethodDeclarationSyntax method => method.ReturnType,
        LocalFunctionStatementSyntax local => local.ReturnType,
        _ => null,
    };

    private static TypeSyntax DecimalType(TypeSyntax type)
    {
        TypeSyntax decimalType = SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.DecimalKeyword));
        if (type is NullableTypeSyntax)
        {
            decimalType = SyntaxFactory.NullableType(decimalType);
        }

        return decimalType.WithTriviaFrom(type);
    }

    private static bool IsVar(TypeSyntax type) => type is IdentifierNameSyntax { IsVar: true };

    private static bool IsFunction(SyntaxNode node) => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

    private static string NameOf(SyntaxNode declaration) => declaration switch
    {
        VariableDeclarationSyntax variables => string.Join(", ", variables.Variables.Select(v => v.Identifier.ValueText)),
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        ParameterSyntax parameter => parameter.Identifier.ValueText,
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        LocalFunctionStatementSyntax local => local.Identifier.ValueText,
        _ => string.Empty,
    };
}
