using System;
using System.IO;
using System.Linq;
using System.Text;
using LegalRules.Registry.Sources;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LegalRules.Tests.Registry;

/// <summary>Registry and bindings files are parsed once per content, whatever text object brings them.</summary>
public sealed class ParsedFileCacheTests
{
    private const string Registry = "parameters:\n  a.b:\n    unit: currency\n    values: {2024-01-01: 1.5}\n";

    [Fact]
    public void Equal_content_in_two_text_objects_is_parsed_once()
    {
        var cache = new ParsedFileCache<ParsedRegistryFile>(NativeRegistryParser.Parse);
        var first = SourceText.From(Registry);
        var second = SourceText.From(new MemoryStream(Encoding.UTF8.GetBytes(Registry)));
        Assert.NotSame(first, second);

        var a = cache.Get(first);
        var b = cache.Get(second);

        Assert.Equal(1, cache.ParseCount);
        Assert.Same(a, b);
        Assert.Equal("a.b", a.Parameters.Single().Key);
    }

    [Fact]
    public void Different_content_is_parsed_again()
    {
        var cache = new ParsedFileCache<ParsedRegistryFile>(NativeRegistryParser.Parse);

        var a = cache.Get(SourceText.From(Registry));
        var b = cache.Get(SourceText.From(Registry.Replace("1.5", "1.6", StringComparison.Ordinal)));
        cache.Get(SourceText.From(Registry));

        Assert.Equal(2, cache.ParseCount);
        Assert.NotSame(a, b);
        Assert.Equal(1.6m, b.Parameters.Single().Values.Single().Value);
    }

    [Fact]
    public void Long_texts_differing_only_at_the_end_are_told_apart()
    {
        // The key hashes the text in blocks of 8,192 characters: the last block counts too.
        var cache = new ParsedFileCache<ParsedBindingsFile>(BindingsFileParser.Parse);
        var body = new StringBuilder("bindings:\n");
        for (var i = 0; i < 1_000; i++)
        {
            body.Append("  Vendor.Calcul.Rsa.k").Append(i).Append(": a.b\n");
        }

        var text = body.ToString();
        Assert.True(text.Length > 3 * 8_192);

        cache.Get(SourceText.From(text));
        cache.Get(SourceText.From(text));
        var changed = cache.Get(SourceText.From(text.Replace("k999: a.b", "k999: a.c", StringComparison.Ordinal)));

        Assert.Equal(2, cache.ParseCount);
        Assert.Equal("a.c", changed.Bindings.Single(b => b.Target == "Vendor.Calcul.Rsa.k999").Key);
    }

    [Fact]
    public void The_process_wide_caches_share_parsed_files_by_content()
    {
        var content = Registry.Replace("a.b", "cache.shared." + Guid.NewGuid().ToString("N"), StringComparison.Ordinal);

        Assert.Same(ParsedFiles.Native.Get(SourceText.From(content)), ParsedFiles.Native.Get(SourceText.From(content)));
        Assert.NotSame(ParsedFiles.Native.Get(SourceText.From(content)), ParsedFiles.OpenFisca.Get(SourceText.From(content)));
    }
}
