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
            return new CommandRun(exitCode, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public static async Task<CommandRun> RunWithAnalyzersAsync(Func<ImmutableArray<DiagnosticAnalyzer>> analyzers, params string[] args)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            using var stdout = new StringWriter(CultureInfo.InvariantCulture);
            using var stderr = new StringWriter(CultureInfo.InvariantCulture);
            var exitCode = await Program.RunAsync(args, stdout, stderr, analyzers);
            return new CommandRun(exitCode, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
