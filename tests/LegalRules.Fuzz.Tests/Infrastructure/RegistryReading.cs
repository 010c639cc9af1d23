using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using LegalRules.Fuzz.Generators;
using LegalRules.Registry;
using LegalRules.Registry.Sources;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Fuzz.Infrastructure;

/// <summary>What a registry or bindings parser made of a text: faults, the keys it loaded, how long it took.</summary>
internal sealed record RegistryReadOutcome(ImmutableArray<RegistryFault> Faults, ImmutableArray<(string Key, FileSpan Span)> Loaded, TimeSpan Elapsed, Exception? Thrown);

/// <summary>Reads a text with the product's parsers, directly (no analyzer driver), and checks what it gave.</summary>
internal static class RegistryReading
{
    public static RegistryReadOutcome Read(RegistrySeedKind kind, string text)
    {
        var source = SourceText.From(text);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            switch (kind)
            {
                case RegistrySeedKind.Bindings:
                {
                    var parsed = BindingsFileParser.Parse(source);
                    return new(parsed.Faults, parsed.Bindings.Select(b => (b.Key, b.KeySpan)).ToImmutableArray(), stopwatch.Elapsed, null);
                }

                default:
                {
                    var parsed = kind == RegistrySeedKind.Native ? NativeRegistryParser.Parse(source) : OpenFiscaParameterParser.Parse(source);
                    return new(parsed.Faults, parsed.Parameters.Select(p => (p.Key, p.Span)).ToImmutableArray(), stopwatch.Elapsed, null);
                }
            }
        }
#pragma warning disable CA1031 // Any exception is the finding: it is reported, with its input, by the caller.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new(ImmutableArray<RegistryFault>.Empty, ImmutableArray<(string, FileSpan)>.Empty, stopwatch.Elapsed, exception);
        }
    }

    /// <summary>An exception, or a fault or parameter located outside the text or at lines its span does not have.</summary>
    public static List<string> Violations(RegistryReadOutcome outcome, string text)
    {
        var violations = new List<string>();
        if (outcome.Thrown is not null)
        {
            violations.Add("the parser threw " + outcome.Thrown);
            return violations;
        }

        var lines = SourceText.From(text).Lines;
        foreach (var fault in outcome.Faults)
        {
            if (SpanProblem(fault.Span, text, lines) is { } problem)
            {
                violations.Add($"fault {fault} {problem}");
            }

            // Every message must format: a fault whose arguments do not fit its text would throw in the IDE.
            _ = fault.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            _ = fault.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
        }

        foreach (var (key, span) in outcome.Loaded)
        {
            if (SpanProblem(span, text, lines) is { } problem)
            {
                violations.Add($"'{key}' {problem}");
            }
        }

        if (outcome.Elapsed > Invariants.TimeBound)
        {
            violations.Add($"reading took {FuzzSummary.Duration(outcome.Elapsed)}");
        }

        return violations;
    }

    private static string? SpanProblem(FileSpan span, string text, TextLineCollection lines)
    {
        if (span.Span.End > text.Length)
        {
            return $"ends at {span.Span.End}, past the end of the text ({text.Length})";
        }

        var expected = lines.GetLinePositionSpan(span.Span);
        return expected == span.LineSpan ? null : $"says lines {span.LineSpan} where its span is at {expected}";
    }
}
