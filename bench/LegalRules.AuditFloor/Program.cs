using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Bench.AuditFloor;

/// <summary>
/// The floor of an audit: what <c>legalrules audit</c> must do anyway before any analyzer runs —
/// read every <c>.cs</c> file of a drop, parse them (in parallel), bind them against the same fixed
/// references (.NET 10 reference assemblies and LegalRules.Annotations) and ask the compiler for its
/// diagnostics. Same compiler, same runtime settings (no tiered PGO), same parse and compilation
/// options as the audit command: the audit's time and memory over this tool's are what the analyzers
/// and reports cost. <c>LegalRules.AuditFloor DROP</c>.
/// </summary>
internal static class Program
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static int Main(string[] args)
    {
        if (args.Length != 1 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: LegalRules.AuditFloor DROP_FOLDER");
            return 2;
        }

        var stopwatch = Stopwatch.StartNew();
        var files = Directory.GetFiles(args[0], "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
        var trees = new SyntaxTree[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            using var stream = new FileStream(files[i], FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            trees[i] = CSharpSyntaxTree.ParseText(SourceText.From(stream, Utf8, SourceHashAlgorithm.Sha256), ParseOptions, files[i]);
        });
        var parsed = stopwatch.Elapsed;

        var references = new List<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All)
        {
            MetadataReference.CreateFromFile(typeof(LegalRules.StatutoryParameterAttribute).Assembly.Location),
        };
        var compilation = CSharpCompilation.Create(
            "LegalRulesAuditFloor",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, concurrentBuild: true, deterministic: true));
        var diagnostics = compilation.GetDiagnostics();
        stopwatch.Stop();

        var lines = trees.Sum(t => t.GetText().Lines.Count);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"floor: {files.Length} files, {lines} lines; parsed in {parsed.TotalSeconds:0.000} s, parsed and bound in {stopwatch.Elapsed.TotalSeconds:0.000} s; {diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} compiler errors"));
        return 0;
    }
}
