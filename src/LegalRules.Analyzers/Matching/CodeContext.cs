using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegalRules.Matching;

/// <summary>
/// The names around a constant that can corroborate a parameter: the variable, field, property or
/// parameter (as its default value) it initialises or is assigned to, the parameter it is passed as and the method called
/// (through <c>Math.Round</c>, <c>Math.Min</c> and the like: what receives their result), the
/// keys that name it (a dictionary's key, a key passed beside it, a tuple's other elements, a switch's
/// case), the operands it is compared or combined with, the member and type that contain it.
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
        if (constant is IBinaryOperation folded)
        {
            // TauxCsg / 100m: the constants a fold is made of name what it holds.
            AddFoldedNames(folded, words);
        }

        if (constant.Syntax is ExpressionSyntax value && value.Parent is not null
            && (TestDataRows.TryAddWords(value, words) || MemberValueAttributes.TryAddWords(value, words) || AssertedValues.TryAddWords(value, words)))
        {
            // [InlineData(false, 12523.14)]: named by the test method's parameter it is passed as, not
            // InlineData's; Assert.Equal(0.024m, taux.CsgNonDeductible): by what the test compares it with.
            goto done;
        }

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
                    if (assignment.Target is IMemberReferenceOperation { Instance: { } instance, Member.Name: var assigned } && NameWords.SaysNothing(assigned))
                    {
                        // numTauxCsg.Value = 0.092m: a control's or a holder's generic property is named by its owner.
                        AddReferenceName(instance, words);
                    }

                    if (assignment.Target is IPropertyReferenceOperation { Arguments: var keys })
                    {
                        // taux["crds"] = 0.005m, [Prestation.Crds] = 0.005m: the key names the value.
                        foreach (var key in keys)
                        {
                            AddKeyWords(key.Value, words);
                        }
                    }

                    var siblings = assignment.Parent switch
                    {
                        IObjectOrCollectionInitializerOperation initializer => initializer.Initializers,
                        IAnonymousObjectCreationOperation anonymous => anonymous.Initializers,
                        _ => default,
                    };
                    if (!siblings.IsDefault)
                    {
                        // new Ligne { Libelle = "CSG déductible", Taux = 0.068m }, new { key = "csg.deductible",
                        // value = 0.068m }: the label beside the value names it.
                        foreach (var sibling in siblings)
                        {
                            if (!ReferenceEquals(sibling, assignment) && sibling is IAssignmentOperation { Value: var label })
                            {
                                AddStringWords(label, words);
                                AddCodeWords(label, words);
                            }
                        }
                    }

                    goto done;
                case IArgumentOperation argument:
                    if (argument.Parent is IInvocationOperation { TargetMethod: var arithmetic } && IsArithmeticOfTheValue(arithmetic))
                    {
                        // Math.Round(assiette * 0.005m, 2) is the amount itself: its names are those of
                        // what receives the result, not Round's parameter (d, decimals).
                        break;
                    }

                    if (argument.Parameter is { } parameter)
                    {
                        NameWords.AddWords(parameter.Name, words);
                    }

                    if (argument.Parent is IInvocationOperation invocation)
                    {
                        NameWords.AddWords(invocation.TargetMethod.Name, words);
                        if (invocation.Syntax is InvocationExpressionSyntax call)
                        {
                            AddChainedMemberNames(call, words);
                        }

                        // { "crds", 0.005m } in a dictionary's initializer, taux.Add("crds", 0.005m),
                        // Definir("CRDS", 0.005m): a key passed beside the value names it.
                        AddSiblingKeyWords(invocation.Arguments, argument, words);
                    }
                    else if (argument.Parent is IObjectCreationOperation creation)
                    {
                        if (creation.Type is { } created)
                        {
                            NameWords.AddWords(created.Name, words);
                        }

                        // new Parametre("crds", 0.005m): the same.
                        AddSiblingKeyWords(creation.Arguments, argument, words);
                    }

                    goto done;
                case IInvalidOperation { Syntax: InvocationExpressionSyntax unresolved } when child.Syntax.Parent is ArgumentSyntax { Parent: ArgumentListSyntax list } && list.Parent == unresolved:
                    // A call the compiler cannot resolve (a library missing from a drop): the method's
                    // name as written, and the member its fluent chain configures; and what receives its
                    // result, further up.
                    AddWrittenName(unresolved.Expression, words);
                    AddChainedMemberNames(unresolved, words);
                    break;
                case IBinaryOperation binary:
                    AddReferenceName(ReferenceEquals(binary.LeftOperand, child) ? binary.RightOperand : binary.LeftOperand, words);
                    break;
                case ISwitchExpressionArmOperation { Pattern: IConstantPatternOperation { Value: var armKey } }:
                    // Prestation.Crds => 0.005m: the arm's constant names the value.
                    AddKeyWords(armKey, words);
                    break;
                case ITupleOperation tuple:
                    // ("crds", 0.005m) in a table of pairs: the other elements name the value.
                    foreach (var element in tuple.Elements)
                    {
                        if (!ReferenceEquals(element, child))
                        {
                            AddKeyWords(element, words);
                        }
                    }

                    break;
                case IReturnOperation or IExpressionStatementOperation or IBlockOperation:
                    if (operation.Parent is ISwitchCaseOperation section)
                    {
                        // case "CRDS": return 0.005m; the section's labels name the value.
                        foreach (var clause in section.Clauses)
                        {
                            if (clause is ISingleValueCaseClauseOperation { Value: var caseKey })
                            {
                                AddKeyWords(caseKey, words);
                            }
                        }
                    }

                    goto done;
            }
        }

        done:
        CommentWords.AddSchemeNames(constant.Syntax, words);
        var member = containingSymbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : containingSymbol;
        NameWords.AddWords(member.Name, words);
        typeWords = null;
        if (member.ContainingType is { } type)
        {
            var fromType = new HashSet<string>(System.StringComparer.Ordinal);
            NameWords.AddWords(type.Name, fromType);
            fromType.ExceptWith(words);

            // A type named after allocations is as often about memory or assets (AllocationProbe) as about
            // allowances: what its members hold is named by their own names.
            fromType.Remove("allocation");
            typeWords = fromType.Count > 0 ? fromType : null;
        }

        return words;
    }

    /// <summary>Methods whose result is their argument's value, rounded, bounded or combined: <c>Math.Round</c>, <c>Math.Min</c>, <c>decimal.Multiply</c>….</summary>
    private static readonly HashSet<string> ArithmeticMethodNames = new(System.StringComparer.Ordinal)
    {
        "Round", "Floor", "Ceiling", "Truncate", "Abs", "Min", "Max", "Clamp", "Add", "Subtract", "Multiply", "Divide", "Negate",
    };

    /// <summary>A static method of <c>System.Math</c>, <c>System.MathF</c>, <c>decimal</c>, <c>double</c> or <c>float</c> that computes with the value it is given (<see cref="ArithmeticMethodNames"/>).</summary>
    private static bool IsArithmeticOfTheValue(IMethodSymbol method)
    {
        if (!method.IsStatic || !ArithmeticMethodNames.Contains(method.Name) || method.ContainingType is not { } type)
        {
            return false;
        }

        return type.SpecialType is SpecialType.System_Decimal or SpecialType.System_Double or SpecialType.System_Single
            || (type.Name is "Math" or "MathF" && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true });
    }

    /// <summary>
    /// From syntax, before anything is bound: a superset of the words <see cref="WordsAround"/> finds
    /// for a literal — the same places, read from the names as written. An argument gives the names of
    /// the parameters it may be passed as and of the method called (<see cref="ParameterNames"/>), and
    /// the names further up are read too: the compiler has no argument operation where it cannot
    /// resolve the call (broken code, <c>dynamic</c>), and then reads them. Null where syntax cannot
    /// tell: an argument whose callee syntax cannot name (an indexer, <c>new(…)</c>, a <c>using</c>
    /// alias, an invoked expression that is not a name), an attribute's argument, a collection
    /// initializer (an implicit <c>Add</c> call), or an expression deeper than names are looked for.
    /// </summary>
    public static CodeWords? SyntacticWordsAround(ExpressionSyntax constant, ISymbol containingSymbol, ParameterNames parameterNames)
    {
        var words = new CodeWords();
        return AddSyntacticWordsAround(constant, containingSymbol, parameterNames, words) ? words : null;
    }

    /// <summary>
    /// Adds to <paramref name="words"/> what <see cref="SyntacticWordsAround(ExpressionSyntax, ISymbol, ParameterNames)"/>
    /// finds; false where syntax cannot tell (its null), and then <paramref name="words"/> holds part of them.
    /// </summary>
    public static bool AddSyntacticWordsAround(ExpressionSyntax constant, ISymbol containingSymbol, ParameterNames parameterNames, CodeWords words)
    {
        if (AssertedValues.TryAddWords(constant, words.Own))
        {
            // Assert.Equal(0.024m, taux.CsgNonDeductible): named by what the test compares it with.
            goto done;
        }

        SyntaxNode child = constant;
        var levels = 0;
        for (var node = constant.Parent; node is not null; child = node, node = node.Parent)
        {
            // Syntax has more levels than operations (parentheses, argument lists): twice the bound.
            if (levels++ >= 2 * MaxLevels)
            {
                return false;
            }

            switch (node)
            {
                case VariableDeclaratorSyntax declarator:
                    NameWords.AddWords(declarator.Identifier.ValueText, words.Own);
                    goto done;
                case PropertyDeclarationSyntax property:
                    NameWords.AddWords(property.Identifier.ValueText, words.Own);
                    goto done;
                case EnumMemberDeclarationSyntax enumMember:
                    NameWords.AddWords(enumMember.Identifier.ValueText, words.Own);
                    goto done;
                case ParameterSyntax parameter:
                    NameWords.AddWords(parameter.Identifier.ValueText, words.Own);
                    goto done;
                case AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals } declared:
                    NameWords.AddWords(nameEquals.Name.Identifier.ValueText, words.Own);
                    if (declared.Parent is AnonymousObjectCreationExpressionSyntax anonymous)
                    {
                        // new { key = "csg.deductible", value = 0.068m }: a label or a code beside it.
                        foreach (var sibling in anonymous.Initializers)
                        {
                            if (sibling != declared && IsLabelOrCode(sibling.Expression))
                            {
                                AddWrittenKey(sibling.Expression, words.Own);
                            }
                        }
                    }

                    goto done;
                case AssignmentExpressionSyntax assignment:
                    AddWrittenName(assignment.Left, words.Own);
                    if (assignment.Left is MemberAccessExpressionSyntax { Expression: var owner, Name.Identifier.ValueText: var assigned } && NameWords.SaysNothing(assigned))
                    {
                        AddWrittenName(owner, words.Own);
                    }

                    if (assignment.Left is ElementAccessExpressionSyntax { ArgumentList.Arguments: var indexed })
                    {
                        AddWrittenKeys(indexed, words.Own);
                    }
                    else if (assignment.Left is ImplicitElementAccessSyntax { ArgumentList.Arguments: var keys })
                    {
                        AddWrittenKeys(keys, words.Own);
                    }

                    if (assignment.Parent is InitializerExpressionSyntax objectInitializer && objectInitializer.IsKind(SyntaxKind.ObjectInitializerExpression))
                    {
                        foreach (var sibling in objectInitializer.Expressions)
                        {
                            // A label beside it, or a code constant or an enum member: Libelle = "CSG déductible",
                            // Code = CodesBaremes.TauxCrds, Prestation = Prestation.Crds.
                            if (sibling != assignment
                                && sibling is AssignmentExpressionSyntax { Right: var label }
                                && IsLabelOrCode(label))
                            {
                                AddWrittenKey(label, words.Own);
                            }
                        }
                    }

                    goto done;
                case ArgumentSyntax argument:
                    if (!parameterNames.TryAddWords(argument, words))
                    {
                        return false;
                    }

                    if (argument.Parent is ArgumentListSyntax { Parent: InvocationExpressionSyntax chained })
                    {
                        AddChainedMemberNames(chained, words.Own);
                    }

                    // Keys passed beside the value: taux.Add("crds", 0.005m), new Parametre("crds", 0.005m),
                    // ("crds", 0.005m). The value's own argument is a number and writes no name.
                    AddWrittenKeys(
                        argument.Parent switch
                        {
                            TupleExpressionSyntax tuple => tuple.Arguments,
                            ArgumentListSyntax { Parent: InvocationExpressionSyntax or ObjectCreationExpressionSyntax or ConstructorInitializerSyntax } list => list.Arguments,
                            _ => default,
                        },
                        words.Own);

                    break;
                case AttributeArgumentSyntax:
                    // [InlineData(false, 12523.14)]: named by the test method's parameter it is passed as.
                    if (!TestDataRows.TryAddWords(constant, words.Own) && !MemberValueAttributes.TryAddWords(constant, words.Own))
                    {
                        return false;
                    }

                    goto done;
                case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.CollectionInitializerExpression) || initializer.IsKind(SyntaxKind.ComplexElementInitializerExpression):
                    return false;
                case BinaryExpressionSyntax binary:
                    AddWrittenName(binary.Left == child ? binary.Right : binary.Left, words.Own);
                    break;
                case SwitchExpressionArmSyntax { Pattern: ConstantPatternSyntax armKey }:
                    AddWrittenKey(armKey.Expression, words.Own);
                    break;
                case StatementSyntax statement:
                    if (statement.Parent is SwitchSectionSyntax section)
                    {
                        foreach (var label in section.Labels)
                        {
                            if (label is CaseSwitchLabelSyntax caseLabel)
                            {
                                AddWrittenKey(caseLabel.Value, words.Own);
                            }
                        }
                    }

                    goto done;
                case MemberDeclarationSyntax or ArrowExpressionClauseSyntax or AnonymousFunctionExpressionSyntax:
                    goto done;
            }
        }

        done:
        CommentWords.AddSchemeNames(constant, words.Own);
        var member = containingSymbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : containingSymbol;
        NameWords.AddWords(member.Name, words.Own);
        if (member.ContainingType is { } type)
        {
            NameWords.AddWords(type.Name, words.Own);
        }

        return true;
    }

    /// <summary>The words of keys as written (<see cref="AddKeyWords"/> reads them bound): strings' texts, names.</summary>
    private static void AddWrittenKeys(SeparatedSyntaxList<ArgumentSyntax> keys, HashSet<string> words)
    {
        foreach (var key in keys)
        {
            AddWrittenKey(key.Expression, words);
        }
    }

    /// <summary>A label or a code constant written beside a value: <c>"CSG déductible"</c>, <c>CodesBaremes.TauxCrds</c>, <c>Prestation.Crds</c>.</summary>
    private static bool IsLabelOrCode(ExpressionSyntax expression)
        => expression.IsKind(SyntaxKind.StringLiteralExpression) || expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax };

    internal static void AddWrittenKey(ExpressionSyntax key, HashSet<string> words)
    {
        if (key is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            if (literal.Token.ValueText.Length <= MaxKeyLength)
            {
                NameWords.AddWords(literal.Token.ValueText, words);
            }
        }
        else
        {
            AddWrittenName(key, words);
        }
    }

    /// <summary>
    /// The name a reference is written with (through parentheses and casts), as <see cref="AddReferenceName"/>
    /// reads it bound; with <paramref name="throughCallsAndElements"/>, a call's name (<c>calcul.TauxGlobal()</c>)
    /// and an element's keys and collection (<c>taux[Code.Crds]</c>) rather than an indexer's name.
    /// </summary>
    internal static void AddWrittenName(ExpressionSyntax expression, HashSet<string> words, bool throughCallsAndElements = false)
    {
        while (true)
        {
            switch (expression)
            {
                case InvocationExpressionSyntax invocation when throughCallsAndElements:
                    expression = invocation.Expression;
                    continue;
                case ElementAccessExpressionSyntax element when throughCallsAndElements:
                    AddWrittenKeys(element.ArgumentList.Arguments, words);
                    expression = element.Expression;
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    continue;
                case CheckedExpressionSyntax @checked:
                    expression = @checked.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = suppressed.Operand;
                    continue;
                case IdentifierNameSyntax name:
                    NameWords.AddWords(name.Identifier.ValueText, words);
                    return;
                case MemberAccessExpressionSyntax access:
                    NameWords.AddWords(access.Name.Identifier.ValueText, words);
                    return;
                case MemberBindingExpressionSyntax binding:
                    NameWords.AddWords(binding.Name.Identifier.ValueText, words);
                    return;
                case AliasQualifiedNameSyntax aliased:
                    NameWords.AddWords(aliased.Name.Identifier.ValueText, words);
                    return;
                case ElementAccessExpressionSyntax:
                    NameWords.AddWords("this[]", words); // an indexer's name
                    return;
                default:
                    return;
            }
        }
    }

    /// <summary>The words of a dictionary's key: a string's text, or the name of the constant or enum member it reads.</summary>
    private static void AddKeyWords(IOperation key, HashSet<string> words)
    {
        while (key is IConversionOperation conversion)
        {
            key = conversion.Operand;
        }

        if (key is ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } && text.Length <= MaxKeyLength)
        {
            NameWords.AddWords(text, words);
        }
        else if (key is IFieldReferenceOperation or ILocalReferenceOperation)
        {
            AddReferenceName(key, words);
        }
    }

    /// <summary>The words of a string constant (a label), through conversions; nothing for other values.</summary>
    private static void AddStringWords(IOperation value, HashSet<string> words)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value is ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } && text.Length <= MaxKeyLength)
        {
            NameWords.AddWords(text, words);
        }
    }

    /// <summary>
    /// The words of a code set beside a value in an object initializer: a static field, a constant or an
    /// enum member written qualified (<c>Code = CodesBaremes.TauxCrds</c>, <c>Prestation = Prestation.Crds</c>),
    /// as the syntactic reading takes it; nothing for an instance's member or a local.
    /// </summary>
    private static void AddCodeWords(IOperation value, HashSet<string> words)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value is IFieldReferenceOperation { Instance: null, Field.Name: var name }
            && value.Syntax is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax })
        {
            NameWords.AddWords(name, words);
        }
    }

    /// <summary>How many calls before a value's a fluent chain is read for the member it configures.</summary>
    private const int MaxChainedCalls = 4;

    /// <summary>
    /// The member a fluent chain configures or validates, named by a lambda that reads it in a call
    /// before the one the value is passed to: <c>builder.Property(p => p.TauxCsgDeductible).HasDefaultValue(0.068m)</c>,
    /// <c>RuleFor(x => x.MontantAah).LessThanOrEqualTo(1041.59m)</c>.
    /// </summary>
    private static void AddChainedMemberNames(InvocationExpressionSyntax call, HashSet<string> words)
    {
        var receiver = (call.Expression as MemberAccessExpressionSyntax)?.Expression;
        for (var calls = 0; receiver is InvocationExpressionSyntax previous && calls < MaxChainedCalls; calls++)
        {
            foreach (var argument in previous.ArgumentList.Arguments)
            {
                if (argument.Expression is SimpleLambdaExpressionSyntax { Parameter.Identifier.ValueText: var parameter, Body: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax read, Name.Identifier.ValueText: var member } }
                    && read.Identifier.ValueText == parameter)
                {
                    NameWords.AddWords(member, words);
                    return;
                }
            }

            receiver = (previous.Expression as MemberAccessExpressionSyntax)?.Expression;
        }
    }

    /// <summary>The words of the keys passed beside <paramref name="argument"/>: the other arguments' strings, constants and enum members.</summary>
    private static void AddSiblingKeyWords(ImmutableArray<IArgumentOperation> arguments, IArgumentOperation argument, HashSet<string> words)
    {
        foreach (var other in arguments)
        {
            if (!ReferenceEquals(other, argument))
            {
                AddKeyWords(other.Value, words);
            }
        }
    }

    /// <summary>Keys longer than this are texts, not names.</summary>
    internal const int MaxKeyLength = 64;

    /// <summary>The names of the constants (fields and locals) a folded expression reads, up to <see cref="MaxFoldedNames"/> of them.</summary>
    private static void AddFoldedNames(IBinaryOperation folded, HashSet<string> words)
    {
        var pending = new Stack<IOperation>();
        pending.Push(folded);
        var names = 0;
        while (pending.Count > 0 && names < MaxFoldedNames)
        {
            var operation = pending.Pop();
            switch (operation)
            {
                case IFieldReferenceOperation or ILocalReferenceOperation:
                    AddReferenceName(operation, words);
                    names++;
                    continue;
                case IBinaryOperation or IConversionOperation or IParenthesizedOperation or IUnaryOperation:
                    foreach (var child in operation.ChildOperations)
                    {
                        pending.Push(child);
                    }

                    continue;
            }
        }
    }

    /// <summary>How many names of a fold's constants are read: a fold written by hand names a few.</summary>
    private const int MaxFoldedNames = 8;

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
