using System;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegalRules.Cli.Tests;

/// <summary>What one run of the command gave.</summary>
internal sealed record CommandRun(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the command in-process, in a chosen UI culture (English unless a test says otherwise).</summary>
internal static class CommandRunner
{
    public static Task<CommandRun> RunAsync(params string[] args) => RunInCultureAsync(CultureInfo.GetCultureInfo("en"), args);

    public static async Task<CommandRun> RunInCultureAsync(CultureInfo culture, params string[] args)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            using var stdout = new StringWriter(CultureInfo.InvariantCulture);
            using var stderr = new StringWriter(CultureInfo.InvariantCulture);
            var exitCode = await Program.RunAsync(args, stdout, stderr);
            var run = new CommandRun(exitCode, stdout.ToString(), stderr.ToString());
            await CheckSarifAsync(args, run);
            return run;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Every SARIF log a test makes, on the standard output or in a file, must be valid SARIF 2.1.0.</summary>
    private static async Task CheckSarifAsync(string[] args, CommandRun run)
    {
        if (run.Stdout.StartsWith("{\n  \"$schema\": \"" + SarifSchemaUri, StringComparison.Ordinal))
        {
            await Sarif.AssertValidAsync(run.Stdout);
        }

        var output = Array.IndexOf(args, "--output");
        if (output >= 0 && output + 1 < args.Length && File.Exists(args[output + 1]) && File.ReadAllText(args[output + 1]) is var written
            && written.StartsWith("{\n  \"$schema\": \"" + SarifSchemaUri, StringComparison.Ordinal))
        {
            await Sarif.AssertValidAsync(written);
        }
    }

    private const string SarifSchemaUri = "https://docs.oasis-open.org/sarif/";

    public static async Task<CommandRun> RunWithAnalyzersAsync(Func<ImmutableArray<DiagnosticAnalyzer>> analyzers, params string[] args)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            using var stdout = new StringWriter(CultureInfo.InvariantCulture);
            using var stderr = new StringWriter(CultureInfo.InvariantCulture);
            var exitCode = await Program.RunAsync(args, stdout, stderr, analyzers);
            var run = new CommandRun(exitCode, stdout.ToString(), stderr.ToString());
            await CheckSarifAsync(args, run);
            return run;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
