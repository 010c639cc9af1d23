using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using LegalRules.Analysis;
using LegalRules.Matching;
using LegalRules.Registry;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Rules;

/// <summary>
/// From syntax, whether code could turn out, once its member is bound, to use a statutory value, so
/// that the rules bind only where they may find one. For a rounding (LR0101): its member names a
/// member that may be bound (<see cref="BoundMemberNames"/>: the calculation may use a bound value),
/// or what <see cref="StatutoryUses.Find"/> examines — the arguments, and the values assigned to the
/// locals they read, looked through three deep — holds a literal some parameter has (and that could match
/// where it is written), an expression of literals the compiler folds, or a name of a constant
/// (<see cref="ConstantSyntax.ConstantNamesOf(Compilation)"/>) that may hold a value some parameter
/// has or that may fold with another constant. For a declaration's value (LR0102): the same, in the
/// value itself. False means that binding cannot find one. Constants of referenced assemblies are not
/// looked at (as the statutory rules do not fold them). What a member names and assigns is read in
/// one walk per member (<see cref="MemberSyntax"/>).
/// </summary>
/// <remarks>
/// A constant's name counts when some constant of that name is declared with an initialiser that
/// syntax does not fold to a number (names, casts, suffixes…), or folds to a number the registry
/// holds; enum members, <c>MaxValue</c>-like library constants and names of constants that are an
/// operand of an expression with another literal or constant count always. A constant such as
/// <c>const int MoisParAn = 12</c> whose value no parameter has cannot make a rounding statutory on
/// its own: the matcher reads the constant's value.
/// </remarks>
internal sealed class StatutoryMembers
{
    // One per compilation, shared by the rules that ask (LR0101, LR0102): the constants' names are sorted once.
    private static readonly ConditionalWeakTable<Compilation, StatutoryMembers> PerCompilation = new();

    // A tree's constants sorted for a registry, kept with the tree: in the IDE, only an edited file is a new tree.
    private static readonly TreeMemo<StatutoryRegistry, SortedConstants> ConstantsSorted = new();
    private static readonly Func<SyntaxTree, StatutoryRegistry, SortedConstants> SortConstantsOf = SortConstants;

    private readonly Compilation _compilation;
    private readonly BoundMemberNames _boundNames;
    private readonly ParameterNames _parameterNames;
    private readonly MemberSyntax _memberSyntax;
    private readonly ConcurrentDictionary<StatutoryRegistry, HashSet<string>> _constantsWithValues = new();
    private readonly Func<StatutoryRegistry, HashSet<string>> _gatherConstantsWithValues;

    private StatutoryMembers(Compilation compilation, LegalRulesCompilationState state)
    {
        _compilation = compilation;
        _boundNames = BoundMemberNames.For(compilation, state);
        _parameterNames = ParameterNames.For(compilation);
        _memberSyntax = MemberSyntax.For(compilation, state);
        _gatherConstantsWithValues = ConstantsThatMayHoldValues;
    }

    /// <summary>The instance of <paramref name="compilation"/>, created by the first rule that asks.</summary>
    public static StatutoryMembers For(Compilation compilation, LegalRulesCompilationState state)
        => PerCompilation.GetValue(compilation, c => new StatutoryMembers(c, state));

    /// <summary>The names that may name a bound member in this compilation.</summary>
    public BoundMemberNames BoundNames => _boundNames;

    /// <summary>
    /// Whether <paramref name="value"/> may turn out, once bound, to hold a statutory value as
    /// <see cref="StatutoryUses.FindHeld"/> reads it: it holds a literal, a fold or a constant that may
    /// be statutory where <paramref name="containingSymbol"/> declares it, or a name that may be bound.
    /// False means binding it cannot find one.
    /// </summary>
    public bool MayHoldStatutoryValue(ExpressionSyntax value, ISymbol containingSymbol, LegalRulesCompilationState state)
        => Scan(value, containingSymbol, state);

