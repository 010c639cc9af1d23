// Compiled into every host that runs the analyzers itself (the audit command, the benchmarks, the
// tests), as a linked source file: the analyzer assembly ships no hosting code.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Hosting;

/// <summary>An additional file (registry, bindings, OpenFisca file) whose text is already in memory.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, SourceText text)
    {
        Path = path;
        _text = text;
    }

    public InMemoryAdditionalText(string path, string text)
        : this(path, SourceText.From(text))
    {
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// Analyzer options made of global options only (as a <c>.globalconfig</c> or MSBuild properties give
/// them; keys compared without case); no file has options of its own.
/// </summary>
internal sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions Empty = new DictionaryOptions(ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase));

    public GlobalOptionsProvider(IEnumerable<KeyValuePair<string, string>> globalOptions)
    {
        GlobalOptions = new DictionaryOptions(ImmutableDictionary.CreateRange(StringComparer.OrdinalIgnoreCase, globalOptions));
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => _values.Keys;
    }
}
