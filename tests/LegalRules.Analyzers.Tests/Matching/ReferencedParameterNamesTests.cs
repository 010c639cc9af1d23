using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LegalRules.Matching;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// The parameter names of referenced assemblies are read from their metadata tables, without a
/// symbol. They must hold every name the compiler may bind an argument to (or a value would go
/// unreported), and no name of a member the compilation cannot call (or members would be bound for
/// nothing): checked against the compiler's own symbols for every method and type of the runtime
/// and of a library that declares members of every accessibility.
/// </summary>
public class ReferencedParameterNamesTests
{
    private const string LibrarySource = """
        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Ami")]
        namespace Biblio
        {
            public class Publique
            {
                public Publique(decimal ouvert) { }
                protected Publique(decimal protege, int n) { }
                private Publique(decimal prive, long n) { }
                internal Publique(decimal interne, short n) { }
                public static decimal Calculer(decimal ouvert) => ouvert;
                protected decimal Calculer(decimal protege, int n) => protege;
                protected internal decimal Calculer(decimal protegeOuInterne, long n) => protegeOuInterne;
                private protected decimal Calculer(decimal protegeEtInterne, short n) => protegeEtInterne;
                internal decimal Calculer(decimal interne, byte n) => interne;
                private decimal Calculer(decimal prive, sbyte n) => prive;
                public class Imbriquee { public Imbriquee(decimal imbriqueOuvert) { } public decimal Calculer(decimal imbriqueOuvert) => 0m; }
                protected class ImbriqueeProtegee { public decimal Calculer(decimal imbriqueProtege) => 0m; }
                private class ImbriqueePrivee { public ImbriqueePrivee(decimal imbriquePrive) { } public decimal Calculer(decimal imbriquePrive) => 0m; }
                internal class ImbriqueeInterne { public decimal Calculer(decimal imbriqueInterne) => 0m; }
            }

            public class Generique<T> { public Generique(T generique) { } public decimal Calculer<U>(U generiqueMethode) => 0m; }

            internal class Interne { public Interne(decimal typeInterne) { } public decimal Calculer(decimal typeInterne) => 0m; }

            public interface ICalcul { decimal Calculer(decimal interface_); }

            public class Explicite : ICalcul { decimal ICalcul.Calculer(decimal explicite) => 0m; }

            public delegate decimal Regle(decimal delegue);
        }
        """;

