using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using LegalRules.Analysis;
using LegalRules.Diagnostics;
using LegalRules.Matching;
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
/// or contains a constant the matcher believes statutory, looking through the locals it reads (three deep) —
/// or (b) is a <c>decimal</c> in a calculation with a legal basis (<c>[StatutoryReference]</c> on the
/// member or its type) or that uses bound values (the body references bound members, or the type
/// declares them), or (c) is a <c>decimal</c> rounded to euros or cents, or any number rounded to
/// cents, where names say the code computes a French benefit or contribution, or speak of an amount in
/// such code (<see cref="StatutorySubject"/>), or (d) any rounded number in a calculation with a legal
/// basis. Rounding pixels, or decimals of code unrelated to statutory values, is not reported.
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
            // Nothing here asks about the compilation's references: the first to ask pays for binding
            // them, which the compiler does anyway before the first declaration reaches a syntax
            // action. The rounding types are looked up by the first rounding that gets that far.
            var compilation = start.Compilation;
            var roundingTypes = new Lazy<RoundingTypes?>(() => RoundingTypes.Of(compilation));
            var state = LegalRulesCompilationState.Get(compilation, start.Options, start.CancellationToken);
            var modeName = new StatedModeNames(compilation);
            var uses = new StatutoryUses(state);
            var members = StatutoryMembers.For(compilation, state);
            var subject = new StatutorySubject(compilation);
            start.RegisterSyntaxNodeAction(c => Analyze(c, roundingTypes, uses, members, modeName, subject), SyntaxKind.InvocationExpression);
        });
    }

    /// <summary><c>System.MidpointRounding</c> and the types whose <c>Round</c> methods round half to even unless told otherwise.</summary>
    private sealed class RoundingTypes
    {
        private RoundingTypes(INamedTypeSymbol midpointRounding, ImmutableArray<INamedTypeSymbol> types)
        {
            MidpointRounding = midpointRounding;
            Types = types;
        }

        public INamedTypeSymbol MidpointRounding { get; }

        public ImmutableArray<INamedTypeSymbol> Types { get; }

        /// <summary>Whether <paramref name="method"/> is a <c>Round</c> of these types with no <c>MidpointRounding</c> parameter: a rounding whose mode is not stated.</summary>
        public bool RoundsWithoutMode(IMethodSymbol method)
        {
            if (method is not { Name: RoundName, Parameters.Length: > 0 } || !IsOneOf(method.ContainingType, Types))
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, MidpointRounding))
                {
                    return false; // the rounding is stated, whichever it is
                }
            }

            return true;
        }

        /// <summary>
        /// The rounding without mode that a call the compiler cannot resolve makes, or null. In code
        /// that does not build — a vendor's drop without its dependencies — an argument of a type the
        /// drop does not define leaves the compiler with the <c>Round</c> overloads it considered
        /// (<paramref name="candidates"/>). Those that take as many arguments as the call passes, and
        /// whose other parameters take the other arguments' known types, are what it may be: a rounding
        /// without mode when every one of them is one. The one that rounds a <c>decimal</c> is taken
        /// when the rounded value's type is not known either.
        /// </summary>
        public IMethodSymbol? WithoutModeAmong(ImmutableArray<ISymbol> candidates, SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken)
        {
            var arguments = call.ArgumentList.Arguments;
            IMethodSymbol? chosen = null;
            ITypeSymbol? roundedType = null;
            var roundedTypeRead = false;
            foreach (var candidate in candidates)
            {
                if (candidate is not IMethodSymbol { Name: RoundName } method
                    || method.Parameters.Length != arguments.Count
                    || !IsOneOf(method.ContainingType, Types)
                    || !TakesOtherArguments(method, model, arguments, cancellationToken))
                {
                    continue;
                }

                if (!RoundsWithoutMode(method))
                {
                    return null; // the call may state a mode
                }

                if (!roundedTypeRead)
                {
                    roundedType = model.GetTypeInfo(arguments[0].Expression, cancellationToken).Type is { TypeKind: not TypeKind.Error } known ? known : null;
                    roundedTypeRead = true;
                }

                var parameterType = method.Parameters[0].Type;
                if (chosen is null
                    || (roundedType is not null && SymbolEqualityComparer.Default.Equals(parameterType, roundedType))
                    || (roundedType is null && parameterType.SpecialType == SpecialType.System_Decimal))
                {
                    chosen = method;
                }
            }

            return chosen;
        }

        /// <summary>Whether each argument after the first has a type the compiler knows and <paramref name="method"/>'s parameter of that place has, or one it does not know.</summary>
        private static bool TakesOtherArguments(IMethodSymbol method, SemanticModel model, SeparatedSyntaxList<ArgumentSyntax> arguments, CancellationToken cancellationToken)
        {
            for (var i = 1; i < arguments.Count; i++)
            {
                if (arguments[i].NameColon is not null)
                {
                    return false;
                }

                if (model.GetTypeInfo(arguments[i].Expression, cancellationToken).Type is { TypeKind: not TypeKind.Error } type
                    && !SymbolEqualityComparer.Default.Equals(type, method.Parameters[i].Type))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Null when no <c>Round</c> overload can take a mode, or no rounding type is known: there is nothing to ask for.</summary>
        public static RoundingTypes? Of(Compilation compilation)
        {
            if (compilation.GetTypeByMetadataName("System.MidpointRounding") is not { } midpointRounding)
            {
                return null;
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

            return builder.Count == 0 ? null : new RoundingTypes(midpointRounding, builder.ToImmutable());
        }
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, Lazy<RoundingTypes?> roundingTypes, StatutoryUses uses, StatutoryMembers members, StatedModeNames modeName, StatutorySubject subject)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        if (!InvokesRound(syntax.Expression)
            || context.ContainingSymbol is not { } containingSymbol
            || modeName.IsStated(syntax)
            || roundingTypes.Value is not { } rounding)
        {
            return;
        }

        // Syntax first, before anything in the member is bound: asking for the symbol of an invocation
        // binds the whole body, and a rounding is an amount only where a statutory value can reach
        // it, in a member that may use a bound value, or where declarations or names make every decimal an amount.
        var legalBasis = uses.HasLegalBasis(containingSymbol);
        // Names make an amount of a rounding to euros or cents only: one to 4 decimals is a rate's.
        var toEurosOrCents = MayRoundToEurosOrCents(syntax);
        // Another country's law is not French law, whatever its names (Payroll.UnitedStates, OnssBelgique).
        var byNames = !legalBasis && toEurosOrCents && !StatutorySubject.InOtherLaw(containingSymbol);
        var subjectWord = byNames ? subject.SubjectOf(containingSymbol) : null;
        var amountWord = byNames && subjectWord is null ? subject.AmountIn(syntax, containingSymbol) ?? BesideAwayFromZero(syntax, subject) : null;
        if (!legalBasis && subjectWord is null && amountWord is null)
        {
            // Rounded to another number of decimals, it is an amount only where a statutory value reaches it.
            if (!(toEurosOrCents && uses.InTypeDeclaringBoundMembers(containingSymbol, members.BoundNames))
                && !members.MayHoldStatutoryValue(syntax, containingSymbol, uses.State))
            {
                return;
            }
        }
        else if (!legalBasis
            && !uses.InTypeDeclaringBoundMembers(containingSymbol, members.BoundNames)
            && !members.MayHoldStatutoryValue(syntax, containingSymbol, uses.State))
        {
            // Names alone make it an amount: no statutory value, no bound member can reach it, so the
            // method called and its arguments decide. The symbol binds the rounding's statement, not
            // the member's whole body as its operations would.
            AnalyzeNamedAmount(context, syntax, rounding, containingSymbol, subjectWord, amountWord);
            return;
        }

        // One question to the compiler: the operation names the method called. Asking for the
        // invocation's symbol first bound its statement once, then the operation bound the body again.
        if (!TryResolve(context, syntax, rounding, out var method, out var value, out var digits))
        {
            return;
        }

        var options = uses.State.OptionsFor(syntax.SyntaxTree);
        var properties = ImmutableDictionary<string, string?>.Empty;
        LocalizableString what;
        if (uses.Find(value, containingSymbol, options, followLocals: true) is { } use)
        {
            if (StatutorySubject.KeepsNoMoney(syntax, containingSymbol))
            {
                return; // a share of a statutory amount (its evolution in percent, a number of Smics), not money
            }

            what = Resources.Localizable("LR0101_FromParameter", use.Key, use.Label);
            properties = properties.Add(PropertyNames.Key, use.Key).Add(PropertyNames.Label, use.Label);
        }
        else if (!toEurosOrCents)
        {
            // A calculation's percentage or surface rounded to one decimal for display, a rate to four:
            // an amount only where a statutory value reaches it (above).
            return;
        }
        else if (StatutorySubject.KeepsNoMoney(syntax, containingSymbol))
        {
            // Hours, a percentage, a ratio: not money, even in a calculation that cites its legal basis.
            return;
        }
        else if (method.Parameters[0].Type.SpecialType == SpecialType.System_Decimal && (legalBasis || UsesBoundValues(value, containingSymbol, uses, members.BoundNames)))
        {
            what = Resources.Localizable("LR0101_InCalculation", MemberName(containingSymbol));
        }
        else if (legalBasis)
        {
            // A double or float in a member or type that cites its legal basis: an amount all the same.
            what = Resources.Localizable("LR0101_InCalculationBinary", MemberName(containingSymbol));
        }
        else if (subjectWord is not null && RoundsAmount(method, digits, syntax))
        {
            what = Resources.Localizable("LR0101_InSubject", MemberName(containingSymbol), subjectWord);
        }
        else if (amountWord is not null && RoundsAmount(method, digits, syntax))
        {
            what = Resources.Localizable("LR0101_AmountInSocialLaw", MemberName(containingSymbol));
        }
        else
        {
            return;
        }

        Report(context, syntax, method, containingSymbol, properties, what);
    }

    /// <summary>
    /// A rounding that only names make an amount of (<see cref="StatutorySubject"/>), decided from the
    /// method the compiler picks and its arguments as written: the same answer as the operations give
    /// where no statutory value reaches the rounding, for the price of binding its statement.
    /// </summary>
    private static void AnalyzeNamedAmount(SyntaxNodeAnalysisContext context, InvocationExpressionSyntax syntax, RoundingTypes rounding, ISymbol containingSymbol, string? subjectWord, string? amountWord)
    {
        var arguments = syntax.ArgumentList.Arguments;
        foreach (var argument in arguments)
        {
            if (argument.NameColon is not null)
            {
                return; // arguments by name: their order is not the parameters'; none rounds money in practice
            }
        }

        IMethodSymbol method;
        int? digits = null;
        try
        {
            var info = context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken);
            var picked = info.Symbol is null
                ? rounding.WithoutModeAmong(info.CandidateSymbols, context.SemanticModel, syntax, context.CancellationToken)
                : info.Symbol as IMethodSymbol;
            if (picked is null
                || !rounding.RoundsWithoutMode(picked)
                || arguments.Count != picked.Parameters.Length)
            {
                return;
            }

            method = picked;
            if (method.Parameters.Length > 1 && method.Parameters[1].Type.SpecialType == SpecialType.System_Int32)
            {
                digits = context.SemanticModel.GetConstantValue(arguments[1].Expression, context.CancellationToken) is { HasValue: true, Value: int value } ? value : -1;
            }
        }
        catch (InvalidOperationException)
        {
            return; // broken code the compiler cannot bind (see BoundOperations)
        }

        if (digits is null && StatutorySubject.IsCentsIdiom(syntax))
        {
            digits = 2;
        }

        if (!RoundsAmount(method, digits, syntax) || StatutorySubject.KeepsNoMoney(syntax, containingSymbol))
        {
            return;
        }

        var what = subjectWord is not null
            ? Resources.Localizable("LR0101_InSubject", MemberName(containingSymbol), subjectWord)
            : Resources.Localizable("LR0101_AmountInSocialLaw", MemberName(containingSymbol));
        Report(context, syntax, method, containingSymbol, ImmutableDictionary<string, string?>.Empty, what);
    }

    private static void Report(SyntaxNodeAnalysisContext context, InvocationExpressionSyntax syntax, IMethodSymbol method, ISymbol containingSymbol, ImmutableDictionary<string, string?> properties, LocalizableString what)
    {
        if (GeneratedCodeFilter.IsInGeneratedCode(syntax.SyntaxTree, syntax.SpanStart, containingSymbol))
        {
            return;
        }

        var roundingName = method.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "." + RoundName;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.MidpointRounding, syntax.GetLocation(), properties, roundingName, what));
    }

    /// <summary>
    /// In a compilation about French benefits or contributions, "AwayFromZero" when a rounding beside
    /// <paramref name="rounding"/> states half away from zero — another argument of the same call, another
    /// member of the same initializer, another statement of the same block: the code rounds such
    /// amounts by law, and forgot this one (<c>new Ligne(…, Math.Round(salarie, 2), Math.Round(patronal, 2,
    /// MidpointRounding.AwayFromZero))</c>). Null otherwise.
    /// </summary>
    private static string? BesideAwayFromZero(InvocationExpressionSyntax rounding, StatutorySubject subject)
    {
        SyntaxNode? around = rounding.Parent switch
        {
            ArgumentSyntax { Parent: ArgumentListSyntax arguments } => arguments,
            AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax initializer } => initializer,
            _ => null,
        };
        if (around is null)
        {
            // var salarie = Math.Round(…); total = Math.Round(…); return Math.Round(…): the statement's block.
            // A statement outside a block, a member's initializer, a lambda's expression: nothing beside.
            for (var node = rounding.Parent; node is not null and not (MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax); node = node.Parent)
            {
                if (node is StatementSyntax statement)
                {
                    around = statement.Parent as BlockSyntax;
                    break;
                }
            }
        }

        if (around is null || !subject.IsAboutSocialLaw())
        {
            return null;
        }

        foreach (var node in around.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is InvocationExpressionSyntax other && other != rounding && InvokesRound(other.Expression) && StatesAwayFromZero(other))
            {
                return "AwayFromZero";
            }
        }

        return null;
    }

    private static bool StatesAwayFromZero(InvocationExpressionSyntax rounding)
    {
        foreach (var argument in rounding.ArgumentList.Arguments)
        {
            if (argument.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AwayFromZero" })
            {
                return true;
            }
        }

        return false;
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

    /// <summary>
    /// Whether, from syntax, the rounding may keep no decimal or two: no second argument, or one that is
    /// not a literal, or the literal 0 or 2 (<c>Math.Round(x)</c>, <c>Math.Round(x, 2)</c>,
    /// <c>Math.Round(x, decimales)</c>; not <c>Math.Round(x, 4)</c>).
    /// </summary>
    private static bool MayRoundToEurosOrCents(InvocationExpressionSyntax rounding)
    {
        var arguments = rounding.ArgumentList.Arguments;
        return arguments.Count < 2
            || arguments[1].Expression is not LiteralExpressionSyntax { Token.ValueText: var digits }
            || digits is "0" or "2";
    }

    /// <summary>
    /// The rounding method called, without a mode, the operation of the value it rounds and the
    /// decimals it keeps (null when none is passed, -1 when not a constant); false when the call is
    /// not such a rounding. The compiler's operation says it; where the compiler cannot resolve the
    /// call (code that does not build), the overloads it considered say it (<see cref="RoundingTypes.WithoutModeAmong"/>).
    /// </summary>
    private static bool TryResolve(SyntaxNodeAnalysisContext context, InvocationExpressionSyntax syntax, RoundingTypes rounding, out IMethodSymbol method, out IOperation value, out int? digits)
    {
        method = null!;
        value = null!;
        digits = null;
        var operation = BoundOperations.Of(context.SemanticModel, syntax, context.CancellationToken);
        if (operation is IInvocationOperation invocation)
        {
            if (!rounding.RoundsWithoutMode(invocation.TargetMethod))
            {
                return false;
            }

            method = invocation.TargetMethod;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { Ordinal: 0 })
                {
                    value = argument.Value;
                }
                else if (argument.Parameter is { Ordinal: > 0, Type.SpecialType: SpecialType.System_Int32 })
                {
                    digits = argument.Value.ConstantValue is { HasValue: true, Value: int kept } ? kept : -1;
                }
            }

            if (digits is null && StatutorySubject.IsCentsIdiom(syntax))
            {
                digits = 2;
            }

            return value is not null;
        }

        var arguments = syntax.ArgumentList.Arguments;
        if (operation is not IInvalidOperation || arguments.Count == 0)
        {
            return false;
        }

        try
        {
            var info = context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken);
            if (info.Symbol is not null
                || rounding.WithoutModeAmong(info.CandidateSymbols, context.SemanticModel, syntax, context.CancellationToken) is not { } candidate
                || BoundOperations.Of(context.SemanticModel, arguments[0].Expression, context.CancellationToken) is not { } rounded)
            {
                return false;
            }

            method = candidate;
            value = rounded;
            if (arguments.Count > 1 && candidate.Parameters[1].Type.SpecialType == SpecialType.System_Int32)
            {
                digits = context.SemanticModel.GetConstantValue(arguments[1].Expression, context.CancellationToken) is { HasValue: true, Value: int kept } ? kept : -1;
            }

            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // broken code the compiler cannot bind (see BoundOperations)
        }
    }

    /// <summary>
    /// Kept to cents (any number), or a <c>decimal</c> kept to euros or cents, or any number kept to
    /// euros where the value rounded or the name it is kept as says an amount (<c>Math.Round(mtAide)</c>
    /// on a <c>double</c>); <paramref name="digits"/> is null when none is passed, -1 when not a constant.
    /// </summary>
    private static bool RoundsAmount(IMethodSymbol method, int? digits, InvocationExpressionSyntax rounding)
        => digits == 2
            || (digits is null or 0 && (method.Parameters[0].Type.SpecialType == SpecialType.System_Decimal || StatutorySubject.NamesItsAmount(rounding)));

    /// <summary>A calculation that uses bound values: its type declares bound members, or its body references one.</summary>
    private static bool UsesBoundValues(IOperation operation, ISymbol containingSymbol, StatutoryUses uses, BoundMemberNames names)
        => uses.InTypeDeclaringBoundMembers(containingSymbol, names)
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
/// (or <c>System.MidpointRounding.X</c>), where nothing gives the name <c>MidpointRounding</c>
/// another meaning at that place. Such an argument is a <c>System.MidpointRounding</c>, which converts
/// implicitly to no other parameter type of a rounding method: the overload the compiler picks takes a
/// mode, and the rule has nothing to say, without binding the member's body.
/// </summary>
/// <remarks>
/// What may give the name another meaning is looked for where it can reach the rounding. Across the
/// compilation: a namespace, type or member of that name (the compiler's declaration table, which it
/// builds anyway), and a global using alias of that name or of <c>System</c>. In the rounding's own
/// file: any other alias, and any declaration of the name — a local, a parameter, a type parameter. A
/// local or a file-scoped alias in another file cannot reach it.
/// </remarks>
internal sealed class StatedModeNames
{
    private const string TypeName = "MidpointRounding";
    private const string SystemName = "System";

