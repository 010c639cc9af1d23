using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace LegalRules.Cli.Audit;

/// <summary>
/// The findings of a previous audit, read from its SARIF log (<c>--baseline</c>): a vendor's
/// second drop is reported for what it adds. Results are matched by fingerprint
/// (<see cref="FindingFingerprints"/>); a log written before fingerprints existed is fingerprinted
/// the same way from its results' rule, file, <c>key</c> property and snippet.
/// </summary>
internal sealed class Baseline
{
    private readonly Dictionary<string, int> _fingerprints;

    private Baseline(string name, Dictionary<string, int> fingerprints, int count)
    {
        Name = name;
        _fingerprints = fingerprints;
        Count = count;
    }

    /// <summary>The log's file name (not its path: reports stay the same wherever they are made).</summary>
    public string Name { get; }

    /// <summary>How many results the log holds.</summary>
    public int Count { get; }

    /// <exception cref="InvalidDataException">The file is not a SARIF log.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Baseline Read(string path)
    {
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException(exception.Message, exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.1.0"
                || !root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("a SARIF 2.1.0 log (with \"version\": \"2.1.0\" and \"runs\") is expected");
            }

            var fingerprints = new Dictionary<string, int>(StringComparer.Ordinal);
            var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
            var count = 0;
            foreach (var run in runs.EnumerateArray())
            {
                if (!run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var result in results.EnumerateArray())
                {
                    count++;
                    var fingerprint = Fingerprint(result, ranks);
                    fingerprints[fingerprint] = fingerprints.TryGetValue(fingerprint, out var n) ? n + 1 : 1;
                }
            }

            return new Baseline(Path.GetFileName(path), fingerprints, count);
        }
    }

    /// <summary>Marks each finding new or unchanged; returns how many baseline results were not found again (fixed or gone).</summary>
    public int Apply(IEnumerable<Finding> findings)
    {
        var remaining = new Dictionary<string, int>(_fingerprints, StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (remaining.TryGetValue(finding.Fingerprint, out var n) && n > 0)
            {
                remaining[finding.Fingerprint] = n - 1;
                finding.BaselineState = BaselineState.Unchanged;
            }
            else
            {
                finding.BaselineState = BaselineState.New;
            }
        }

        return remaining.Values.Sum();
    }

    private static string Fingerprint(JsonElement result, Dictionary<string, int> ranks)
    {
        if (result.TryGetProperty("partialFingerprints", out var partial)
            && partial.ValueKind == JsonValueKind.Object
            && partial.TryGetProperty(FindingFingerprints.Name, out var written)
            && written.ValueKind == JsonValueKind.String)
        {
            return written.GetString()!;
        }

        var ruleId = String(result, "ruleId") ?? string.Empty;
        string? uri = null;
        string? snippet = null;
        if (result.TryGetProperty("locations", out var locations) && locations.ValueKind == JsonValueKind.Array && locations.GetArrayLength() > 0
            && locations[0].TryGetProperty("physicalLocation", out var physical))
        {
            if (physical.TryGetProperty("artifactLocation", out var artifact) && String(artifact, "uri") is { } written2)
            {
                uri = Uri.UnescapeDataString(written2);
            }

            if (physical.TryGetProperty("contextRegion", out var context) && context.TryGetProperty("snippet", out var snippetElement))
            {
                snippet = String(snippetElement, "text");
            }
        }

        var key = result.TryGetProperty("properties", out var properties) ? String(properties, "key") : null;
        return FindingFingerprints.Compute(ruleId, uri, string.IsNullOrEmpty(key) ? null : key, snippet, ranks);
    }

    private static string? String(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
