using Microsoft.CodeAnalysis;

namespace LegalRules.Rules;

/// <summary>
/// What the driver would suppress in code it analyses, for analyzers that report with
/// <c>GeneratedCodeAnalysisFlags.ReportDiagnostics</c> (generated code is still not analysed: no
/// <c>Analyze</c> flag). With <c>None</c>, the driver checks each finding against generated code, and
/// the first finding of a file makes it scan the whole file for <c>[GeneratedCode]</c> declarations
/// under a lock (docs/performance.md); the two cases it would drop inside analysed code are dropped
/// here instead, and only when there is a finding.
/// </summary>
internal static class GeneratedCodeFilter
{
    /// <summary>
    /// A hidden position (<c>#line hidden</c>, or what precedes the first <c>#line</c> directive of a
    /// file that has hidden regions), or a position inside a member marked <c>[GeneratedCode]</c>
    /// (<paramref name="containingSymbol"/> or one of its containing symbols, or an accessor's property).
    /// </summary>
    public static bool IsInGeneratedCode(SyntaxTree tree, int position, ISymbol? containingSymbol)
    {
        if (tree.HasHiddenRegions() && tree.GetLineVisibility(position) is LineVisibility.Hidden or LineVisibility.BeforeFirstLineDirective)
        {
            return true;
        }

        for (var symbol = containingSymbol; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (HasGeneratedCodeAttribute(symbol) || (symbol is IMethodSymbol { AssociatedSymbol: { } associated } && HasGeneratedCodeAttribute(associated)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a finding at <paramref name="location"/> lies in generated code (see the other overload).</summary>
    public static bool IsInGeneratedCode(Location location, ISymbol? containingSymbol)
        => location.SourceTree is { } tree && IsInGeneratedCode(tree, location.SourceSpan.Start, containingSymbol);

    private static bool HasGeneratedCodeAttribute(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute", ContainingNamespace: { Name: "Compiler", ContainingNamespace: { Name: "CodeDom", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } })
            {
                return true;
            }
        }

        return false;
    }
}
