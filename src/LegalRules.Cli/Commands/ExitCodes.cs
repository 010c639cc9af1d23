using System.Linq;
using LegalRules.Cli.Audit;

namespace LegalRules.Cli.Commands;

/// <summary>The command's exit codes, a contract for CI scripts.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing at or above the <c>--fail-on</c> level.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above the <c>--fail-on</c> level.</summary>
    public const int Findings = 1;

    /// <summary>Bad input or usage, or an analyzer failure (the audit cannot be trusted).</summary>
    public const int BadInput = 2;

    /// <summary>The <c>--fail-on</c> words, weakest first; <c>none</c> never fails.</summary>
    public static readonly string[] FailOnLevels = { "none", "note", "warning", "error" };

    public static int ForFindings(AuditResult result, string failOn)
    {
        var threshold = failOn.ToLowerInvariant() switch
        {
            "note" => FindingLevel.Note,
            "warning" => FindingLevel.Warning,
            "error" => FindingLevel.Error,
            _ => (FindingLevel?)null,
        };

        return threshold is { } level && result.Findings.Any(f => f.Level >= level && f.Level != FindingLevel.None) ? Findings : Success;
    }
}
