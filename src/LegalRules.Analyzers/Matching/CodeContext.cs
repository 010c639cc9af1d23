using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LegalRules.Matching;

/// <summary>
/// The names around a constant that can corroborate a parameter: the variable, field, property or
/// parameter (as its default value) it initialises or is assigned to, the parameter it is passed as and the method called, the
/// operands it is compared or combined with, the member and type that contain it.
/// Asked only when a value matches, so never on the common path.
/// </summary>
internal static class CodeContext
{
    /// <summary>
    /// How far up the operations names are looked for. Far enough for any expression written by
    /// hand; without a bound, each constant of a sum of 20,000 terms walked up the whole sum, which
    /// cost time in the square of the terms.
    /// </summary>
    internal const int MaxLevels = 32;

    /// <summary>
    /// The words of the names around <paramref name="constant"/>; <paramref name="typeWords"/> gets
    /// the words that only the containing type's name gives (a weaker sign: every member of the type
    /// shares them), or null when there are none.
    /// </summary>
    public static HashSet<string> WordsAround(IOperation constant, ISymbol containingSymbol, out HashSet<string>? typeWords)
    {
        var words = new HashSet<string>(System.StringComparer.Ordinal);
        var child = constant;
        var levels = 0;
        for (var operation = constant.Parent; operation is not null && levels++ < MaxLevels; child = operation, operation = operation.Parent)
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    NameWords.AddWords(declarator.Symbol.Name, words);
                    goto done;
                case IFieldInitializerOperation field:
                    foreach (var f in field.InitializedFields)
                    {
                        NameWords.AddWords(f.Name, words);
                    }

                    goto done;
                case IPropertyInitializerOperation property:
                    foreach (var p in property.InitializedProperties)
                    {
                        NameWords.AddWords(p.Name, words);
                    }

                    goto done;
                case IParameterInitializerOperation parameterDefault:
                    NameWords.AddWords(parameterDefault.Parameter.Name, words);
                    goto done;
                case IAssignmentOperation assignment:
                    AddReferenceName(assignment.Target, words);
                    goto done;
                case IArgumentOperation argument:
                    if (argument.Parameter is { } parameter)
                    {
                        NameWords.AddWords(parameter.Name, words);
                    }

                    if (argument.Parent is IInvocationOperation invocation)
                    {
                        NameWords.AddWords(invocation.TargetMethod.Name, words);
                    }
                    else if (argument.Parent is IObjectCreationOperation creation && creation.Type is { } created)
                    {
                        NameWords.AddWords(created.Name, words);
                    }

                    goto done;
                case IBinaryOperation binary:
                    AddReferenceName(ReferenceEquals(binary.LeftOperand, child) ? binary.RightOperand : binary.LeftOperand, words);
                    break;
                case IReturnOperation or IExpressionStatementOperation or IBlockOperation:
                    goto done;
            }
        }

        done:
        var member = containingSymbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : containingSymbol;
        NameWords.AddWords(member.Name, words);
        typeWords = null;
        if (member.ContainingType is { } type)
        {
            var fromType = new HashSet<string>(System.StringComparer.Ordinal);
            NameWords.AddWords(type.Name, fromType);
            fromType.ExceptWith(words);
            typeWords = fromType.Count > 0 ? fromType : null;
        }

        return words;
    }

    private static void AddReferenceName(IOperation operation, HashSet<string> words)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        var name = operation switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            _ => null,
        };
        if (name is not null)
        {
            NameWords.AddWords(name, words);
        }
    }
}
