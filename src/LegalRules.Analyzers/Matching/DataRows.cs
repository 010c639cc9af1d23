using System;
using System.Collections.Immutable;
using LegalRules.Analysis;
using LegalRules.Registry;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Matching;

/// <summary>
/// Whether a literal is a cell of a row of data: one of at least <see cref="MinimumCells"/> numeric
/// literals passed to one call or listed in one initializer, and the only one of them whose value is
/// distinctive and some parameter's. Presets of an audio library
/// (<c>new EaxReverb(26, 50.3f, 0.870f, -1000, …, 10.48f, 0.19f, …)</c>, 28 numbers), test vectors
/// and colour tables are such rows: one number among many that equals a statutory value (10.48 was
/// an hourly Smic) does so by chance. A table of statutory amounts has more than one (the basic amounts of
/// a benefit by household size), and keeps all of them.
/// </summary>
internal static class DataRows
{
    /// <summary>Numeric literals in one list from which the list is a row of data.</summary>
    public const int MinimumCells = 12;

    private static readonly NodeTable<Answer> Answers = new();
    private static readonly Func<SyntaxNode, Answer> NewAnswer = _ => new Answer();

    /// <summary>
    /// True when <paramref name="literal"/> is a numeric literal (or its negation) listed as an
    /// argument, an initializer's element or a collection expression's element, among at least
    /// <see cref="MinimumCells"/> numeric literals, none of the others distinctive with a value some
    /// parameter of <paramref name="registry"/> has between <paramref name="windowStart"/> and
    /// <paramref name="asOf"/>.
    /// </summary>
    public static bool IsLoneValueOfRow(SyntaxNode literal, StatutoryRegistry registry, DateTime asOf, DateTime windowStart)
    {
        if (literal is not LiteralExpressionSyntax || RowOf(literal) is not { } row)
        {
            return false;
        }

        // Answered once per row (and registry and dates): a row of thousands of cells asks about each.
        var answer = Answers.GetValue(row, NewAnswer);
        lock (answer)
        {
            if (!ReferenceEquals(answer.Registry, registry) || answer.AsOf != asOf || answer.WindowStart != windowStart)
            {
                answer.Registry = registry;
                answer.AsOf = asOf;
                answer.WindowStart = windowStart;
                answer.IsDataRow = CountCells(row, registry, asOf, windowStart, out var statutory) >= MinimumCells && statutory <= 1;
            }

            return answer.IsDataRow;
        }
    }

    /// <summary>The argument list, initializer or collection expression that lists <paramref name="literal"/> as one of its items.</summary>
    private static SyntaxNode? RowOf(SyntaxNode literal)
    {
        var cell = literal.Parent is PrefixUnaryExpressionSyntax sign && sign.IsKind(SyntaxKind.UnaryMinusExpression) ? sign : literal;
        return cell.Parent switch
        {
            ArgumentSyntax { Parent: ArgumentListSyntax list } => list,
            InitializerExpressionSyntax initializer when !initializer.IsKind(SyntaxKind.ObjectInitializerExpression) => initializer,
            ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection } => collection,
            _ => null,
        };
    }

    /// <summary>The numeric literals of <paramref name="row"/>, and how many of them are distinctive values of a parameter in the window (counted up to 2).</summary>
    private static int CountCells(SyntaxNode row, StatutoryRegistry registry, DateTime asOf, DateTime windowStart, out int statutory)
    {
        var cells = 0;
        statutory = 0;
        foreach (var item in row.ChildNodes())
        {
            var value = item switch
            {
                ArgumentSyntax argument => argument.Expression,
                ExpressionElementSyntax element => element.Expression,
                ExpressionSyntax expression => expression,
                _ => null,
            };

            if (value is PrefixUnaryExpressionSyntax sign && sign.IsKind(SyntaxKind.UnaryMinusExpression))
            {
                value = sign.Operand;
            }

            if (value is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.NumericLiteralExpression))
            {
                continue;
            }

            cells++;
            if (statutory < 2
                && (ConstantValues.TryReadPlainLiteral(literal.Token.Text, out var number) || ConstantValues.TryParseLiteral(literal.Token.Text, out number))
                && Distinctiveness.IsDistinctive(number) // distinctive as an integer implies distinctive as an amount
                && HasInWindow(registry.Find(number), asOf, windowStart))
            {
                statutory++;
            }
        }

        return cells;
    }

    /// <summary>Whether some occurrence applied between <paramref name="windowStart"/> and <paramref name="asOf"/>.</summary>
    internal static bool HasInWindow(ImmutableArray<ValueOccurrence> occurrences, DateTime asOf, DateTime windowStart)
    {
        foreach (var occurrence in occurrences)
        {
            if (StatutoryMatcher.InWindow(occurrence, asOf, windowStart))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A row's answer, with what it was computed for (the same tree may be analysed with other options).</summary>
    private sealed class Answer
    {
        public StatutoryRegistry? Registry { get; set; }

        public DateTime AsOf { get; set; }

        public DateTime WindowStart { get; set; }

        public bool IsDataRow { get; set; }
    }
}
