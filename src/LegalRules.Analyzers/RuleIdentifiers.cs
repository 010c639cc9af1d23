namespace LegalRules;

/// <summary>The rule ids of LegalRules. Each has an anchor in rules.md.</summary>
public static class RuleIdentifiers
{
    public const string DivergentValue = "LR0001";
    public const string SupersededValue = "LR0002";
    public const string UnreferencedStatutoryValue = "LR0003";
    public const string UnknownParameter = "LR0004";
    public const string ParameterNotInForce = "LR0005";
    public const string MidpointRounding = "LR0101";
    public const string BinaryFloatingPoint = "LR0102";
    public const string CalculationWithoutLegalBasis = "LR0201";
    public const string InvalidRegistry = "LR0901";
    public const string ValueWithoutReference = "LR0902";
    public const string StaleData = "LR0903";
}

/// <summary>Rule categories.</summary>
public static class RuleCategories
{
    public const string Statutory = "LegalRules.Statutory";
    public const string Arithmetic = "LegalRules.Arithmetic";
    public const string Traceability = "LegalRules.Traceability";
    public const string Registry = "LegalRules.Registry";
}
