using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.CodeFixes.Editing;
using LegalRules.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace LegalRules.CodeFixes.Fixes;

/// <summary>
/// LR0201: cites, on the calculation, the legal text that establishes the parameter it computes with
/// (the parameter's own reference in the registry, not a revaluation's):
/// <c>[StatutoryReference("Article L3231-2 du Code du travail", Href = "…")]</c>. A starting point that
/// the developer checks: the text a calculation applies may be more precise than its parameter's.
/// </summary>
/// <remarks>
/// No fix where the registry gives the parameter no reference of its own, or where no
/// <c>StatutoryReference</c> attribute can be used. Fix All cites every calculation of a document in
/// one pass (one using directive).
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CiteLegalBasisFixer))]
[Shared]
public sealed class CiteLegalBasisFixer : CodeFixProvider
{
    public const string EquivalenceKey = "LegalRules.CiteLegalBasis";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.CalculationWithoutLegalBasis);

    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create(async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

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
            if (Plan(root, model, diagnostic) is { } plan)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(FixTitles.Of("Fix_CiteLegalBasis", plan.Title), ct => FixAsync(document, ImmutableArray.Create(diagnostic), ct), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var newLine = MemberLayout.NewLine(root);
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var cited = new HashSet<MemberDeclarationSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (Plan(root, model, diagnostic) is { } plan && cited.Add(plan.Member))
            {
                editor.ReplaceNode(plan.Member, (current, _) => MemberLayout.AddAttribute((MemberDeclarationSyntax)current, plan.Attribute, newLine));
            }
        }

        var changed = editor.GetChangedDocument();
        changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static Citation? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(PropertyNames.ReferenceTitle, out var title) || string.IsNullOrEmpty(title))
        {
            return null;
        }

        diagnostic.Properties.TryGetValue(PropertyNames.ReferenceHref, out var href);
        var member = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().FirstOrDefault(n => n is MethodDeclarationSyntax or PropertyDeclarationSyntax) as MemberDeclarationSyntax;
        if (member is null || StatutoryAttributes.Reference(model, member.SpanStart, title!, href) is not { } attribute)
        {
            return null;
        }

        return new Citation(member, attribute, title!);
    }

    private sealed class Citation
    {
        public Citation(MemberDeclarationSyntax member, AttributeSyntax attribute, string title)
        {
            Member = member;
            Attribute = attribute;
            Title = title;
        }

        public MemberDeclarationSyntax Member { get; }

        public AttributeSyntax Attribute { get; }

        public string Title { get; }
    }
}
