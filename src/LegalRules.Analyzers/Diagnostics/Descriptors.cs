using Microsoft.CodeAnalysis;

namespace LegalRules.Diagnostics;

/// <summary>The descriptors of every rule; titles and messages in Resources (English, French).</summary>
internal static class Descriptors
{
    /// <summary>Each rule's help link is this plus the lower-case rule id: an anchor of rules.md.</summary>
    public const string HelpLinkBase = "https://github.com/legalrules/legalrules/blob/main/rules.md#";

    public static readonly DiagnosticDescriptor DivergentValue = Create(RuleIdentifiers.DivergentValue, RuleCategories.Statutory, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor SupersededValue = Create(RuleIdentifiers.SupersededValue, RuleCategories.Statutory, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UnreferencedStatutoryValue = Create(RuleIdentifiers.UnreferencedStatutoryValue, RuleCategories.Statutory, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UnknownParameter = Create(RuleIdentifiers.UnknownParameter, RuleCategories.Statutory, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ParameterNotInForce = Create(RuleIdentifiers.ParameterNotInForce, RuleCategories.Statutory, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor MidpointRounding = Create(RuleIdentifiers.MidpointRounding, RuleCategories.Arithmetic, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor BinaryFloatingPoint = Create(RuleIdentifiers.BinaryFloatingPoint, RuleCategories.Arithmetic, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor CalculationWithoutLegalBasis = Create(RuleIdentifiers.CalculationWithoutLegalBasis, RuleCategories.Traceability, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor InvalidRegistry = Create(RuleIdentifiers.InvalidRegistry, RuleCategories.Registry, DiagnosticSeverity.Error, WellKnownDiagnosticTags.CompilationEnd);
    public static readonly DiagnosticDescriptor ValueWithoutReference = Create(RuleIdentifiers.ValueWithoutReference, RuleCategories.Registry, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor StaleData = Create(RuleIdentifiers.StaleData, RuleCategories.Registry, DiagnosticSeverity.Info);

    public static string HelpLink(string id) => HelpLinkBase + id.ToLowerInvariant();

    private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, params string[] tags)
        => new(
            id,
            Resources.Localizable(id + "_Title"),
            Resources.Localizable(id + "_Message"),
            category,
            severity,
            isEnabledByDefault: true,
            description: Resources.Localizable(id + "_Description"),
            helpLinkUri: HelpLink(id),
            customTags: tags);
}
