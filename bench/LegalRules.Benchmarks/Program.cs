using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace LegalRules.Bench;

/// <summary>
/// LegalRules' in-process benchmarks. <c>bdn [BenchmarkDotNet arguments]</c> runs the
/// BenchmarkDotNet suites (registry warm, literal path with allocations); the other commands measure
/// once in this fresh process what BenchmarkDotNet's warm-up would hide (see eng/bench-*.sh).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var command = args.Length > 0 ? args[0] : string.Empty;
        var rest = args.Skip(1).ToArray();
        switch (command)
        {
            case "bdn":
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest);
                return 0;
            case "registry-cold" when rest.Length >= 1:
                return RegistryRun.Cold(rest[0], Option(rest, "--root"));
            case "registry-phase" when rest.Length >= 1:
                return RegistryRun.Phase(rest[0], Option(rest, "--root"));
            case "registry-cache":
                return RegistryRun.Cache(Option(rest, "--root"));
            case "analyzer" when Option(rest, "--corpus") is { } corpus:
                var runs = int.Parse(Option(rest, "--runs") ?? "5", CultureInfo.InvariantCulture);
                var groups = (Option(rest, "--groups") ?? "statutory,arithmetic,all").Split(',', StringSplitOptions.RemoveEmptyEntries);
                return await AnalyzerRun.RunAsync(corpus, runs, groups, Option(rest, "--openfisca"), rest.Contains("--serial"), rest.Contains("--fresh-trees")).ConfigureAwait(false);
            case "document" when Option(rest, "--corpus") is { } documents:
                var edits = int.Parse(Option(rest, "--edits") ?? "40", CultureInfo.InvariantCulture);
                var documentGroups = (Option(rest, "--groups") ?? "all,syntax-floor").Split(',', StringSplitOptions.RemoveEmptyEntries);
                return await DocumentRun.RunAsync(documents, edits, documentGroups).ConfigureAwait(false);
            default:
                Console.Error.WriteLine("""
                    usage: LegalRules.Benchmarks bdn [BenchmarkDotNet arguments]
                           LegalRules.Benchmarks registry-cold embedded|embedded-yaml|openfisca [--root DIR]
                           LegalRules.Benchmarks registry-phase events|tree|tree-parser|parse [--root DIR]
                           LegalRules.Benchmarks registry-cache [--root DIR]
                           LegalRules.Benchmarks analyzer --corpus DIR [--runs N] [--groups all,statutory,arithmetic] [--openfisca DIR] [--serial] [--fresh-trees]
                           LegalRules.Benchmarks document --corpus DIR [--edits N] [--groups all,syntax-floor]
                    """);
                return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
