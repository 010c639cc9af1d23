using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using LegalRules.Analysis;
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

    private static readonly TreeTable<TreeConstants> ConstantsByTree = new();
    private static readonly ConditionalWeakTable<Compilation, Lazy<HashSet<string>>> NamesByCompilation = new();

    private static readonly Func<SyntaxTree, TreeConstants> ReadConstants = CollectConstants;

    [ThreadStatic]
    private static FoldScratch? spareScratch;

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

        // Most composite expressions hold no constant binary expression at all (a name of a variable
        // in each): a walk that allocates nothing tells, as deep as it goes.
        var anyBinary = false;
        if (QuickMayBeConstant(outermost, isConstantName, depth: 0, ref anyBinary) != QuickTooDeep && !anyBinary)
        {
            return;
        }

        // The lists of the walk below are kept for the thread (a sum that needs them is met in
        // member after member) and given back at the end; a nested call makes its own.
        var scratch = spareScratch ?? new FoldScratch();
        spareScratch = null;
        try
        {
            CollectMaybeConstant(outermost, isConstantName, scratch, ref found);
        }
        finally
        {
            if (scratch.Order.Count <= FoldScratch.KeptSize)
            {
                scratch.Clear();
                spareScratch = scratch;
            }
        }
    }

    private static void CollectMaybeConstant(BinaryExpressionSyntax outermost, Func<string, bool> isConstantName, FoldScratch scratch, ref List<BinaryExpressionSyntax>? found)
    {
        // Pre-order list of the composite nodes; read backwards, every node comes after its operands.
        var order = scratch.Order;
        var pending = scratch.Pending;
        pending.Push(outermost);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            order.Add(node);
            for (var i = 0; i < OperandCount(node); i++)
            {
                if (Operand(node, i) is var operand && IsComposite(operand))
                {
                    pending.Push(operand);
                }
            }
        }

        var mayBeConstant = scratch.MayBeConstant;
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            var all = true;
            for (var o = 0; o < OperandCount(node); o++)
            {
                var operand = Operand(node, o);
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

    /// <summary>
    /// The lists <see cref="CollectMaybeConstant(BinaryExpressionSyntax, Func{string, bool}, ref List{BinaryExpressionSyntax}?)"/>
    /// walks an expression with. Kept for the thread only after expressions of at most
    /// <see cref="KeptSize"/> composite nodes: clearing a dictionary costs its capacity, and one
    /// sum of thousands of terms would make every later clearing cost as much.
    /// </summary>
    private sealed class FoldScratch
    {
        public const int KeptSize = 256;

        public List<ExpressionSyntax> Order { get; } = new();

        public Stack<ExpressionSyntax> Pending { get; } = new();

        public Dictionary<ExpressionSyntax, bool> MayBeConstant { get; } = new();

        public void Clear()
        {
            Order.Clear();
            Pending.Clear();
            MayBeConstant.Clear();
        }
    }

    /// <summary>
    /// The value the compiler folds an arithmetic expression of plain numeric literals to (<c>6 * 12</c>,
    /// <c>41m / 100m</c>, <c>16.0 / 9.0</c>), computed as the compiler does: integers as integers,
    /// decimals as decimals, doubles as doubles. False — "ask the compiler" — for anything else: names,
    /// casts, suffixes other than m/d, exponents, overflow, other operators.
    /// </summary>
    public static bool TryFoldLiterals(ExpressionSyntax expression, out FoldedNumber value)
    {
        value = default;
        var depth = 0;
        return TryFold(expression, ref depth, out value);
    }

    private static bool TryFold(ExpressionSyntax expression, ref int depth, out FoldedNumber value)
    {
        value = default;
        if (++depth > 64)
        {
            return false; // deep expressions are rare; the compiler answers for them
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return TryFold(parenthesized.Expression, ref depth, out value);
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.UnaryPlusExpression):
                if (!TryFold(unary.Operand, ref depth, out var operand))
                {
                    return false;
                }

                value = unary.IsKind(SyntaxKind.UnaryPlusExpression) ? operand : operand.Negate();
                return value.Kind != FoldedKind.None;
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression):
                return TryReadLiteral(literal.Token.Text, out value);
            case BinaryExpressionSyntax binary:
                if (!TryFold(binary.Left, ref depth, out var left) || !TryFold(binary.Right, ref depth, out var right))
                {
                    return false;
                }

                value = FoldedNumber.Combine(binary.Kind(), left, right);
                return value.Kind != FoldedKind.None;
            default:
                return false;
        }
    }

    private static bool TryReadLiteral(string text, out FoldedNumber value)
    {
        value = default;
        if (text.Length > 1 && text[0] == '0' && (text[1] is 'x' or 'X' or 'b' or 'B'))
        {
            return false;
        }

        var last = text[text.Length - 1];
        var isDecimal = last is 'm' or 'M';
        var isDouble = last is 'd' or 'D' || (!isDecimal && char.IsDigit(last) && text.IndexOf('.') >= 0);
        if (!isDecimal && !isDouble && !char.IsDigit(last))
        {
            return false; // f, l, u, ul…: the compiler answers
        }

        if (!ConstantValues.TryReadPlainLiteral(text, out var number))
        {
            return false;
        }

        if (isDecimal)
        {
            value = FoldedNumber.OfDecimal(number);
        }
        else if (isDouble)
        {
            value = FoldedNumber.OfDouble(double.Parse(text.TrimEnd('d', 'D').Replace("_", string.Empty), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (number <= int.MaxValue)
        {
            value = FoldedNumber.OfInteger((long)number);
        }
        else
        {
            return false; // a literal beyond int is uint, long or ulong: the compiler answers
        }

        return true;
    }

    /// <summary>The simple names of the constants (fields, locals, enum members) a tree declares, each once. Read once per tree.</summary>
    public static IReadOnlyList<string> ConstantNamesOf(SyntaxTree tree) => ConstantsByTree.GetValue(tree, ReadConstants).Names;

    /// <summary>
    /// The constants a tree declares as fields and locals, with the expression that initialises them
    /// (null in broken code); enum members are not listed (their values are often implicit). Read
    /// once per tree, in the same reading as <see cref="ConstantNamesOf(SyntaxTree)"/>.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, ExpressionSyntax?>> DeclaredConstantsOf(SyntaxTree tree) => ConstantsByTree.GetValue(tree, ReadConstants).Declared;

    /// <summary>
    /// The constant names of every tree of a compilation, and of the common library constants:
    /// gathered once per compilation, on the first question of any rule (not cancelled: a cancelled
    /// gathering would stay cached).
    /// </summary>
    public static HashSet<string> ConstantNamesOf(Compilation compilation) => NamesByCompilation.GetValue(compilation, NewGathering).Value;

    // Rules ask from several threads at once: the table may create two gatherings, the Lazy runs only the one it keeps.
    private static Lazy<HashSet<string>> NewGathering(Compilation compilation)
        => new(() => GatherNames(compilation), LazyThreadSafetyMode.ExecutionAndPublication);

    private static HashSet<string> GatherNames(Compilation compilation)
    {
        var names = new HashSet<string>(LibraryConstantNames, StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
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

    private const int QuickTooDeep = -1;
    private const int QuickMaximumDepth = 48;

    /// <summary>
    /// Whether <paramref name="node"/> may be constant (1) or not (0), as <see cref="CollectMaybeConstant"/>
    /// decides it, by recursion; <paramref name="anyBinary"/> set when a binary expression under it
    /// (itself included) may be. <see cref="QuickTooDeep"/> for an expression nested deeper than
    /// <see cref="QuickMaximumDepth"/>: long sums are left to the iterative walk.
    /// </summary>
    private static int QuickMayBeConstant(ExpressionSyntax node, Func<string, bool> isConstantName, int depth, ref bool anyBinary)
    {
        if (!IsComposite(node))
        {
            return IsConstantLeaf(node, isConstantName) ? 1 : 0;
        }

        if (depth > QuickMaximumDepth)
        {
            return QuickTooDeep;
        }

        var all = 1;
        for (var i = 0; i < OperandCount(node); i++)
        {
            var operand = QuickMayBeConstant(Operand(node, i), isConstantName, depth + 1, ref anyBinary);
            if (operand == QuickTooDeep)
            {
                return QuickTooDeep;
            }

            all &= operand;
        }

        anyBinary |= all == 1 && node is BinaryExpressionSyntax;
        return all;
    }

    /// <summary>How many operands a composite expression (<see cref="IsComposite"/>) has; 0 for any other.</summary>
    private static int OperandCount(ExpressionSyntax composite) => composite switch
    {
        BinaryExpressionSyntax => 2,
        ConditionalExpressionSyntax => 3,
        PrefixUnaryExpressionSyntax or ParenthesizedExpressionSyntax or CastExpressionSyntax or CheckedExpressionSyntax => 1,
        _ => 0,
    };

    /// <summary>A composite expression's operand <paramref name="index"/>, below <see cref="OperandCount"/>; read without an iterator, on the path of every arithmetic expression.</summary>
    private static ExpressionSyntax Operand(ExpressionSyntax composite, int index) => composite switch
    {
        BinaryExpressionSyntax binary => index == 0 ? binary.Left : binary.Right,
        ConditionalExpressionSyntax conditional => index == 0 ? conditional.Condition : index == 1 ? conditional.WhenTrue : conditional.WhenFalse,
        PrefixUnaryExpressionSyntax unary => unary.Operand,
        ParenthesizedExpressionSyntax parenthesized => parenthesized.Expression,
        CastExpressionSyntax cast => cast.Expression,
        CheckedExpressionSyntax @checked => @checked.Expression,
        _ => throw new ArgumentOutOfRangeException(nameof(composite)),
    };

    private static bool IsConstantLeaf(ExpressionSyntax leaf, Func<string, bool> isConstantName) => leaf switch
    {
        LiteralExpressionSyntax literal => literal.Kind() is not (SyntaxKind.StringLiteralExpression or SyntaxKind.Utf8StringLiteralExpression or SyntaxKind.NullLiteralExpression),
        DefaultExpressionSyntax or SizeOfExpressionSyntax => true,
        IdentifierNameSyntax name => isConstantName(name.Identifier.ValueText),
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax member } => isConstantName(member.Identifier.ValueText),
        AliasQualifiedNameSyntax { Name: IdentifierNameSyntax aliased } => isConstantName(aliased.Identifier.ValueText),
        _ => false,
    };

    /// <summary>
    /// Reads a tree's constants from its <c>const</c> and <c>enum</c> keywords: the text is searched for
    /// the words, and only the tokens found there are looked at, with the declarations they start.
    /// Every constant is declared after one of these keywords, so nothing is missed; the rest of the
    /// tree (method bodies above all) is not walked, nor are its nodes created for the walk.
    /// </summary>
    private static TreeConstants CollectConstants(SyntaxTree tree)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var declared = new List<KeyValuePair<string, ExpressionSyntax?>>();
        var text = tree.GetText().ToString();
        var root = tree.GetRoot();
        foreach (var token in KeywordTokens(root, text, "const", SyntaxKind.ConstKeyword))
        {
            var declaration = token.Parent switch
            {
                FieldDeclarationSyntax field => field.Declaration,
                LocalDeclarationStatementSyntax local => local.Declaration,
                _ => null,
            };
            foreach (var variable in declaration?.Variables ?? default)
            {
                names.Add(variable.Identifier.ValueText);
                declared.Add(new KeyValuePair<string, ExpressionSyntax?>(variable.Identifier.ValueText, variable.Initializer?.Value));
            }
        }

        foreach (var token in KeywordTokens(root, text, "enum", SyntaxKind.EnumKeyword))
        {
            if (token.Parent is EnumDeclarationSyntax enumeration)
            {
                foreach (var member in enumeration.Members)
                {
                    names.Add(member.Identifier.ValueText);
                }
            }
        }

        // An array, not a set: the names are only enumerated, into the compilation's set, and a set's enumeration costs more.
        var distinct = new string[names.Count];
        names.CopyTo(distinct);
        return new TreeConstants(distinct, declared.ToArray());
    }

    /// <summary>The tokens of <paramref name="kind"/> that <paramref name="word"/>'s occurrences in the text start, in order.</summary>
    private static IEnumerable<SyntaxToken> KeywordTokens(SyntaxNode root, string text, string word, SyntaxKind kind)
    {
        for (var index = text.IndexOf(word, StringComparison.Ordinal); index >= 0; index = text.IndexOf(word, index + word.Length, StringComparison.Ordinal))
        {
            // A comment, a string or a longer name holds the word too: only the keyword's own token
            // counts. A keyword is a whole word of the text: a longer name (constante, enumerer) is
            // told from the text, before the tree is searched for its token.
            if (!TreeText.IsWholeWordAt(text, index, word.Length))
            {
                continue;
            }

            var token = root.FindToken(index);
            if (token.SpanStart == index && token.IsKind(kind))
            {
                yield return token;
            }
        }
    }

    /// <summary>What a tree declares as constants: every name (enum members too), and the fields and locals with their initialisers.</summary>
    private sealed class TreeConstants
    {
        public TreeConstants(string[] names, KeyValuePair<string, ExpressionSyntax?>[] declared)
        {
            Names = names;
            Declared = declared;
        }

        public string[] Names { get; }

        public KeyValuePair<string, ExpressionSyntax?>[] Declared { get; }
    }
}

/// <summary>The type of a folded number: the compiler's int, decimal or double.</summary>
internal enum FoldedKind
{
    None,
    Integer,
    Decimal,
    Double,
}

/// <summary>A number folded from literals as the compiler folds it (see <see cref="ConstantSyntax.TryFoldLiterals"/>).</summary>
internal readonly struct FoldedNumber
{
    private FoldedNumber(FoldedKind kind, long integer, decimal @decimal, double @double)
    {
        Kind = kind;
        Integer = integer;
        Decimal = @decimal;
        Double = @double;
    }

    public FoldedKind Kind { get; }

    public long Integer { get; }

    public decimal Decimal { get; }

    public double Double { get; }

    public static FoldedNumber OfInteger(long value) => value is >= int.MinValue and <= int.MaxValue ? new(FoldedKind.Integer, value, 0m, 0d) : default;

    public static FoldedNumber OfDecimal(decimal value) => new(FoldedKind.Decimal, 0, value, 0d);

    public static FoldedNumber OfDouble(double value) => new(FoldedKind.Double, 0, 0m, value);

    public FoldedNumber Negate() => Kind switch
    {
        FoldedKind.Integer => OfInteger(-Integer),
        FoldedKind.Decimal => OfDecimal(-Decimal),
        FoldedKind.Double => OfDouble(-Double),
        _ => default,
    };

    /// <summary>+ − × ÷ % of two folded numbers, or None (another operator, a decimal with a double, overflow, division by zero).</summary>
    public static FoldedNumber Combine(SyntaxKind operation, FoldedNumber left, FoldedNumber right)
    {
        if (left.Kind == FoldedKind.None || right.Kind == FoldedKind.None
            || (left.Kind == FoldedKind.Decimal && right.Kind == FoldedKind.Double) || (left.Kind == FoldedKind.Double && right.Kind == FoldedKind.Decimal))
        {
            return default;
        }

        try
        {
            if (left.Kind == FoldedKind.Double || right.Kind == FoldedKind.Double)
            {
                double a = left.AsDouble(), b = right.AsDouble();
                return operation switch
                {
                    SyntaxKind.AddExpression => OfDouble(a + b),
                    SyntaxKind.SubtractExpression => OfDouble(a - b),
                    SyntaxKind.MultiplyExpression => OfDouble(a * b),
                    SyntaxKind.DivideExpression => OfDouble(a / b),
                    _ => default,
                };
            }

            if (left.Kind == FoldedKind.Decimal || right.Kind == FoldedKind.Decimal)
            {
                decimal a = left.AsDecimal(), b = right.AsDecimal();
                return operation switch
                {
                    SyntaxKind.AddExpression => OfDecimal(a + b),
                    SyntaxKind.SubtractExpression => OfDecimal(a - b),
                    SyntaxKind.MultiplyExpression => OfDecimal(a * b),
                    SyntaxKind.DivideExpression when b != 0m => OfDecimal(a / b),
                    _ => default,
                };
            }

            long x = left.Integer, y = right.Integer;
            return operation switch
            {
                SyntaxKind.AddExpression => OfInteger(x + y),
                SyntaxKind.SubtractExpression => OfInteger(x - y),
                SyntaxKind.MultiplyExpression => OfInteger(x * y),
                SyntaxKind.DivideExpression when y != 0 => OfInteger(x / y),
                SyntaxKind.ModuloExpression when y != 0 => OfInteger(x % y),
                _ => default,
            };
        }
        catch (OverflowException)
        {
            return default;
        }
    }

    private double AsDouble() => Kind == FoldedKind.Integer ? Integer : Double;

    private decimal AsDecimal() => Kind == FoldedKind.Integer ? Integer : Decimal;
}
