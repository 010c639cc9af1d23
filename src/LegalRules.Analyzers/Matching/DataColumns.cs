using System;
using System.Collections.Generic;
using LegalRules.Analysis;
using LegalRules.Registry;
using LegalRules.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Matching;

/// <summary>
/// Whether a literal is a cell of a column of data: the same constructor or method is called at least
/// <see cref="MinimumRows"/> times in one member, each time with a number in the literal's place (its
/// position, or its parameter's name), and another number of that column is distinctive and no
/// parameter's value. Sample data and fixtures are written so: the allowances of a town's elected
/// officials (<c>new Ligne("Maire", 1041.59m)</c>, <c>new Ligne("1er adjoint", 651.69m)</c>,
/// <c>new Ligne("3e adjoint", 402.75m)</c>), the lines of a budget, the tariffs of a canteen. The rows of
/// one collection initializer written <c>new(…)</c> are a column too. A column of amounts that are all
/// statutory values (a benefit's amounts year by year) is kept.
/// </summary>
internal static class DataColumns
{
    /// <summary>Calls, in one member, from which the numbers in one place of them are a column.</summary>
    public const int MinimumRows = 3;

    private static readonly NodeTable<Columns> PerMember = new();
    private static readonly Func<SyntaxNode, Columns> NewColumns = _ => new Columns();

    /// <summary>
    /// True when <paramref name="literal"/> (or its negation) is an argument of a call repeated at least
    /// <see cref="MinimumRows"/> times in its member, and another literal in the same place of those
    /// calls is distinctive and has no value of <paramref name="registry"/> between
    /// <paramref name="windowStart"/> and <paramref name="asOf"/>.
    /// </summary>
    public static bool IsChanceValueOfColumn(SyntaxNode literal, StatutoryRegistry registry, DateTime asOf, DateTime windowStart)
    {
        if (literal is not LiteralExpressionSyntax)
        {
            return false;
        }

        var cell = literal.Parent is PrefixUnaryExpressionSyntax sign && sign.IsKind(SyntaxKind.UnaryMinusExpression) ? sign : literal;
        if (cell.Parent is AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax, Parent: InitializerExpressionSyntax entries } entry && entry.Right == cell)
        {
            return IsLoneValueOfLabelledEntries(entry, entries, registry, asOf, windowStart);
        }

        string? callee, place;
        switch (cell.Parent)
        {
            case ArgumentSyntax { Parent: ArgumentListSyntax list } argument:
                callee = CalleeOf(list);
                place = PlaceOf(argument, list);
                break;
            case InitializerExpressionSyntax row when row.IsKind(SyntaxKind.ComplexElementInitializerExpression) && row.Parent is InitializerExpressionSyntax:
                // { Zone.Z2, 638.28m, 9_000m, 262m } among the rows of a collection's initializer.
                callee = RowsKey;
                place = row.Expressions.IndexOf((ExpressionSyntax)cell).ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            default:
                return false;
        }

        if (callee is null || place is null || MemberSyntax.MemberOf(cell) is not { } member)
        {
            return false;
        }

