using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using LegalRules.Analysis;
using LegalRules.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Rules;

/// <summary>
/// Which simple names can name a bound field or property: a filter on syntax, so that only the names
/// that can reach a bound member are given to the semantic model. A name passes when a field or
/// property of that name in source carries an attribute written <c>[StatutoryParameter]</c> (or
/// through a using alias of that type), when a bindings file names a
/// member of that name, or when a referenced assembly that can carry <c>[StatutoryParameter]</c> declares a
/// field or property of that name. It may pass names that bind nothing; it never stops one that does.
/// One instance per compilation; the names are gathered once, on the first question, from the
/// compilation's declarations, without a symbol.
/// </summary>
internal sealed class BoundMemberNames
{
    // One per compilation, shared by the rules that ask (LR0101, LR0201): the names are gathered once.
    private static readonly ConditionalWeakTable<Compilation, BoundMemberNames> PerCompilation = new();

    private readonly Compilation _compilation;
    private readonly LegalRulesCompilationState _state;
    // Beyond this many names, searching each file's text for each costs more than the walks it saves.
    private const int MaxNamesSearchedInText = 32;

    private readonly Lazy<NameSet> _names;
    // This instance lives as long as its compilation, which holds the trees: no weak table is needed.
    private readonly ConcurrentDictionary<SyntaxTree, bool> _namedIn = new();
    private readonly Func<SyntaxTree, bool> _searchText;

    private BoundMemberNames(Compilation compilation, LegalRulesCompilationState state)
    {
        _compilation = compilation;
        _state = state;
        _names = new Lazy<NameSet>(() => new NameSet(Gather()), LazyThreadSafetyMode.ExecutionAndPublication);
        _searchText = tree => TreeText.MayWriteAny(tree, _names.Value.Needles);
    }

    /// <summary>The names of <paramref name="compilation"/>, gathered on the first question of any rule.</summary>
    public static BoundMemberNames For(Compilation compilation, LegalRulesCompilationState state)
        => PerCompilation.GetValue(compilation, c => new BoundMemberNames(c, state));

    /// <summary>Whether <paramref name="name"/> (an identifier's value text) may name a bound field or property.</summary>
    public bool MayBeBound(string name) => _names.Value.Contains(name);

    /// <summary>
    /// Whether <paramref name="tree"/> may name a bound field or property: false when its text contains
    /// none of the names (see <see cref="TreeText"/>), so that no walk of its members looks for them.
    /// Answered once per file; with many names (a referenced assembly's members), always true.
    /// </summary>
    public bool MayBeNamedIn(SyntaxTree tree)
    {
        var names = _names.Value;
        return names.Count > MaxNamesSearchedInText || _namedIn.GetOrAdd(tree, _searchText);
    }

    /// <summary>
    /// The names, when there are few enough to search a text for each (as <see cref="MayBeNamedIn"/>
    /// does); null when there are more.
    /// </summary>
    public IReadOnlyCollection<string>? NamesToSearch
    {
        get
        {
            var names = _names.Value;
            return names.Count > MaxNamesSearchedInText ? null : names.Names;
        }
    }

