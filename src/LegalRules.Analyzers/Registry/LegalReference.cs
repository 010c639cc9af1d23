using System;
using System.Collections.Immutable;
using System.Linq;

namespace LegalRules.Registry;

/// <summary>A legal text that sets a parameter or one of its values: its title and, where known, a link.</summary>
internal sealed class LegalReference : IEquatable<LegalReference>
{
    public LegalReference(string title, string? href)
    {
        Title = title;
        Href = href;
    }

    public string Title { get; }

    public string? Href { get; }

    public bool Equals(LegalReference? other) => other is not null && Title == other.Title && Href == other.Href;

    public override bool Equals(object? obj) => Equals(obj as LegalReference);

    public override int GetHashCode() => (Title.GetHashCode() * 397) ^ (Href?.GetHashCode() ?? 0);

    public override string ToString() => Href is null ? Title : $"{Title} <{Href}>";

    /// <summary>The titles joined for a message: "Décret n° 2024-…; Article L262-2 du CASF".</summary>
    public static string Titles(ImmutableArray<LegalReference> references)
        => references.IsDefaultOrEmpty ? string.Empty : string.Join("; ", references.Select(r => r.Title));

    /// <summary>The first link, for a report or a code fix.</summary>
    public static string? FirstHref(ImmutableArray<LegalReference> references)
        => references.IsDefaultOrEmpty ? null : references.Select(r => r.Href).FirstOrDefault(h => !string.IsNullOrEmpty(h));
}
