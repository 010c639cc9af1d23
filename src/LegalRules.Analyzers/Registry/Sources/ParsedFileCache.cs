using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Registry.Sources;

/// <summary>
/// Parsed registry and bindings files, cached by content (SHA-256 of the text) for the life of the
/// process: a registry that has not changed is never parsed twice, whether the host hands the same
/// text object again (the IDE) or a new one with the same content (another build on the compiler
/// server). Bounded, so an endless stream of edited files cannot grow it without limit.
/// </summary>
internal sealed class ParsedFileCache<T>
    where T : class
{
    private const int Capacity = 8192;

    private readonly Func<SourceText, CancellationToken, T> _parse;
    // Lazy values: two files with the same content parsed at the same time (registry files are
    // parsed in parallel) are still parsed once.
    private readonly ConcurrentDictionary<string, Lazy<T>> _entries = new(StringComparer.Ordinal);
    private int _parses;

    public ParsedFileCache(Func<SourceText, CancellationToken, T> parse)
    {
        _parse = parse;
    }

    /// <summary>How many times a text was actually parsed (for tests and benchmarks).</summary>
    public int ParseCount => Volatile.Read(ref _parses);

    /// <summary>The parsed file; a parse that is cancelled caches nothing.</summary>
    public T Get(SourceText text, CancellationToken cancellationToken = default)
    {
        var key = Key(text);
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        while (true)
        {
            var entry = _entries.GetOrAdd(key, _ => new Lazy<T>(() => Parse(text, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication));
            try
            {
                return entry.Value;
            }
            catch (OperationCanceledException)
            {
                // A cancelled parse caches nothing. If it was another caller's cancellation, parse again for this one.
                ((ICollection<KeyValuePair<string, Lazy<T>>>)_entries).Remove(new KeyValuePair<string, Lazy<T>>(key, entry));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private T Parse(SourceText text, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _parses);
        return _parse(text, cancellationToken);
    }

    /// <summary>One hasher and buffers per thread: an OpenFisca tree is some 1,800 files hashed in a row.</summary>
    [ThreadStatic]
    private static KeyBuffers? t_buffers;

    /// <summary>SHA-256 of the text's characters, and its length.</summary>
    internal static string Key(SourceText text)
    {
        var buffers = t_buffers ??= new KeyBuffers();
        var sha = buffers.Sha;
        sha.Initialize();
        var chars = buffers.Chars;
        var bytes = buffers.Bytes;
        for (var position = 0; position < text.Length; position += chars.Length)
        {
            var count = Math.Min(chars.Length, text.Length - position);
            text.CopyTo(position, chars, 0, count);
            var byteCount = Encoding.Unicode.GetBytes(chars, 0, count, bytes, 0);
            sha.TransformBlock(bytes, 0, byteCount, null, 0);
        }

        sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
        return Convert.ToBase64String(sha.Hash!) + ":" + text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class KeyBuffers
    {
        public SHA256 Sha { get; } = SHA256.Create();

        public char[] Chars { get; } = new char[8192];

        public byte[] Bytes { get; } = new byte[8192 * 2];
    }
}

/// <summary>The process-wide caches of parsed files, one per kind of file.</summary>
internal static class ParsedFiles
{
    public static readonly ParsedFileCache<ParsedRegistryFile> Native = new(NativeRegistryParser.Parse);
    public static readonly ParsedFileCache<ParsedRegistryFile> OpenFisca = new(OpenFiscaParameterParser.Parse);
    public static readonly ParsedFileCache<ParsedBindingsFile> Bindings = new(BindingsFileParser.Parse);
}
