using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using LegalRules.Configuration;
using LegalRules.Registry;
using LegalRules.Registry.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegalRules.Analysis;

/// <summary>
/// What LegalRules knows about one compilation: its registry and bindings files, the merged
/// registry, the bindings and the options of each tree. Built once per compilation and shared by
/// every LegalRules analyzer; the rules only ask it questions.
/// </summary>
internal sealed class LegalRulesCompilationState
{
    private static readonly ConditionalWeakTable<Compilation, Lazy<LegalRulesCompilationState>> States = new();

    private readonly AnalyzerOptions _options;
    private readonly ConcurrentDictionary<SyntaxTree, LegalRulesOptions> _treeOptions = new();

    // Created once: OptionsFor runs for every literal, and a lambda there would allocate a delegate each time.
    private readonly Func<SyntaxTree, LegalRulesOptions> _readTreeOptions;
    private readonly Lazy<StatutoryRegistry> _withEmbedded;
    private readonly Lazy<StatutoryRegistry> _withoutEmbedded;
    private readonly DateTime _today;
    private readonly Dictionary<string, RegistryFileInput> _inputsByPath;

    // Between a member's simple name and what precedes it in a bindings target: namespaces and types,
    // a documentation id's prefix, an explicit implementation's interface.
    private static readonly char[] NameSeparators = { '.', ':', '#', '+' };

    private LegalRulesCompilationState(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        _options = options;
        _today = Today();
        _readTreeOptions = ReadTreeOptions;
        Inputs = RegistryInputs.Collect(options, cancellationToken);

        // Rules look an additional file's input up once per file: a whole OpenFisca tree is some
        // 1,800 files, and a linear search for each made that quadratic.
        var byPath = new Dictionary<string, RegistryFileInput>(StringComparer.Ordinal);
        foreach (var input in Inputs)
        {
            if (!byPath.ContainsKey(input.Path))
            {
                byPath.Add(input.Path, input); // the first of the same path, as a search in order finds
            }
        }

        _inputsByPath = byPath;
        GlobalOptions = LegalRulesOptions.Read(options.AnalyzerConfigOptionsProvider.GlobalOptions, _today);
        _withEmbedded = new Lazy<StatutoryRegistry>(() => RegistryMerger.Merge(includeEmbedded: true, Inputs));
        _withoutEmbedded = new Lazy<StatutoryRegistry>(() => RegistryMerger.Merge(includeEmbedded: false, Inputs));

        var bindings = new Dictionary<string, BoundEntry>(StringComparer.Ordinal);
        foreach (var input in Inputs)
        {
            if (input.Bindings is null)
            {
                continue;
            }

            foreach (var entry in input.Bindings.Bindings)
            {
                // Files are sorted by path: the first file that binds a member wins.
                if (!bindings.ContainsKey(entry.Target))
                {
                    bindings.Add(entry.Target, new BoundEntry(entry, input.Path));
                }
            }
        }

        Bindings = bindings;
        BoundMemberNames = SimpleNames(bindings.Keys);
    }

    public ImmutableArray<RegistryFileInput> Inputs { get; }

    /// <summary>The registry or bindings file at <paramref name="path"/>, or null when that additional file is none.</summary>
    public RegistryFileInput? InputAt(string path) => _inputsByPath.TryGetValue(path, out var input) ? input : null;

    /// <summary>Members bound by bindings files, by target (<c>Namespace.Type.Member</c> or documentation id).</summary>
    public IReadOnlyDictionary<string, BoundEntry> Bindings { get; }

    /// <summary>
    /// The simple names of the members bindings files bind (<c>Montant</c> of <c>Vendor.Rsa.Montant</c>
    /// or <c>F:Vendor.Rsa.Montant</c>): a member whose name is not here is not bound by a file, which
    /// syntax can tell before any symbol is asked for.
    /// </summary>
    public ImmutableHashSet<string> BoundMemberNames { get; }

    /// <summary>The options that apply to the whole compilation (<c>.globalconfig</c>, MSBuild properties).</summary>
    public LegalRulesOptions GlobalOptions { get; }

    public static LegalRulesCompilationState Get(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        => States.GetValue(
            compilation,
            _ => new Lazy<LegalRulesCompilationState>(() => new LegalRulesCompilationState(options, cancellationToken), LazyThreadSafetyMode.PublicationOnly)).Value;

    /// <summary>The options of a tree: its <c>.editorconfig</c> sections, then the global options.</summary>
    public LegalRulesOptions OptionsFor(SyntaxTree tree) => _treeOptions.GetOrAdd(tree, _readTreeOptions);

    /// <summary>The registry that applies under <paramref name="options"/> (with or without the embedded registry).</summary>
    public StatutoryRegistry RegistryFor(LegalRulesOptions options) => options.DefaultRegistry ? _withEmbedded.Value : _withoutEmbedded.Value;

    /// <summary>The registry of the compilation's global options.</summary>
    public StatutoryRegistry Registry => RegistryFor(GlobalOptions);

    private static ImmutableHashSet<string> SimpleNames(IEnumerable<string> targets)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var end = target.IndexOf('(');
            var text = end >= 0 ? target.Substring(0, end) : target;
            var start = text.LastIndexOfAny(NameSeparators) + 1;
            names.Add(text.Substring(start).Trim());
        }

        return names.ToImmutable();
    }

    private LegalRulesOptions ReadTreeOptions(SyntaxTree tree)
        => LegalRulesOptions.Read(new LayeredOptions(_options.AnalyzerConfigOptionsProvider.GetOptions(tree), _options.AnalyzerConfigOptionsProvider.GlobalOptions), _today);

    /// <summary>Today in UTC: the default evaluation date.</summary>
    private static DateTime Today()
    {
#pragma warning disable RS1035 // The specification makes today (UTC) the default evaluation date; options and tests set it.
        return DateTime.UtcNow.Date;
#pragma warning restore RS1035
    }

    /// <summary>Tree options first, then global options.</summary>
    private sealed class LayeredOptions : AnalyzerConfigOptions
    {
        private readonly AnalyzerConfigOptions _first;
        private readonly AnalyzerConfigOptions _second;

        public LayeredOptions(AnalyzerConfigOptions first, AnalyzerConfigOptions second)
        {
            _first = first;
            _second = second;
        }

        public override bool TryGetValue(string key, out string value)
            => _first.TryGetValue(key, out value!) || _second.TryGetValue(key, out value!);
    }
}

/// <summary>A binding from a bindings file, with that file's path.</summary>
internal sealed class BoundEntry
{
    public BoundEntry(BindingEntry entry, string path)
    {
        Entry = entry;
        Path = path;
    }

    public BindingEntry Entry { get; }

    public string Path { get; }
}
