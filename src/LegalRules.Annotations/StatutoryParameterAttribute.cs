using System;

namespace LegalRules;

/// <summary>
/// Binds the value of a constant, field, property or enum member to a statutory parameter of the
/// LegalRules registry. The analyzer reports the value when it differs from the parameter's value
/// at the evaluation date (LR0001), or at <see cref="AsOf"/> when it is set.
/// </summary>
/// <remarks>
/// The analyzer recognises this attribute by its simple name in any namespace, so code that cannot
/// reference this package may declare its own <c>StatutoryParameterAttribute</c>.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Field | AttributeTargets.Property,
    AllowMultiple = false,
    Inherited = false)]
public sealed class StatutoryParameterAttribute : Attribute
{
    /// <summary>Binds the member to the parameter <paramref name="key"/>.</summary>
    /// <param name="key">The parameter's dotted key, for example
    /// <c>prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rsa</c>.</param>
    public StatutoryParameterAttribute(string key)
    {
        Key = key;
    }

    /// <summary>The parameter's dotted key.</summary>
    public string Key { get; }

    /// <summary>
    /// The date (<c>YYYY-MM-DD</c>) whose value the member holds, for code that deliberately
    /// computes a past or future period. When unset, the evaluation date applies.
    /// </summary>
    public string? AsOf { get; set; }
}
