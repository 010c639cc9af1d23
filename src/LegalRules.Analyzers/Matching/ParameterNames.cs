using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using LegalRules.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Matching;

/// <summary>
/// From syntax, the names of the parameters an argument may be passed as, without binding the
/// member that holds it: those of every method named as the one invoked, and of every delegate's
/// <c>Invoke</c> (a delegate may be invoked by its variable's name); those of every constructor of the
/// types named as the one created. Methods and types are those the compilation declares (a local
/// function is looked for in the member that calls it), and those of its referenced assemblies; the
/// words of a name are gathered the first time it is asked for, and kept.
/// </summary>
/// <remarks>
/// The source's methods and types of a name are found in the compiler's declaration table, which
/// the compiler builds anyway: only the declarations of that name are read, not every file's (most
/// names a value is passed to, <c>Round</c> or <c>Max</c>, the source does not declare). Delegates and
/// using aliases are read from each tree once, and kept with it: in the IDE, a keystroke makes a new
/// compilation in which every other file is the same tree.
/// <para>
/// Where syntax cannot name the callee — an indexer, <c>new(…)</c>, a <c>using</c> alias, an invoked
/// expression that is not a name — there is no answer and the member is bound.
/// </para>
/// </remarks>
internal sealed partial class ParameterNames
{
    private const string InvokeName = WellKnownMemberNames.DelegateInvokeName;

    private static readonly ConditionalWeakTable<Compilation, ParameterNames> PerCompilation = new();
    private static readonly TreeTable<string[]> AliasNamesByTree = new();
    private static readonly Func<SyntaxTree, string[]> ReadAliasNames = AliasNamesOf;
    private static readonly TreeTable<string[]> DelegateParametersByTree = new();
    private static readonly Func<SyntaxTree, string[]> ReadDelegateParameters = DelegateParametersOf;
    private static readonly string[] DelegateKeyword = { "delegate" };

    private readonly Compilation _compilation;
    private readonly Lazy<HashSet<string>> _aliasNames;
    private readonly Lazy<string[]> _delegateParameters;
    private readonly Lazy<ReferencedParameters[]> _referenced;
    // Null where a referenced assembly's metadata could not be read: the member is bound.
    private readonly ConcurrentDictionary<string, HashSet<string>?> _methodWords = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>?> _constructorWords = new(StringComparer.Ordinal);
    // Per member; this instance lives as long as its compilation, which holds the nodes: no weak table is needed.
    private readonly ConcurrentDictionary<SyntaxNode, Dictionary<string, HashSet<string>>> _localFunctions = new();

    // Created once: the lookups run for every literal passed as an argument, and a lambda there would allocate each time.
    private readonly Func<string, HashSet<string>?> _methodWordsOf;
    private readonly Func<string, HashSet<string>?> _constructorWordsOf;

    private ParameterNames(Compilation compilation)
    {
        _compilation = compilation;
        _delegateParameters = new Lazy<string[]>(GatherDelegateParameters, LazyThreadSafetyMode.ExecutionAndPublication);
        _aliasNames = new Lazy<HashSet<string>>(GatherAliasNames, LazyThreadSafetyMode.ExecutionAndPublication);
        _referenced = new Lazy<ReferencedParameters[]>(GatherReferenced, LazyThreadSafetyMode.ExecutionAndPublication);
        _methodWordsOf = MethodWordsOf;
        _constructorWordsOf = ConstructorWordsOf;
    }

    /// <summary>The parameter names of <paramref name="compilation"/>, gathered on the first question of any rule.</summary>
    public static ParameterNames For(Compilation compilation) => PerCompilation.GetValue(compilation, c => new ParameterNames(c));

