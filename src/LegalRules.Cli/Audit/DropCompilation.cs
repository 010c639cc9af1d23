using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LegalRules.Cli.Audit;

/// <summary>
/// Turns the drop's C# files into one compilation against fixed reference assemblies (.NET 10):
/// nothing from the drop is built, restored or run, and code whose dependencies are missing still
/// binds as far as it can.
/// </summary>
internal static class DropCompilation
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    public static (CSharpCompilation Compilation, ImmutableHashSet<SyntaxTree> GeneratedTrees, ImmutableArray<SkippedFile> Unreadable) Create(
        Drop drop,
        CancellationToken cancellationToken)
    {
        var files = drop.SourceFiles;
        var trees = new SyntaxTree?[files.Length];
        var unreadable = new ConcurrentBag<SkippedFile>();

        // Parsing is independent per file: spread it over the cores.
        Parallel.For(0, files.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            try
            {
                var text = SourceFileReader.Read(files[i]);
                trees[i] = CSharpSyntaxTree.ParseText(text, ParseOptions, files[i], cancellationToken);
            }
            catch (InvalidDataException)
            {
                unreadable.Add(new SkippedFile(DropPaths.Relative(drop.Root, files[i]), SkipReason.Binary));
            }
            catch (IOException exception)
            {
                unreadable.Add(new SkippedFile(DropPaths.Relative(drop.Root, files[i]), SkipReason.Unreadable, exception.Message));
            }
            catch (System.UnauthorizedAccessException exception)
            {
                unreadable.Add(new SkippedFile(DropPaths.Relative(drop.Root, files[i]), SkipReason.Unreadable, exception.Message));
            }
        });

        var parsed = trees.Where(t => t is not null).Select(t => t!).ToList();
        var generated = parsed
            .Where(t => GeneratedCode.IsGeneratedName(t.FilePath) || GeneratedCode.HasGeneratedHeader(t))
            .ToImmutableHashSet();

        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            allowUnsafe: true,
            concurrentBuild: true,
            deterministic: true);

        // The drop's own attributes bind when it declares them; LegalRules.Annotations is added so
        // that code using the published attributes (namespace LegalRules) binds too.
        var references = new List<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All)
        {
            MetadataReference.CreateFromFile(typeof(StatutoryParameterAttribute).Assembly.Location),
        };

        var compilation = CSharpCompilation.Create("LegalRulesAudit", parsed, references, options);
        return (compilation, generated, unreadable.OrderBy(s => s.Path, System.StringComparer.Ordinal).ToImmutableArray());
    }
}
