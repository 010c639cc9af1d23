using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using LegalRules.Analysis;
using LegalRules.Cli.Audit;
using LegalRules.Cli.Registries;
using LegalRules.Registry;

namespace LegalRules.Cli.Commands;

/// <summary>
/// <c>legalrules registry check</c> validates registry, bindings and OpenFisca files as the analyzer
/// reads them; <c>legalrules registry show</c> says what the registry holds for a key: label, unit,
/// the value in force with its dates and legal references, or every dated value.
/// </summary>
internal sealed class RegistryCommand
{
    private const string Indent = "  ";

    private readonly CultureInfo _culture;

    public RegistryCommand(CultureInfo culture)
    {
        _culture = culture;
        Command = new Command("registry", Text("Cmd_Registry"));
        Command.Subcommands.Add(CheckCommand());
        Command.Subcommands.Add(ShowCommand());
    }

    public Command Command { get; }

    private string Text(string name) => Strings.Get(_culture, name);

    private string Message(string name, object?[] arguments) => Strings.Format(_culture, name, arguments);

    private Command CheckCommand()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = Text("Arg_RegistryPaths") };
        var check = new Command("check", Text("Cmd_RegistryCheck"));
        check.Arguments.Add(paths);
        check.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            List<CheckedFile> files;
            try
            {
                files = RegistrySources.Read(parse.GetValue(paths) ?? Array.Empty<string>(), Message);
            }
            catch (AuditInputException exception)
            {
                error.WriteLine(Strings.Format(_culture, "Error_Line", exception.Message));
                return ExitCodes.BadInput;
            }

            var faults = 0;
            foreach (var file in files)
            {
                foreach (var fault in file.Input.Faults.OrderBy(f => f.Span.LineSpan.Start))
                {
                    faults++;
                    output.WriteLine(Located(file.Display, fault.Span.LineSpan.Start.Line, fault.Span.LineSpan.Start.Character, fault.GetMessage(_culture)));
                }
            }

            // Bindings name keys: check them against the registry these files make with the embedded one, as LR0004 would.
            var registry = RegistrySources.Merge(includeEmbedded: true, files);
            foreach (var file in files.Where(f => f.Input.Bindings is not null))
            {
                foreach (var binding in file.Input.Bindings!.Bindings.Where(b => !registry.TryGetParameter(b.Key, out _)))
                {
                    faults++;
                    var nearest = registry.NearestKeys(binding.Key, 3);
                    var message = Strings.Format(_culture, "Check_UnknownKey", binding.Key) + (nearest.IsEmpty ? string.Empty : " " + Strings.Format(_culture, "Check_Nearest", string.Join(", ", nearest)));
                    output.WriteLine(Located(file.Display, binding.KeySpan.LineSpan.Start.Line, binding.KeySpan.LineSpan.Start.Character, message));
                }
            }

            output.WriteLine(faults == 0
                ? Strings.Format(_culture, "Check_Clean", files.Count)
                : Strings.Format(_culture, "Check_Faults", files.Count, faults));
            return faults == 0 ? ExitCodes.Success : ExitCodes.Findings;
        });
        return check;
    }

    private Command ShowCommand()
    {
        var key = new Argument<string>("key") { Description = Text("Arg_Key") };
        var asOf = new Option<string?>("--as-of") { Description = Text("Opt_AsOf"), HelpName = "YYYY-MM-DD" };
        var history = new Option<bool>("--history") { Description = Text("Opt_History") };
        var registryOption = new Option<string[]>("--registry") { Description = Text("Opt_Registry"), HelpName = "file|folder" };
        var openFisca = new Option<string?>("--openfisca") { Description = Text("Opt_OpenFisca"), HelpName = "folder" };
        var noDefault = new Option<bool>("--no-default-registry") { Description = Text("Opt_NoDefaultRegistry") };
        var show = new Command("show", Text("Cmd_RegistryShow"));
        show.Arguments.Add(key);
        show.Options.Add(asOf);
        show.Options.Add(history);
        show.Options.Add(registryOption);
        show.Options.Add(openFisca);
        show.Options.Add(noDefault);
        show.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var date = DateTime.UtcNow.Date;
                if (parse.GetValue(asOf) is { } asOfText && !Dates.TryParse(asOfText, out date))
                {
                    throw new AuditInputException(Message("Input_BadDate", new object?[] { asOfText }));
                }

                var files = new List<CheckedFile>();
                foreach (var path in parse.GetValue(registryOption) ?? Array.Empty<string>())
                {
                    files.AddRange(NativeFiles(path));
                }

                if (parse.GetValue(openFisca) is { } tree)
                {
                    if (!Directory.Exists(tree))
                    {
                        throw new AuditInputException(File.Exists(tree) ? Message("Input_NotFolder", new object?[] { "--openfisca", tree }) : Message("Input_PathNotFound", new object?[] { "--openfisca", tree }));
                    }

                    files.AddRange(RegistrySources.Read(new[] { tree }, Message));
                }

                // A fault does not stop the registry from loading; say it where it is, on the error stream.
                foreach (var file in files)
                {
                    foreach (var fault in file.Input.Faults)
                    {
                        error.WriteLine(Strings.Format(_culture, "Warning_Line", Located(file.Display, fault.Span.LineSpan.Start.Line, fault.Span.LineSpan.Start.Character, fault.GetMessage(_culture))));
                    }
                }

                var registry = RegistrySources.Merge(!parse.GetValue(noDefault), files);
                var wanted = parse.GetValue(key) ?? string.Empty;
                if (registry.TryGetParameter(wanted, out var parameter))
                {
                    WriteParameter(output, parameter, date, parse.GetValue(history), files);
                    return ExitCodes.Success;
                }

                // A node of the tree (a scale, a group): list what is under it.
                var children = registry.Parameters.Select(p => p.Key).Where(k => k.StartsWith(wanted + ".", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
                if (children.Count > 0)
                {
                    output.WriteLine(wanted);
                    output.WriteLine(Indent + Strings.Format(_culture, "Show_Node", children.Count));
                    foreach (var child in children)
                    {
                        output.WriteLine(Indent + Indent + child);
                    }

                    return ExitCodes.Success;
                }

                var nearest = registry.NearestKeys(wanted, 3);
                throw new AuditInputException(Strings.Format(_culture, "Check_UnknownKey", wanted) + (nearest.IsEmpty ? string.Empty : " " + Strings.Format(_culture, "Check_Nearest", string.Join(", ", nearest))));
            }
            catch (AuditInputException exception)
            {
                error.WriteLine(Strings.Format(_culture, "Error_Line", exception.Message));
                return ExitCodes.BadInput;
            }
        });
        return show;
    }

    /// <summary>A <c>--registry</c> value: a native file, or a folder of them (as for <c>audit</c>).</summary>
    private List<CheckedFile> NativeFiles(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            var natives = Directory.EnumerateFiles(full, "*" + RegistryInputs.NativeSuffix, new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive })
                .Order(StringComparer.Ordinal)
                .Select(f => Path.Combine(path, Path.GetRelativePath(full, f)))
                .ToList();
            return natives.Count == 0
                ? throw new AuditInputException(Message("Input_EmptyRegistryFolder", new object?[] { path }))
                : RegistrySources.Read(natives, Message);
        }

        if (File.Exists(full) && !full.EndsWith(RegistryInputs.NativeSuffix, StringComparison.OrdinalIgnoreCase))
        {
            throw new AuditInputException(Message("Input_NotRegistryFile", new object?[] { path }));
        }

        return File.Exists(full)
            ? RegistrySources.Read(new[] { path }, Message)
            : throw new AuditInputException(Message("Input_PathNotFound", new object?[] { "--registry", path }));
    }

    private void WriteParameter(TextWriter output, StatutoryParameter parameter, DateTime date, bool history, List<CheckedFile> files)
    {
        output.WriteLine(parameter.Key);
        if (!string.IsNullOrWhiteSpace(parameter.Label))
        {
            output.WriteLine(Indent + parameter.Label);
        }

        output.WriteLine(Indent + Strings.Format(_culture, "Show_Unit", parameter.Unit ?? "—"));
        var source = parameter.Origin.Kind == RegistrySourceKind.Embedded
            ? Text("Show_Embedded")
            : files.FirstOrDefault(f => f.FullPath == parameter.Origin.Path)?.Display ?? parameter.Origin.Path;
        output.WriteLine(Indent + Strings.Format(_culture, "Show_Source", source));
        if (!parameter.Keywords.IsEmpty)
        {
            output.WriteLine(Indent + Strings.Format(_culture, "Show_Keywords", string.Join(", ", parameter.Keywords)));
        }

        if (parameter.LastValueStillValidOn is { } checkedOn)
        {
            output.WriteLine(Indent + Strings.Format(_culture, "Show_LastChecked", Dates.Format(checkedOn)));
        }

        output.WriteLine();
        var index = parameter.IndexAt(date);
        if (index < 0)
        {
            output.WriteLine(Indent + Strings.Format(_culture, "Show_NotYet", Dates.Format(date), parameter.Values.IsEmpty ? "—" : Dates.Format(parameter.Values[0].From)));
        }
        else
        {
            var value = parameter.Values[index];
            var period = parameter.PeriodOf(index);
            output.WriteLine(Indent + (value.IsEnd
                ? Strings.Format(_culture, "Show_Ended", Dates.Format(date), period.FromText)
                : Strings.Format(_culture, "Show_InForce", Dates.Format(date), ValueText(value), period.FromText, period.To is null ? Text("Show_UntilFurtherNotice") : period.ToText)));
            foreach (var reference in parameter.ReferencesOf(value))
            {
                output.WriteLine(Indent + Indent + reference);
            }
        }

        if (!history)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(Indent + Text("Show_History"));
        var rows = parameter.Values.Select((v, i) => (Period: parameter.PeriodOf(i).ToString(), Value: ValueText(v), References: parameter.ReferencesOf(v), Current: i == index)).ToList();
        var periodWidth = rows.Max(r => r.Period.Length);
        var valueWidth = rows.Max(r => r.Value.Length);
        foreach (var row in rows)
        {
            var line = $"{Indent}{(row.Current ? "* " : "  ")}{row.Period.PadRight(periodWidth)}  {row.Value.PadLeft(valueWidth)}  {LegalReference.Titles(row.References)}";
            output.WriteLine(line.TrimEnd());
        }
    }

    private string ValueText(DatedValue value)
        => value.Value is { } number ? number.ToString(CultureInfo.InvariantCulture) : value.IsEnd ? Text("Show_EndValue") : Text("Show_OtherValue");

    /// <summary>"path(line,col): message", as compilers print a fault (1-based).</summary>
    private static string Located(string path, int line, int column, string message)
        => string.Create(CultureInfo.InvariantCulture, $"{path}({line + 1},{column + 1}): {message}");
}