    /// <summary>
    /// Adds to <paramref name="words"/> the words the compiler's <c>IArgumentOperation</c> of
    /// <paramref name="argument"/> gives (its parameter's name, the method called or the type
    /// created) — a superset of them, read from syntax. False where syntax cannot tell them.
    /// </summary>
    public bool TryAddWords(ArgumentSyntax argument, CodeWords words)
    {
        if (argument.Parent is TupleExpressionSyntax)
        {
            return true; // a tuple's element: no argument operation, names are looked for further up
        }

        if (argument.Parent is not ArgumentListSyntax list)
        {
            return false; // an indexer's or an element access's
        }

        switch (list.Parent)
        {
            case InvocationExpressionSyntax invocation:
                if (InvokedName(invocation.Expression) is not { } invoked)
                {
                    return false;
                }

                // The method of that name, or the Invoke of a delegate held under that name.
                NameWords.AddWords(invoked, words.Own);
                NameWords.AddWords(InvokeName, words.Own);
                if (argument.NameColon is { } named)
                {
                    NameWords.AddWords(named.Name.Identifier.ValueText, words.Own);
                    return true;
                }

                if (_methodWords.GetOrAdd(invoked, _methodWordsOf) is not { } methodWords
                    || _methodWords.GetOrAdd(InvokeName, _methodWordsOf) is not { } invokeWords)
                {
                    return false;
                }

                words.AddShared(methodWords);
                words.AddShared(invokeWords);
                if (invocation.Expression is SimpleNameSyntax)
                {
                    AddLocalFunctionWords(invocation, invoked, words.Own);
                }

                return true;
            case ObjectCreationExpressionSyntax creation:
                return WrittenNames.Rightmost(creation.Type) is { } created && AddConstructorWords(argument, created, created, words);
            case ConstructorInitializerSyntax initializer:
                return InitializedTypeName(initializer) is { } initialized
                    && AddConstructorWords(argument, initialized, WellKnownMemberNames.InstanceConstructorName, words);
            default:
                return false; // new(…), a record's base type…
        }
    }

    private bool AddConstructorWords(ArgumentSyntax argument, string type, string calledName, CodeWords words)
    {
        if (_aliasNames.Value.Contains(type))
        {
            return false; // the type created is named by the alias's target
        }

        NameWords.AddWords(calledName, words.Own);
        if (argument.NameColon is { } named)
        {
            NameWords.AddWords(named.Name.Identifier.ValueText, words.Own);
            return true;
        }

        if (_constructorWords.GetOrAdd(type, _constructorWordsOf) is not { } constructorWords)
        {
            return false;
        }

        words.AddShared(constructorWords);
        return true;
    }