    /// <summary>Whether one of <paramref name="names"/> may name a bound field or property.</summary>
    public bool AnyMayBeBound(IEnumerable<string> names)
    {
        var bound = _names.Value;
        foreach (var name in names)
        {
            if (bound.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The names of the source fields and properties bound by attribute, of the members the bindings
    /// files name, and of the fields and properties of the referenced assemblies that can be annotated.
    /// </summary>
    private HashSet<string> Gather()
    {
        var names = new HashSet<string>(_state.BoundMemberNames, StringComparer.Ordinal);

        // Not cancelled: a walk of the declarations, once; a cancelled gathering would stay cached.
        AddBoundInSource(_compilation, names);

        // An attribute of a referenced assembly is of a type it declares or of one of its references:
        // the assemblies that declare a type named StatutoryParameterAttribute, and those that reference one.
        var referenced = _compilation.SourceModule.ReferencedAssemblySymbols;
        var declaring = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in referenced)
        {
            if (DeclaresBindingAttribute(assembly))
            {
                declaring.Add(assembly.Identity.Name);
            }
        }

        if (declaring.Count == 0)
        {
            return names;
        }

        foreach (var assembly in referenced)
        {
            if (declaring.Contains(assembly.Identity.Name) || References(assembly, declaring))
            {
                AddMemberNames(assembly.GlobalNamespace, names);
            }
        }

        return names;
    }

    /// <summary>
    /// Source fields, properties (a record's positional parameters included) and enum members that
    /// may carry <c>[StatutoryParameter]</c>, read from the declarations of every tree, without a
    /// symbol: an attribute written <c>StatutoryParameter</c> or <c>StatutoryParameterAttribute</c>
    /// (qualified or not), or with the name of a using alias of a type so named. The attribute is
    /// recognised by its class's simple name (<see cref="StatutoryBindings"/>), so these are all the
    /// members it may bind. Asking the symbols instead made every member of the compilation and its
    /// attributes be built on the first question of a rule.
    /// </summary>
    /// <remarks>
    /// Each tree is read once for the attribute names in use (<see cref="TreeBindings"/>), not once per
    /// compilation: in the IDE, a keystroke makes a new compilation in which only the edited file is a
    /// new tree.
    /// </remarks>
    private static void AddBoundInSource(Compilation compilation, HashSet<string> names)
    {
        var attributeNames = new HashSet<string>(StringComparer.Ordinal) { StatutoryBindings.AttributeName, StatutoryBindings.AttributeShortName };
        var trees = new List<TreeBindings>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var bindings = TreeBindings.Of(tree);
            trees.Add(bindings);
            attributeNames.UnionWith(bindings.AttributeAliases);
        }

        var aliases = attributeNames.Count == 2 ? string.Empty : string.Join("\n", attributeNames.OrderBy(n => n, StringComparer.Ordinal));
        var search = new AttributeNames(attributeNames);
        foreach (var bindings in trees)
        {
            names.UnionWith(bindings.MembersBoundBy(search, aliases));
        }
    }

    /// <summary>
    /// What one tree says of bindings by attribute: the using aliases it gives a binding attribute's
    /// type, and the names of the members that carry one of the compilation's attribute names (kept
    /// for the last set of names asked: the same in every compilation, unless an alias changes).
    /// </summary>
    private sealed class TreeBindings
    {
        private static readonly TreeTable<TreeBindings> ByTree = new();
        private static readonly Func<SyntaxTree, TreeBindings> Read = tree => new TreeBindings(tree);
        private static readonly TreeMemo<string, string[]> BoundMembers = new();
        private static readonly Func<SyntaxTree, AttributeNames, string[]> FindBound = Find;

        private readonly SyntaxTree _tree;

        private TreeBindings(SyntaxTree tree)
        {
            _tree = tree;
            var aliases = new List<string>();
            foreach (var directive in WrittenNames.Aliases((CompilationUnitSyntax)tree.GetRoot()))
            {
                if (directive.Name is { } target && IsBindingAttributeName(WrittenNames.Rightmost(target)))
                {
                    aliases.Add(directive.Alias!.Name.Identifier.ValueText);
                }
            }

            AttributeAliases = aliases.ToArray();
        }

        /// <summary>The aliases this tree's using directives give a type named as a binding attribute.</summary>
        public string[] AttributeAliases { get; }

        public static TreeBindings Of(SyntaxTree tree) => ByTree.GetValue(tree, Read);

        /// <summary>The members of this tree that carry an attribute named one of <paramref name="attributeNames"/> (<paramref name="key"/> names that set).</summary>
        public string[] MembersBoundBy(AttributeNames attributeNames, string key)
            => BoundMembers.Get(_tree, key, attributeNames, FindBound);

        private static string[] Find(SyntaxTree tree, AttributeNames search)
        {
            // Most files bind nothing: their text names no binding attribute, and their members are not walked.
            if (!TreeText.MayWriteAny(tree, search.Needles))
            {
                return Array.Empty<string>();
            }

            var attributeNames = search.Names;

            var names = new List<string>();
            foreach (var node in tree.GetRoot().DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax or EnumDeclarationSyntax))
            {
                switch (node)
                {
                    case FieldDeclarationSyntax field when MayBind(field.AttributeLists, attributeNames):
                        foreach (var variable in field.Declaration.Variables)
                        {
                            names.Add(variable.Identifier.ValueText);
                        }

                        break;
                    case PropertyDeclarationSyntax property when MayBind(property.AttributeLists, attributeNames):
                        names.Add(property.Identifier.ValueText);
                        break;
                    case EnumMemberDeclarationSyntax enumMember when MayBind(enumMember.AttributeLists, attributeNames):
                        names.Add(enumMember.Identifier.ValueText);
                        break;
                    case TypeDeclarationSyntax { ParameterList: { } parameters }:
                        foreach (var parameter in parameters.Parameters)
                        {
                            if (MayBind(parameter.AttributeLists, attributeNames))
                            {
                                names.Add(parameter.Identifier.ValueText);
                            }
                        }

                        break;
                }
            }

            return names.ToArray();
        }
    }

