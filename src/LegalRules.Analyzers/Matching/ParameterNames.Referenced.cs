using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LegalRules.Matching;

/// <summary>The parameter names of the methods and constructors of the referenced assemblies.</summary>
internal sealed partial class ParameterNames
{
    /// <summary>
    /// Adds the words of the parameters of the referenced assemblies' methods named
    /// <paramref name="name"/> (or of the constructors of their types of that name); false where an
    /// assembly's metadata could not be read.
    /// </summary>
    private bool AddReferenced(string name, bool constructors, HashSet<string> words)
    {
        if (ReferencedParameterNames(name, constructors) is not { } names)
        {
            return false;
        }

        AddAll(names, words);
        return true;
    }

    /// <summary>
    /// The names of the parameters of the referenced assemblies' methods named <paramref name="name"/>
    /// (or of the constructors of their types of that name); null where an assembly's metadata could
    /// not be read.
    /// </summary>
    internal HashSet<string>? ReferencedParameterNames(string name, bool constructors)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in _referenced.Value)
        {
            if ((constructors ? assembly.ConstructorParameters(name) : assembly.MethodParameters(name)) is not { } names)
            {
                return null;
            }

            all.UnionWith(names);
        }

        return all;
    }

    /// <summary>The answers kept for an assembly's metadata (for tests: one object for every copy of a loaded image); null where it cannot be read.</summary>
    internal static object? AnswersFor(Metadata metadata, MetadataImportOptions reads) => MetadataParameters.For(metadata, reads);

    /// <summary>
    /// The answers of each referenced assembly: read from its metadata tables where the compilation
    /// has them, which the compiler server and the IDE reuse from one compilation to the next (so are
    /// the answers); from its symbols otherwise (a compilation's reference, in the IDE). Not
    /// cancelled: gathered once.
    /// </summary>
    private ReferencedParameters[] GatherReferenced()
    {
        var assemblies = _compilation.SourceModule.ReferencedAssemblySymbols;
        var importOptions = _compilation.Options.MetadataImportOptions;
        var referenced = new ReferencedParameters[assemblies.Length];
        for (var i = 0; i < assemblies.Length; i++)
        {
            // An assembly that lets this compilation see its internals shows it more members than it shows others.
            var reads = importOptions == MetadataImportOptions.Public && assemblies[i].GivesAccessTo(_compilation.Assembly)
                ? MetadataImportOptions.Internal
                : importOptions;
            referenced[i] = (ReferencedParameters?)(MetadataOf(assemblies[i]) is { } metadata ? MetadataParameters.For(metadata, reads) : null)
                ?? new SymbolParameters(assemblies[i]);
        }

        return referenced;
    }

    /// <summary>The metadata an assembly was read from; null for a compilation's reference.</summary>
    private Metadata? MetadataOf(IAssemblySymbol assembly)
    {
        try
        {
            return (_compilation.GetMetadataReference(assembly) as PortableExecutableReference)?.GetMetadata();
        }
        catch (Exception exception) when (exception is System.IO.IOException or BadImageFormatException or InvalidOperationException or NotSupportedException or ObjectDisposedException)
        {
            return null; // read from the assembly's symbols
        }
    }

    /// <summary>
    /// Appends an entry named <paramref name="name"/> to an index chained by name: the entry's
    /// position in <paramref name="previous"/> is the new last of its name, and holds the one before
    /// (-1 for none).
    /// </summary>
    private static void Chain(Dictionary<string, int> lastByName, List<int> previous, string name)
    {
        previous.Add(lastByName.TryGetValue(name, out var last) ? last : -1);
        lastByName[name] = previous.Count - 1;
    }

    /// <summary>A referenced assembly's parameter names by method name and by type name, each name looked up once.</summary>
    private abstract class ReferencedParameters
    {
        private readonly ConcurrentDictionary<string, string[]?> _methods = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string[]?> _constructors = new(StringComparer.Ordinal);
        private readonly Func<string, string[]?> _methodParametersOf;
        private readonly Func<string, string[]?> _constructorParametersOf;

        protected ReferencedParameters()
        {
            _methodParametersOf = MethodParametersOf;
            _constructorParametersOf = ConstructorParametersOf;
        }

        /// <summary>The parameter names of the methods named <paramref name="name"/>; null where they cannot be read.</summary>
        public string[]? MethodParameters(string name) => _methods.GetOrAdd(name, _methodParametersOf);

        /// <summary>The parameter names of the constructors of the types named <paramref name="name"/>; null where they cannot be read.</summary>
        public string[]? ConstructorParameters(string name) => _constructors.GetOrAdd(name, _constructorParametersOf);

        protected abstract string[]? MethodParametersOf(string name);

        protected abstract string[]? ConstructorParametersOf(string name);

        protected static string[] ToArray(HashSet<string> names)
        {
            var result = new string[names.Count];
            names.CopyTo(result);
            return result;
        }
    }

    /// <summary>
    /// An assembly's parameter names read from its metadata tables, without a symbol: the methods and
    /// types the compilation may call (by the import options: public and protected ones; internal
    /// ones too for an assembly that gives access), indexed by name the first time a name is asked
    /// for. One per assembly image and import options, kept as long as the image is loaded.
    /// </summary>
    /// <remarks>
    /// A reference gives each compilation its own copy of its metadata (<c>GetMetadata</c>), and the
    /// copies share the image read from the file. The answers are kept with the image — keyed by its
    /// manifest module's reader, the same object in every copy — so that the compilations of the
    /// compiler server and of the IDE, which keep the images loaded, index each assembly once.
    /// </remarks>
    private sealed class MetadataParameters : ReferencedParameters
    {
        private static readonly ConditionalWeakTable<MetadataReader, ConcurrentDictionary<MetadataImportOptions, Lazy<MetadataParameters?>>> PerImage = new();

        private readonly ModuleIndex[] _modules;

        private MetadataParameters(ModuleIndex[] modules) => _modules = modules;

        /// <summary>The parameter names of <paramref name="metadata"/> as a compilation reading it with <paramref name="reads"/> sees them; null where its tables cannot be read.</summary>
        public static MetadataParameters? For(Metadata metadata, MetadataImportOptions reads)
        {
            if (ImageOf(metadata) is not { } image)
            {
                return null;
            }

            var byOptions = PerImage.GetValue(image, static _ => new ConcurrentDictionary<MetadataImportOptions, Lazy<MetadataParameters?>>());
            return byOptions.GetOrAdd(reads, _ => new Lazy<MetadataParameters?>(() => Read(metadata, reads), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }

        /// <summary>The reader of the assembly's manifest module (or of the module), shared by every copy of its metadata; null where it cannot be read.</summary>
        private static MetadataReader? ImageOf(Metadata metadata)
        {
            try
            {
                return metadata switch
                {
                    AssemblyMetadata assembly => assembly.GetModules() is { Length: > 0 } modules ? modules[0].GetMetadataReader() : null,
                    ModuleMetadata module => module.GetMetadataReader(),
                    _ => null,
                };
            }
            catch (Exception exception) when (IsUnreadable(exception))
            {
                return null;
            }
        }

        private static MetadataParameters? Read(Metadata metadata, MetadataImportOptions reads)
        {
            try
            {
                var modules = metadata switch
                {
                    AssemblyMetadata assembly => assembly.GetModules(),
                    ModuleMetadata module => ImmutableArray.Create(module),
                    _ => default,
                };
                if (modules.IsDefault)
                {
                    return null;
                }

                var indexes = new ModuleIndex[modules.Length];
                for (var i = 0; i < modules.Length; i++)
                {
                    indexes[i] = new ModuleIndex(modules[i], reads);
                }

                return new MetadataParameters(indexes);
            }
            catch (Exception exception) when (IsUnreadable(exception))
            {
                return null;
            }
        }

        protected override string[]? MethodParametersOf(string name) => Collect(name, constructors: false);

        protected override string[]? ConstructorParametersOf(string name) => Collect(name, constructors: true);

        private string[]? Collect(string name, bool constructors)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                foreach (var module in _modules)
                {
                    if (constructors)
                    {
                        module.AddConstructorParameters(name, names);
                    }
                    else
                    {
                        module.AddMethodParameters(name, names);
                    }
                }
            }
            catch (Exception exception) when (IsUnreadable(exception))
            {
                return null;
            }

            return ToArray(names);
        }

        /// <summary>What reading an image may throw: a bad image, one disposed meanwhile, a module of a multi-module assembly that cannot be loaded.</summary>
        private static bool IsUnreadable(Exception exception) => exception is BadImageFormatException or ObjectDisposedException or InvalidOperationException or System.IO.IOException;
    }

    /// <summary>
    /// One module's methods by name and types by name (without a generic arity's suffix), as rows of
    /// its tables chained by name: the framework declares some hundred thousand methods, and a list
    /// per name would cost more than the names.
    /// </summary>
    private sealed class ModuleIndex
    {
        private const MethodAttributes MemberAccess = MethodAttributes.MemberAccessMask;

        private readonly ModuleMetadata _module;
        private readonly MetadataImportOptions _reads;
        private readonly Dictionary<string, int> _lastMethodByName = new(StringComparer.Ordinal);
        private readonly List<MethodDefinitionHandle> _methods = new();
        private readonly List<int> _previousMethod = new();
        private readonly Dictionary<string, int> _lastTypeByName = new(StringComparer.Ordinal);
        private readonly List<TypeDefinitionHandle> _types = new();
        private readonly List<int> _previousType = new();

        public ModuleIndex(ModuleMetadata module, MetadataImportOptions reads)
        {
            _module = module;
            _reads = reads;
            var reader = module.GetMetadataReader();
            var names = new Dictionary<StringHandle, string>();
            var visible = new Dictionary<TypeDefinitionHandle, bool>();
            foreach (var typeHandle in reader.TypeDefinitions)
            {
                if (!IsVisible(reader, typeHandle, visible))
                {
                    continue;
                }

                var type = reader.GetTypeDefinition(typeHandle);
                Chain(_lastTypeByName, _previousType, WithoutArity(NameOf(reader, type.Name, names)));
                _types.Add(typeHandle);
                foreach (var methodHandle in type.GetMethods())
                {
                    var method = reader.GetMethodDefinition(methodHandle);
                    if (Imports(method.Attributes))
                    {
                        Chain(_lastMethodByName, _previousMethod, NameOf(reader, method.Name, names));
                        _methods.Add(methodHandle);
                    }
                }
            }
        }

        public void AddMethodParameters(string name, HashSet<string> into)
        {
            if (!_lastMethodByName.TryGetValue(name, out var entry))
            {
                return;
            }

            var reader = _module.GetMetadataReader(); // throws once the metadata is disposed, where the handles would read freed memory
            for (; entry >= 0; entry = _previousMethod[entry])
            {
                AddParameters(reader, reader.GetMethodDefinition(_methods[entry]), into);
            }
        }

        public void AddConstructorParameters(string typeName, HashSet<string> into)
        {
            if (!_lastTypeByName.TryGetValue(typeName, out var entry))
            {
                return;
            }

            var reader = _module.GetMetadataReader();
            for (; entry >= 0; entry = _previousType[entry])
            {
                foreach (var methodHandle in reader.GetTypeDefinition(_types[entry]).GetMethods())
                {
                    var method = reader.GetMethodDefinition(methodHandle);
                    if (Imports(method.Attributes) && reader.StringComparer.Equals(method.Name, WellKnownMemberNames.InstanceConstructorName))
                    {
                        AddParameters(reader, method, into);
                    }
                }
            }
        }

        private static void AddParameters(MetadataReader reader, MethodDefinition method, HashSet<string> into)
        {
            foreach (var parameterHandle in method.GetParameters())
            {
                var parameter = reader.GetParameter(parameterHandle);
                if (parameter.SequenceNumber > 0 && !parameter.Name.IsNil)
                {
                    into.Add(reader.GetString(parameter.Name)); // 0 is the return value's row
                }
            }
        }

        private static string NameOf(MetadataReader reader, StringHandle handle, Dictionary<StringHandle, string> names)
        {
            if (!names.TryGetValue(handle, out var name))
            {
                names.Add(handle, name = reader.GetString(handle));
            }

            return name;
        }

        /// <summary>A generic type's name as the compiler gives it: <c>List`1</c> is <c>List</c>.</summary>
        private static string WithoutArity(string name)
        {
            var tick = name.LastIndexOf('`');
            return tick > 0 ? name.Substring(0, tick) : name;
        }

        /// <summary>Whether code of the compilation may name the type: it and every type it is nested in are accessible.</summary>
        private bool IsVisible(MetadataReader reader, TypeDefinitionHandle handle, Dictionary<TypeDefinitionHandle, bool> known)
        {
            if (known.TryGetValue(handle, out var visible))
            {
                return visible;
            }

            var type = reader.GetTypeDefinition(handle);
            visible = (type.Attributes & TypeAttributes.VisibilityMask) switch
            {
                TypeAttributes.Public => true,
                TypeAttributes.NotPublic => _reads != MetadataImportOptions.Public,
                TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem => IsVisible(reader, type.GetDeclaringType(), known),
                TypeAttributes.NestedAssembly or TypeAttributes.NestedFamANDAssem => _reads != MetadataImportOptions.Public && IsVisible(reader, type.GetDeclaringType(), known),
                _ => _reads == MetadataImportOptions.All && IsVisible(reader, type.GetDeclaringType(), known), // nested private
            };
            known[handle] = visible;
            return visible;
        }

        /// <summary>Whether code of the compilation may call the method, as the import options say.</summary>
        private bool Imports(MethodAttributes attributes) => (attributes & MemberAccess) switch
        {
            MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem => true,
            MethodAttributes.Assembly or MethodAttributes.FamANDAssem => _reads != MetadataImportOptions.Public,
            _ => _reads == MetadataImportOptions.All, // private, or no access at all
        };
    }

    /// <summary>
    /// An assembly's parameter names read from its symbols (a compilation's reference, or metadata
    /// that could not be read): its types indexed once, for this compilation.
    /// </summary>
    private sealed class SymbolParameters : ReferencedParameters
    {
        private readonly Lazy<ReferencedTypes> _types;

        public SymbolParameters(IAssemblySymbol assembly) =>
            _types = new Lazy<ReferencedTypes>(() => new ReferencedTypes(assembly), LazyThreadSafetyMode.ExecutionAndPublication);

        protected override string[] MethodParametersOf(string name)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var type in _types.Value.WithMember(name))
            {
                foreach (var member in type.GetMembers(name))
                {
                    if (member is IMethodSymbol method)
                    {
                        foreach (var parameter in method.Parameters)
                        {
                            names.Add(parameter.Name);
                        }
                    }
                }
            }

            return ToArray(names);
        }

        protected override string[] ConstructorParametersOf(string name)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var type in _types.Value.Named(name))
            {
                foreach (var constructor in type.InstanceConstructors)
                {
                    foreach (var parameter in constructor.Parameters)
                    {
                        names.Add(parameter.Name);
                    }
                }
            }

            return ToArray(names);
        }
    }

    /// <summary>
    /// Every type of an assembly's symbols, nested ones included, by its name and by the names of its
    /// members: a name's types are found without looking at every type. The index holds positions,
    /// not a list per name.
    /// </summary>
    private sealed class ReferencedTypes
    {
        private readonly List<INamedTypeSymbol> _types = new();
        private readonly Dictionary<string, int> _lastByTypeName = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _lastByMemberName = new(StringComparer.Ordinal);
        private readonly List<int> _previousByTypeName = new();
        private readonly List<int> _memberEntryType = new();
        private readonly List<int> _previousByMemberName = new();

        public ReferencedTypes(IAssemblySymbol assembly)
        {
            var namespaces = new Stack<INamespaceSymbol>();
            namespaces.Push(assembly.GlobalNamespace);
            while (namespaces.Count > 0)
            {
                var current = namespaces.Pop();
                foreach (var nested in current.GetNamespaceMembers())
                {
                    namespaces.Push(nested);
                }

                foreach (var type in current.GetTypeMembers())
                {
                    AddWithNested(type);
                }
            }
        }

        /// <summary>The types named <paramref name="name"/>.</summary>
        public IEnumerable<INamedTypeSymbol> Named(string name)
        {
            for (var entry = _lastByTypeName.TryGetValue(name, out var last) ? last : -1; entry >= 0; entry = _previousByTypeName[entry])
            {
                yield return _types[entry];
            }
        }

        /// <summary>The types that declare a member named <paramref name="name"/>.</summary>
        public IEnumerable<INamedTypeSymbol> WithMember(string name)
        {
            for (var entry = _lastByMemberName.TryGetValue(name, out var last) ? last : -1; entry >= 0; entry = _previousByMemberName[entry])
            {
                yield return _types[_memberEntryType[entry]];
            }
        }

        private void AddWithNested(INamedTypeSymbol type)
        {
            var position = _types.Count;
            _types.Add(type);
            Chain(_lastByTypeName, _previousByTypeName, type.Name);
            foreach (var memberName in type.MemberNames)
            {
                _memberEntryType.Add(position);
                Chain(_lastByMemberName, _previousByMemberName, memberName);
            }

            foreach (var nested in type.GetTypeMembers())
            {
                AddWithNested(nested);
            }
        }
    }
}
