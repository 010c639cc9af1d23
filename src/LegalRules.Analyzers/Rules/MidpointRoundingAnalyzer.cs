using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using LegalRules.Analysis;
using LegalRules.Diagnostics;
using LegalRules.Matching;
using LegalRules.Registry;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegalRules.Rules;

/// <summary>
/// LR0101: <c>Math.Round</c>, <c>decimal.Round</c>, <c>MathF.Round</c> (and the generic-math
/// <c>double.Round</c>, <c>float.Round</c>) applied to an amount without an explicit
/// <c>MidpointRounding</c>. They round half to even by default; French texts round half away from zero.
/// </summary>
/// <remarks>
/// An amount is a rounded value that (a) uses a statutory parameter — it references a bound member,
/// or contains a constant the matcher believes statutory, looking through the locals it reads once —
/// or (b) is a <c>decimal</c> in a calculation with a legal basis (<c>[StatutoryReference]</c> on the
/// member or its type) or that uses bound values (the body references bound members, or the type
/// declares them). Rounding pixels, or decimals of code unrelated to statutory values, is not reported.
/// <para>
/// The rule looks at invocation syntax, not operations: only invocations whose invoked name is
/// <c>Round</c> (<c>X.Round(…)</c>, or <c>Round(…)</c> through <c>using static</c>) reach the semantic
/// model, and only a rounding that states no <c>MidpointRounding</c> has its operations built: the
/// compiler builds no operation tree for the bodies that round nothing, or round with a mode.
/// </para>
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MidpointRoundingAnalyzer : DiagnosticAnalyzer
{
    private const string RoundName = "Round";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.MidpointRounding);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated code is not analysed; findings in it are dropped here (GeneratedCodeFilter), not by the driver.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            var midpointRounding = compilation.GetTypeByMetadataName("System.MidpointRounding");
            if (midpointRounding is null)
            {
                return; // no Round overload takes a mode: there is nothing to ask for
            }

            var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var type in new[]
            {
                compilation.GetTypeByMetadataName("System.Math"),
                compilation.GetTypeByMetadataName("System.MathF"),
                compilation.GetSpecialType(SpecialType.System_Decimal),
                compilation.GetSpecialType(SpecialType.System_Double),
                compilation.GetSpecialType(SpecialType.System_Single),
            })
            {
                if (type is { TypeKind: not TypeKind.Error })
                {
                    builder.Add(type);
                }
            }

            if (builder.Count == 0)
            {
                return;
            }

            var roundingTypes = builder.ToImmutable();
            var modeName = new StatedModeNames(compilation);
            var state = LegalRulesCompilationState.Get(compilation, start.Options, start.CancellationToken);
            var uses = new StatutoryUses(state);
            var members = new StatutoryMembers(compilation, state);
            start.RegisterSyntaxNodeAction(c => Analyze(c, roundingTypes, midpointRounding, uses, members, modeName), SyntaxKind.InvocationExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, ImmutableArray<INamedTypeSymbol> roundingTypes, INamedTypeSymbol midpointRounding, StatutoryUses uses, StatutoryMembers members, StatedModeNames modeName)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        if (!InvokesRound(syntax.Expression) || context.ContainingSymbol is not { } containingSymbol || modeName.IsStated(syntax))
        {
            return;
        }

        // Syntax first, before anything in the member is bound: asking for the symbol of an invocation
        // binds the whole body, and a rounding is an amount only where a statutory value can reach
        // it, in a member that may use a bound value, or where declarations make every decimal an amount.
        if (!uses.HasLegalBasis(containingSymbol)
            && !uses.InTypeDeclaringBoundMembers(containingSymbol)
            && !members.MayHoldStatutoryValue(syntax, containingSymbol, uses.State))
        {
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken).Symbol is not IMethodSymbol method
            || method.Name != RoundName
            || method.Parameters.Length == 0
            || !IsOneOf(method.ContainingType, roundingTypes))
        {
            return;
        }

        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, midpointRounding))
            {
                return; // the rounding is stated, whichever it is
            }
        }

        if (StatutoryUses.OperationOf(context.SemanticModel, syntax, context.CancellationToken) is not IInvocationOperation invocation
            || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod, method))
        {
            return;
        }

        IOperation? value = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                value = argument.Value;
            }
        }

        if (value is null)
        {
            return;
        }

        var options = uses.State.OptionsFor(syntax.SyntaxTree);
        var properties = ImmutableDictionary<string, string?>.Empty;
        LocalizableString what;
        if (uses.Find(value, containingSymbol, options, followLocals: true) is { } use)
        {
            what = Resources.Localizable("LR0101_FromParameter", use.Key, use.Label);
            properties = properties.Add(PropertyNames.Key, use.Key).Add(PropertyNames.Label, use.Label);
        }
        else if (method.Parameters[0].Type.SpecialType == SpecialType.System_Decimal && IsStatutoryCalculation(invocation, containingSymbol, uses))
        {
            what = Resources.Localizable("LR0101_InCalculation", MemberName(containingSymbol));
        }
        else
        {
            return;
        }

        if (GeneratedCodeFilter.IsInGeneratedCode(syntax.SyntaxTree, syntax.SpanStart, containingSymbol))
        {
            return;
        }

        var rounding = method.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "." + RoundName;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.MidpointRounding, syntax.GetLocation(), properties, rounding, what));
    }

    /// <summary>
    /// Whether the invoked expression names <c>Round</c>: <c>Math.Round</c>, <c>decimal.Round</c>,
    /// <c>M.Round</c> through an alias, or <c>Round</c> imported by <c>using static</c>. Every rounding
    /// method's name is Round, so nothing else can be one.
    /// </summary>
    private static bool InvokesRound(ExpressionSyntax invoked) => invoked switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == RoundName,
        SimpleNameSyntax name => name.Identifier.ValueText == RoundName,
        _ => false,
    };

    /// <summary>A calculation with a legal basis, or one that uses bound values.</summary>
    private static bool IsStatutoryCalculation(IOperation operation, ISymbol containingSymbol, StatutoryUses uses)
        => uses.HasLegalBasis(containingSymbol)
            || uses.InTypeDeclaringBoundMembers(containingSymbol)
            || uses.FirstBoundReference(StatutoryUses.RootOf(operation)) is not null;

    private static bool IsOneOf(INamedTypeSymbol type, ImmutableArray<INamedTypeSymbol> types)
    {
        foreach (var candidate in types)
        {
            if (SymbolEqualityComparer.Default.Equals(type, candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static string MemberName(ISymbol symbol)
    {
        var member = symbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : symbol;
        return member.ContainingType is { } type ? type.Name + "." + member.Name : member.Name;
    }
}

/// <summary>
/// From syntax, whether a rounding states its mode: an argument reads <c>MidpointRounding.X</c>
/// (or <c>System.MidpointRounding.X</c>), where nothing in the compilation or the member gives the
/// name <c>MidpointRounding</c> another meaning. Such an argument is a <c>System.MidpointRounding</c>,
/// which converts implicitly to no other parameter type of a rounding method: the overload the
/// compiler picks takes a mode, and the rule has nothing to say, without binding the member's body.
/// </summary>
internal sealed class StatedModeNames
{
    private const string TypeName = "MidpointRounding";
    private readonly Compilation _compilation;
    private readonly Lazy<bool> _onlySystems;

    public StatedModeNames(Compilation compilation)
    {
        _compilation = compilation;
        _onlySystems = new Lazy<bool>(OnlySystems);
    }

    public bool IsStated(InvocationExpressionSyntax invocation)
    {
        var named = false;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is MemberAccessExpressionSyntax { Expression: var type } && NamesMidpointRounding(type))
            {
                named = true;
                break;
            }
        }

        return named && _onlySystems.Value && !DeclaredInMember(invocation);
    }

    /// <summary><c>MidpointRounding</c>, <c>System.MidpointRounding</c> or <c>global::System.MidpointRounding</c>.</summary>
    private static bool NamesMidpointRounding(ExpressionSyntax type) => type switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText == TypeName,
        MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name, Expression: var left } => name.Identifier.ValueText == TypeName && NamesSystem(left),
        _ => false,
    };

    private static bool NamesSystem(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText == "System",
        AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global", Name: IdentifierNameSyntax name } => name.Identifier.ValueText == "System",
        _ => false,
    };

    /// <summary>No type, member or namespace of the compilation's source, and no using alias, is named <c>MidpointRounding</c> (or <c>System</c>, for an alias).</summary>
    private bool OnlySystems()
    {
        var only = !_compilation.ContainsSymbolsWithName(TypeName, SymbolFilter.All);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (!only)
            {
                break;
            }

            foreach (var node in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
            {
                if (node is UsingDirectiveSyntax { Alias.Name.Identifier.ValueText: TypeName or "System" })
                {
                    only = false;
                    break;
                }
            }
        }

        return only;
    }

    /// <summary>A local, parameter, range variable or type parameter of the member named <c>MidpointRounding</c>.</summary>
    private static bool DeclaredInMember(SyntaxNode node)
    {
        var member = StatutoryMembers.MemberOf(node) ?? node.SyntaxTree.GetRoot();
        foreach (var token in member.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == TypeName && token.Parent is not IdentifierNameSyntax)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// From syntax, whether a rounding could turn out, once its member is bound, to round a statutory
/// value: its member names a member that may be bound (<see cref="BoundMemberNames"/>: the calculation
/// may use a bound value), or what <see cref="StatutoryUses.Find"/> examines — the arguments, and the
/// values assigned to the locals they read, looked through once — holds a literal some parameter has
/// (and that could match where it is written), an expression of literals the compiler folds, or a
/// name of a constant (<see cref="ConstantSyntax.ConstantNamesOf(Compilation)"/>) that may hold a
/// value some parameter has or that may fold with another constant. False means that binding the
/// body cannot find one. Constants of referenced assemblies are not looked at (as the statutory
/// rules do not fold them). Whether a member names a bound member is answered once per member.
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
    private readonly Compilation _compilation;
    private readonly BoundMemberNames _boundNames;
    private readonly ParameterNames _parameterNames;
    private readonly ConditionalWeakTable<SyntaxNode, StrongBox<bool>> _namesBoundMember = new();
    private readonly ConcurrentDictionary<StatutoryRegistry, HashSet<string>> _constantsWithValues = new();
    private readonly Func<StatutoryRegistry, HashSet<string>> _gatherConstantsWithValues;

    public StatutoryMembers(Compilation compilation, LegalRulesCompilationState state)
    {
        _compilation = compilation;
        _boundNames = BoundMemberNames.For(compilation, state);
        _parameterNames = ParameterNames.For(compilation);
        _gatherConstantsWithValues = ConstantsThatMayHoldValues;
    }

    /// <summary>
    /// Whether binding <paramref name="rounding"/>'s member could show it rounds a statutory value:
    /// the member names a member that may be bound (the calculation may use a bound value), or what
    /// the rule looks at once bound — the arguments, and every value assigned in the member to a name
    /// they read (a local is looked through once) — holds a literal, a fold or a constant that may be
    /// statutory. Literals and constants elsewhere in the member cannot make this rounding one.
    /// </summary>
    public bool MayHoldStatutoryValue(InvocationExpressionSyntax rounding, ISymbol containingSymbol, LegalRulesCompilationState state)
    {
        if (MemberOf(rounding) is not { } member)
        {
            return true; // not in a member: bind, as before
        }

        if (_namesBoundMember.GetValue(member, m => new StrongBox<bool>(NamesBoundMember(m))).Value)
        {
            return true;
        }

        foreach (var value in ValuesRead(rounding, member))
        {
            if (Scan(value, containingSymbol, state))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The member whose body holds <paramref name="node"/>; for top-level statements, which share their locals, the file.</summary>
    internal static SyntaxNode? MemberOf(SyntaxNode node)
    {
        for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ancestor is GlobalStatementSyntax)
            {
                return ancestor.Parent;
            }

            if (ancestor is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax)
            {
                return ancestor;
            }
        }

        return null;
    }

    private bool NamesBoundMember(SyntaxNode member)
    {
        foreach (var node in member.DescendantNodes())
        {
            if (node is IdentifierNameSyntax name && _boundNames.MayBeBound(name.Identifier.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The rounding's arguments, and the initialisers and assigned values, anywhere in the member, of
    /// the names the arguments read: a superset of what <see cref="StatutoryUses.Find"/> examines with
    /// locals followed once.
    /// </summary>
    private static List<SyntaxNode> ValuesRead(InvocationExpressionSyntax rounding, SyntaxNode member)
    {
        var values = new List<SyntaxNode> { rounding.ArgumentList };
        HashSet<string>? names = null;
        foreach (var node in rounding.ArgumentList.DescendantNodes())
        {
            if (node is IdentifierNameSyntax name)
            {
                (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(name.Identifier.ValueText);
            }
        }

        if (names is null)
        {
            return values;
        }

        foreach (var node in member.DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax { Initializer.Value: { } initial } declarator when names.Contains(declarator.Identifier.ValueText):
                    values.Add(initial);
                    break;
                case AssignmentExpressionSyntax assignment when Unparenthesized(assignment.Left) is IdentifierNameSyntax target && names.Contains(target.Identifier.ValueText):
                    values.Add(assignment.Right);
                    break;
            }
        }

        return values;
    }

    private static ExpressionSyntax Unparenthesized(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    /// <summary>Whether <paramref name="root"/> holds a literal, fold or constant that may be statutory, or a name that may be bound.</summary>
    private bool Scan(SyntaxNode root, ISymbol containingSymbol, LegalRulesCompilationState state)
    {
        var options = state.OptionsFor(root.SyntaxTree);
        var registry = state.RegistryFor(options);
        var constantNames = ConstantSyntax.ConstantNamesOf(_compilation);
        var constantsWithValues = _constantsWithValues.GetOrAdd(registry, _gatherConstantsWithValues);
        foreach (var node in root.DescendantNodesAndSelf())
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
            foreach (var constant in ConstantSyntax.DeclaredConstantsOf(tree))
            {
                (MayHoldRegistryValue(constant.Value, registry) ? declaredWithValue : declaredWithoutValue).Add(constant.Key);
            }
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