    // Kept with each tree: in the IDE, a keystroke makes a new compilation in which only the edited file is a new tree.
    private static readonly TreeTable<StrongBox<bool>> OtherMeanings = new();
    private static readonly Func<SyntaxTree, StrongBox<bool>> ReadOtherMeaning = tree => new StrongBox<bool>(GivesOtherMeaning(tree));
    private static readonly TreeTable<StrongBox<bool>> GlobalAliases = new();
    private static readonly Func<SyntaxTree, StrongBox<bool>> ReadGlobalAlias = tree => new StrongBox<bool>(DeclaresGlobalAlias(tree));

    private readonly Compilation _compilation;
    private readonly Lazy<bool> _onlySystemsAcrossFiles;

    public StatedModeNames(Compilation compilation)
    {
        _compilation = compilation;
        _onlySystemsAcrossFiles = new Lazy<bool>(OnlySystemsAcrossFiles);
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

        // A member's own local, parameter or type parameter of that name is a declaration of its
        // tree, which GivesOtherMeaning reads: nothing is left to look for in the member.
        return named
            && _onlySystemsAcrossFiles.Value
            && !OtherMeanings.GetValue(invocation.SyntaxTree, ReadOtherMeaning).Value;
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
        IdentifierNameSyntax name => name.Identifier.ValueText == SystemName,
        AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global", Name: IdentifierNameSyntax name } => name.Identifier.ValueText == SystemName,
        _ => false,
    };

