using System;
using System.Collections.Immutable;

namespace LegalRules.Registry;

/// <summary>
/// A value of a parameter that applies from <see cref="From"/> until the next dated value.
/// A null <see cref="Value"/> ends the parameter; <see cref="IsNumeric"/> is false for values that
/// are not numbers (lists, booleans, texts found in OpenFisca trees), which code cannot hard-code
/// as a number and which matching ignores.
/// </summary>
internal sealed class DatedValue
{
    public DatedValue(DateTime from, decimal? value, bool isNumeric, ImmutableArray<LegalReference> references, FileSpan span)
    {
        From = from;
        Value = value;
        IsNumeric = isNumeric;
        References = references.IsDefault ? ImmutableArray<LegalReference>.Empty : references;
        Span = span;
    }

    public DateTime From { get; }

    /// <summary>The value; null where the parameter ends (or the value is not a number).</summary>
    public decimal? Value { get; }

    public bool IsNumeric { get; }

    /// <summary>True where this dated value ends the parameter (<c>value: null</c>).</summary>
    public bool IsEnd => !IsNumeric && Value is null && !IsOther;

    /// <summary>True for a value that is neither a number nor null.</summary>
    public bool IsOther { get; init; }

    /// <summary>The references given for this value itself (may be empty; the parameter's then apply).</summary>
    public ImmutableArray<LegalReference> References { get; }

    /// <summary>Where the value is written in its file.</summary>
    public FileSpan Span { get; }

    public DatedValue WithReferences(ImmutableArray<LegalReference> references)
        => new(From, Value, IsNumeric, references, Span) { IsOther = IsOther };
}
