using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LegalRules.Matching;

/// <summary>
/// Whether the name a constant is given says it is something no statutory parameter is: the price of a
/// product (<c>PrixUnitaireTtc = 646.52m</c>), a size on a screen, a timeout. Such a name does not stop a
/// value that names corroborate; it stops a value believable only because it is distinctive, as a
/// series of numbers or a row of data does (<see cref="ValueSeries"/>, <see cref="DataRows"/>).
/// </summary>
internal static class ForeignNames
{
    // Words of the name itself (generic words included: "prix" and "price" corroborate nothing, and
    // say what the value is). Plurals are read as singulars.
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // Trade: prices, taxes on sales, products, stock.
        "prix", "price", "ttc", "tva", "vat", "produit", "product", "sku", "stock", "panier", "cart", "remise", "discount",
        "coupon", "promo", "facture", "invoice", "catalogue", "catalog", "ht", "abonnement", "subscription", "licence", "license",
        // Screens and documents: sizes, positions, colours.
        "font", "police", "width", "height", "largeur", "hauteur", "margin", "marge", "padding", "opacity", "opacite",
        "pixel", "px", "color", "colour", "couleur", "angle", "radius", "rayon", "zoom",
        // Sizes: of a font, a file, a household (a count, never a distinctive number).
        "taille", "size",
        // Machines and measures.
        "timeout", "delay", "port", "retry", "version", "seed", "latitude", "longitude", "temperature", "altitude", "speed", "vitesse",
        "weight", "poids", "pressure", "pression", "hpa", "humidity", "humidite", "elevation", "distance",
        // Places.
        "population", "habitant", "inhabitant",
    };

    /// <summary>
    /// True when the name <paramref name="constant"/> initialises, is assigned to or is passed as (through
    /// conversions, parentheses and signs) has one of the words above.
    /// </summary>
    public static bool NameSaysOtherwise(IOperation constant) => NearestName(constant) is { } name && HasForeignWord(name);

    /// <summary>Whether <paramref name="name"/> has a word of a subject no parameter is about.</summary>
    internal static bool HasForeignWord(string name)
    {
        foreach (var word in NameWords.Split(name))
        {
            var singular = NameWords.Stem(word);
            if (Words.Contains(singular))
            {
                return true;
            }
        }

        return false;
    }

    private static string? NearestName(IOperation constant)
    {
        var operation = constant.Parent;
        while (operation is IConversionOperation or IParenthesizedOperation or IUnaryOperation or IVariableInitializerOperation)
        {
            operation = operation.Parent;
        }

        return operation switch
        {
            IVariableDeclaratorOperation declarator => declarator.Symbol.Name,
            IFieldInitializerOperation { InitializedFields: { Length: > 0 } fields } => fields[0].Name,
            IPropertyInitializerOperation { InitializedProperties: { Length: > 0 } properties } => properties[0].Name,
            IParameterInitializerOperation parameterDefault => parameterDefault.Parameter.Name,
            IAssignmentOperation { Target: var target } => target switch
            {
                IMemberReferenceOperation member => member.Member.Name,
                ILocalReferenceOperation local => local.Local.Name,
                IParameterReferenceOperation parameter => parameter.Parameter.Name,
                _ => null,
            },
            IArgumentOperation { Parameter: { } parameter } => parameter.Name,
            _ => null,
        };
    }
}