    /// <summary>The names a binding attribute may be written with in a compilation, and the ones a text search looks for.</summary>
    private sealed class AttributeNames
    {
        public AttributeNames(HashSet<string> names)
        {
            Names = names;
            Needles = TreeText.Needles(names);
        }

        public HashSet<string> Names { get; }

        /// <summary>See <see cref="TreeText.Needles"/>: <c>StatutoryParameter</c> finds <c>StatutoryParameterAttribute</c> too.</summary>
        public string[] Needles { get; }
    }

    /// <summary>
    /// Whether a referenced assembly declares a type named as a binding attribute, in any namespace
    /// (the attribute is recognised by its simple name). The assemblies' type names are kept with their
    /// symbols, which the compiler shares between compilations of the same references.
    /// </summary>
    public static bool AnyReferenceDeclaresBindingAttribute(Compilation compilation)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (DeclaresBindingAttribute(assembly))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DeclaresBindingAttribute(IAssemblySymbol assembly)
        => assembly.TypeNames.Contains(StatutoryBindings.AttributeName) || assembly.TypeNames.Contains(StatutoryBindings.AttributeShortName);

    private static bool IsBindingAttributeName(string? name) => name is StatutoryBindings.AttributeName or StatutoryBindings.AttributeShortName;

    private static bool MayBind(SyntaxList<AttributeListSyntax> lists, HashSet<string> attributeNames)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (WrittenNames.Rightmost(attribute.Name) is { } name && attributeNames.Contains(name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool References(IAssemblySymbol assembly, HashSet<string> declaring)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var identity in module.ReferencedAssemblies)
            {
                if (declaring.Contains(identity.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void AddMemberNames(INamespaceOrTypeSymbol container, HashSet<string> names)
    {
        foreach (var member in container.GetMembers())
        {
            switch (member)
            {
                case INamespaceSymbol @namespace:
                    AddMemberNames(@namespace, names);
                    break;
                case INamedTypeSymbol type:
                    foreach (var name in type.MemberNames)
                    {
                        names.Add(name);
                    }

                    AddMemberNames(type, names);
                    break;
            }
        }
    }

    /// <summary>
    /// The names, behind a test of their lengths and first characters: the rules ask about every
    /// simple name of the members they look into, and a project binds few names, so most questions
    /// are answered without hashing the name.
    /// </summary>
    private sealed class NameSet
    {
        private readonly HashSet<string> _names;
        private readonly ulong _lengths;
        private readonly ulong _initials;

        public NameSet(HashSet<string> names)
        {
            _names = names;
            foreach (var name in names)
            {
                _lengths |= LengthBit(name);
                _initials |= InitialBit(name);
            }

            Needles = names.Count > MaxNamesSearchedInText ? Array.Empty<string>() : TreeText.Needles(names);
        }

        public IReadOnlyCollection<string> Names => _names;

        /// <summary>What a text search for the names looks for (<see cref="TreeText.Needles"/>); empty when there are too many names to search for.</summary>
        public string[] Needles { get; }

        public int Count => _names.Count;

        public bool Contains(string name)
            => (_lengths & LengthBit(name)) != 0 && (_initials & InitialBit(name)) != 0 && _names.Contains(name);

        // Lengths from 63 share a bit, as do characters equal modulo 64; the empty name has the initial bit 0.
        private static ulong LengthBit(string name) => 1UL << Math.Min(name.Length, 63);

        private static ulong InitialBit(string name) => name.Length == 0 ? 1UL : 1UL << (name[0] & 63);
    }
}
