using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CsCheck;
using LegalRules.Fuzz.Generators;
using LegalRules.Fuzz.Infrastructure;
using Xunit;

namespace LegalRules.Fuzz;

/// <summary>
/// Mutated calculation code through every analyzer: the analyzer must never break a build, so no
/// input — however broken — may make it throw (AD0001), report outside the text, or hang.
/// </summary>
[Collection(FuzzGroup.Name)]
public sealed class CSharpMutationFuzzTests
{
    /// <summary>Mutants analysed together in one compilation: one driver start per batch, as a project has many files.</summary>
    private const int BatchSize = 8;

    /// <summary>Options as users write them, and as they mistype them.</summary>
    private static readonly IReadOnlyDictionary<string, string>[] OptionSets =
    {
        AnalysisHarness.DefaultOptions,
        AnalysisHarness.DefaultOptions.SetItem("legal_rules.as_of", "2019-03-31").SetItem("legal_rules.history_years", "3"),
        AnalysisHarness.DefaultOptions.SetItem("legal_rules.default_registry", "false"),
        AnalysisHarness.DefaultOptions.SetItem("legal_rules.as_of", "2026-02-30").SetItem("legal_rules.history_years", "-1").SetItem("legal_rules.stale_after_months", "0"),
        AnalysisHarness.DefaultOptions.SetItem("legal_rules.as_of", "0001-01-01").SetItem("legal_rules.history_years", "200"),
        AnalysisHarness.DefaultOptions.SetItem("legal_rules.as_of", "9999-12-31").SetItem("legal_rules.default_registry", "peut-être"),
    };

    [Fact]
    public void Mutated_calculation_code_never_makes_an_analyzer_throw_or_hang()
    {
        var seeds = CSharpCorpus.Seeds;
        var additional = CSharpCorpus.AdditionalFiles;
        var additionalTexts = additional.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        var generator = CSharpMutator.Mutants(seeds.Length);
        var count = FuzzSettings.CSharpMutants;
        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        var slowestBatch = -1;
        var total = Stopwatch.StartNew();
        var analysis = TimeSpan.Zero;
        var findings = 0L;
        var compilerCrashes = new List<string>();
        IReadOnlyDictionary<string, string> options = AnalysisHarness.DefaultOptions;

        for (var batchStart = 0; batchStart < count; batchStart += BatchSize)
        {
            var batch = new List<(int Index, CSharpMutant Mutant, InputFile File)>();
            for (var index = batchStart; index < Math.Min(count, batchStart + BatchSize); index++)
            {
                var mutant = Generate(generator, index);
                var seed = seeds[mutant.Seed];
                batch.Add((index, mutant, new InputFile(seed.Path.Replace(".cs", $".m{index}.cs", StringComparison.Ordinal), CSharpMutator.Apply(seed.Text, mutant))));
            }

            options = OptionSets[(batchStart / BatchSize) % OptionSets.Length];
            var outcome = AnalysisHarness.Run(batch.Select(b => b.File), additional, options);
            if (outcome.CompilerCrash is not null)
            {
                // The compiler crashed on one of the mutants: analyse the others alone, so that they still count.
                foreach (var single in batch)
                {
                    var alone = AnalysisHarness.Run(new[] { single.File }, additional, options);
                    if (alone.CompilerCrash is not null)
                    {
                        compilerCrashes.Add(RecordCompilerCrash(single, alone.CompilerCrash));
                        continue;
                    }

                    Check(alone, new List<(int, CSharpMutant, InputFile)> { single });
                }

                continue;
            }

            Check(outcome, batch);
        }

        void Check(AnalysisOutcome outcome, List<(int Index, CSharpMutant Mutant, InputFile File)> batch)
        {
            analysis += outcome.Elapsed;
            findings += outcome.Findings.Length;
            if (outcome.Elapsed > slowest)
            {
                slowest = outcome.Elapsed;
                slowestBatch = batch[0].Index;
            }

            var violations = Invariants.Violations(outcome, additionalTexts, Invariants.TimeBound * batch.Count);
            if (violations.Count > 0 && failures.Count < 5)
            {
                failures.Add(Describe(batch, options, violations));
            }

            FuzzSummary.AddFailures(outcome.Failures.Length);
        }

        FuzzSummary.AddCSharpMutants(count);
        FuzzSummary.Write(
            "C# mutants",
            $"{count:N0} analysed in batches of {BatchSize}, {findings:N0} findings, {failures.Count} failing batches, {compilerCrashes.Count} compiler crashes (not ours: {string.Join("; ", compilerCrashes)}), mean {FuzzSummary.Duration(analysis / Math.Max(1, count))} per mutant, slowest batch {FuzzSummary.Duration(slowest)} (from mutant {slowestBatch}), {total.Elapsed.TotalSeconds:F1} s (seed {FuzzSettings.Seed})");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures));
    }

    /// <summary>A mutant the compiler itself cannot bind, kept for a report to Roslyn: its first frame says where.</summary>
    private static string RecordCompilerCrash((int Index, CSharpMutant Mutant, InputFile File) mutant, Exception crash)
    {
        var folder = Path.Combine(Repository.Root, "TestResults", "fuzz-compiler-crashes");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{FuzzSettings.Seed}-{mutant.Index}.cs"), mutant.File.Text);
        File.WriteAllText(Path.Combine(folder, $"{FuzzSettings.Seed}-{mutant.Index}.txt"), crash.ToString());
        var frame = crash.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? string.Empty;
        return $"#{mutant.Index} {crash.GetType().Name} {frame}";
    }

    internal static CSharpMutant Generate(Gen<CSharpMutant> generator, int index)
        => generator.Generate(new PCG((uint)index, FuzzSettings.Seed), null!, out _);

    /// <summary>The failing batch, written out so that it can be replayed without the generator.</summary>
    private static string Describe(List<(int Index, CSharpMutant Mutant, InputFile File)> batch, IReadOnlyDictionary<string, string> options, List<string> violations)
    {
        var folder = Path.Combine(Repository.Root, "TestResults", "fuzz-failures", $"csharp-{FuzzSettings.Seed}-{batch[0].Index}");
        Directory.CreateDirectory(folder);
        foreach (var (_, _, file) in batch)
        {
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(file.Path)), file.Text);
        }

        return $"Mutants {batch[0].Index}–{batch[^1].Index} (seed {FuzzSettings.Seed}; files in {folder}; options {string.Join(", ", options.Select(o => o.Key + "=" + o.Value))}):"
            + Environment.NewLine + string.Join(Environment.NewLine, batch.Select(b => $"  #{b.Index} {b.Mutant}"))
            + Environment.NewLine + string.Join(Environment.NewLine, violations.Take(5));
    }
}
