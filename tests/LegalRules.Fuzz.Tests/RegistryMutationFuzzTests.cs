using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using LegalRules.Fuzz.Generators;
using LegalRules.Fuzz.Infrastructure;
using LegalRules.Registry;
using Xunit;

namespace LegalRules.Fuzz;

/// <summary>
/// Mutated registry, OpenFisca and bindings files: each is read either cleanly or with faults located
/// inside its text (LR0901), never with an exception, in bounded time and memory. Read by the
/// parsers directly, then by every analyzer, with code bound to what they declare.
/// </summary>
[Collection(FuzzGroup.Name)]
public sealed class RegistryMutationFuzzTests
{
    private const int BatchSize = 25;
    private const string OpenFiscaRoot = "/openfisca";

    [Fact]
    public void Mutated_registry_and_bindings_files_give_located_faults_or_load_cleanly()
    {
        var seeds = RegistryCorpus.Seeds;
        var generator = YamlMutator.Mutants(seeds.Length);
        var count = FuzzSettings.RegistryMutants;
        var failures = new List<string>();
        var clean = 0;
        var faulty = 0;
        var slowest = TimeSpan.Zero;
        var slowestIndex = -1;
        var reading = TimeSpan.Zero;
        var analysis = TimeSpan.Zero;
        var findings = 0L;
        var total = Stopwatch.StartNew();
        using var memory = MemoryProbe.Start();

        for (var batchStart = 0; batchStart < count; batchStart += BatchSize)
        {
            var additional = new List<InputFile>();
            var bound = new StringBuilder("namespace Fuzz.Bound;\npublic static class Members\n{\n");
            for (var index = batchStart; index < Math.Min(count, batchStart + BatchSize); index++)
            {
                var mutant = generator.Generate(new PCG((uint)index, FuzzSettings.Seed), null!, out _);
                var seed = seeds[mutant.Seed];
                var text = YamlMutator.Apply(seed.Text, mutant);
                var kind = mutant.ReadAs >= 0 ? (RegistrySeedKind)mutant.ReadAs : seed.Kind;

                var read = RegistryReading.Read(kind, text);
                reading += read.Elapsed;
                if (read.Elapsed > slowest)
                {
                    slowest = read.Elapsed;
                    slowestIndex = index;
                }

                var violations = RegistryReading.Violations(read, text);
                if (violations.Count > 0)
                {
                    FuzzSummary.AddFailures(read.Thrown is null ? 0 : 1);
                    if (failures.Count < 5)
                    {
                        failures.Add(Describe(index, mutant, kind, text, violations));
                    }
                }

                if (read.Faults.IsEmpty)
                {
                    clean++;
                }
                else
                {
                    faulty++;
                }

                var (path, keyPrefix) = kind switch
                {
                    RegistrySeedKind.Native => ($"/reg/m{index}.legal.yaml", string.Empty),
                    RegistrySeedKind.Bindings => ($"/reg/m{index}.legal-bindings.yaml", string.Empty),
                    _ => ($"{OpenFiscaRoot}/m{index}/{(seed.Kind == RegistrySeedKind.OpenFisca ? seed.Name : seed.Name + ".yaml")}", RegistryKeys.FromRelativePath($"m{index}/{(seed.Kind == RegistrySeedKind.OpenFisca ? seed.Name : seed.Name + ".yaml")}") ?? "m"),
                };
                additional.Add(new InputFile(path, text));

                // Bind code to a few of what the file loaded, so that the rules read its data (values, dates, references).
                foreach (var (key, _) in read.Loaded.Where(l => kind != RegistrySeedKind.Bindings).Take(3))
                {
                    var full = keyPrefix + key;
                    if (RegistryKeys.IsValidReference(full))
                    {
                        bound.Append(System.Globalization.CultureInfo.InvariantCulture, $"    [LegalRules.StatutoryParameter(\"{full}\")] public const decimal M{index}_{bound.Length} = 1.5m;\n");
                    }
                }
            }

            bound.Append("}\n");
            var outcome = AnalysisHarness.Run(
                new[] { new InputFile("/src/Bound.cs", bound.ToString()) },
                additional,
                AnalysisHarness.DefaultOptions.Add("build_property.LegalRulesOpenFiscaParameters", OpenFiscaRoot));
            analysis += outcome.Elapsed;
            findings += outcome.Findings.Length;
            FuzzSummary.AddFailures(outcome.Failures.Length);
            var analysisViolations = Invariants.Violations(outcome, additional.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal), Invariants.TimeBound * BatchSize);
            if (outcome.CompilerCrash is not null)
            {
                analysisViolations.Add("the compiler crashed on generated code: " + outcome.CompilerCrash);
            }

            if (analysisViolations.Count > 0 && failures.Count < 5)
            {
                failures.Add(DescribeBatch(batchStart, additional, bound.ToString(), analysisViolations));
            }
        }

        memory.Dispose();
        FuzzSummary.AddRegistryMutants(count);
        FuzzSummary.Write(
            "registry mutants",
            $"{count:N0} read ({clean:N0} clean, {faulty:N0} with located faults), {failures.Count} failures, mean {FuzzSummary.Duration(reading / Math.Max(1, count))} to read, slowest {FuzzSummary.Duration(slowest)} (mutant {slowestIndex}); analysed in batches of {BatchSize}: {findings:N0} findings, {FuzzSummary.Duration(analysis)}; peak managed memory growth {MemoryProbe.Megabytes(memory.PeakGrowth)}; {total.Elapsed.TotalSeconds:F1} s (seed {FuzzSettings.Seed})");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures));
    }

    private static string Describe(int index, YamlMutant mutant, RegistrySeedKind kind, string text, List<string> violations)
    {
        var folder = Path.Combine(Repository.Root, "TestResults", "fuzz-failures");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"registry-{FuzzSettings.Seed}-{index}.{kind}.yaml");
        File.WriteAllText(file, text);
        return $"Mutant {index} ({mutant}; {file}):" + Environment.NewLine + string.Join(Environment.NewLine, violations.Take(5));
    }

    private static string DescribeBatch(int batchStart, List<InputFile> files, string code, List<string> violations)
    {
        var folder = Path.Combine(Repository.Root, "TestResults", "fuzz-failures", $"registry-batch-{FuzzSettings.Seed}-{batchStart}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Bound.cs"), code);
        foreach (var file in files)
        {
            File.WriteAllText(Path.Combine(folder, file.Path.TrimStart('/').Replace('/', '_')), file.Text);
        }

        return $"Analysis of mutants {batchStart}–{batchStart + files.Count - 1} ({folder}):" + Environment.NewLine + string.Join(Environment.NewLine, violations.Take(5));
    }
}
