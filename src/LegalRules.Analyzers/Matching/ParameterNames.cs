using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Matching;

/// <summary>
/// From syntax, the names of the parameters an argument may be passed as, without binding the
/// member that holds it: those of every method named as the one invoked, and of every delegate's
/// <c>Invoke</c> (a delegate may be invoked by its variable's name); those of every constructor of the
/// types named as the one created. Methods and types are those the compilation declares, read from
/// the declarations of its syntax trees (not their bodies: a local function is looked for in the
/// member that calls it), and those of its referenced assemblies; the words of a name are gathered
/// the first time it is asked for, and kept.
/// </summary>
/// <remarks>
/// Each tree's declarations are read once per tree, not per compilation: in the IDE, a keystroke makes
/// a new compilation in which every other file is the same tree, and only the edited file is read
/// again. A name is looked up tree by tree (the IDE asks for the few names of one file); after
/// <see cref="NamesBeforeMerging"/> names, the trees' declarations are merged once for the
/// compilation (a build asks for the names of every file).
/// <para>
/// Where syntax cannot name the callee — an indexer, <c>new(…)</c>, a <c>using</c> alias, an invoked
/// expression that is not a name — there is no answer and the member is bound.
/// </para>
/// </remarks>
internal sealed partial class ParameterNames
{
    private const string InvokeName = WellKnownMemberNames.DelegateInvokeName;

    private static readonly ConditionalWeakTable<Compilation, ParameterNames> PerCompilation = new();
    private static readonly ConditionalWeakTable<SyntaxTree, Index> IndexByTree = new();
    private static readonly ConditionalWeakTable<SyntaxTree, Index>.CreateValueCallback ReadIndex = Index.Of;

    /// <summary>Names looked up tree by tree before the trees' declarations are merged for the compilation.</summary>
    internal const int NamesBeforeMerging = 64;

    private readonly Compilation _compilation;
    private readonly Lazy<Index[]> _trees;
    private readonly Lazy<Index> _merged;
    private readonly Lazy<HashSet<string>> _aliasNames;
    private int _namesAsked;
    private readonly Lazy<ReferencedParameters[]> _referenced;
    // Null where a referenced assembly's metadata could not be read: the member is bound.
    private readonly ConcurrentDictionary<string, HashSet<string>?> _methodWords = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>?> _constructorWords = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<SyntaxNode, Dictionary<string, HashSet<string>>> _localFunctions = new();

    // Created once: the lookups run for every literal passed as an argument, and a lambda there would allocate each time.
    private readonly Func<string, HashSet<string>?> _methodWordsOf;
    private readonly Func<string, HashSet<string>?> _constructorWordsOf;

    private ParameterNames(Compilation compilation)
    {
        _compilation = compilation;
        _trees = new Lazy<Index[]>(IndexesOfTrees, LazyThreadSafetyMode.ExecutionAndPublication);
        _merged = new Lazy<Index>(Merge, LazyThreadSafetyMode.ExecutionAndPublication);
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

    /// <summary>Adds the words of the parameters the source declares for the methods (or the constructors of the types) named <paramref name="name"/>.</summary>
    private void AddInSource(string name, bool constructors, HashSet<string> words)
    {
        if (Interlocked.Increment(ref _namesAsked) > NamesBeforeMerging)
        {
            _merged.Value.AddWords(name, constructors, words);
            return;
        }

        foreach (var index in _trees.Value)
        {
            index.AddWords(name, constructors, words);
        }
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

        var functions = _localFunctions.GetValue(scope, LocalFunctionsOf);
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

    private Index[] IndexesOfTrees()
    {
        // Not cancelled: each tree's declarations are read once, and kept with the tree.
        var indexes = new List<Index>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            indexes.Add(IndexByTree.GetValue(tree, ReadIndex));
        }

        return indexes.ToArray();
    }

    private Index Merge() => Index.Merge(_trees.Value);

    private HashSet<string> GatherAliasNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var index in _trees.Value)
        {
            names.UnionWith(index.AliasNames);
        }

