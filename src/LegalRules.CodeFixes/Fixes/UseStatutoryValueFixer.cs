using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.CodeFixes.Editing;
using LegalRules.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.CodeFixes.Fixes;

/// <summary>
/// LR0001, LR0002: replaces a hard-coded value with the statutory value in force, keeping the
/// literal's type and suffix (<c>646.52m</c> → <c>651.69m</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseStatutoryValueFixer))]
[Shared]
public sealed class UseStatutoryValueFixer : CodeFixProvider
{
    public const string EquivalenceKey = "LegalRules.UseStatutoryValue";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.DivergentValue, RuleIdentifiers.SupersededValue);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PropertyNames.Statutory, out var statutoryText)
                || string.IsNullOrEmpty(statutoryText)
                || !decimal.TryParse(statutoryText, NumberStyles.Float, CultureInfo.InvariantCulture, out var statutory)
                || root.FindNode(diagnostic.Location.SourceSpan, false, true) is not ExpressionSyntax expression)
            {
                continue;
            }

            var replacement = StatutoryLiteral.For(expression, statutory);
            if (replacement is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title(diagnostic, statutoryText!), ct => ReplaceAsync(context.Document, expression, replacement, ct), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>"Use the statutory value 651.69 € (Décret n° 2026-220 …)": the euro sign for amounts, the text that sets the value.</summary>
    internal static string Title(Diagnostic diagnostic, string statutory)
    {
        diagnostic.Properties.TryGetValue(PropertyNames.ReferenceTitle, out var reference);
        diagnostic.Properties.TryGetValue(PropertyNames.Unit, out var unit);
        var value = unit == "currency" ? statutory + " €" : statutory;
        return string.IsNullOrEmpty(reference)
            ? FixTitles.Of("Fix_UseStatutoryValueWithoutReference", value)
            : FixTitles.Of("Fix_UseStatutoryValue", value, reference!);
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax expression, ExpressionSyntax replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(expression, replacement.WithTriviaFrom(expression)));
    }
}

/// <summary>Writes a statutory value as a literal of the same kind as the one it replaces.</summary>
internal static class StatutoryLiteral
{
    public static ExpressionSyntax? For(ExpressionSyntax original, decimal value)
    {
        var suffix = Suffix(original);
        var text = value.ToString(CultureInfo.InvariantCulture);
        var isInteger = value == decimal.Truncate(value);
        switch (suffix)
        {
            case "m" or "M":
                return Literal(text + suffix, value);
            case "d" or "D" or "f" or "F":
                return Literal(text + suffix, (double)value);
            case "":
                if (original is LiteralExpressionSyntax { Token.Value: double } || IsReal(original))
                {
                    return Literal(isInteger ? text + ".0" : text, (double)value);
                }

                if (isInteger && value <= int.MaxValue && value >= int.MinValue)
                {
                    return Literal(text, (int)value);
                }

                if (isInteger)
                {
                    return Literal(text, (long)value);
                }

                // An integer literal whose statutory value has decimals: write a decimal literal.
                return Literal(text + "m", value);
            default:
                return isInteger ? Literal(text + suffix, (long)value) : null;
        }
    }

    private static bool IsReal(ExpressionSyntax expression)
        => expression is LiteralExpressionSyntax literal && (literal.Token.Text.Contains(".") || literal.Token.Text.Contains("e") || literal.Token.Text.Contains("E"));

    private static string Suffix(ExpressionSyntax expression)
    {
        if (expression is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.NumericLiteralExpression))
        {
            return "m";
        }

        var text = literal.Token.Text;
        if (text.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase) || text.StartsWith("0b", System.StringComparison.OrdinalIgnoreCase))
        {
            return string.Empty;
        }

        var end = text.Length;
        while (end > 0 && char.IsLetter(text[end - 1]) && text[end - 1] is not ('e' or 'E'))
        {
            end--;
        }

        return text.Substring(end);
    }

    private static LiteralExpressionSyntax Literal(string text, decimal value) => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(text, value));

    private static LiteralExpressionSyntax Literal(string text, double value) => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(text, value));

    private static LiteralExpressionSyntax Literal(string text, int value) => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(text, value));

    private static LiteralExpressionSyntax Literal(string text, long value) => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(text, value));
}
