using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace LegalRules.CodeFixes.Fixes;

/// <summary>
/// LR0101: rounds half away from zero, as French texts do, by passing
/// <c>MidpointRounding.AwayFromZero</c> to the overload that takes a mode:
/// <c>Math.Round(x)</c> → <c>Math.Round(x, MidpointRounding.AwayFromZero)</c>,
/// <c>Math.Round(x, 2)</c> → <c>Math.Round(x, 2, MidpointRounding.AwayFromZero)</c>.
/// </summary>
/// <remarks>
/// The mode is written <c>MidpointRounding.AwayFromZero</c> where <c>System</c> is imported, else
/// qualified (<c>System.MidpointRounding.AwayFromZero</c>); no using directive is added, so that
/// Fix All merges edits that never touch the same text.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RoundHalfAwayFromZeroFixer))]
[Shared]
public sealed class RoundHalfAwayFromZeroFixer : CodeFixProvider
{
    public const string EquivalenceKey = "LegalRules.RoundHalfAwayFromZero";

    private const string ModeParameterName = "mode";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.MidpointRounding);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation)
            {
                continue;
            }

            var replacement = WithMode(invocation);

            // Offer the fix only where the overload with a mode exists (fixed code compiles).
            var bound = model.GetSpeculativeSymbolInfo(invocation.SpanStart, replacement, SpeculativeBindingOption.BindAsExpression).Symbol as IMethodSymbol;
            if (bound is null || !bound.Parameters.Any(p => p.Type is { Name: "MidpointRounding", ContainingNamespace.Name: "System" }))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    FixTitles.Of("Fix_RoundHalfAwayFromZero"),
                    ct => ReplaceAsync(document, invocation, replacement, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The invocation with one more argument, the mode: positional, or named when the call names its arguments.</summary>
    private static InvocationExpressionSyntax WithMode(InvocationExpressionSyntax invocation)
    {
        var mode = SyntaxFactory.ParseExpression("global::System.MidpointRounding.AwayFromZero").WithAdditionalAnnotations(Simplifier.Annotation);
        var arguments = invocation.ArgumentList.Arguments;
        var argument = SyntaxFactory.Argument(mode);
        if (arguments.Any(a => a.NameColon is not null))
        {
            argument = argument.WithNameColon(SyntaxFactory.NameColon(ModeParameterName));
        }

        var separators = arguments.GetSeparators().ToList();
        separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
        var list = SyntaxFactory.SeparatedList(arguments.Add(argument), separators);
        return invocation.WithArgumentList(invocation.ArgumentList.WithArguments(list));
    }

    private static async Task<Document> ReplaceAsync(Document document, InvocationExpressionSyntax invocation, InvocationExpressionSyntax replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var changed = document.WithSyntaxRoot(root.ReplaceNode(invocation, replacement));
        return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
