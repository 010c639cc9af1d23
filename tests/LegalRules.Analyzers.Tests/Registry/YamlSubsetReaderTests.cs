using System.Linq;
using LegalRules.Registry.Yaml;
using Xunit;

namespace LegalRules.Tests.Registry;

/// <summary>
/// The constructs the subset reader reads (each compared with YamlDotNet's tree: values, kinds,
/// spans, line spans, sizes), and those it must leave to the parser, so that a change to it cannot
/// start misreading one of them unnoticed.
/// </summary>
public sealed class YamlSubsetReaderTests
{
    [Theory]
    [InlineData("a: \"x \\\"q\\\" \\\\ \\/ \\n \\t \\r \\0 \\_ \\ y\"\n")]
    [InlineData("title: \"cf. feuille \\\"RMI_FL\\\" à partir du 01/02/2007\"\n")]
    [InlineData("title: \"Loi\\_80-545 du\\_17 juillet 1980\"\n")]
    [InlineData("a: \"x # y\"\nb: 'x # y'\nc: \"\"\nd: ''\n")]
    [InlineData("a: 'it''s' # comment\nb: '''quoted'''\n")]
    [InlineData("a: \"2024-01-01\" # a date kept as text\n")]
    [InlineData("a: value # comment\nb: value#not a comment\nc: value   # comment after spaces\n")]
    [InlineData("a:\nb: 1\n")]
    [InlineData("a: # nothing but a comment\nb:\n")]
    [InlineData("a:")]
    [InlineData("a:\n")]
    [InlineData("a:\n  b:\nc: 1\n")]
    [InlineData("a:\n  b:\n\n# comment\n")]
    [InlineData("a: ~\nb: null\nc: Null\nd: NULL\n")]
    [InlineData("a: 12:30\nb: x:y\nc: a :b\n")]
    [InlineData("href: https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000043459535#:~:text=Le%20montant,avril%202021.\n")]
    [InlineData("a: 1_000\nb: -5\nc: 0.5\nd: 1e3\ne: .inf\nf: 0x1F\n")]
    [InlineData("key with spaces: 1\nhref : https://example.org\nl'article: L262-2\n")]
    [InlineData("a: b   \nc:   \n  d: 1  \n")]
    [InlineData("a: x [y] et {z}, w\nb: x, y\nc: x]\nd: x}\n")]
    [InlineData("\uFEFFa: 1\nb:\n  c: 2\n")]
    [InlineData("a: 1\nb: 2")]
    [InlineData("")]
    [InlineData("# only a comment\n\n")]
    [InlineData("# comment\n\na: 1\n  # indented comment\n\n# comment\nb:\n  # comment before the value\n  c: 2\n")]
    [InlineData("  a: 1\n  b:\n    c: 2\n")]
    [InlineData("values:\n  2015-09-01:\n    value: 524.16\n  2016-04-01:\n    value: 524.68\nmetadata:\n  unit: currency\n")]
    [InlineData("a:\n- x\n- y\nb: 1\n")]
    [InlineData("a:\n  - x\n  - y\nb: 1\n")]
    [InlineData("a:\n    -   x\n    -   y\n")]
    [InlineData("reference:\n  2008-01-01:\n  - title: A\n    href: https://a\n  - title: B\n  2009-01-01:\n    - title: C\n")]
    [InlineData("- a: 1\n  b: 2\n- c: 3\n")]
    [InlineData("- - a\n  - b\n- - c\n")]
    [InlineData("-\n- a\n-\n")]
    [InlineData("- \n  a: 1\n-\n  - b\n")]
    [InlineData("- 'x'\n- \"y\"\n- z # comment\n")]
    [InlineData("a: []\nb: {}\nc:\n- []\n- {} # comment\n")]
    [InlineData("a: |\n  line 1\n  line 2\nb: 1\n")]
    [InlineData("a: |-\n  line 1\n\n  line 3\n\n\nb: 1\n")]
    [InlineData("a: |+\n  line 1\n\n\nb: 1\n")]
    [InlineData("a: |\n  line 1\n    indented\n  # not a comment\n# a comment\nb: 1\n")]
    [InlineData("a: >\n  folded\n  lines\n\n  paragraph\nb: 1\n")]
    [InlineData("a: >-\n  folded\n  lines\n")]
    [InlineData("a: >\n  folded\n    more indented\n  back\n\n    more after an empty line\n\n\n  end\nb: 1\n")]
    [InlineData("a: >-\n  text :\n    • one\n    • two\n  next\n")]
    [InlineData("a: |\n  literal\n    more indented\n\n  back\n")]
    [InlineData("a: >+\n  folded\n\n")]
    [InlineData("a:\n  b: |- # comment\n    text: with a colon\n    - and a dash\n  c: 1\n")]
    [InlineData("a: |\n  at the end\n")]
    [InlineData("a:\n  b: |\n    text\n  # comment\n  c: 1\n")]
    [InlineData("a:\n  b: >-\n    text\n\n\n   # comment\n  c: 1\n")]
    [InlineData("a: |-\n  at the end\n  \n")]
    [InlineData("- |\n  item\n- >-\n  item\n")]
    [InlineData("a:\n- |\n  item\nb: 1\n")]
    [InlineData("a: \"é ü € ° « » ’\"\nb: Arrêté du 27/02/2018, art. 2\n")]
    [InlineData("a: b\na: c\n")]
    [InlineData("a: -x\nb: --\nc: x - y\n")]
    [InlineData("<<: x\n")]
    [InlineData("a[0]: 1\nb{c}: 2\nd,e: 3\nf\"g: 4\nh#i: 5\n")]
    [InlineData("- a:\n  - x\n  b: 1\n")]
    [InlineData("- # comment\n  a: 1\n")]
    [InlineData("\uFEFF")]
    [InlineData("   \n  ")]
    [InlineData("a: 1\n# comment without a line break")]
    public void Reads_as_the_parser_reads(string yaml)
    {
        YamlTreeAssert.ReadsAsParser(yaml);
    }