    /// <summary>The words of the parameters of the methods named <paramref name="name"/>, of source and referenced assemblies; null where they cannot be read.</summary>
    private HashSet<string>? MethodWordsOf(string name)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        AddInSource(name, constructors: false, words);
        return AddReferenced(name, constructors: false, words) ? words : null;
    }

    /// <summary>The words of the parameters of the constructors of the types named <paramref name="name"/>, of source and referenced assemblies; null where they cannot be read.</summary>
    private HashSet<string>? ConstructorWordsOf(string name)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        AddInSource(name, constructors: true, words);
        return AddReferenced(name, constructors: true, words) ? words : null;
    }

    /// <summary>
    /// The parameters of the local functions named <paramref name="name"/> that the invocation may
    /// call: those declared in the member around it (for top-level statements, in the file).
    /// </summary>
    private void AddLocalFunctionWords(SyntaxNode invocation, string name, HashSet<string> words)
    {
        if (Rules.MemberSyntax.MemberOf(invocation) is not { } scope)
        {
            return;
        }

        var functions = _localFunctions.GetOrAdd(scope, LocalFunctionsOf);
        if (functions.TryGetValue(name, out var parameters))
        {
            AddAll(parameters, words);
        }
    }

    private static Dictionary<string, HashSet<string>> LocalFunctionsOf(SyntaxNode scope)
    {
        var functions = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var node in scope.DescendantNodes())
        {
            if (node is LocalFunctionStatementSyntax local)
            {
                AddParameters(functions, local.Identifier.ValueText, local.ParameterList);
            }
        }

        return functions;
    }

    /// <summary>Adds the parameter names of <paramref name="parameters"/> to the entry of <paramref name="name"/>.</summary>
    private static void AddParameters(Dictionary<string, HashSet<string>> into, string name, BaseParameterListSyntax? parameters)
    {
        if (!into.TryGetValue(name, out var names))
        {
            into.Add(name, names = new HashSet<string>(StringComparer.Ordinal));
        }

        foreach (var parameter in parameters?.Parameters ?? default)
        {
            names.Add(parameter.Identifier.ValueText);
        }
    }

    private static void AddAll(IEnumerable<string> names, HashSet<string> words)
    {
        foreach (var name in names)
        {
            NameWords.AddWords(name, words);
        }
    }

    /// <summary>The simple name an invocation is written with: <c>F(…)</c>, <c>x.F(…)</c>, <c>x?.F(…)</c>, <c>F&lt;T&gt;(…)</c>.</summary>
    private static string? InvokedName(ExpressionSyntax invoked) => invoked switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The type whose constructor <c>this(…)</c> or <c>base(…)</c> calls, when its declaration says.</summary>
    private static string? InitializedTypeName(ConstructorInitializerSyntax initializer)
    {
        if (initializer.Parent?.Parent is not TypeDeclarationSyntax type)
        {
            return null;
        }

        if (initializer.IsKind(SyntaxKind.ThisConstructorInitializer))
        {
            return type.Identifier.ValueText;
        }

        // A class's base class comes first in its base list; in another part of a partial class, it is not here.
        return type is ClassDeclarationSyntax or RecordDeclarationSyntax && type.BaseList is { Types.Count: > 0 } bases
            ? WrittenNames.Rightmost(bases.Types[0].Type)
            : null;
    }

    /// <summary>
    /// Adds the words of the parameters the source declares for the methods named
    /// <paramref name="name"/> (or for the constructors of the types of that name). The compiler's
    /// declaration table says which types declare the name; only their declarations are read.
    /// </summary>
    private void AddInSource(string name, bool constructors, HashSet<string> words)
    {
        if (!constructors && name == InvokeName)
        {
            AddAll(_delegateParameters.Value, words);
        }

        var filter = constructors ? SymbolFilter.Type : SymbolFilter.Member;
        if (!_compilation.ContainsSymbolsWithName(name, filter))
        {
            return;
        }

        foreach (var symbol in _compilation.GetSymbolsWithName(name, filter))
        {
            if (constructors ? symbol is not INamedTypeSymbol : symbol is not IMethodSymbol)
            {
                continue;
            }

            // A partial method is its definition, whose parameters a call binds to.
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                switch (reference.GetSyntax())
                {
                    case MethodDeclarationSyntax method:
                        AddAll(method.ParameterList, words);
                        break;
                    case TypeDeclarationSyntax type:
                        AddAll(type.ParameterList, words);
                        foreach (var member in type.Members)
                        {
                            if (member is ConstructorDeclarationSyntax constructor)
                            {
                                AddAll(constructor.ParameterList, words);
                            }
                        }

                        break;
                }
            }
        }
    }

    /// <summary>The parameter names of the delegates the source declares (invoked as <c>Invoke</c>).</summary>
    private string[] GatherDelegateParameters()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            names.UnionWith(DelegateParametersByTree.GetValue(tree, ReadDelegateParameters));
        }

        var result = new string[names.Count];
        names.CopyTo(result);
        return result;
    }

    /// <summary>
    /// The parameter names of the delegates <paramref name="tree"/> declares. A declaration writes the
    /// keyword <c>delegate</c> as it is (an escaped keyword is an identifier): a file whose text does
    /// not contain it declares none, and its declarations are not walked.
    /// </summary>
    private static string[] DelegateParametersOf(SyntaxTree tree)
    {
        if (!TreeText.MayWriteAny(tree, DelegateKeyword))
        {
            return Array.Empty<string>();
        }

        List<string>? names = null;
        foreach (var node in tree.GetRoot().DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is DelegateDeclarationSyntax @delegate)
            {
                foreach (var parameter in @delegate.ParameterList.Parameters)
                {
                    (names ??= new List<string>()).Add(parameter.Identifier.ValueText);
                }
            }
        }

        return names?.ToArray() ?? Array.Empty<string>();
    }

    private static void AddAll(BaseParameterListSyntax? parameters, HashSet<string> words)
    {
        foreach (var parameter in parameters?.Parameters ?? default)
        {
            NameWords.AddWords(parameter.Identifier.ValueText, words);
        }
    }

    private HashSet<string> GatherAliasNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            names.UnionWith(AliasNamesByTree.GetValue(tree, ReadAliasNames));
        }

        return names;
    }

    /// <summary>The names of a tree's using aliases: its own usings', and its namespaces'.</summary>
    private static string[] AliasNamesOf(SyntaxTree tree)
    {
        List<string>? names = null;
        foreach (var directive in WrittenNames.Aliases((CompilationUnitSyntax)tree.GetRoot()))
        {
            (names ??= new List<string>()).Add(directive.Alias!.Name.Identifier.ValueText);
        }

        return names?.ToArray() ?? Array.Empty<string>();
    }
}
