using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Cli.Audit;

/// <summary>A registry, bindings or OpenFisca file handed to the analyzers, read once before the analysis.</summary>
internal sealed class RegistryText : AdditionalText
{
    private readonly SourceText _text;

    public RegistryText(string path, SourceText text)
    {
        Path = path;
        _text = text;
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// The analyzer options of an audit: only the global options the command line sets. Nothing is
/// read from the drop's <c>.editorconfig</c> or <c>.globalconfig</c>, which could switch rules off.
/// </summary>
internal sealed class AuditOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions Empty = new DictionaryOptions(ImmutableDictionary<string, string>.Empty);

    public AuditOptionsProvider(IReadOnlyDictionary<string, string> globalOptions)
    {
        GlobalOptions = new DictionaryOptions(globalOptions.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase));
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