    [Fact]
    public void Values_are_the_texts_YAML_gives()
    {
        var root = (YamlMapping)YamlTreeAssert.ReadsAsParser(
            "a: \"x\\_y\\\"z\" # c\nb: 'it''s'\nc: |-\n  one\n\n  two\nd: >\n  one\n  two\ne:\nf: ~\ng: https://x.fr/a#b\n")!;
        Assert.Equal("x\u00A0y\"z", Value(root, "a"));
        Assert.Equal("it's", Value(root, "b"));
        Assert.Equal("one\n\ntwo", Value(root, "c"));
        Assert.Equal("one two\n", Value(root, "d"));
        Assert.True(((YamlScalar)root.Get("e")!).IsNull);
        Assert.True(((YamlScalar)root.Get("f")!).IsNull);
        Assert.Equal("https://x.fr/a#b", Value(root, "g"));
        Assert.False(((YamlScalar)root.Get("a")!).IsPlain);
        Assert.True(((YamlScalar)root.Get("g")!).IsPlain);
    }

    [Theory]
    [InlineData("a: &anchor 1\nb: *anchor\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("? complex\n: key\n")]
    [InlineData("\"quoted\": key\n")]
    [InlineData("'quoted': key\n")]
    [InlineData("- \"quoted\": key\n")]
    [InlineData("a:\n\tb: 1\n")]
    [InlineData("a: x\tb\n")]
    [InlineData("a: 1\r\nb: 2\r\n")]
    [InlineData("a: 1\rb: 2\r")]
    [InlineData("a: x\u0085y\n")]
    [InlineData("a: x\u2028y\n")]
    [InlineData("a: x\u0001y\n")]
    [InlineData("a: \U0001F600\n")]
    [InlineData("---\na: 1\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    [InlineData("a: 1\n...\n")]
    [InlineData("%YAML 1.2\n---\na: 1\n")]
    [InlineData("a: \"\\x41\"\n")]
    [InlineData("a: \"\\u00e9\"\n")]
    [InlineData("a: \"\\q\"\n")]
    [InlineData("a: plain value\n  over two lines\n")]
    [InlineData("a: \"quoted value\n  over two lines\"\n")]
    [InlineData("a: 'quoted value\n  over two lines'\n")]
    [InlineData("a:\n  plain value on its own line\n")]
    [InlineData("a: [x, y]\n")]
    [InlineData("a: {x: 1}\n")]
    [InlineData("a: [ ]\n")]
    [InlineData("a: |2\n   text\n")]
    [InlineData("a: |\n\n  leading empty line\n")]
    [InlineData("a: |\n  text\n     \n")]
    [InlineData("a: |\nb: 1\n")]
    [InlineData("a: |\n  no line break at the end")]
    [InlineData("a: |+\n  text\n  ")]
    [InlineData("a: b: c\n")]
    [InlineData("a: - x\n")]
    [InlineData("a:b\n")]
    [InlineData("a: 1\n b: 2\n")]
    [InlineData("a:\n  b: 1\n c: 2\n")]
    [InlineData("- a\nb: 1\n")]
    [InlineData("a: 1\n- b\n")]
    [InlineData("a: \"x\" y\n")]
    [InlineData("a: \"x\"# no space\n")]
    [InlineData("a: @x\n")]
    [InlineData("a: `x\n")]
    [InlineData("a: ?x\n")]
    [InlineData("a: :x\n")]
    [InlineData("plain scalar at the root\n")]
    [InlineData("a #comment: b\n")]
    [InlineData("  a: 1\nb: 2\n")]
    public void Declines_and_the_parser_reads(string yaml)
    {
        YamlTreeAssert.Declines(yaml);
    }

    [Fact]
    public void Declines_a_key_longer_than_YAML_allows()
    {
        YamlTreeAssert.Declines(new string('k', 1100) + ": 1\n");
    }

    [Fact]
    public void Declines_a_tree_deeper_than_half_the_parser_limit()
    {
        var deep = string.Concat(Enumerable.Range(0, YamlTreeReader.MaxDepth / 2 + 1).Select(i => new string(' ', i) + "k:\n")) + new string(' ', YamlTreeReader.MaxDepth / 2 + 1) + "k: 1\n";
        YamlTreeAssert.Declines(deep);
        var shallow = string.Concat(Enumerable.Range(0, 10).Select(i => new string(' ', i) + "k:\n")) + new string(' ', 10) + "k: 1\n";
        YamlTreeAssert.ReadsAsParser(shallow);
    }

    private static string Value(YamlMapping mapping, string key) => ((YamlScalar)mapping.Get(key)!).Value;
}
