using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.Analysis;
using LegalRules.Cli.Audit;
using LegalRules.Cli.Reports;
using LegalRules.Registry;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegalRules.Cli.Commands;

/// <summary>
/// <c>legalrules audit</c>: reads the command line into an <see cref="AuditRequest"/>, checking
/// every input before any work, runs the audit and writes the report.
/// </summary>
internal sealed class AuditCommand
{
    private readonly CultureInfo _culture;
    private readonly bool _showProgress;
    private readonly Func<ImmutableArray<DiagnosticAnalyzer>> _createAnalyzers;

    private readonly Argument<string[]> _paths;
    private readonly Option<string[]> _registry;
    private readonly Option<string?> _openFisca;
    private readonly Option<bool> _noDefaultRegistry;
    private readonly Option<string[]> _bindings;
    private readonly Option<string?> _asOf;
    private readonly Option<string> _format;
    private readonly Option<string?> _output;
    private readonly Option<string> _failOn;
    private readonly Option<string?> _baseline;
    private readonly Option<bool> _msbuild;
    private readonly Option<int?> _maxFileSize;

    public AuditCommand(CultureInfo culture, bool showProgress, Func<ImmutableArray<DiagnosticAnalyzer>> createAnalyzers)
    {
        _culture = culture;
        _showProgress = showProgress;
        _createAnalyzers = createAnalyzers;
        _paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = Text("Arg_Paths") };
        _registry = new Option<string[]>("--registry") { Description = Text("Opt_Registry"), HelpName = "file|folder" };
        _openFisca = new Option<string?>("--openfisca") { Description = Text("Opt_OpenFisca"), HelpName = "folder" };
        _noDefaultRegistry = new Option<bool>("--no-default-registry") { Description = Text("Opt_NoDefaultRegistry") };
        _bindings = new Option<string[]>("--bindings") { Description = Text("Opt_Bindings"), HelpName = "file" };
        _asOf = new Option<string?>("--as-of") { Description = Text("Opt_AsOf"), HelpName = "YYYY-MM-DD" };
        _format = new Option<string>("--format") { Description = Text("Opt_Format") };
        _format.AcceptOnlyFromAmong(ReportWriters.Formats);
        _output = new Option<string?>("--output", "-o") { Description = Text("Opt_Output"), HelpName = "file" };
        _failOn = new Option<string>("--fail-on") { Description = Text("Opt_FailOn"), DefaultValueFactory = _ => "warning" };
        _failOn.AcceptOnlyFromAmong(ExitCodes.FailOnLevels);
        _baseline = new Option<string?>("--baseline") { Description = Text("Opt_Baseline"), HelpName = "previous.sarif" };
        _msbuild = new Option<bool>("--msbuild") { Description = Text("Opt_MsBuild") };
        _maxFileSize = new Option<int?>("--max-file-size") { Description = Text("Opt_MaxFileSize"), HelpName = "MB" };

