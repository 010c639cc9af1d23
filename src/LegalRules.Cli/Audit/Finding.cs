using System.Collections.Immutable;
using LegalRules.Diagnostics;
using Microsoft.CodeAnalysis;

namespace LegalRules.Cli.Audit;

/// <summary>How serious a finding is; the order is that of <c>--fail-on</c> (error &gt; warning &gt; note).</summary>
internal enum FindingLevel
{
    /// <summary>A hidden diagnostic: reported, never fails an audit.</summary>
    None = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
}

internal static class FindingLevels
{
    public static FindingLevel From(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => FindingLevel.Error,
        DiagnosticSeverity.Warning => FindingLevel.Warning,
        DiagnosticSeverity.Info => FindingLevel.Note,
        _ => FindingLevel.None,
    };

    /// <summary>The SARIF word for the level, also shown in text reports.</summary>
    public static string Name(FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        FindingLevel.Note => "note",
        _ => "none",
    };
}

/// <summary>Where a finding is: a file relative to the audited root and a 1-based region.</summary>
/// <param name="Path">Relative path with forward slashes (<c>../</c> for a registry file outside the root).</param>
internal sealed record FindingLocation(string Path, int StartLine, int StartColumn, int EndLine, int EndColumn);

/// <summary>Lines of source around a finding, for reports that show code: <paramref name="FirstLine"/> is 1-based.</summary>
internal sealed record SourceExcerpt(int FirstLine, ImmutableArray<string> Lines);

/// <summary>Whether a finding was in the baseline given with <c>--baseline</c>.</summary>
internal enum BaselineState
{
    /// <summary>No baseline was given.</summary>
    None,

    /// <summary>Not in the baseline: reported.</summary>
    New,

    /// <summary>In the baseline: kept in the SARIF log (so it can serve as the next baseline), left out of other reports.</summary>
    Unchanged,
}

/// <summary>One thing LegalRules found: a diagnostic of a rule, in the reader's culture, with its data.</summary>
internal sealed class Finding
{
    public Finding(string ruleId, FindingLevel level, string message, FindingLocation? location, string? excerpt, SourceExcerpt? context, ImmutableSortedDictionary<string, string?> properties)
    {
        RuleId = ruleId;
        Level = level;
        Message = message;
        Location = location;
        Excerpt = excerpt;
        Context = context;
        Properties = properties;
    }

    public string RuleId { get; }

    public FindingLevel Level { get; }

    public string Message { get; }

    /// <summary>Null for a finding about the whole audit (an invalid option).</summary>
    public FindingLocation? Location { get; }

    /// <summary>The source line where the finding starts, without its line break.</summary>
    public string? Excerpt { get; }

    /// <summary>A few lines around the finding.</summary>
    public SourceExcerpt? Context { get; }

    /// <summary>The diagnostic's data (<c>key</c>, <c>found</c>, <c>statutory</c>, …), sorted by name.</summary>
    public ImmutableSortedDictionary<string, string?> Properties { get; }

    /// <summary>The statutory parameter the finding is about, when it is about one.</summary>
    public string? ParameterKey => Property(PropertyNames.Key);

    /// <summary>A stable identity across drops (<see cref="FindingFingerprints"/>), set once findings are sorted.</summary>
    public string Fingerprint { get; internal set; } = string.Empty;

    public BaselineState BaselineState { get; internal set; }

    /// <summary>A property's value, null when absent or empty.</summary>
    public string? Property(string name) => Properties.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
