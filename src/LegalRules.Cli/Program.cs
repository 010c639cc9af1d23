using System;
using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.Cli.Commands;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegalRules.Cli;

/// <summary>The <c>legalrules</c> command.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            // Progress goes to a terminal only: a redirected error stream (CI logs, tests) stays clean.
            return await RunAsync(args, Console.Out, Console.Error, showProgress: Audit.AuditProgress.IsWanted(!Console.IsErrorRedirected)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: reports are written only once the audit is done, so nothing was half-written.
            await Console.Error.WriteLineAsync(Strings.Format(CultureInfo.CurrentUICulture, "Error_Line", Strings.Get(CultureInfo.CurrentUICulture, "Error_Cancelled"))).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (Exception exception)
        {
            // A bug of the command: never let it pass for exit code 1 ("findings").
            await Console.Error.WriteLineAsync(Strings.Format(CultureInfo.CurrentUICulture, "Error_Line", Strings.Format(CultureInfo.CurrentUICulture, "Error_Internal", exception))).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
    }

    /// <summary>Runs the command in-process, writing to the given streams; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool showProgress = false, CancellationToken cancellationToken = default)
        => RunAsync(args, stdout, stderr, AnalyzerCatalog.CreateAnalyzers, showProgress, cancellationToken);

    /// <summary>As above, with the analyzers to run (tests give a failing one to check that failures surface).</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<ImmutableArray<DiagnosticAnalyzer>> createAnalyzers, bool showProgress = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var culture = CultureInfo.CurrentUICulture;
        // A plain command named like the tool rather than RootCommand, whose name is the running
        // assembly's ("LegalRules.Cli"): help must show the command users type.
        var root = new Command("legalrules", Strings.Get(culture, "Cmd_Root"));
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(new AuditCommand(culture, showProgress, createAnalyzers).Command);
        root.Subcommands.Add(new RegistryCommand(culture).Command);
        root.Subcommands.Add(new RulesCommand(culture).Command);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            // Usage errors exit with 2 (System.CommandLine's default is 1, which here means findings).
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync(Strings.Format(culture, "Error_Line", Where(error) + error.Message)).ConfigureAwait(false);
            }

            var command = parse.CommandResult.Command == root ? root.Name : root.Name + " " + parse.CommandResult.Command.Name;
            await stderr.WriteLineAsync(Strings.Format(culture, "Usage_Hint", command)).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,

            // An unexpected exception must not become exit code 1, which means "findings".
            EnableDefaultExceptionHandler = false,
        };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The option a parse error is about ("--format: "), so the message says where.</summary>
    private static string Where(ParseError error)
    {
        var option = error.SymbolResult switch
        {
            OptionResult result => result.Option,
            ArgumentResult { Parent: OptionResult result } => result.Option,
            _ => null,
        };
        return option is null ? string.Empty : option.Name + ": ";
    }
}