    /// <summary>
    /// Whether binding <paramref name="rounding"/>'s member could show it rounds a statutory value:
    /// the member names a member that may be bound (the calculation may use a bound value), or what
    /// the rule looks at once bound — the arguments, and every value assigned in the member to a name
    /// they read, and to the names those read, as deep as locals are followed — holds a literal, a
    /// fold or a constant that may be statutory. Literals and constants elsewhere in the member cannot make this rounding one.
    /// </summary>
    public bool MayHoldStatutoryValue(InvocationExpressionSyntax rounding, ISymbol containingSymbol, LegalRulesCompilationState state)
    {
        if (MemberSyntax.MemberOf(rounding) is not { } member)
        {
            return true; // not in a member: bind, as before
        }

        var facts = _memberSyntax.Of(member);
        if (facts.BoundNames.Count > 0)
        {
            return true;
        }

        if (Scan(rounding.ArgumentList, containingSymbol, state))
        {
            return true;
        }

        // The values assigned, anywhere in the member, to the names the arguments read: a superset
        // of what StatutoryUses.Find examines with locals followed.
        // The set of names is kept for the thread: a rounding's arguments are read at every rounding
        // that gets this far. A nested question (none is asked today) would make its own.
        var names = spareNames ?? new HashSet<string>(StringComparer.Ordinal);
        spareNames = null;
        try
        {
            foreach (var node in SyntaxWalk.Descendants(rounding.ArgumentList))
            {
                if (node is IdentifierNameSyntax name)
                {
                    names.Add(name.Identifier.ValueText);
                }
            }

            // As deep as StatutoryUses.Find follows locals: the names the values assigned read, in turn.
            var read = names;
            for (var depth = 0; depth < StatutoryUses.LocalsFollowed && read.Count > 0; depth++)
            {
                if (facts.ValuesAssignedTo(read) is not { } values)
                {
                    return false;
                }

                HashSet<string>? next = null;
                foreach (var value in values)
                {
                    if (Scan(value, containingSymbol, state))
                    {
                        return true;
                    }

                    foreach (var node in SyntaxWalk.DescendantsAndSelf(value))
                    {
                        if (node is IdentifierNameSyntax name && !names.Contains(name.Identifier.ValueText))
                        {
                            (next ??= new HashSet<string>(StringComparer.Ordinal)).Add(name.Identifier.ValueText);
                        }
                    }
                }

                if (next is null)
                {
                    return false;
                }

                names.UnionWith(next);
                read = next;
            }

            return false;
        }
        finally
        {
            // A set grown by an argument list of thousands of names is not kept: clearing it would cost its capacity each time.
            if (names.Count <= SpareNamesKept)
            {
                names.Clear();
                spareNames = names;
            }
        }
    }

    private const int SpareNamesKept = 64;

    [ThreadStatic]
    private static HashSet<string>? spareNames;

    /// <summary>Whether <paramref name="root"/> holds a literal, fold or constant that may be statutory, or a name that may be bound.</summary>
    private bool Scan(SyntaxNode root, ISymbol containingSymbol, LegalRulesCompilationState state)
    {
        var options = state.OptionsFor(root.SyntaxTree);
        var registry = state.RegistryFor(options);
        var constantNames = ConstantSyntax.ConstantNamesOf(_compilation);
        var constantsWithValues = _constantsWithValues.GetOrAdd(registry, _gatherConstantsWithValues);
        foreach (var node in SyntaxWalk.DescendantsAndSelf(root))
        {
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression):
                    if (ConstantValues.IsBitPattern(literal.Token))
                    {
                        break;
                    }

                    var text = literal.Token.Text;
                    if (!ConstantValues.TryReadPlainLiteral(text, out var number) && !ConstantValues.TryParseLiteral(text, out number))
                    {
                        return true; // a text neither reading takes: the compiler's constant decides
                    }

                    var occurrences = registry.Find(number);
                    if (!occurrences.IsEmpty && StatutoryMatcher.MayMatch(occurrences, number, literal, containingSymbol, options, _parameterNames))
                    {
                        return true;
                    }

                    if (IsFoldedOperand(literal))
                    {
                        return true; // 41m / 100m: its value is the fold's, not the literal's
                    }

                    break;
                case IdentifierNameSyntax name:
                    var identifier = name.Identifier.ValueText;
                    if (_boundNames.MayBeBound(identifier)
                        || (constantNames.Contains(identifier) && (constantsWithValues.Contains(identifier) || IsFoldedOperand(name, constantNames))))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// The names of the compilation's constants that may hold a value <paramref name="registry"/> has
    /// (see the remarks of the class), with the names of enum members and of library constants whose
    /// values are not read here.
    /// </summary>
    private HashSet<string> ConstantsThatMayHoldValues(StatutoryRegistry registry)
    {
        var names = new HashSet<string>(ConstantSyntax.ConstantNamesOf(_compilation), StringComparer.Ordinal);
        var declaredWithoutValue = new HashSet<string>(StringComparer.Ordinal);
        var declaredWithValue = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            var sorted = ConstantsSorted.Get(tree, registry, registry, SortConstantsOf);
            declaredWithValue.UnionWith(sorted.WithValue);
            declaredWithoutValue.UnionWith(sorted.WithoutValue);
        }

        // A name is left out only when every constant declared with it holds a value no parameter has;
        // names of enum members and library constants are not declared constants and stay in.
        declaredWithoutValue.ExceptWith(declaredWithValue);
        names.ExceptWith(declaredWithoutValue);
        foreach (var name in NeverStatutoryLibraryNames)
        {
            names.Remove(name);
        }

        return names;
    }