    [Theory]
    [InlineData("Autre")]
    [InlineData("Ami")]
    public void Metadata_gives_every_name_a_callable_member_has_and_none_the_compiler_does_not_import(string assemblyName)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText("class Vide { }") },
            TestReferences.Runtime.Add(Library()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var names = ParameterNames.For(compilation);
        var methods = new Expected();
        var constructors = new Expected();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            var internals = assembly.GivesAccessTo(compilation.Assembly);
            foreach (var type in TypesOf(assembly.GlobalNamespace))
            {
                var typeCallable = Callable(type, internals);
                foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
                {
                    var callable = typeCallable && Callable(method, internals);
                    if (method.MethodKind == MethodKind.Constructor)
                    {
                        constructors.Add(type.Name, method, callable);
                    }
                    else
                    {
                        methods.Add(method.Name, method, callable);
                    }
                }
            }
        }

        Assert.True(methods.Count > 10_000, $"{methods.Count} method names"); // the runtime's, read
        var checkedMethods = methods.Check(name => names.ReferencedParameterNames(name, constructors: false));
        var checkedConstructors = constructors.Check(name => names.ReferencedParameterNames(name, constructors: true));
        Assert.Equal(methods.Count, checkedMethods);
        Assert.Equal(constructors.Count, checkedConstructors);

        // The library's members, one by one: what a compilation without access and one with access may call.
        var friend = assemblyName == "Ami";
        var calculer = names.ReferencedParameterNames("Calculer", constructors: false)!;
        var expected = new[] { "ouvert", "protege", "protegeOuInterne", "imbriqueOuvert", "imbriqueProtege", "generiqueMethode", "interface_" }
            .Concat(friend ? new[] { "interne", "protegeEtInterne", "imbriqueInterne", "typeInterne" } : Array.Empty<string>());
        Assert.Equal(expected.OrderBy(n => n, StringComparer.Ordinal), calculer.Intersect(LibraryParameterNames()).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(friend, names.ReferencedParameterNames("Interne", constructors: true)!.Contains("typeInterne"));
        Assert.Contains("generique", names.ReferencedParameterNames("Generique", constructors: true)!);
        Assert.Contains("delegue", names.ReferencedParameterNames("Invoke", constructors: false)!);
        Assert.Equal(friend, names.ReferencedParameterNames("Publique", constructors: true)!.Contains("interne"));
        Assert.Empty(names.ReferencedParameterNames("AucuneMethodeDeCeNom", constructors: false)!);
    }

    [Fact]
    public void An_assembly_is_indexed_once_for_every_compilation_that_shares_its_loaded_image()
    {
        // Each compilation is given its own copy of a reference's metadata; the copies share the image.
        var library = Library();
        var first = library.GetMetadata();
        var second = library.GetMetadata();
        Assert.NotSame(first, second);
        var answers = ParameterNames.AnswersFor(first, MetadataImportOptions.Public);
        Assert.NotNull(answers);
        Assert.Same(answers, ParameterNames.AnswersFor(second, MetadataImportOptions.Public));

        // Two compilations with that reference: the second one's question is answered from the same index.
        var names = new List<HashSet<string>?>();
        foreach (var assemblyName in new[] { "Premiere", "Seconde" })
        {
            var compilation = CSharpCompilation.Create(assemblyName, new[] { CSharpSyntaxTree.ParseText("class Vide { }") }, TestReferences.Runtime.Add(library));
            names.Add(ParameterNames.For(compilation).ReferencedParameterNames("Calculer", constructors: false));
        }

        Assert.Contains("ouvert", names[0]!);
        Assert.Equal(names[0]!.OrderBy(n => n, StringComparer.Ordinal), names[1]!.OrderBy(n => n, StringComparer.Ordinal));

        // Another import of the same image is another index; another image of the same bytes, too.
        Assert.NotSame(answers, ParameterNames.AnswersFor(first, MetadataImportOptions.Internal));
        Assert.NotSame(answers, ParameterNames.AnswersFor(Library().GetMetadata(), MetadataImportOptions.Public));
    }

    [Fact]
    public void An_assembly_whose_module_file_is_missing_has_no_answers_and_nothing_is_thrown()
    {
        // A multi-module assembly whose second module is gone: its members are bound instead (null answers).
        var folder = Directory.CreateTempSubdirectory("legalrules-modules-").FullName;
        try
        {
            var modulePath = Path.Combine(folder, "Partie.netmodule");
            var module = CSharpCompilation.Create(
                "Partie",
                new[] { CSharpSyntaxTree.ParseText("public class Partie { public static decimal Calculer(decimal partiel) => partiel; }") },
                TestReferences.Runtime,
                new CSharpCompilationOptions(OutputKind.NetModule));
            Assert.True(module.Emit(modulePath).Success);
            var assemblyPath = Path.Combine(folder, "Assemblage.dll");
            var assembly = CSharpCompilation.Create(
                "Assemblage",
                new[] { CSharpSyntaxTree.ParseText("public class Tout { }") },
                TestReferences.Runtime.Add(ModuleMetadata.CreateFromFile(modulePath).GetReference()),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.True(assembly.Emit(assemblyPath).Success);
            File.Delete(modulePath);

            using var metadata = AssemblyMetadata.CreateFromFile(assemblyPath);
            Assert.Throws<FileNotFoundException>(() => metadata.GetModules());
            Assert.Null(ParameterNames.AnswersFor(metadata, MetadataImportOptions.Public));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static HashSet<string> LibraryParameterNames() => new(
        new[] { "ouvert", "protege", "prive", "interne", "protegeOuInterne", "protegeEtInterne", "imbriqueOuvert", "imbriqueProtege", "imbriquePrive", "imbriqueInterne", "generique", "generiqueMethode", "typeInterne", "interface_", "explicite", "delegue" },
        StringComparer.Ordinal);

    /// <summary>Per name, the parameter names of the members the compilation may call (which the answer must hold) and of every member the compiler imports (which it must not exceed).</summary>
    private sealed class Expected
    {
        private readonly Dictionary<string, (HashSet<string> Callable, HashSet<string> Imported)> _byName = new(StringComparer.Ordinal);

        public int Count => _byName.Count;

        public void Add(string name, IMethodSymbol method, bool callable)
        {
            if (!_byName.TryGetValue(name, out var sets))
            {
                _byName.Add(name, sets = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal)));
            }

            foreach (var parameter in method.Parameters)
            {
                sets.Imported.Add(parameter.Name);
                if (callable)
                {
                    sets.Callable.Add(parameter.Name);
                }
            }
        }

        public int Check(Func<string, HashSet<string>?> fromMetadata)
        {
            var checkedNames = 0;
            foreach (var (name, (callable, imported)) in _byName)
            {
                var read = fromMetadata(name);
                Assert.True(read is not null, $"{name}: metadata not read");
                var missing = callable.Except(read!).ToList();
                Assert.True(missing.Count == 0, $"{name}: the metadata lacks {string.Join(", ", missing)}");
                var extra = read!.Except(imported).ToList();
                Assert.True(extra.Count == 0, $"{name}: the metadata adds {string.Join(", ", extra)}, which no imported member has");
                checkedNames++;
            }

            return checkedNames;
        }
    }

    private static bool Callable(ISymbol symbol, bool internals)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            var accessible = current.DeclaredAccessibility switch
            {
                Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal => true,
                Accessibility.Internal or Accessibility.ProtectedAndInternal => internals,
                _ => false,
            };
            if (!accessible)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<INamedTypeSymbol> TypesOf(INamespaceSymbol root)
    {
        var namespaces = new Stack<INamespaceSymbol>();
        namespaces.Push(root);
        while (namespaces.Count > 0)
        {
            var current = namespaces.Pop();
            foreach (var nested in current.GetNamespaceMembers())
            {
                namespaces.Push(nested);
            }

            var types = new Stack<INamedTypeSymbol>(current.GetTypeMembers());
            while (types.Count > 0)
            {
                var type = types.Pop();
                yield return type;
                foreach (var nested in type.GetTypeMembers())
                {
                    types.Push(nested);
                }
            }
        }
    }

    private static PortableExecutableReference Library()
    {
        var library = CSharpCompilation.Create(
            "Bibliotheque",
            new[] { CSharpSyntaxTree.ParseText(LibrarySource) },
            TestReferences.Runtime,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
