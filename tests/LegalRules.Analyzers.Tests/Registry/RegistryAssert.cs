using System;
using System.Collections.Generic;
using System.Linq;
using LegalRules.Registry;
using LegalRules.Registry.Sources;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LegalRules.Tests.Registry;

/// <summary>Assertions on faults located in registry and bindings files.</summary>
internal static class RegistryAssert
{
    /// <summary>A span as an editor shows it: 1-based line and column, end column just past the last character.</summary>
    public static LinePositionSpan At(int line, int column, int endLine, int endColumn)
        => new(new LinePosition(line - 1, column - 1), new LinePosition(endLine - 1, endColumn - 1));

    /// <summary>The faults, exactly: code, place, and the text the place covers.</summary>
    public static void Faults(SourceText text, IReadOnlyList<RegistryFault> actual, params (FaultCode Code, LinePositionSpan At, string Text)[] expected)
    {
        var found = actual.Select(f => Describe(f.Code, f.Span.LineSpan, text.ToString(f.Span.Span))).ToList();
        var wanted = expected.Select(e => Describe(e.Code, e.At, e.Text)).ToList();
        Assert.True(
            wanted.SequenceEqual(found),
            "Expected faults:\n  " + string.Join("\n  ", wanted) + "\nActual faults:\n  " + string.Join("\n  ", actual.Select(f => Describe(f.Code, f.Span.LineSpan, text.ToString(f.Span.Span)) + " — " + f)));

        // The line span and the character span must say the same thing.
        foreach (var fault in actual)
        {
            Assert.Equal(text.Lines.GetLinePositionSpan(fault.Span.Span), fault.Span.LineSpan);
        }
    }

    public static void Loaded(ParsedRegistryFile file, params string[] keys)
        => Assert.Equal(keys.OrderBy(k => k, StringComparer.Ordinal), file.Parameters.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal));

    private static string Describe(FaultCode code, LinePositionSpan span, string covered)
        => $"{code} ({span.Start.Line + 1},{span.Start.Character + 1})-({span.End.Line + 1},{span.End.Character + 1}) '{covered.Replace("\r", "\\r").Replace("\n", "\\n")}'";
}
