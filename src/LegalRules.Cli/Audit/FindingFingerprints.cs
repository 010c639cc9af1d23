using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LegalRules.Cli.Audit;

/// <summary>
/// A finding's identity from one drop to the next, written to SARIF as a partial fingerprint and
/// matched by <c>--baseline</c>: the rule, the file, the parameter, the text of the finding's line
/// (trimmed, whitespace collapsed) and its rank among findings with the same four in that file. No
/// line number: code added above a finding moves it without making it new.
/// </summary>
internal static class FindingFingerprints
{
    /// <summary>The name under <c>partialFingerprints</c>; the version changes if the recipe does.</summary>
    public const string Name = "legalRulesFinding/v1";

    /// <summary>Sets the fingerprint of each finding; <paramref name="findings"/> in report order (file, line, column).</summary>
    public static void Assign(IReadOnlyList<Finding> findings)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            finding.Fingerprint = Compute(finding.RuleId, finding.Location?.Path, finding.ParameterKey, finding.Excerpt, ranks);
        }
    }

    /// <summary>The fingerprint of one finding; <paramref name="ranks"/> counts the identical ones seen before it.</summary>
    public static string Compute(string ruleId, string? path, string? key, string? line, Dictionary<string, int> ranks)
    {
        var identity = string.Join('\n', ruleId, path ?? string.Empty, key ?? string.Empty, Normalize(line));
        ranks.TryGetValue(identity, out var rank);
        ranks[identity] = rank + 1;
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(identity + "\n" + rank.ToString(CultureInfo.InvariantCulture)));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>The line without indentation or spacing differences (a reformatted line is the same finding).</summary>
    public static string Normalize(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
