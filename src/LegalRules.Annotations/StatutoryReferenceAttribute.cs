using System;

namespace LegalRules;

/// <summary>
/// Records the legal basis of a calculation: the article or text that the type or method implements.
/// </summary>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Property,
    AllowMultiple = true,
    Inherited = false)]
public sealed class StatutoryReferenceAttribute : Attribute
{
    /// <summary>Records the legal text <paramref name="title"/>.</summary>
    /// <param name="title">The title of the legal text, for example <c>Article L521-1 du CSS</c>.</param>
    public StatutoryReferenceAttribute(string title)
    {
        Title = title;
    }

    /// <summary>The title of the legal text.</summary>
    public string Title { get; }

    /// <summary>A link to the text, for example on Légifrance.</summary>
    public string? Href { get; set; }
}