    /// <summary>The constants one tree declares, sorted by whether they may hold a value of the registry: read once per tree and registry.</summary>
    private static SortedConstants SortConstants(SyntaxTree tree, StatutoryRegistry registry)
    {
        var withValue = new List<string>();
        var withoutValue = new List<string>();
        foreach (var constant in ConstantSyntax.DeclaredConstantsOf(tree))
        {
            (MayHoldRegistryValue(constant.Value, registry) ? withValue : withoutValue).Add(constant.Key);
        }

        return new SortedConstants(withValue.ToArray(), withoutValue.ToArray());
    }

    private sealed class SortedConstants
    {
        public SortedConstants(string[] withValue, string[] withoutValue)
        {
            WithValue = withValue;
            WithoutValue = withoutValue;
        }

        public string[] WithValue { get; }

        public string[] WithoutValue { get; }
    }

    /// <summary>Library constants whose values no parameter can have: 0 and ±1 (never indexed), irrational or not finite.</summary>
    private static readonly string[] NeverStatutoryLibraryNames = { "PI", "E", "Tau", "NaN", "PositiveInfinity", "NegativeInfinity", "NegativeZero", "One", "Zero", "MinusOne", "Epsilon" };

    private static bool MayHoldRegistryValue(ExpressionSyntax? initializer, StatutoryRegistry registry)
    {
        if (initializer is null)
        {
            return true; // broken code: the compiler decides
        }

        if (initializer is LiteralExpressionSyntax literal && !literal.IsKind(SyntaxKind.NumericLiteralExpression))
        {
            return false; // a string, character, Boolean or null constant holds no number
        }

        if (!ConstantSyntax.TryFoldLiterals(initializer, out var folded))
        {
            return true; // names, casts, suffixes other than m and d…: the compiler folds them
        }

        switch (folded.Kind)
        {
            case FoldedKind.Integer:
                return !registry.Find(folded.Integer).IsEmpty;
            case FoldedKind.Decimal:
                return !registry.Find(folded.Decimal).IsEmpty;
            default:
                var binary = folded.Double;
                if (!registry.MayContain(binary))
                {
                    return false;
                }

                return double.IsNaN(binary) || double.IsInfinity(binary) || Math.Abs(binary) >= 7.9e28 || !registry.Find((decimal)binary).IsEmpty;
        }
    }

    /// <summary>
    /// A name of a constant that the compiler may fold with another constant: an operand (through
    /// parentheses, casts, unary operators, a qualifying member access) of a binary expression whose
    /// other side starts with a literal or a name of a constant.
    /// </summary>
    private static bool IsFoldedOperand(IdentifierNameSyntax name, HashSet<string> constantNames)
    {
        SyntaxNode node = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        return FoldPartner(node) switch
        {
            LiteralExpressionSyntax => true,
            IdentifierNameSyntax otherName => constantNames.Contains(otherName.Identifier.ValueText),
            MemberAccessExpressionSyntax otherAccess => constantNames.Contains(otherAccess.Name.Identifier.ValueText),
            _ => false,
        };
    }

    /// <summary>A literal that the compiler folds with another literal: an operand of a binary expression whose other side is a literal too.</summary>
    private static bool IsFoldedOperand(LiteralExpressionSyntax literal) => FoldPartner(literal) is LiteralExpressionSyntax;

    /// <summary>
    /// What an operand may fold with: through parentheses, casts and unary operators, the operand of a
    /// binary expression, the leftmost leaf of that expression's other side; null when there is none.
    /// </summary>
    private static ExpressionSyntax? FoldPartner(SyntaxNode operand)
    {
        var node = operand;
        while (node.Parent is ParenthesizedExpressionSyntax or PrefixUnaryExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent is BinaryExpressionSyntax binary
            ? LeftmostLeaf(ReferenceEquals(binary.Left, node) ? binary.Right : binary.Left)
            : null;
    }

    private static ExpressionSyntax LeftmostLeaf(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case PrefixUnaryExpressionSyntax unary:
                    expression = unary.Operand;
                    break;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    break;
                case BinaryExpressionSyntax inner:
                    expression = inner.Left;
                    break;
                default:
                    return expression;
            }
        }
    }
}
