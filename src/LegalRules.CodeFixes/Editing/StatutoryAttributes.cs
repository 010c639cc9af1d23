using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace LegalRules.CodeFixes.Editing;

/// <summary>
/// Writes <c>[StatutoryParameter("key", AsOf = "…")]</c> where code can compile it: by its simple
/// name where a <c>StatutoryParameter</c> attribute type is visible (the package's, or a team's own in
/// any namespace), else from the LegalRules.Annotations assembly with <c>using LegalRules;</c> to add.
/// </summary>
internal static class StatutoryAttributes
{
    public const string ParameterAttributeName = "StatutoryParameter";
    public const string AsOfName = "AsOf";
    private const string PackageAttributeMetadataName = "LegalRules.StatutoryParameterAttribute";

    /// <summary>
    /// The attribute to write at <paramref name="position"/>, or null when no attribute type can be used
    /// there (nothing to bind with, or a team's own attribute without <c>AsOf</c> when a date is needed).
    /// </summary>
    public static AttributeSyntax? Parameter(SemanticModel model, int position, string key, string? asOf)
    {
        NameSyntax name;
        var visible = model.LookupNamespacesAndTypes(position, name: ParameterAttributeName + "Attribute")
            .Concat(model.LookupNamespacesAndTypes(position, name: ParameterAttributeName))
            .OfType<INamedTypeSymbol>()
            .FirstOrDefault(IsAttribute);
        if (visible is not null)
        {
            if (asOf is not null && !HasSettableAsOf(visible))
            {
                return null;
            }

            name = SyntaxFactory.IdentifierName(ParameterAttributeName);
        }
        else
        {
            var packaged = model.Compilation.GetTypeByMetadataName(PackageAttributeMetadataName);
            if (packaged is null || !model.Compilation.IsSymbolAccessibleWithin(packaged, model.Compilation.Assembly))
            {
                return null;
            }

            // Reduced to the simple name once the import is added.
            name = SyntaxFactory.ParseName("global::LegalRules." + ParameterAttributeName)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        }

        var arguments = new List<AttributeArgumentSyntax>
        {
            SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(key))),
        };
        var separators = new List<SyntaxToken>();
        if (asOf is not null)
        {
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            arguments.Add(SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(AsOfName), SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)),
                null,
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(asOf))));
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

    private static bool HasSettableAsOf(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(AsOfName))
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