    /// <summary>
    /// No namespace, type or member of the compilation's source is named <c>MidpointRounding</c>, and
    /// no file declares a global using alias of that name or of <c>System</c>: what any file may
    /// declare that reaches every other. The global aliases are read once per tree.
    /// </summary>
    private bool OnlySystemsAcrossFiles()
    {
        if (_compilation.ContainsSymbolsWithName(TypeName, SymbolFilter.All))
        {
            return false;
        }

        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (GlobalAliases.GetValue(tree, ReadGlobalAlias).Value)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="tree"/> declares <c>global using MidpointRounding = …</c> or <c>global using System = …</c>.</summary>
    internal static bool DeclaresGlobalAlias(SyntaxTree tree)
    {
        // Global usings come first in a file, before any namespace or type: only the compilation unit's are read.
        foreach (var directive in ((CompilationUnitSyntax)tree.GetRoot()).Usings)
        {
            if (directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && IsAliasOfTheName(directive))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="tree"/> may give the name <c>MidpointRounding</c> a meaning of its own:
    /// a using alias of that name (or of <c>System</c>), or a declaration of that name — of a type, a
    /// member, and, to stay on the safe side, of anything else (a local, a parameter). The text is
    /// searched: only the tokens where it writes the name are looked at. A namespace's name written
    /// before a dot (<c>namespace MidpointRounding.Outils</c>) is not looked at here: the compilation's
    /// declaration table holds it (<see cref="OnlySystemsAcrossFiles"/>).
    /// </summary>
    internal static bool GivesOtherMeaning(SyntaxTree tree)
    {
        var root = (CompilationUnitSyntax)tree.GetRoot();
        if (AnyAlias(root))
        {
            return true;
        }

        var text = tree.GetText().ToString();
        if (TreeText.MayEscape(text))
        {
            // An identifier may be written with Unicode escapes: every token is read.
            foreach (var token in root.DescendantTokens())
            {
                if (IsDeclaration(token))
                {
                    return true;
                }
            }

            return false;
        }

        // Only where the text writes the name: most files that round state MidpointRounding.X many
        // times, and declare nothing of that name.
        for (var at = text.IndexOf(TypeName, StringComparison.Ordinal); at >= 0; at = text.IndexOf(TypeName, at + TypeName.Length, StringComparison.Ordinal))
        {
            if (CannotDeclare(text, at))
            {
                continue;
            }

            var token = root.FindToken(at);
            if (token.Span.Contains(at) && IsDeclaration(token))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// From the text alone, whether the name written at <paramref name="at"/> cannot be a declaration
    /// of <c>MidpointRounding</c>: it is part of a longer word, or a dot follows it (only a
    /// namespace's declared name goes on with a dot, and the declaration table holds those). Anything
    /// else is left to the tokens.
    /// </summary>
    private static bool CannotDeclare(string text, int at)
    {
        if (!TreeText.IsWholeWordAt(text, at, TypeName.Length))
        {
            return true;
        }

        var end = at + TypeName.Length;

        while (end < text.Length && text[end] is ' ' or '\t' or '\r' or '\n')
        {
            end++;
        }

        return end < text.Length && text[end] == '.';
    }

    /// <summary>Any using alias of the compilation unit or of a namespace named <c>MidpointRounding</c> or <c>System</c>.</summary>
    private static bool AnyAlias(CompilationUnitSyntax file)
    {
        foreach (var directive in WrittenNames.Aliases(file))
        {
            if (IsAliasOfTheName(directive))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAliasOfTheName(UsingDirectiveSyntax directive)
        => directive.Alias?.Name.Identifier.ValueText is TypeName or SystemName;

    private static bool IsDeclaration(SyntaxToken token)
        => token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == TypeName && IsDeclared(token);

    /// <summary>An identifier that declares what it names: not a name read, except as a part of a namespace's declared name.</summary>
    private static bool IsDeclared(SyntaxToken identifier)
    {
        if (identifier.Parent is not IdentifierNameSyntax name)
        {
            return true;
        }

        SyntaxNode node = name;
        while (node.Parent is QualifiedNameSyntax or AliasQualifiedNameSyntax)
        {
            node = node.Parent;
        }

        return node.Parent is BaseNamespaceDeclarationSyntax space && space.Name == node;
    }
}
