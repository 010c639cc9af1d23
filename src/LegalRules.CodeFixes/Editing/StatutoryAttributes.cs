using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace LegalRules.CodeFixes.Editing;

/// <summary>
/// Writes <c>[StatutoryParameter("key", AsOf = "…")]</c> and <c>[StatutoryReference("title", Href = "…")]</c>
/// where code can compile them: by simple name where such an attribute type is visible (the package's,
/// or a team's own in any namespace), else from the LegalRules.Annotations assembly with
/// <c>using LegalRules;</c> to add.
/// </summary>
internal static class StatutoryAttributes
{
    public const string ParameterAttributeName = "StatutoryParameter";
    public const string ReferenceAttributeName = "StatutoryReference";
    public const string AsOfName = "AsOf";
    public const string HrefName = "Href";
    private const string PackageNamespace = "LegalRules";

    /// <summary>
    /// <c>[StatutoryParameter("key", AsOf = "…")]</c> to write at <paramref name="position"/>, or null when
    /// no attribute type can be used there (nothing to bind with, or a team's own attribute without
    /// <c>AsOf</c> when a date is needed).
    /// </summary>
    public static AttributeSyntax? Parameter(SemanticModel model, int position, string key, string? asOf)
        => Create(model, position, ParameterAttributeName, key, asOf is null ? null : (AsOfName, asOf));

    /// <summary><c>[StatutoryReference("title", Href = "…")]</c> to write at <paramref name="position"/>, or null as above.</summary>
    public static AttributeSyntax? Reference(SemanticModel model, int position, string title, string? href)
        => Create(model, position, ReferenceAttributeName, title, string.IsNullOrEmpty(href) ? null : (HrefName, href!));

    private static AttributeSyntax? Create(SemanticModel model, int position, string simpleName, string argument, (string Name, string Value)? named)
    {
        NameSyntax name;
        var visible = model.LookupNamespacesAndTypes(position, name: simpleName + "Attribute")
            .Concat(model.LookupNamespacesAndTypes(position, name: simpleName))
            .OfType<INamedTypeSymbol>()
            .FirstOrDefault(IsAttribute);
        if (visible is not null)
        {
            if (named is { } required && !HasSettableString(visible, required.Name))
            {
                return null;
            }

            name = SyntaxFactory.IdentifierName(simpleName);
        }
        else
        {
            var packaged = model.Compilation.GetTypeByMetadataName(PackageNamespace + "." + simpleName + "Attribute");
            if (packaged is null || !model.Compilation.IsSymbolAccessibleWithin(packaged, model.Compilation.Assembly))
            {
                return null;
            }

            // Reduced to the simple name once the import is added.
            name = SyntaxFactory.ParseName("global::" + PackageNamespace + "." + simpleName)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        }

        var arguments = new List<AttributeArgumentSyntax>
        {
            SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(argument))),
        };
        var separators = new List<SyntaxToken>();
        if (named is { } value)
        {
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            arguments.Add(SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(value.Name), SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)),
                null,
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value.Value))));
        }

        return SyntaxFactory.Attribute(name, SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(arguments, separators)));
    }

    /// <summary>The key and <c>AsOf</c> of a <c>[StatutoryParameter]</c> on <paramref name="member"/>, by simple name.</summary>
    public static bool TryGetBinding(ISymbol member, out string key, out string? asOf)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is ParameterAttributeName or ParameterAttributeName + "Attribute"
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is string bound)
            {
                key = bound.Trim();
                asOf = attribute.NamedArguments.FirstOrDefault(a => a.Key == AsOfName).Value.Value as string;
                return true;
            }
        }

        key = string.Empty;
        asOf = null;
        return false;
    }

    private static bool IsAttribute(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current is { Name: "Attribute", ContainingNamespace.Name: "System", ContainingNamespace.ContainingNamespace.IsGlobalNamespace: true })
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasSettableString(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IPropertySymbol { SetMethod: not null, Type.SpecialType: SpecialType.System_String } or IFieldSymbol { IsReadOnly: false, IsConst: false, Type.SpecialType: SpecialType.System_String })
                {
                    return true;
                }
            }
        }

        return false;
    }
}
