using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using Xunit;

// Durations are measured: tests of this assembly run one at a time, each with both cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace LegalRules.Fuzz.Infrastructure;

/// <summary>
/// The counts and durations of a fuzz run, printed where a CI log shows them. xunit's test output
/// is only shown for failing tests, so each line goes to the console (shown by
/// <c>dotnet test --logger "console;verbosity=normal"</c>) and to <c>TestResults/fuzz-summary.txt</c>
/// under the repository (which <c>.ci/run</c> prints). Every line starts with <c>[fuzz]</c>.
/// </summary>
internal static class FuzzSummary
{
    private static readonly object Gate = new();
    private static readonly Stopwatch Clock = new();
    private static long _csharpMutants;
    private static long _registryMutants;
    private static long _metamorphicChecks;
    private static long _extremeInputs;
    private static long _failures;

    public static CultureInfo Culture => CultureInfo.InvariantCulture;

    /// <summary>Starts the run's clock (when the first fuzz test starts).</summary>
    public static void Start() => Clock.Start();

    public static void AddCSharpMutants(long count) => Interlocked.Add(ref _csharpMutants, count);

    public static void AddRegistryMutants(long count) => Interlocked.Add(ref _registryMutants, count);

    public static void AddMetamorphicChecks(long count) => Interlocked.Add(ref _metamorphicChecks, count);

    public static void AddExtremeInputs(long count) => Interlocked.Add(ref _extremeInputs, count);

    /// <summary>Exceptions and AD0001s seen: every one fails its test, and is counted here too.</summary>
    public static void AddFailures(long count) => Interlocked.Add(ref _failures, count);

    /// <summary>One line of the summary: <c>[fuzz] {area}: {text}</c>.</summary>
    public static void Write(string area, string text)
    {
        var line = string.Create(Culture, $"[fuzz] {area}: {text}");
        lock (Gate)
        {
            Console.WriteLine(line);
            try
            {
                var folder = Path.Combine(Repository.Root, "TestResults");
                Directory.CreateDirectory(folder);
                File.AppendAllText(Path.Combine(folder, "fuzz-summary.txt"), line + Environment.NewLine);
            }
            catch (IOException)
            {
                // The console line is the summary; the file is a convenience for CI logs.
            }
        }
    }

    /// <summary>The closing line, once every fuzz test has run.</summary>
    public static void WriteTotals()
        => Write(
            "total",
            string.Create(
                Culture,
                $"{_csharpMutants:N0} C# mutants, {_registryMutants:N0} registry mutants, {_metamorphicChecks:N0} metamorphic checks, {_extremeInputs:N0} extreme inputs, {_failures:N0} exceptions, {Clock.Elapsed.TotalSeconds:F1} s (seed {FuzzSettings.Seed})"));

    /// <summary>A duration for the summary: seconds with 2 decimals, or milliseconds below a second.</summary>
    public static string Duration(TimeSpan elapsed)
        => elapsed.TotalSeconds >= 1 ? string.Create(Culture, $"{elapsed.TotalSeconds:F2} s") : string.Create(Culture, $"{elapsed.TotalMilliseconds:F1} ms");
}

/// <summary>Prints the totals when the last test of the fuzz collection has run.</summary>
public sealed class FuzzTotals : IDisposable
{
    public FuzzTotals()
    {
        FuzzSummary.Start();
    }

    public void Dispose() => FuzzSummary.WriteTotals();
}

/// <summary>Every fuzz test belongs here, so that the totals are printed once, at the end.</summary>
[CollectionDefinition(Name)]
public sealed class FuzzGroup : ICollectionFixture<FuzzTotals>
{
    public const string Name = "fuzz";
}
