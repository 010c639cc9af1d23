using System;
using System.Collections.Generic;
using LegalRules.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegalRules.Matching;

/// <summary>
/// Whether what code says of a constant makes it something no statutory parameter is: the name it is
/// given (the price of a product, <c>PrixUnitaireTtc = 646.52m</c>, a size on a screen, a timeout, a
/// rent paid), the law its type or namespace is named after (another country's, income tax), or code
/// that names no French benefit or contribution at all. Such a name does not stop a
/// value that names corroborate; it stops a value believable only because it is distinctive, as a
/// series of numbers, a row or a column of data does (<see cref="ValueSeries"/>, <see cref="DataRows"/>,
/// <see cref="DataColumns"/>).
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
        // Local and private schemes, and money that is not a benefit: a town's own aid or budget, a bus
        // fare, a notary's fees, a club's fees, a balance, a voucher's face value, a toll, kilometres.
        "municipal", "municipale", "communal", "communale", "ccas", "budget", "bus", "transport", "ticket", "peage", "toll",
        "notaire", "emolument", "debour", "honoraire", "loisir", "solde", "balance", "faciale", "kilometre", "km",
        "foncier", "fonciere", "maire", "mayor", "elu", "provision",
    };

    /// <summary>
    /// True when what <paramref name="constant"/> is says it is something else: the name it
    /// initialises, is assigned to or is passed as (through conversions, parentheses and signs), or the
    /// named constant it reads, has one of the words above; or its type or namespace is named after
    /// another law (<see cref="StatutorySubject.InOtherLaw"/>); or its compilation names no French
    /// benefit or contribution anywhere (<see cref="StatutorySubject.IsAboutSocialLaw"/>).
    /// </summary>
    public static bool NameSaysOtherwise(IOperation constant, ISymbol containingSymbol)
    {
        if (StatutorySubject.InOtherLaw(containingSymbol))
        {
            return true;
        }

        // A named constant read elsewhere (Math.Round(bases * TauxTaxeFonciereBati)) is named by its declaration.
        var name = constant is IFieldReferenceOperation { Field: { HasConstantValue: true } field } ? field.Name : NearestName(constant);
        if (name is not null && HasForeignWord(name))
        {
            return true;
        }

        // Code that names no French benefit or contribution anywhere — not in a type, a member, a
        // local — computes something else: a number that only its digits make believable is a coincidence there.
        return constant.SemanticModel?.Compilation is { } compilation
            && !StatutorySubject.IsAboutSocialLaw(compilation);
    }

    // What a numerical method tolerates: an error, not a rate, however the type around it is named.
    private static readonly HashSet<string> PrecisionWords = new(StringComparer.Ordinal)
    {
        "tolerance", "epsilon", "eps", "precision", "convergence", "jitter",
    };

    /// <summary>
    /// Whether the name <paramref name="constant"/> initialises, is assigned to or is passed as says it
    /// is a numerical tolerance (<c>ToleranceArrondi = 0.005m</c> in <c>CalculCsgCrds</c>,
    /// <c>decimal tolerance = 0.005m</c>): the type's words then corroborate nothing.
    /// </summary>
    internal static bool NamesAPrecision(IOperation constant)
    {
        if (NearestName(constant) is not { } name)
        {
            return false;
        }

        foreach (var word in NameWords.Split(name))
        {
            if (PrecisionWords.Contains(NameWords.Stem(word)))
            {
                return true;
            }
        }

        return false;
    }

    // A rent is what a household pays (LoyerHorsCharges, LoyerPaye), not a statutory value; its
    // ceiling is one (PlafondLoyer, LoyerMax).
    private static readonly HashSet<string> RentWords = new(StringComparer.Ordinal) { "loyer", "rent" };
    private static readonly HashSet<string> CeilingWords = new(StringComparer.Ordinal) { "plafond", "ceiling", "max", "maximum", "limite", "limit", "plafonne" };

    /// <summary>Whether <paramref name="name"/> has a word of a subject no parameter is about.</summary>
    internal static bool HasForeignWord(string name)
    {
        bool rent = false, ceiling = false;
        foreach (var word in NameWords.Split(name))
        {
            var singular = NameWords.Stem(word);
            if (Words.Contains(singular))
            {
                return true;
            }

            rent |= RentWords.Contains(singular);
            ceiling |= CeilingWords.Contains(singular);
        }

        return rent && !ceiling;
    }

    private static string? NearestName(IOperation constant)
    {
        var child = constant;
        var operation = constant.Parent;
        for (var levels = 0; operation is not null && levels < CodeContext.MaxLevels; levels++)
        {
            switch (operation)
            {
                case IConversionOperation or IParenthesizedOperation or IUnaryOperation or IVariableInitializerOperation:
                    break;
                case ITupleOperation tuple:
                    // ("L. Moreau", 10.03) in a table of (string Athlete, double Seconds): the element's name,
                    // from the type the tuple is converted to or its own.
                    return TupleElementName(tuple, tuple.Elements.IndexOf(child));
                case IArrayInitializerOperation or IArrayCreationOperation or IObjectOrCollectionInitializerOperation or IObjectCreationOperation:
                    // { 0.81, 0.8972, … } or { ["Seynod"] = 4005m }: the name of the array or dictionary.
                    break;
                case IAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } } when operation.Parent is IObjectOrCollectionInitializerOperation:
                    break;
                default:
                    return NameOf(operation);
            }

            child = operation;
            operation = operation.Parent;
        }

        return null;
    }

    private static string? TupleElementName(ITupleOperation tuple, int index)
    {
        foreach (var type in new[] { (tuple.Parent as IConversionOperation)?.Type, tuple.Type })
        {
            if (type is INamedTypeSymbol { IsTupleType: true } tupleType
                && index >= 0
                && index < tupleType.TupleElements.Length
                && tupleType.TupleElements[index] is { IsExplicitlyNamedTupleElement: true } element)
            {
                return element.Name;
            }
        }

        return null;
    }

    private static string? NameOf(IOperation operation) => operation switch
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
        // A call the compiler cannot resolve (a test framework's Assert without its package): the method's name.
        IInvalidOperation { Syntax: InvocationExpressionSyntax { Expression: var invoked } } => invoked switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        },
        _ => null,
    };
}
