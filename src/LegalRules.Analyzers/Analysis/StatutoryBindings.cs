using System;
using LegalRules.Registry;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Analysis;

/// <summary>How a member is bound to a parameter: by attribute or by a bindings file.</summary>
internal readonly struct StatutoryBinding
{
    public StatutoryBinding(string key, DateTime? asOf, string? invalidAsOf, Location keyLocation, bool fromAttribute)
    {
        Key = key;
        AsOf = asOf;
        InvalidAsOf = invalidAsOf;
        KeyLocation = keyLocation;
        FromAttribute = fromAttribute;
    }

    public string Key { get; }

    /// <summary>The member's own evaluation date, if it has one.</summary>
    public DateTime? AsOf { get; }

    /// <summary>An <c>AsOf</c> text that is not a date.</summary>
    public string? InvalidAsOf { get; }

    /// <summary>Where the key is written: the attribute's argument, or the bindings file's line.</summary>
    public Location KeyLocation { get; }

    public bool FromAttribute { get; }
}

/// <summary>Finds the binding of a member: <c>[StatutoryParameter]</c> (by simple name, any namespace) or a bindings file.</summary>
internal static class StatutoryBindings
{
    public const string AttributeName = "StatutoryParameterAttribute";
    public const string AttributeShortName = "StatutoryParameter";
    public const string ReferenceAttributeName = "StatutoryReferenceAttribute";

    private static readonly SymbolDisplayFormat QualifiedName = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType);

    public static bool TryGet(ISymbol member, LegalRulesCompilationState state, out StatutoryBinding binding)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is not (AttributeName or AttributeShortName) || !TryReadAttribute(attribute, out var key, out var asOfText))
            {
                continue;
            }

            DateTime? asOf = null;
            string? invalidAsOf = null;
            if (!string.IsNullOrEmpty(asOfText))
            {
                if (Dates.TryParse(asOfText, out var date))
                {
                    asOf = date;
                }
                else
                {
                    invalidAsOf = asOfText;
                }
            }

            binding = new StatutoryBinding(key.Trim(), asOf, invalidAsOf, KeyLocation(attribute, member), fromAttribute: true);
            return true;
        }

        if (state.Bindings.Count > 0 && TryGetFromFile(member, state, out var entry))
        {
            binding = new StatutoryBinding(entry.Entry.Key, entry.Entry.AsOf, null, entry.Entry.KeySpan.ToLocation(entry.Path), fromAttribute: false);
            return true;
        }

        binding = default;
        return false;
    }

    /// <summary>True when the member is bound, without building the binding (for filters on hot paths).</summary>
    public static bool IsBound(ISymbol member, LegalRulesCompilationState state)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is AttributeName or AttributeShortName)
            {
                return true;
            }
        }

        return state.Bindings.Count > 0 && TryGetFromFile(member, state, out _);
    }

    /// <summary>
    /// Reads the key and <c>AsOf</c>. When the attribute's type does not resolve — a vendor drop
    /// audited without its packages — the compiler gives no arguments: they are read from the
    /// attribute's syntax, where they are string literals.
    /// </summary>
    private static bool TryReadAttribute(AttributeData attribute, out string key, out string? asOf)
    {
        asOf = null;
        if (attribute.ConstructorArguments.Length >= 1 && attribute.ConstructorArguments[0].Value is string resolved)
        {
            key = resolved;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "AsOf" && named.Value.Value is string text)
                {
                    asOf = text;
                }
            }

            return true;
        }

        key = string.Empty;
        if (attribute.AttributeClass?.TypeKind != TypeKind.Error
            || attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax { ArgumentList.Arguments: { Count: > 0 } arguments })
        {
            return false;
        }

        foreach (var argument in arguments)
        {
            if (argument.Expression is not LiteralExpressionSyntax { Token.Value: string text })
            {
                continue;
            }

            if (argument.NameEquals is null && argument.NameColon is null && key.Length == 0)
            {
                key = text;
            }
            else if (argument.NameEquals?.Name.Identifier.ValueText == "AsOf")
            {
                asOf = text;
            }
        }

        return key.Length > 0;
    }

    private static bool TryGetFromFile(ISymbol member, LegalRulesCompilationState state, out BoundEntry entry)
    {
        var id = member.GetDocumentationCommentId();
        if (id is not null && state.Bindings.TryGetValue(id, out entry!))
        {
            return true;
        }

        return state.Bindings.TryGetValue(member.ToDisplayString(QualifiedName), out entry!);
    }

    private static Location KeyLocation(AttributeData attribute, ISymbol member)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax syntax)
        {
            return syntax.ArgumentList is { Arguments.Count: > 0 } arguments ? arguments.Arguments[0].Expression.GetLocation() : syntax.GetLocation();
        }

        return member.Locations.Length > 0 ? member.Locations[0] : Location.None;
    }
}
