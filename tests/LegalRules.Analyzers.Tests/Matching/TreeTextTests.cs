using System;
using System.Collections.Generic;
using System.Linq;
using LegalRules.Matching;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LegalRules.Tests.Matching;

/// <summary>
/// The search of a file's text for a name written as a whole word (<see cref="TreeText.WholeWordsIn"/>),
/// against a search that tries every position.
/// </summary>
public class TreeTextTests
{
    [Theory]
    [InlineData("taux = Taux * taux_2 + taux;", "taux")]
    [InlineData("tauxtaux taux", "taux")]
    [InlineData("aaaa a aa", "aa")]
    [InlineData("plafond", "plafond")]
    [InlineData("", "x")]
    [InlineData("x", "")]
    public void Finds_each_whole_word_in_order(string content, string name)
    {
        Assert.Equal(EveryPosition(content, name, new TextSpan(0, content.Length)), Found(content, name, new TextSpan(0, content.Length)));
    }

    [Fact]
    public void Finds_only_words_wholly_inside_the_span()
    {
        const string content = "smic smic smic smic";

        // The span starts at the second word and ends in the middle of the fourth.
        var span = TextSpan.FromBounds(5, 17);

        Assert.Equal(new[] { 5, 10 }, Found(content, "smic", span));
    }

    [Fact]
    public void Agrees_with_every_position_on_random_texts_and_spans()
    {
        var random = new Random(20261201);
        var alphabet = "ab _.(".ToCharArray();
        for (var round = 0; round < 2_000; round++)
        {
            var content = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var name = random.Next(3) switch { 0 => "a", 1 => "ab", _ => "aba" };
            var start = random.Next(0, content.Length + 1);
            var span = TextSpan.FromBounds(start, random.Next(start, content.Length + 1));

            Assert.Equal(EveryPosition(content, name, span), Found(content, name, span));
        }
    }

    [Fact]
    public void A_name_that_holds_another_is_not_searched_for()
    {
        Assert.Equal(new[] { "StatutoryParameter" }, TreeText.Needles(new[] { "StatutoryParameterAttribute", "StatutoryParameter" }));
        Assert.Equal(new[] { "Taux", "Plafond" }, TreeText.Needles(new[] { "Taux", "TauxReduit", "Plafond", "Taux" }));
    }

    [Fact]
    public void Searching_the_needles_finds_a_text_that_contains_any_name()
    {
        var random = new Random(20261202);
        var alphabet = "ab_".ToCharArray();
        string Word(int length) => new(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        for (var round = 0; round < 2_000; round++)
        {
            var names = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Word(random.Next(1, 5))).ToArray();
            var needles = TreeText.Needles(names);
            var content = Word(random.Next(0, 30));

            Assert.True(needles.Length <= names.Distinct().Count());
            Assert.All(needles, needle => Assert.Contains(needle, names));
            Assert.Equal(names.Any(n => content.Contains(n, StringComparison.Ordinal)), needles.Any(n => content.Contains(n, StringComparison.Ordinal)));
        }
    }

    private static List<int> Found(string content, string name, TextSpan span)
    {
        var found = new List<int>();
        foreach (var at in TreeText.WholeWordsIn(content, name, span))
        {
            found.Add(at);
        }

        return found;
    }

    // Every position of the span where the name starts, ends within the span, and touches no
    // identifier character on either side; occurrences do not overlap.
    private static List<int> EveryPosition(string content, string name, TextSpan span)
    {
        var found = new List<int>();
        if (name.Length == 0)
        {
            return found;
        }

        for (var at = span.Start; at + name.Length <= span.End;)
        {
            if (string.CompareOrdinal(content, at, name, 0, name.Length) == 0)
            {
                if ((at == 0 || !IsWordChar(content[at - 1])) && (at + name.Length == content.Length || !IsWordChar(content[at + name.Length])))
                {
                    found.Add(at);
                }

                at += name.Length;
            }
            else
            {
                at++;
            }
        }

        return found;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
