using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Matching;

/// <summary>
/// Reads a compile-time constant as an exact decimal. A binary floating-point literal is read from
/// its text, so <c>0.1</c> is 0.1 and not 0.1000000000000000055511151231257827.
/// </summary>
internal static class ConstantValues
{
    public static bool TryGetDecimal(object? constant, SyntaxNode? syntax, out decimal value)
    {
        switch (constant)
        {
            case decimal d:
                value = d;
                return true;
            case int i:
                value = i;
                return true;
            case long l:
                value = l;
                return true;
            case uint ui:
                value = ui;
                return true;
            case ulong ul:
                value = ul;
                return true;
            case short s:
                value = s;
                return true;
            case ushort us:
                value = us;
                return true;
            case byte b:
                value = b;
                return true;
            case sbyte sb:
                value = sb;
                return true;
            case double dbl:
                return TryFromBinary(dbl, syntax, out value);
            case float f:
                return TryFromBinary(f, syntax, out value);
            default:
                value = 0m;
                return false;
        }
    }

    /// <summary>True for a literal written in hexadecimal or binary: a bit pattern, not an amount.</summary>
    public static bool IsBitPattern(SyntaxToken token)
    {
        var text = token.Text;
        return text.Length > 1 && text[0] == '0' && (text[1] is 'x' or 'X' or 'b' or 'B');
    }

    private static bool TryFromBinary(double constant, SyntaxNode? syntax, out decimal value)
    {
        if (syntax is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.NumericLiteralExpression) && TryParseLiteral(literal.Token.Text, out value))
        {
            return true;
        }

        if (double.IsNaN(constant) || double.IsInfinity(constant) || Math.Abs(constant) >= 7.9e28)
        {
            value = 0m;
            return false;
        }

        // Folded arithmetic: the nearest decimal with the 15 significant digits a double holds.
        value = (decimal)constant;
        return true;
    }

    /// <summary>
    /// Reads a plain numeric literal's text (digits, one point, digit separators, a suffix) as its
    /// exact decimal value, without allocating: the cheap first question asked of every literal, before
    /// the compiler's constant (whose <c>IOperation.ConstantValue</c> boxes the value on each call).
    /// False — "ask the compiler" — for what it does not read: exponents, more than 18 significant
    /// digits, more than 28 decimals.
    /// </summary>
    public static bool TryReadPlainLiteral(string text, out decimal value)
    {
        value = 0m;
        ulong mantissa = 0;
        var significant = 0;
        var scale = 0;
        var afterPoint = false;
        var digits = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                digits++;
                if (mantissa != 0 || c != '0')
                {
                    if (++significant > 18)
                    {
                        return false;
                    }

                    mantissa = (mantissa * 10) + (ulong)(c - '0');
                }

                if (afterPoint && ++scale > 28)
                {
                    return false;
                }
            }
            else if (c == '.' && !afterPoint)
            {
                afterPoint = true;
            }
            else if (c == '_')
            {
                continue;
            }
            else if (c is 'e' or 'E' or '.')
            {
                return false;
            }
            else
            {
                break; // the type suffix (m, d, f, l, u, ul…)
            }
        }

        if (digits == 0)
        {
            return false;
        }

        value = new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, isNegative: false, (byte)scale);
        return true;
    }

    /// <summary>Parses a C# numeric literal's text (suffixes and digit separators allowed) as a decimal.</summary>
    public static bool TryParseLiteral(string text, out decimal value)
    {
        var end = text.Length;
        while (end > 0 && char.IsLetter(text[end - 1]) && text[end - 1] is not ('e' or 'E'))
        {
            end--;
        }

        var digits = text.Substring(0, end).Replace("_", string.Empty);
        try
        {
            return decimal.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
        catch (OverflowException)
        {
            value = 0m;
            return false;
        }
    }
}