        Command = new Command("audit", Text("Cmd_Audit"));
        Command.Arguments.Add(_paths);
        Command.Options.Add(_registry);
        Command.Options.Add(_openFisca);
        Command.Options.Add(_noDefaultRegistry);
        Command.Options.Add(_bindings);
        Command.Options.Add(_asOf);
        Command.Options.Add(_format);
        Command.Options.Add(_output);
        Command.Options.Add(_failOn);
        Command.Options.Add(_baseline);
        Command.Options.Add(_msbuild);
        Command.Options.Add(_maxFileSize);
        Command.SetAction(RunAsync);
    }

    public Command Command { get; }

    private string Text(string name) => Strings.Get(_culture, name);

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        try
        {
            var request = ReadRequest(parse);
            var output = ReadOutput(parse);
            var writer = ReportWriters.Find(parse.GetValue(_format) ?? ReportWriters.FormatOf(output) ?? "text");

            AuditResult result;
            using (var progress = _showProgress ? new AuditProgress(stderr, _culture) : null)
            {
                result = await AuditEngine.RunAsync(request, _createAnalyzers(), progress, message => stderr.WriteLine(Strings.Format(_culture, "Warning_Line", message)), cancellationToken).ConfigureAwait(false);
            }

            WriteReport(writer, result, output, stdout);

            // An analyzer that threw leaves a hole in the audit: say so loudly, whatever was found.
            foreach (var failure in result.AnalyzerFailures)
            {
                await stderr.WriteLineAsync(Strings.Format(_culture, "Error_Line", Strings.Format(_culture, "Error_AnalyzerFailure", failure.Analyzer, failure.Message))).ConfigureAwait(false);
            }

            return result.AnalyzerFailures.IsEmpty ? ExitCodes.ForFindings(result, parse.GetValue(_failOn) ?? "warning") : ExitCodes.BadInput;
        }
        catch (AuditInputException exception)
        {
            await stderr.WriteLineAsync(Strings.Format(_culture, "Error_Line", exception.Message)).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
    }

    /// <summary>Checks every input of the command line; the first problem stops the audit before any work.</summary>
    private AuditRequest ReadRequest(ParseResult parse)
    {
        var inputs = ImmutableArray.CreateBuilder<string>();
        foreach (var path in parse.GetValue(_paths) ?? Array.Empty<string>())
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                inputs.Add(full);
            }
            else if (File.Exists(full))
            {
                if (!DropScanner.IsAcceptedFile(full))
                {
                    throw Input("Input_NotFolderOrSource", "audit", path);
                }

                inputs.Add(full);
            }
            else
            {
                throw Input("Input_PathNotFound", "audit", path);
            }
        }

        var registryFiles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in parse.GetValue(_registry) ?? Array.Empty<string>())
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                var found = Directory.EnumerateFiles(full, "*" + RegistryInputs.NativeSuffix, new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive }).ToList();
                if (found.Count == 0)
                {
                    throw Input("Input_EmptyRegistryFolder", path);
                }

                registryFiles.UnionWith(found);
            }
            else if (File.Exists(full))
            {
                if (!full.EndsWith(RegistryInputs.NativeSuffix, StringComparison.OrdinalIgnoreCase))
                {
                    throw Input("Input_NotRegistryFile", path);
                }

                registryFiles.Add(full);
            }
            else
            {
                throw Input("Input_PathNotFound", "--registry", path);
            }
        }

        string? openFisca = null;
        if (parse.GetValue(_openFisca) is { } openFiscaPath)
        {
            openFisca = Path.GetFullPath(openFiscaPath);
            if (!Directory.Exists(openFisca))
            {
                throw File.Exists(openFisca) ? Input("Input_NotFolder", "--openfisca", openFiscaPath) : Input("Input_PathNotFound", "--openfisca", openFiscaPath);
            }
        }

        var bindingsFiles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in parse.GetValue(_bindings) ?? Array.Empty<string>())
        {
            var full = Path.GetFullPath(path);
            if (!File.Exists(full))
            {
                throw Input("Input_PathNotFound", "--bindings", path);
            }

            if (!full.EndsWith(RegistryInputs.BindingsSuffix, StringComparison.OrdinalIgnoreCase))
            {
                throw Input("Input_NotBindingsFile", path);
            }

            bindingsFiles.Add(full);
        }

        var asOf = DateTime.UtcNow.Date;
        if (parse.GetValue(_asOf) is { } asOfText && !Dates.TryParse(asOfText, out asOf))
        {
            throw Input("Input_BadDate", asOfText);
        }

        Baseline? baseline = null;
        if (parse.GetValue(_baseline) is { } baselinePath)
        {
            var full = Path.GetFullPath(baselinePath);
            if (!File.Exists(full))
            {
                throw Input("Input_PathNotFound", "--baseline", baselinePath);
            }

            try
            {
                baseline = Baseline.Read(full);
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                throw Input("Input_BadBaseline", baselinePath, exception.Message);
            }
        }

        var maxFileBytes = SourceFileReader.DefaultMaxFileBytes;
        if (parse.GetValue(_maxFileSize) is { } megabytes)
        {
            if (megabytes <= 0)
            {
                throw Input("Input_BadMaxFileSize", megabytes);
            }

            maxFileBytes = megabytes * 1024L * 1024L;
        }

        return new AuditRequest(
            inputs.ToImmutable(),
            registryFiles.ToImmutableArray(),
            openFisca,
            bindingsFiles.ToImmutableArray(),
            defaultRegistry: !parse.GetValue(_noDefaultRegistry),
            asOf,
            _culture,
            baseline,
            maxFileBytes,
            parse.GetValue(_msbuild));
    }

    /// <summary>The report file, checked before the audit so that a typo does not cost a long run.</summary>
    private string? ReadOutput(ParseResult parse)
    {
        if (parse.GetValue(_output) is not { } output)
        {
            return null;
        }

        var full = Path.GetFullPath(output);
        if (Directory.Exists(full))
        {
            throw Input("Input_OutputIsFolder", output);
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            throw Input("Input_OutputFolderMissing", folder ?? output);
        }

        return full;
    }

    private void WriteReport(IReportWriter writer, AuditResult result, string? output, TextWriter stdout)
    {
        if (output is null)
        {
            // The standard output gets the report in one piece too, after the audit is done.
            using var buffer = new MemoryStream();
            writer.Write(result, buffer);
            stdout.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            stdout.Flush();
            return;
        }

        try
        {
            ReportFile.Write(output, stream => writer.Write(result, stream));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Input("Error_WriteFailed", output, exception.Message);
        }
    }

    private AuditInputException Input(string name, params object?[] arguments) => new(Strings.Format(_culture, name, arguments));
}
