using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using LegalRules.Fuzz.Generators;
using LegalRules.Fuzz.Infrastructure;
using LegalRules.Registry;
using Xunit;

namespace LegalRules.Fuzz;

/// <summary>
/// Files written to hurt (<see cref="HostileYaml"/>): each is read by its parser and by every
/// analyzer, with code bound to what it declares, and must give located faults or a clean load,
/// in bounded time and memory.
/// </summary>
[Collection(FuzzGroup.Name)]
public sealed class HostileRegistryFileTests
{
    /// <summary>Far above what any of these files needs (tens of MB); an alias bomb expanded would take gigabytes.</summary>
    private const long MemoryBound = 1L << 30;

    [Fact]
    public void Hostile_registry_and_bindings_files_are_read_in_bounded_time_and_memory()
    {
        var failures = new List<string>();
        var cases = 0;
        var slowest = (Name: string.Empty, Elapsed: TimeSpan.Zero);
        var hungriest = (Name: string.Empty, Bytes: 0L);
        var total = Stopwatch.StartNew();
        foreach (var file in HostileYaml.All(FuzzSettings.IsLongRun ? 4 : 1))
        {
            cases++;
            var stopwatch = Stopwatch.StartNew();
            RegistryReadOutcome read;
            using (var memory = MemoryProbe.Start())
            {
                read = RegistryReading.Read(file.Kind, file.Text);
                memory.Dispose();
                if (memory.PeakGrowth > hungriest.Bytes)
                {
                    hungriest = (file.Name, memory.PeakGrowth);
                }

                if (memory.PeakGrowth > MemoryBound)
                {
                    failures.Add($"{file.Name}: reading grew the managed heap by {MemoryProbe.Megabytes(memory.PeakGrowth)}");
                }
            }

            failures.AddRange(RegistryReading.Violations(read, file.Text).Select(v => $"{file.Name}: {v}"));
            FuzzSummary.AddFailures(read.Thrown is null ? 0 : 1);

            // The end of the calendar as evaluation date too, on files small enough for a second analysis to cost nothing.
            foreach (var asOf in file.Text.Length < 100_000 ? new[] { "2026-06-01", "9999-12-31" } : new[] { "2026-06-01" })
            {
                var outcome = Analyze(file, read, asOf);
                FuzzSummary.AddFailures(outcome.Failures.Length);
                var path = PathOf(file);
                failures.AddRange(Invariants.Violations(outcome, new Dictionary<string, string> { [path] = file.Text }).Select(v => $"{file.Name} (as of {asOf}): {v}"));
                if (!read.Faults.IsEmpty && !outcome.Findings.Any(f => f.Id == "LR0901" && f.Location.GetLineSpan().Path == path))
                {
                    failures.Add($"{file.Name} (as of {asOf}): the parser found faults, the analyzer reported none in the file");
                }
            }

            stopwatch.Stop();
            if (stopwatch.Elapsed > slowest.Elapsed)
            {
                slowest = (file.Name, stopwatch.Elapsed);
            }

            FuzzSummary.Write(
                "hostile file",
                $"{file.Name}: {file.Text.Length:N0} chars, {read.Faults.Length:N0} faults, {read.Loaded.Length:N0} loaded, read in {FuzzSummary.Duration(read.Elapsed)}, read and analysed in {FuzzSummary.Duration(stopwatch.Elapsed)}");
        }

        FuzzSummary.AddExtremeInputs(cases);
        FuzzSummary.Write(
            "hostile registry files",
            $"{cases} files, {failures.Count} failures, slowest '{slowest.Name}' {FuzzSummary.Duration(slowest.Elapsed)}, peak managed memory growth {MemoryProbe.Megabytes(hungriest.Bytes)} ('{hungriest.Name}'), {total.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    private static string PathOf(HostileFile file) => file.Kind switch
    {
        RegistrySeedKind.Native => "/reg/hostile.legal.yaml",
        RegistrySeedKind.Bindings => "/reg/hostile.legal-bindings.yaml",
        _ => "/openfisca/hostile/parametre.yaml",
    };

    private static AnalysisOutcome Analyze(HostileFile file, RegistryReadOutcome read, string asOf)
    {
        // Code bound to some of what the file declares, and literals equal to its values, so that every rule reads its data.
        var code = new StringBuilder("namespace Fuzz.Hostile;\npublic static class Members\n{\n    public const decimal Literal = 12.34m + 56.78m;\n    public const decimal Other = 98.76m;\n");
        var prefix = file.Kind == RegistrySeedKind.OpenFisca ? "hostile.parametre" : string.Empty;
        foreach (var (key, _) in read.Loaded.Where(_ => file.Kind != RegistrySeedKind.Bindings).Take(5))
        {
            if (RegistryKeys.IsValidReference(prefix + key) && prefix.Length + key.Length < 1_000)
            {
                code.Append(System.Globalization.CultureInfo.InvariantCulture, $"    [LegalRules.StatutoryParameter(\"{prefix + key}\")] public const decimal M{code.Length} = 1.5m;\n");
            }
        }

        code.Append("}\n");
        return AnalysisHarness.Run(
            new[] { new InputFile("/src/Hostile.cs", code.ToString()) },
            new[] { new InputFile(PathOf(file), file.Text) },
            AnalysisHarness.DefaultOptions.SetItem("legal_rules.as_of", asOf).Add("build_property.LegalRulesOpenFiscaParameters", "/openfisca"));
    }
}
