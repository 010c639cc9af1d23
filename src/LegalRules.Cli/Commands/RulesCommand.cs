using System.CommandLine;
using System.Globalization;
using System.Linq;
using LegalRules.Cli.Audit;

namespace LegalRules.Cli.Commands;

/// <summary><c>legalrules rules</c>: every rule with its default severity, title and help link.</summary>
internal sealed class RulesCommand
{
    private readonly CultureInfo _culture;

    public RulesCommand(CultureInfo culture)
    {
        _culture = culture;
        Command = new Command("rules", Strings.Get(culture, "Cmd_Rules"));
        Command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var rules = AnalyzerCatalog.Rules;
            var levelWidth = rules.Max(r => FindingLevels.Name(FindingLevels.From(r.DefaultSeverity)).Length);
            var titleWidth = rules.Max(r => r.Title.ToString(_culture).Length);
            foreach (var rule in rules)
            {
                var level = FindingLevels.Name(FindingLevels.From(rule.DefaultSeverity));
                output.WriteLine($"{rule.Id}  {level.PadRight(levelWidth)}  {rule.Title.ToString(_culture).PadRight(titleWidth)}  {rule.HelpLinkUri}");
            }

            return ExitCodes.Success;
        });
    }

    public Command Command { get; }
}
