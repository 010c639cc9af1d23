using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Matching;

/// <summary>
/// What syntax alone tells about compile-time constants, so that the compiler is asked to bind only
/// where a constant may be: an expression the compiler can fold is made of literals and names of
/// constants, through parentheses, casts, unary operators, <c>checked</c> and conditionals. The
/// answers are a superset of the compiler's: "may be constant" is then settled by binding.
/// </summary>
internal static class ConstantSyntax
{
    /// <summary>Binary expressions whose operands, when constant, the compiler folds.</summary>
    public static readonly ImmutableArray<SyntaxKind> FoldableBinaryKinds = ImmutableArray.Create(
        SyntaxKind.AddExpression,
        SyntaxKind.SubtractExpression,
        SyntaxKind.MultiplyExpression,
        SyntaxKind.DivideExpression,
        SyntaxKind.ModuloExpression,
        SyntaxKind.LeftShiftExpression,
        SyntaxKind.RightShiftExpression,
        SyntaxKind.UnsignedRightShiftExpression,
        SyntaxKind.BitwiseAndExpression,
        SyntaxKind.BitwiseOrExpression,
        SyntaxKind.ExclusiveOrExpression,
        SyntaxKind.LogicalAndExpression,
        SyntaxKind.LogicalOrExpression,
        SyntaxKind.EqualsExpression,
        SyntaxKind.NotEqualsExpression,
        SyntaxKind.LessThanExpression,
        SyntaxKind.LessThanOrEqualExpression,
        SyntaxKind.GreaterThanExpression,
        SyntaxKind.GreaterThanOrEqualExpression);