        return names;
    }

    /// <summary>
    /// The declarations of one tree, or of the compilation once merged: for each method (each
    /// delegate, under <c>Invoke</c>) and each constructor (by its type's name; every type declared
    /// has one, for its primary constructor), its name and its parameters' names.
    /// </summary>
    /// <remarks>
    /// A tree's are lists in the order of the text, not tables: a build asks a tree for at most
    /// <see cref="NamesBeforeMerging"/> names, and reading a few lists is cheaper than building a
    /// table per tree. Only the merged declarations, asked for every further name, are a table.
    /// </remarks>
    private sealed class Index
    {
        private static readonly string[] None = Array.Empty<string>();

        private readonly Declared[] _methods;
        private readonly Declared[] _constructors;
        private readonly Dictionary<string, List<string[]>>? _methodsByName;
        private readonly Dictionary<string, List<string[]>>? _constructorsByName;

        private Index(Declared[] methods, Declared[] constructors, string[] aliasNames)
        {
            _methods = methods;
            _constructors = constructors;
            AliasNames = aliasNames;
        }

        private Index(Index[] trees)
        {
            _methods = Array.Empty<Declared>();
            _constructors = Array.Empty<Declared>();
            _methodsByName = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
            _constructorsByName = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
            foreach (var tree in trees)
            {
                AddTo(_methodsByName, tree._methods);
                AddTo(_constructorsByName, tree._constructors);
            }

            AliasNames = None; // read from the trees' (GatherAliasNames)
        }

        /// <summary>The names of a tree's using aliases.</summary>
        public string[] AliasNames { get; }

        /// <summary>The declarations of one tree.</summary>
        public static Index Of(SyntaxTree tree)
        {
            var methods = new List<Declared>();
            var constructors = new List<Declared>();
            List<string>? aliasNames = null;
            foreach (var node in tree.GetRoot().DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                switch (node)
                {
                    case MethodDeclarationSyntax method:
                        methods.Add(new Declared(method.Identifier.ValueText, ParametersOf(method.ParameterList)));
                        break;
                    case ConstructorDeclarationSyntax constructor:
                        constructors.Add(new Declared(constructor.Identifier.ValueText, ParametersOf(constructor.ParameterList)));
                        break;
                    case TypeDeclarationSyntax type:
                        constructors.Add(new Declared(type.Identifier.ValueText, ParametersOf(type.ParameterList)));
                        break;
                    case DelegateDeclarationSyntax @delegate:
                        methods.Add(new Declared(InvokeName, ParametersOf(@delegate.ParameterList)));
                        break;
                    case UsingDirectiveSyntax { Alias: { } alias }:
                        (aliasNames ??= new List<string>()).Add(alias.Name.Identifier.ValueText);
                        break;
                }
            }

            return new Index(methods.ToArray(), constructors.ToArray(), aliasNames?.ToArray() ?? None);
        }

        /// <summary>The declarations of every tree, as one table.</summary>
        public static Index Merge(Index[] trees) => new(trees);

        /// <summary>Adds the words of the parameters of the methods (or of the constructors of the types) named <paramref name="name"/>.</summary>
        public void AddWords(string name, bool constructors, HashSet<string> words)
        {
            var byName = constructors ? _constructorsByName : _methodsByName;
            if (byName is not null)
            {
                if (byName.TryGetValue(name, out var lists))
                {
                    foreach (var parameters in lists)
                    {
                        ParameterNames.AddAll(parameters, words);
                    }
                }

                return;
            }

            foreach (var declared in constructors ? _constructors : _methods)
            {
                if (string.Equals(declared.Name, name, StringComparison.Ordinal))
                {
                    ParameterNames.AddAll(declared.Parameters, words);
                }
            }
        }

        private static void AddTo(Dictionary<string, List<string[]>> byName, Declared[] declarations)
        {
            foreach (var declared in declarations)
            {
                if (!byName.TryGetValue(declared.Name, out var lists))
                {
                    byName.Add(declared.Name, lists = new List<string[]>());
                }

                lists.Add(declared.Parameters);
            }
        }

        private static string[] ParametersOf(BaseParameterListSyntax? list)
        {
            if (list is null || list.Parameters.Count == 0)
            {
                return None;
            }

            var parameters = list.Parameters;
            var names = new string[parameters.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = parameters[i].Identifier.ValueText;
            }

            return names;
        }

        private readonly struct Declared
        {
            public Declared(string name, string[] parameters)
            {
                Name = name;
                Parameters = parameters;
            }

            public string Name { get; }

            public string[] Parameters { get; }
        }
    }
}
