using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace LegalRules.Bench.Corpus;

/// <summary>A parameter of the embedded registry, as much of it as the corpus needs to plant its values.</summary>
internal sealed record RegistryParameter(string Key, string Word, decimal InForce, IReadOnlyList<decimal> Superseded);

/// <summary>
/// Reads the embedded registry's YAML (the native format's parameters and dated values) so that the
/// corpus plants values the analyzer really knows. Read with the YAML library rather than through the
/// analyzer, so that the generator depends on the file format only.
/// </summary>
internal static class RegistryFacts
{
    // Words of keywords that corroborate nothing (the analyzer's generic words): never used to name a member.
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "prime", "personne", "personnes", "seule", "deux", "trois", "age", "seuil", "plafond", "securite", "sociale",
        "mensuel", "mensuelle", "annuel", "horaire", "brut", "heures", "minimum", "supplementaire", "troisieme", "plein",
        "reduit", "median", "global", "duree", "legale", "couple", "activite", "allocations", "familiales",
    };

    public static IReadOnlyList<RegistryParameter> Read(string path, DateTime asOf, DateTime windowStart)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var parameters = (YamlMappingNode)root.Children[new YamlScalarNode("parameters")];
        var result = new List<RegistryParameter>();
        foreach (var (keyNode, bodyNode) in parameters.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            if (bodyNode is not YamlMappingNode body || !body.Children.TryGetValue(new YamlScalarNode("values"), out var valuesNode) || valuesNode is not YamlMappingNode values)
            {
                continue;
            }

            var dated = new List<(DateTime From, decimal? Value)>();
            foreach (var (dateNode, valueNode) in values.Children)
            {
                var from = DateTime.ParseExact(((YamlScalarNode)dateNode).Value!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var scalar = valueNode is YamlMappingNode map ? map.Children[new YamlScalarNode("value")] as YamlScalarNode : valueNode as YamlScalarNode;
                dated.Add((from, ReadNumber(scalar?.Value)));
            }

            dated.Sort((a, b) => a.From.CompareTo(b.From));
            var inForceIndex = dated.FindLastIndex(d => d.From <= asOf);
            if (inForceIndex < 0 || dated[inForceIndex].Value is not { } inForce || inForce is 0m or 1m)
            {
                continue;
            }

            var superseded = new List<decimal>();
            for (var i = 0; i < inForceIndex; i++)
            {
                // A past value still inside the look-back window, and not equal to the value in force.
                if (dated[i].Value is { } past && past != inForce && dated[i + 1].From > windowStart && !superseded.Contains(past) && past is not (0m or 1m))
                {
                    superseded.Add(past);
                }
            }

            result.Add(new RegistryParameter(key, Word(key, body), inForce, superseded));
        }

        return result;
    }

    private static decimal? ReadNumber(string? text)
        => text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A word of the parameter that names it in code (<c>Csg</c>, <c>Smic</c>): its first keyword that is not generic.</summary>
    private static string Word(string key, YamlMappingNode body)
    {
        if (body.Children.TryGetValue(new YamlScalarNode("keywords"), out var keywords) && keywords is YamlSequenceNode list)
        {
            foreach (var item in list.Children.OfType<YamlScalarNode>())
            {
                var word = item.Value ?? string.Empty;
                if (word.Length >= 3 && !Generic.Contains(word))
                {
                    return Capitalize(word);
                }
            }
        }

        var last = key.Substring(key.LastIndexOf('.') + 1).Split('_', StringSplitOptions.RemoveEmptyEntries)[0];
        return Capitalize(last);
    }

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word.Substring(1);
}