    /// <summary>
    /// Constants of the base library that arithmetic uses (<c>Math.PI</c>, <c>int.MaxValue</c>,
    /// <c>decimal.One</c>): constants of referenced assemblies are not declared in the compilation's
    /// syntax, so the common ones are named here.
    /// </summary>
    private static readonly ImmutableHashSet<string> LibraryConstantNames = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "PI", "E", "Tau", "MaxValue", "MinValue", "Epsilon", "NaN", "PositiveInfinity", "NegativeInfinity", "NegativeZero", "One", "Zero", "MinusOne");

    private static readonly ConditionalWeakTable<SyntaxTree, ImmutableHashSet<string>> NamesByTree = new();

    private static readonly ConditionalWeakTable<SyntaxTree, ImmutableHashSet<string>>.CreateValueCallback ReadNames = CollectConstantNames;

    /// <summary>True for a binary expression that is the outermost of an expression that folding could span.</summary>
    public static bool IsOutermost(BinaryExpressionSyntax binary)
    {
        for (var parent = binary.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case BinaryExpressionSyntax outer when IsFoldable(outer):
                    return false;
                case ParenthesizedExpressionSyntax or CastExpressionSyntax or CheckedExpressionSyntax or ConditionalExpressionSyntax:
                    continue;
                case PrefixUnaryExpressionSyntax unary when IsFoldable(unary):
                    continue;
                default:
                    return true;
            }
        }

        return true;
    }

    /// <summary>
    /// The binary expressions under <paramref name="outermost"/> (itself included) that may be
    /// constant and are not inside a larger one that may be: each whole sub-expression of literals
    /// and names of constants, largest first; <paramref name="found"/> is created at the first.
    /// Iterative: sums of thousands of terms are met.
    /// </summary>
    public static void CollectMaybeConstant(BinaryExpressionSyntax outermost, Func<string, bool> isConstantName, ref List<BinaryExpressionSyntax>? found)
    {
        // The common case, two plain operands: no allocation.
        if (!IsComposite(outermost.Left) && !IsComposite(outermost.Right))
        {
            if (IsConstantLeaf(outermost.Left, isConstantName) && IsConstantLeaf(outermost.Right, isConstantName))
            {
                (found ??= new List<BinaryExpressionSyntax>()).Add(outermost);
            }

            return;
        }

        // Pre-order list of the composite nodes; read backwards, every node comes after its operands.
        var order = new List<ExpressionSyntax>();
        var pending = new Stack<ExpressionSyntax>();
        pending.Push(outermost);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            order.Add(node);
            foreach (var operand in Operands(node))
            {
                if (IsComposite(operand))
                {
                    pending.Push(operand);
                }
            }
        }

        var mayBeConstant = new Dictionary<ExpressionSyntax, bool>();
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            var all = true;
            foreach (var operand in Operands(node))
            {
                if (!(IsComposite(operand) ? mayBeConstant[operand] : IsConstantLeaf(operand, isConstantName)))
                {
                    all = false;
                    break;
                }
            }

            mayBeConstant[node] = all;
        }

        // Largest first: a binary expression that may be constant whose nearest enclosing binary
        // expression (in this tree) may not be.
        foreach (var node in order)
        {
            if (node is not BinaryExpressionSyntax binary || !mayBeConstant[binary])
            {
                continue;
            }

            var enclosing = (SyntaxNode?)binary.Parent;
            while (enclosing is ExpressionSyntax expression && expression != outermost && mayBeConstant.ContainsKey(expression) && expression is not BinaryExpressionSyntax)
            {
                enclosing = enclosing.Parent;
            }

            if (binary == outermost || enclosing is not BinaryExpressionSyntax parentBinary || !mayBeConstant.TryGetValue(parentBinary, out var parentMay) || !parentMay)
            {
                (found ??= new List<BinaryExpressionSyntax>()).Add(binary);
            }
        }
    }

    /// <summary>The simple names of the constants (fields, locals, enum members) a tree declares. Read once per tree.</summary>
    public static ImmutableHashSet<string> ConstantNamesOf(SyntaxTree tree) => NamesByTree.GetValue(tree, ReadNames);

    /// <summary>The constant names of every tree of a compilation, and of the common library constants.</summary>
    public static HashSet<string> ConstantNamesOf(Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(LibraryConstantNames, StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            names.UnionWith(ConstantNamesOf(tree));
        }

        return names;
    }

    private static bool IsFoldable(BinaryExpressionSyntax binary) => FoldableBinaryKinds.Contains(binary.Kind());

    private static bool IsFoldable(PrefixUnaryExpressionSyntax unary)
        => unary.Kind() is SyntaxKind.UnaryMinusExpression or SyntaxKind.UnaryPlusExpression or SyntaxKind.BitwiseNotExpression or SyntaxKind.LogicalNotExpression;

    private static bool IsComposite(ExpressionSyntax expression) => expression switch
    {
        BinaryExpressionSyntax binary => IsFoldable(binary),
        PrefixUnaryExpressionSyntax unary => IsFoldable(unary),
        ParenthesizedExpressionSyntax or CastExpressionSyntax or CheckedExpressionSyntax or ConditionalExpressionSyntax => true,
        _ => false,
    };

    private static IEnumerable<ExpressionSyntax> Operands(ExpressionSyntax composite)
    {
        switch (composite)
        {
            case BinaryExpressionSyntax binary:
                yield return binary.Left;
                yield return binary.Right;
                break;
            case PrefixUnaryExpressionSyntax unary:
                yield return unary.Operand;
                break;
            case ParenthesizedExpressionSyntax parenthesized:
                yield return parenthesized.Expression;
                break;
            case CastExpressionSyntax cast:
                yield return cast.Expression;
                break;
            case CheckedExpressionSyntax @checked:
                yield return @checked.Expression;
                break;
            case ConditionalExpressionSyntax conditional:
                yield return conditional.Condition;
                yield return conditional.WhenTrue;
                yield return conditional.WhenFalse;
                break;
        }
    }

    private static bool IsConstantLeaf(ExpressionSyntax leaf, Func<string, bool> isConstantName) => leaf switch
    {
        LiteralExpressionSyntax literal => literal.Kind() is not (SyntaxKind.StringLiteralExpression or SyntaxKind.Utf8StringLiteralExpression or SyntaxKind.NullLiteralExpression),
        DefaultExpressionSyntax or SizeOfExpressionSyntax => true,
        IdentifierNameSyntax name => isConstantName(name.Identifier.ValueText),
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax member } => isConstantName(member.Identifier.ValueText),
        AliasQualifiedNameSyntax { Name: IdentifierNameSyntax aliased } => isConstantName(aliased.Identifier.ValueText),
        _ => false,
    };

    private static ImmutableHashSet<string> CollectConstantNames(SyntaxTree tree)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var root = tree.GetRoot();
        foreach (var node in root.DescendantNodes(static n => n is not (UsingDirectiveSyntax or AttributeListSyntax or TypeSyntax or LiteralExpressionSyntax)))
        {
            switch (node)
            {
                case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    AddDeclared(field.Declaration, names);
                    break;
                case LocalDeclarationStatementSyntax local when local.IsConst:
                    AddDeclared(local.Declaration, names);
                    break;
                case EnumMemberDeclarationSyntax member:
                    names.Add(member.Identifier.ValueText);
                    break;
            }
        }

        return names.ToImmutable();
    }

    private static void AddDeclared(VariableDeclarationSyntax declaration, ImmutableHashSet<string>.Builder names)
    {
        foreach (var variable in declaration.Variables)
        {
            names.Add(variable.Identifier.ValueText);
        }
    }
}
