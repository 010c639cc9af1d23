using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using LegalRules.Analysis;
using LegalRules.Registry.Sources;
using LegalRules.Registry.Yaml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Bench;

/// <summary>
/// Registry figures that need a fresh process — BenchmarkDotNet warms up, a first compilation does
/// not — and the cache check. Each mode measures one thing once; the scripts start it many times.
/// <list type="bullet">
/// <item><c>registry-cold embedded</c>: the embedded registry ready, as the analyzer loads it (compact data, JIT included).</item>
/// <item><c>registry-cold embedded-yaml</c>: the same registry parsed from its YAML resource, the way it was loaded before the compact data (for before/after pairs).</item>
/// <item><c>registry-cold openfisca [--root DIR]</c>: a whole OpenFisca tree (texts already in memory, as
/// the compiler hands them) parsed and merged into a compilation's registry, embedded registry off.</item>
/// <item><c>registry-phase events|tree|tree-parser|parse [--root DIR]</c>: where the cold cost of an OpenFisca tree goes. Its
/// files (index.yaml aside) read on one thread, four passes in a row, the processor time of each: YamlDotNet's
/// events alone, the YAML tree (events, nodes, positions), or the whole file parse. The first pass is
/// the cold one; the later ones show what is left once the code has been compiled and tiered up. <c>tree</c>
/// is the product's path (the subset reader, YamlDotNet for the files it declines); <c>tree-parser</c>
/// builds the same tree from YamlDotNet's events for every file.</item>
/// <item><c>registry-cache [--root DIR]</c>: a second compilation with new text objects of the same content
/// parses nothing again; exits 1 if it does.</item>
/// </list>
/// </summary>
internal static class RegistryRun
{
    public static int Cold(string what, string? root)
    {
        if (what == "embedded")
        {
            var stopwatch = Stopwatch.StartNew();
            var parameters = EmbeddedRegistry.File.Parameters.Length;
            stopwatch.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"embedded registry: {parameters} parameters ready in {stopwatch.Elapsed.TotalMilliseconds:0.0} ms (cold)"));
            Statistics.Result("registry.embedded.cold.ms", stopwatch.Elapsed.TotalMilliseconds);
            return 0;
        }

        if (what == "embedded-yaml")
        {
            var stopwatch = Stopwatch.StartNew();
            var parameters = EmbeddedRegistry.ParseYaml(EmbeddedRegistry.ReadText()).Parameters.Length;
            stopwatch.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"embedded registry from YAML: {parameters} parameters ready in {stopwatch.Elapsed.TotalMilliseconds:0.0} ms (cold)"));
            Statistics.Result("registry.embeddedYaml.cold.ms", stopwatch.Elapsed.TotalMilliseconds);
            return 0;
        }

        if (what == "openfisca")
        {
            root ??= BenchInputs.DefaultOpenFiscaTree();
            var files = BenchInputs.ReadOpenFiscaTree(root);
            var stopwatch = Stopwatch.StartNew();
            var registry = StateFor(files, root, defaultRegistry: false).Registry;
            stopwatch.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"OpenFisca tree: {files.Length} files → {registry.Count} parameters, parsed and merged in {stopwatch.Elapsed.TotalMilliseconds:0.0} ms (cold)"));
            Statistics.Result("registry.openfisca.cold.ms", stopwatch.Elapsed.TotalMilliseconds);
            return 0;
        }

        Console.Error.WriteLine("registry-cold embedded|embedded-yaml|openfisca [--root DIR]");
        return 2;
    }

    public static int Phase(string what, string? root)
    {
        root ??= BenchInputs.DefaultOpenFiscaTree();
        var texts = BenchInputs.ReadOpenFiscaTree(root)
            .Where(f => !f.Path.EndsWith("index.yaml", StringComparison.Ordinal))
            .Select(f => f.GetText()!)
            .ToArray();
        Action<SourceText> read = what switch
        {
            "events" => text =>
            {
                var parser = new YamlDotNet.Core.Parser(new StringReader(text.ToString()));
                while (parser.MoveNext())
                {
                }
            },
            "tree" => text => YamlTreeReader.Read(text),
            "tree-parser" => text => YamlTreeReader.ReadWithParser(text),
            "parse" => text => OpenFiscaParameterParser.Parse(text),
            _ => null!,
        };
        if (read is null)
        {
            Console.Error.WriteLine("registry-phase events|tree|tree-parser|parse [--root DIR]");
            return 2;
        }

        var passes = new double[4];
        for (var pass = 0; pass < passes.Length; pass++)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var text in texts)
            {
                read(text);
            }

            passes[pass] = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
            Statistics.Result($"registry.phase.{what}.pass{pass + 1}.cpu.ms", passes[pass]);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {texts.Length} files on one thread, processor time of passes 1-4: {string.Join(" / ", passes.Select(p => p.ToString("0", CultureInfo.InvariantCulture)))} ms"));
        return 0;
    }

    public static int Cache(string? root)
    {
        root ??= BenchInputs.DefaultOpenFiscaTree();
        var files = BenchInputs.ReadOpenFiscaTree(root);
        var first = StateFor(files, root, defaultRegistry: true).Registry;
        var parsesAfterFirst = ParsedFiles.OpenFisca.ParseCount + ParsedFiles.Native.ParseCount;

        // Another build on the compiler server: a new compilation, new text objects, the same content.
        var copies = BenchInputs.CopyTexts(files);
        var stopwatch = Stopwatch.StartNew();
        var second = StateFor(copies, root, defaultRegistry: true).Registry;
        stopwatch.Stop();
        var newTextsMs = stopwatch.Elapsed.TotalMilliseconds;
        var parsesAfterSecond = ParsedFiles.OpenFisca.ParseCount + ParsedFiles.Native.ParseCount;

        // The IDE: a new compilation, the same text objects.
        stopwatch.Restart();
        var third = StateFor(files, root, defaultRegistry: true).Registry;
        stopwatch.Stop();
        var sameObjectsMs = stopwatch.Elapsed.TotalMilliseconds;
        var parsesAfterThird = ParsedFiles.OpenFisca.ParseCount + ParsedFiles.Native.ParseCount;

        Console.WriteLine($"first compilation: {parsesAfterFirst} files parsed; second (same content, new texts): {parsesAfterSecond - parsesAfterFirst} parsed, merged registry reused: {ReferenceEquals(first, second)}; third (same texts): {parsesAfterThird - parsesAfterSecond} parsed, reused: {ReferenceEquals(first, third)}");
        Statistics.Result("registry.cache.secondParses", parsesAfterSecond - parsesAfterFirst);
        Statistics.Result("registry.cache.newTexts.ms", newTextsMs);
        Statistics.Result("registry.cache.sameTexts.ms", sameObjectsMs);
        return parsesAfterSecond == parsesAfterFirst && parsesAfterThird == parsesAfterSecond && ReferenceEquals(first, second) && ReferenceEquals(first, third) ? 0 : 1;
    }

    internal static LegalRulesCompilationState StateFor(ImmutableArray<AdditionalText> files, string root, bool defaultRegistry)
    {
        var options = BenchInputs.Options(files, root, defaultRegistry);
        return LegalRulesCompilationState.Get(CSharpCompilation.Create("RegistryBench"), options, CancellationToken.None);
    }
}
