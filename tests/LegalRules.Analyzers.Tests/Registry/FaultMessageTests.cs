using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using LegalRules.Registry;
using LegalRules.Registry.Sources;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LegalRules.Tests.Registry;

/// <summary>Every fault has a message in English and in French, with the same placeholders.</summary>
public sealed class FaultMessageTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    [Fact]
    public void Every_fault_code_has_an_English_and_a_French_message()
    {
        var english = Messages(CultureInfo.InvariantCulture);
        var french = Messages(French);
        var missing = Enum.GetValues<FaultCode>()
            .Select(code => "Fault_" + code)
            .SelectMany(name => new[] { (Name: name, Culture: "en", Text: english.GetValueOrDefault(name)), (Name: name, Culture: "fr", Text: french.GetValueOrDefault(name)) })
            .Where(m => string.IsNullOrWhiteSpace(m.Text))
            .Select(m => $"{m.Name} ({m.Culture})")
            .ToList();

        Assert.True(missing.Count == 0, "Messages missing:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_fault_message_has_the_same_placeholders_in_both_languages()
    {
        var english = Messages(CultureInfo.InvariantCulture);
        var french = Messages(French);
        var different = Enum.GetValues<FaultCode>()
            .Select(code => "Fault_" + code)
            .Where(name => !Placeholders(english.GetValueOrDefault(name) ?? string.Empty).SequenceEqual(Placeholders(french.GetValueOrDefault(name) ?? string.Empty)))
            .ToList();

        Assert.True(different.Count == 0, "Placeholders differ:\n" + string.Join("\n", different));
    }

    [Fact]
    public void No_message_is_left_without_a_fault_code()
    {
        var codes = Enum.GetNames<FaultCode>().Select(n => "Fault_" + n).ToHashSet(StringComparer.Ordinal);
        foreach (var culture in new[] { CultureInfo.InvariantCulture, French })
        {
            var orphans = Messages(culture).Keys.Where(k => k.StartsWith("Fault_", StringComparison.Ordinal) && !codes.Contains(k)).ToList();
            Assert.True(orphans.Count == 0, $"Messages of no fault code ({culture.Name}): " + string.Join(", ", orphans));
        }
    }

    [Fact]
    public void A_fault_reads_in_French_and_in_English()
    {
        var fault = NativeRegistryParser.Parse(SourceText.From("parameters:\n  a.b:\n    values:\n      2025-02-30: 1\n")).Faults.Single();

        Assert.Equal("'2025-02-30' n'est pas une date (AAAA-MM-JJ)", fault.GetMessage(French));
        Assert.Equal("'2025-02-30' n'est pas une date (AAAA-MM-JJ)", fault.GetMessage(CultureInfo.GetCultureInfo("fr-FR")));
        Assert.Equal("'2025-02-30' is not a date (YYYY-MM-DD)", fault.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("(4,7): '2025-02-30' is not a date (YYYY-MM-DD)", fault.ToString());
    }

    /// <summary>The messages of one culture itself, without falling back to the neutral ones.</summary>
    private static Dictionary<string, string?> Messages(CultureInfo culture)
    {
        var set = LegalRules.Resources.ResourceManager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for the culture '{culture.Name}'.");
        var messages = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in set)
        {
            messages[(string)entry.Key] = entry.Value as string;
        }

        return messages;
    }

    private static string[] Placeholders(string message)
        => Regex.Matches(message, @"\{\d+\}").Select(m => m.Value).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToArray();
}