        var columns = PerMember.GetValue(member, NewColumns);
        var column = callee + "\u0001" + place;
        lock (columns)
        {
            if (!ReferenceEquals(columns.Registry, registry) || columns.AsOf != asOf || columns.WindowStart != windowStart)
            {
                columns.Registry = registry;
                columns.AsOf = asOf;
                columns.WindowStart = windowStart;
                columns.Answers.Clear();
            }

            if (!columns.Answers.TryGetValue(column, out var answer))
            {
                answer = HasForeignCell(member, callee, place, registry, asOf, windowStart);
                columns.Answers[column] = answer;
            }

            return answer;
        }
    }

    /// <summary>The rows of collection initializers (<c>{ a, b, c }</c>) of a member make one table.</summary>
    private const string RowsKey = "{ }";

    /// <summary>The called constructor or method as written: <c>new Ligne</c>, <c>etat.Ajouter</c>; null for other argument lists.</summary>
    private static string? CalleeOf(ArgumentListSyntax list) => list.Parent switch
    {
        ObjectCreationExpressionSyntax creation => "new " + creation.Type.ToString(),
        ImplicitObjectCreationExpressionSyntax implicitCreation => implicitCreation.Parent switch
        {
            ArgumentSyntax { Parent: ArgumentListSyntax outer } when CalleeOf(outer) is { } outerCallee => "new() in " + outerCallee,
            // new List<Ligne> { new(…), new(…) }: the rows of one initializer.
            InitializerExpressionSyntax rows => "new() at " + rows.SpanStart.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        },
        InvocationExpressionSyntax invocation => invocation.Expression.ToString(),
        _ => null,
    };

    /// <summary>The argument's parameter name when it is named, else its position.</summary>
    private static string? PlaceOf(ArgumentSyntax argument, ArgumentListSyntax list)
    {
        if (argument.NameColon is { } name)
        {
            return name.Name.Identifier.ValueText;
        }

        var index = list.Arguments.IndexOf(argument);
        return index < 0 ? null : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool HasForeignCell(SyntaxNode member, string callee, string place, StatutoryRegistry registry, DateTime asOf, DateTime windowStart)
    {
        var rows = 0;
        var foreign = false;
        var index = callee == RowsKey ? int.Parse(place, System.Globalization.CultureInfo.InvariantCulture) : -1;
        foreach (var node in SyntaxWalk.Descendants(member))
        {
            if (index >= 0)
            {
                if (node is InitializerExpressionSyntax row && row.IsKind(SyntaxKind.ComplexElementInitializerExpression) && row.Parent is InitializerExpressionSyntax)
                {
                    rows++;
                    foreign |= index < row.Expressions.Count && IsForeignCell(row.Expressions[index], registry, asOf, windowStart);
                }

                continue;
            }

            if (node is not ArgumentListSyntax list || CalleeOf(list) != callee)
            {
                continue;
            }

            rows++;
            foreach (var argument in list.Arguments)
            {
                if (PlaceOf(argument, list) == place)
                {
                    foreign |= IsForeignCell(argument.Expression, registry, asOf, windowStart);
                }
            }
        }

        return foreign && rows >= MinimumRows;
    }

    /// <summary>
    /// <c>{ ["Comité des fêtes"] = 6_500m, ["Tennis club"] = 4_005m, ["Football club"] = 9_800m }</c>: a
    /// table of at least <see cref="MinimumRows"/> entries whose keys are texts (the names of what each
    /// value is), where no other value is a parameter's in the window, nor distinctive. The one value
    /// that looks statutory, named by a key that does not corroborate it, is a coincidence among round
    /// sums. A table of a benefit's amounts by household (651.69, 977.54, 1172.04: the amounts derived
    /// from the one the registry holds) is kept.
    /// </summary>
    private static bool IsLoneValueOfLabelledEntries(AssignmentExpressionSyntax entry, InitializerExpressionSyntax entries, StatutoryRegistry registry, DateTime asOf, DateTime windowStart)
    {
        var count = 0;
        foreach (var other in entries.Expressions)
        {
            if (other is not AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments: { Count: 1 } keys }, Right: var value }
                || !keys[0].Expression.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return false; // keys that are not texts: years, codes, enums
            }

            count++;
            if (other != entry && (IsStatutoryCell(value, registry, asOf, windowStart) || IsDistinctiveCell(value)))
            {
                return false;
            }
        }

        return count >= MinimumRows;
    }

    private static bool IsDistinctiveCell(ExpressionSyntax expression)
    {
        var value = expression is PrefixUnaryExpressionSyntax sign && sign.IsKind(SyntaxKind.UnaryMinusExpression) ? sign.Operand : expression;
        return value is LiteralExpressionSyntax number
            && number.IsKind(SyntaxKind.NumericLiteralExpression)
            && (ConstantValues.TryReadPlainLiteral(number.Token.Text, out var read) || ConstantValues.TryParseLiteral(number.Token.Text, out read))
            && Distinctiveness.IsDistinctive(read);
    }

    private static bool IsStatutoryCell(ExpressionSyntax expression, StatutoryRegistry registry, DateTime asOf, DateTime windowStart)
    {
        var value = expression is PrefixUnaryExpressionSyntax sign && sign.IsKind(SyntaxKind.UnaryMinusExpression) ? sign.Operand : expression;
        return value is LiteralExpressionSyntax number
            && number.IsKind(SyntaxKind.NumericLiteralExpression)
            && (ConstantValues.TryReadPlainLiteral(number.Token.Text, out var read) || ConstantValues.TryParseLiteral(number.Token.Text, out read))
            && DataRows.HasInWindow(registry.Find(read), asOf, windowStart);
    }

    /// <summary>A number written as a literal (or its negation), distinctive, and no parameter's value in the window.</summary>
    private static bool IsForeignCell(ExpressionSyntax expression, StatutoryRegistry registry, DateTime asOf, DateTime windowStart)
    {
        var value = expression is PrefixUnaryExpressionSyntax sign && sign.IsKind(SyntaxKind.UnaryMinusExpression) ? sign.Operand : expression;
        return value is LiteralExpressionSyntax number
            && number.IsKind(SyntaxKind.NumericLiteralExpression)
            && (ConstantValues.TryReadPlainLiteral(number.Token.Text, out var read) || ConstantValues.TryParseLiteral(number.Token.Text, out read))
            && Distinctiveness.IsDistinctive(read)
            && !DataRows.HasInWindow(registry.Find(read), asOf, windowStart);
    }

    /// <summary>A member's answers by column, with what they were computed for (a tree may be analysed with other options).</summary>
    private sealed class Columns
    {
        public StatutoryRegistry? Registry { get; set; }

        public DateTime AsOf { get; set; }

        public DateTime WindowStart { get; set; }

        public Dictionary<string, bool> Answers { get; } = new(StringComparer.Ordinal);
    }
}
