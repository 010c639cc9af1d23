using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.CodeFixes.Editing;
using LegalRules.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.CodeFixes.Fixes;

/// <summary>
/// LR0004: replaces an unknown key with one of the nearest known keys (the diagnostic's
/// <c>nearestKeys</c>), one code action per key: in a <c>[StatutoryParameter]</c> argument, and in a
/// bindings file (an additional document), keeping the key's quotes.
/// </summary>
/// <remarks>
/// The nearest key's action has <see cref="EquivalenceKey"/>, so Fix All replaces every unknown key
/// with its nearest known key; the next ones are <see cref="EquivalenceKey"/>.2, .3.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceUnknownKeyFixer), DocumentKinds = new[] { nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument) })]
[Shared]
public sealed class ReplaceUnknownKeyFixer : CodeFixProvider
{
    public const string EquivalenceKey = "LegalRules.ReplaceUnknownKey";

    private static readonly char[] KeySeparator = { ';' };

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnknownParameter);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.TextDocument;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PropertyNames.NearestKeys, out var nearest) || string.IsNullOrEmpty(nearest))
            {
                continue;
            }

            var keys = nearest!.Split(KeySeparator, StringSplitOptions.RemoveEmptyEntries);
            Func<string, CancellationToken, Task<Solution>>? replace = null;
            if (document is Document source)
            {
                var root = await source.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    replace = (key, ct) => Task.FromResult(source.WithSyntaxRoot(root.ReplaceNode(literal, KeyLiteral(key).WithTriviaFrom(literal))).Project.Solution);
                }
            }
            else if (document.Project.GetAdditionalDocument(document.Id) is not null)
            {
                var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
                var span = diagnostic.Location.SourceSpan;
                diagnostic.Properties.TryGetValue(PropertyNames.Key, out var unknownKey);
                var written = span.End <= text.Length ? text.ToString(span) : string.Empty;

                // The file may have changed since it was analysed: edit only the key the diagnostic names.
                if (written.Trim('"', '\'') == unknownKey)
                {
                    replace = (key, ct) => Task.FromResult(document.Project.Solution.WithAdditionalDocumentText(document.Id, text.WithChanges(new TextChange(span, Quoted(key, written)))));
                }
            }

            if (replace is null)
            {
                continue;
            }

            for (var i = 0; i < keys.Length; i++)
            {
                var key = keys[i];
                context.RegisterCodeFix(
                    CodeAction.Create(FixTitles.Of("Fix_ReplaceKey", key), ct => replace(key, ct), i == 0 ? EquivalenceKey : EquivalenceKey + "." + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    diagnostic);
            }
        }
    }

    private static LiteralExpressionSyntax KeyLiteral(string key)
        => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(key));

    /// <summary>The key written as the unknown one was: plain, or in the same quotes.</summary>
    private static string Quoted(string key, string written)
        => written.Length >= 2 && (written[0] is '"' or '\'') && written[written.Length - 1] == written[0]
            ? written[0] + key + written[0]
            : key;
}
