using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using LegalRules.Analysis;
using LegalRules.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Matching;

/// <summary>
/// Whether a literal is one value of a series of numbers written in the same member: at least
/// <see cref="MinimumLength"/> literals in a row of a sequence that enumerates numbers rather than
/// states amounts — evenly spaced by a round step (1, 2, 2.5 or 5 times a power of ten), as
/// <c>10.05, 10.15, 10.25 … 10.95</c> in a test of number formatting or rounding; or each the sum of
/// the two before it, as Fibonacci's <c>17711, 28657, 46368, 75025</c>. A value of such a series that
/// equals a statutory value does so by chance (every tenth of a unit is some year's rate of
/// something; 46368 was a year's social security ceiling). A table of statutory amounts follows
/// neither (family allowances grow by 190.29 per child, not by 100).
/// </summary>
internal static class ValueSeries
{
    /// <summary>Values in a row, the literal's included, from which a series is a grid.</summary>
    public const int MinimumLength = 4;

    // A member with more literals is not searched for steps: the walk stays linear.
    private const int MaximumValues = 512;

    private static readonly NodeTable<MemberValues> PerMember = new();

    private static readonly Func<SyntaxNode, MemberValues> ReadValues = member =>
    {
        var numbers = new HashSet<decimal>();
        foreach (var node in SyntaxWalk.Descendants(member))
        {
            if (node is LiteralExpressionSyntax other
                && other.IsKind(SyntaxKind.NumericLiteralExpression)
                && !ConstantValues.IsBitPattern(other.Token)
                && ConstantValues.TryReadPlainLiteral(other.Token.Text, out var number))
            {
                numbers.Add(number);
                if (numbers.Count > MaximumValues)
                {
                    return new MemberValues(null);
                }
            }
        }

        return new MemberValues(numbers.Count >= MinimumLength ? numbers : null);
    };

    /// <summary>
    /// True when <paramref name="literal"/> is a numeric literal of value <paramref name="value"/> in
    /// such a series of literals of its member (for top-level statements, of its file).
    /// </summary>
    public static bool IsInSeries(SyntaxNode literal, decimal value)
    {
        if (literal is not LiteralExpressionSyntax)
        {
            return false;
        }

        // Read once per member: a member of thousands of literals asks about each of them.
        var values = PerMember.GetValue(MemberSyntax.MemberOrFileOf(literal), ReadValues);
        return values.Numbers is { } numbers && values.Answers.GetOrAdd(Math.Abs(value), v => InSeries(numbers, v));
    }

    private static bool InSeries(HashSet<decimal> values, decimal value)
    {
        if (!values.Contains(value))
        {
            return false;
        }

        foreach (var other in values)
        {
            var step = Math.Abs(other - value);
            if (step != 0m && IsRound(step) && RunLength(values, value, step) >= MinimumLength)
            {
                return true;
            }

            if (other < value && RecurrenceLength(values, other, value) >= MinimumLength)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// How many values, in a row, of the series in which each value is the sum of the two before it
    /// (Fibonacci's: <c>17711, 28657, 46368, 75025</c>) are in <paramref name="values"/>, with
    /// <paramref name="before"/> just before <paramref name="value"/>.
    /// </summary>
    private static int RecurrenceLength(HashSet<decimal> values, decimal before, decimal value)
    {
        var first = value - before;
        if (first <= 0m || first >= before || !values.Contains(first))
        {
            return 0;
        }

        var length = 3;
        for (decimal a = first, b = before; length < MinimumLength && b - a > 0m && b - a < a && values.Contains(b - a);)
        {
            (a, b) = (b - a, a);
            length++;
        }

        for (decimal b = before, c = value; length < MinimumLength && values.Contains(b + c);)
        {
            (b, c) = (c, b + c);
            length++;
        }

        return length;
    }

    /// <summary>How many values of the series of step <paramref name="step"/> through <paramref name="value"/> are in <paramref name="values"/>, in a row.</summary>
    private static int RunLength(HashSet<decimal> values, decimal value, decimal step)
    {
        var length = 1;
        for (var below = value - step; values.Contains(below) && length < MinimumLength; below -= step)
        {
            length++;
        }

        for (var above = value + step; values.Contains(above) && length < MinimumLength; above += step)
        {
            length++;
        }

        return length;
    }

    /// <summary>The values of a member's literals; null when too few or too many to search.</summary>
    private sealed class MemberValues
    {
        public MemberValues(HashSet<decimal>? numbers)
        {
            Numbers = numbers;
        }

        public HashSet<decimal>? Numbers { get; }

        public ConcurrentDictionary<decimal, bool> Answers { get; } = new();
    }

    /// <summary>1, 2, 2.5 or 5 times a power of ten.</summary>
    internal static bool IsRound(decimal step)
    {
        for (var i = 0; i < 28 && step < 1m; i++)
        {
            step *= 10m;
        }

        while (step >= 10m && decimal.Remainder(step, 10m) == 0m)
        {
            step /= 10m;
        }

        if (step == 25m)
        {
            step = 2.5m;
        }

        return step is 1m or 2m or 2.5m or 5m;
    }
}
