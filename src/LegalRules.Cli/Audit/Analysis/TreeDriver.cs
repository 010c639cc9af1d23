using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Cli.Audit.Analysis;

/// <summary>
/// Runs analyzers over a compilation one syntax tree at a time, each tree with its own semantic
/// model, dropped once the tree is done: what a rule binds is given back as the audit goes.
/// </summary>
/// <remarks>
/// <para>
/// Roslyn's driver (<c>CompilationWithAnalyzers</c>) keeps every method body the compiler binds
/// for analyzers until the last one is bound, which made the audit's memory grow with the drop
/// (docs/performance-history.md, "Audit: what holds the memory", under run4), and it drives analyzers from compilation
/// events whose cost comes on top of the compiler's. LegalRules' rules need little of it: syntax-node
/// actions, symbol actions on the members declared in source, additional-file actions and
/// compilation-end actions. This driver runs exactly those, as the compiler's driver does: the same
/// containing symbols (<see cref="ContainingSymbols"/>), generated trees skipped for analyzers
/// that do not analyse generated code, findings in generated code dropped for those that do not
/// report there, severities and suppressions (<c>#pragma</c>, <c>[SuppressMessage]</c>) applied by
/// the compiler's own <c>GetEffectiveDiagnostics</c>, and an analyzer's exception reported, never
/// thrown.
/// </para>
/// <para>
/// An analyzer that registers anything else (operation, code-block, semantic-model or
/// symbol-start actions) makes <see cref="TryAnalyseAsync"/> return <c>null</c>, and the caller runs
/// Roslyn's driver instead: the audit never silently skips a rule.
/// </para>
/// </remarks>
internal static class TreeDriver
{
    /// <summary>The symbol kinds whose source declarations this driver enumerates for symbol actions.</summary>
    private static readonly ImmutableHashSet<SymbolKind> SupportedSymbolKinds = ImmutableHashSet.Create(
        SymbolKind.NamedType, SymbolKind.Field, SymbolKind.Property, SymbolKind.Method, SymbolKind.Event);

    /// <summary>
    /// The compiler builds an additional file's context itself (its constructor is not public). Null
    /// if this compiler has no such constructor: additional-file actions then go to Roslyn's driver.
    /// </summary>
    private static readonly ConstructorInfo? AdditionalFileContextConstructor = typeof(AdditionalFileAnalysisContext)
        .GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
        .FirstOrDefault(c => c.GetParameters().Select(p => p.ParameterType).SequenceEqual(new[]
        {
            typeof(AdditionalText), typeof(AnalyzerOptions), typeof(Action<Diagnostic>), typeof(Func<Diagnostic, CancellationToken, bool>),
            typeof(Compilation), typeof(TextSpan?), typeof(CancellationToken),
        }));

    /// <summary>
    /// The compiler's diagnostics and the analyzers' effective ones, or null when an analyzer needs
    /// what only Roslyn's driver runs.
    /// </summary>
    /// <param name="skippedTrees">Trees no finding is wanted in (generated files, synthetic usings): not analysed by analyzers that do not analyse generated code.</param>
    /// <param name="onException">Called with an analyzer and what it threw; the analysis goes on without that callback's findings.</param>
    public static async Task<ImmutableArray<Diagnostic>?> TryAnalyseAsync(
        Compilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        AnalyzerOptions options,
        ISet<SyntaxTree> skippedTrees,
        Action<DiagnosticAnalyzer, Exception> onException,
        CancellationToken cancellationToken)
    {
        var runs = new List<AnalyzerRun>(analyzers.Length);
        foreach (var analyzer in analyzers)
        {
            var run = new AnalyzerRun(analyzer, compilation, onException, cancellationToken);
            if (!run.Start(options))
            {
                return null;
            }

            runs.Add(run);
        }

        if (runs.Any(r => r.Actions.AdditionalFile.Count > 0) && AdditionalFileContextConstructor is null)
        {
            return null;
        }

        // The compiler's own diagnostics first: it binds every body once, keeps none, and leaves
        // the compilation's declarations complete for the rules' questions.
        var compilerDiagnostics = compilation.GetDiagnostics(cancellationToken);

        foreach (var file in options.AdditionalFiles)
        {
            foreach (var run in runs)
            {
                run.AnalyseAdditionalFile(file, options);
            }
        }

        var trees = compilation.SyntaxTrees.ToImmutableArray();
        await Task.Run(
            () => Parallel.ForEach(
                trees,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                tree => AnalyseTree(compilation, tree, runs, options, skippedTrees, cancellationToken)),
            cancellationToken).ConfigureAwait(false);

        foreach (var run in runs)
        {
            run.End(options);
        }

        var reported = runs.SelectMany(r => r.Reported(cancellationToken)).ToImmutableArray();
        // What a pragma or [SuppressMessage] covers comes back marked as suppressed: it is not reported.
        return compilerDiagnostics.AddRange(CompilationWithAnalyzers.GetEffectiveDiagnostics(reported, compilation).Where(d => !d.IsSuppressed));
    }

    private static void AnalyseTree(Compilation compilation, SyntaxTree tree, List<AnalyzerRun> runs, AnalyzerOptions options, ISet<SyntaxTree> skippedTrees, CancellationToken cancellationToken)
    {
        var active = skippedTrees.Contains(tree) ? runs.Where(r => r.AnalysesGeneratedCode).ToList() : runs;
        if (active.Count == 0 || active.All(r => r.Actions.IsEmptyForTrees))
        {
            return;
        }

        // This tree's own model: what the rules bind in it goes when the tree is done.
        var model = compilation.GetSemanticModel(tree);
        foreach (var run in active)
        {
            run.AnalyseSyntaxTree(tree, options);
        }

        var root = tree.GetRoot(cancellationToken);
        var containing = new ContainingSymbols(model, cancellationToken);
        if (active.Any(r => r.Actions.SyntaxNode.Count > 0))
        {
            // Structured trivia too (directives, skipped tokens), as the compiler's driver does.
            foreach (var node in root.DescendantNodesAndSelf(descendIntoTrivia: true))
            {
                if (InNamespaceNameQualifier(node))
                {
                    continue;
                }

                ISymbol? symbol = null;
                bool? analysed = null;
                foreach (var run in active)
                {
                    if (run.Actions.SyntaxNode.TryGetValue(node.RawKind, out var actions))
                    {
                        analysed ??= containing.TryGet(node, out symbol);
                        if (analysed == false)
                        {
                            break;
                        }

                        run.AnalyseNode(node, symbol, model, options, actions);
                    }
                }
            }
        }

        if (active.Any(r => r.Actions.Symbol.Count > 0))
        {
            foreach (var symbol in DeclaredSymbols.In(root, model, skippedTrees, cancellationToken))
            {
                foreach (var run in active)
                {
                    run.AnalyseSymbol(symbol, options);
                }
            }
        }
    }

    /// <summary>
    /// <c>A</c> and <c>A.B</c> in <c>namespace A.B.C</c>: they declare namespaces of their own, which
    /// the compiler's driver does not analyse, so no action runs on them.
    /// </summary>
    private static bool InNamespaceNameQualifier(SyntaxNode node)
    {
        // Directives and skipped tokens go with the token that carries them.
        var name = node.IsPartOfStructuredTrivia() ? CarrierOf(node) : node;
        if (name is not NameSyntax)
        {
            return false;
        }

        var top = name;
        while (top.Parent is QualifiedNameSyntax)
        {
            top = top.Parent;
        }

        return top.Parent is BaseNamespaceDeclarationSyntax { Name: QualifiedNameSyntax qualified } && qualified.Left.Span.Contains(name.Span);
    }

    private static SyntaxNode? CarrierOf(SyntaxNode node)
    {
        var current = node;
        while (current.Parent is { } parent)
        {
            current = parent;
        }

        return current is StructuredTriviaSyntax trivia ? trivia.ParentTrivia.Token.Parent : null;
    }

    /// <summary>What one analyzer registered, and what it reported.</summary>
    private sealed class AnalyzerRun
    {
        private readonly DiagnosticAnalyzer _analyzer;
        private readonly Compilation _compilation;
        private readonly Action<DiagnosticAnalyzer, Exception> _onException;
        private readonly CancellationToken _cancellationToken;
        private readonly ConcurrentQueue<Diagnostic> _diagnostics = new();
        private readonly ImmutableHashSet<string> _supported;

        /// <summary>Held around each callback of an analyzer that did not enable concurrent execution.</summary>
        private readonly object? _gate;

        public AnalyzerRun(DiagnosticAnalyzer analyzer, Compilation compilation, Action<DiagnosticAnalyzer, Exception> onException, CancellationToken cancellationToken)
        {
            _analyzer = analyzer;
            _compilation = compilation;
            _onException = onException;
            _cancellationToken = cancellationToken;
            _supported = Safely(() => analyzer.SupportedDiagnostics.Select(d => d.Id).ToImmutableHashSet(StringComparer.Ordinal)) ?? ImmutableHashSet<string>.Empty;
            Session = new SessionContext();
            // An analyzer whose initialisation fails is reported and does not run, as in a build.
            var initialised = false;
            Safely(() =>
            {
                analyzer.Initialize(Session);
                initialised = true;
            });
            if (!initialised)
            {
                Session = new SessionContext();
            }

            _gate = Session.Concurrent ? null : new object();
        }

        public SessionContext Session { get; private set; }

        public Actions Actions => Session.Actions;

        public bool AnalysesGeneratedCode => (Session.GeneratedCode & GeneratedCodeAnalysisFlags.Analyze) != 0;

        private bool ReportsInGeneratedCode => (Session.GeneratedCode & GeneratedCodeAnalysisFlags.ReportDiagnostics) != 0;

        /// <summary>Runs the compilation-start actions; false if the analyzer registered something this driver does not run.</summary>
        public bool Start(AnalyzerOptions options)
        {
            foreach (var start in Session.Actions.CompilationStart)
            {
                var context = new StartContext(_compilation, options, Session.Actions, _cancellationToken);
                Invoke(() => start(context));
            }

            return Session.Actions.Unsupported is null;
        }

        public void AnalyseAdditionalFile(AdditionalText file, AnalyzerOptions options)
        {
            if (Actions.AdditionalFile.Count == 0)
            {
                return;
            }

            var context = (AdditionalFileAnalysisContext)AdditionalFileContextConstructor!.Invoke(new object?[]
            {
                file, options, (Action<Diagnostic>)Report, (Func<Diagnostic, CancellationToken, bool>)((d, _) => IsSupported(d)), _compilation, null, _cancellationToken,
            });
            foreach (var action in Actions.AdditionalFile)
            {
                Invoke(() => action(context));
            }
        }

        public void AnalyseSyntaxTree(SyntaxTree tree, AnalyzerOptions options)
        {
            foreach (var action in Actions.SyntaxTree)
            {
#pragma warning disable CS0618 // The public constructor is the one hosts have; the newer one is internal to the compiler.
                var context = new SyntaxTreeAnalysisContext(tree, options, Report, IsSupported, _cancellationToken);
#pragma warning restore CS0618
                Invoke(() => action(context));
            }
        }

        public void AnalyseNode(SyntaxNode node, ISymbol? containingSymbol, SemanticModel model, AnalyzerOptions options, List<Action<SyntaxNodeAnalysisContext>> actions)
        {
#pragma warning disable CS0618 // As above.
            var context = new SyntaxNodeAnalysisContext(node, containingSymbol, model, options, Report, IsSupported, _cancellationToken);
#pragma warning restore CS0618
            foreach (var action in actions)
            {
                Invoke(() => action(context));
            }
        }

        public void AnalyseSymbol(ISymbol symbol, AnalyzerOptions options)
        {
            if (!Actions.Symbol.TryGetValue(symbol.Kind, out var actions))
            {
                return;
            }

#pragma warning disable CS0618 // As above.
            var context = new SymbolAnalysisContext(symbol, _compilation, options, Report, IsSupported, _cancellationToken);
#pragma warning restore CS0618
            foreach (var action in actions)
            {
                Invoke(() => action(context));
            }
        }

        public void End(AnalyzerOptions options)
        {
            foreach (var action in Actions.CompilationEnd)
            {
#pragma warning disable CS0618 // As above.
                var context = new CompilationAnalysisContext(_compilation, options, Report, IsSupported, _cancellationToken);
#pragma warning restore CS0618
                Invoke(() => action(context));
            }
        }

        /// <summary>What the analyzer reported, less what lies in generated code when it does not report there.</summary>
        public IEnumerable<Diagnostic> Reported(CancellationToken cancellationToken)
        {
            if (ReportsInGeneratedCode)
            {
                return _diagnostics;
            }

            var models = new Dictionary<SyntaxTree, ContainingSymbols>();
            return _diagnostics.Where(d =>
            {
                if (d.Location.SourceTree is not { } tree)
                {
                    return true;
                }

                if (!models.TryGetValue(tree, out var containing))
                {
                    containing = new ContainingSymbols(_compilation.GetSemanticModel(tree), cancellationToken);
                    models.Add(tree, containing);
                }

                var token = tree.GetRoot(cancellationToken).FindToken(d.Location.SourceSpan.Start);
                return !GeneratedCodeFilter.IsInGeneratedCode(tree, d.Location.SourceSpan.Start, token.Parent is { } node ? containing.Of(node) : null);
            }).ToList();
        }

        private bool IsSupported(Diagnostic diagnostic) => _supported.Contains(diagnostic.Id);

        /// <summary>Checks a diagnostic as the compiler's driver does; a bad one is the analyzer's exception.</summary>
        private void Report(Diagnostic diagnostic)
        {
            if (!IsSupported(diagnostic))
            {
                throw new ArgumentException($"Reported diagnostic with ID '{diagnostic.Id}' is not supported by the analyzer.", nameof(diagnostic));
            }

            if (diagnostic.Location.SourceTree is { } tree && !_compilation.ContainsSyntaxTree(tree))
            {
                throw new ArgumentException($"Reported diagnostic '{diagnostic.Id}' has a source location in file '{tree.FilePath}', which is not part of the compilation being analyzed.", nameof(diagnostic));
            }

            _diagnostics.Enqueue(diagnostic);
        }

        private void Invoke(Action callback)
        {
            if (_gate is null)
            {
                Safely(callback);
                return;
            }

            lock (_gate)
            {
                Safely(callback);
            }
        }

        private void Safely(Action callback) => Safely<object?>(() =>
        {
            callback();
            return null;
        });

        private T? Safely<T>(Func<T> callback)
        {
            try
            {
                return callback();
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                _onException(_analyzer, exception);
                return default;
            }
        }
    }

    /// <summary>The actions of one analyzer, from its initialisation and its compilation-start actions.</summary>
    private sealed class Actions
    {
        public List<Action<CompilationStartAnalysisContext>> CompilationStart { get; } = new();

        public List<Action<CompilationAnalysisContext>> CompilationEnd { get; } = new();

        public Dictionary<int, List<Action<SyntaxNodeAnalysisContext>>> SyntaxNode { get; } = new();

        public Dictionary<SymbolKind, List<Action<SymbolAnalysisContext>>> Symbol { get; } = new();

        public List<Action<SyntaxTreeAnalysisContext>> SyntaxTree { get; } = new();

        public List<Action<AdditionalFileAnalysisContext>> AdditionalFile { get; } = new();

        /// <summary>The first registration this driver does not run, if any.</summary>
        public string? Unsupported { get; private set; }

        public bool IsEmptyForTrees => SyntaxNode.Count == 0 && Symbol.Count == 0 && SyntaxTree.Count == 0;

        public void AddSyntaxNode<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> kinds)
            where TLanguageKindEnum : struct
        {
            lock (this)
            {
                foreach (var kind in kinds)
                {
                    var raw = Convert.ToInt32(kind, System.Globalization.CultureInfo.InvariantCulture);
                    if (!SyntaxNode.TryGetValue(raw, out var list))
                    {
                        list = new List<Action<SyntaxNodeAnalysisContext>>();
                        SyntaxNode.Add(raw, list);
                    }

                    list.Add(action);
                }
            }
        }

        public void AddSymbol(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> kinds)
        {
            lock (this)
            {
                foreach (var kind in kinds)
                {
                    if (!SupportedSymbolKinds.Contains(kind))
                    {
                        Unsupport("symbol actions on " + kind);
                        continue;
                    }

                    if (!Symbol.TryGetValue(kind, out var list))
                    {
                        list = new List<Action<SymbolAnalysisContext>>();
                        Symbol.Add(kind, list);
                    }

                    list.Add(action);
                }
            }
        }

        public void Add<T>(List<T> list, T action)
        {
            lock (this)
            {
                list.Add(action);
            }
        }

        public void Unsupport(string what)
        {
            lock (this)
            {
                Unsupported ??= what;
            }
        }
    }

    /// <summary>The analyzer's <c>Initialize</c> context.</summary>
    private sealed class SessionContext : AnalysisContext
    {
        public Actions Actions { get; } = new();

        public bool Concurrent { get; private set; }

        /// <summary>The compiler's default: generated code neither analysed nor reported on.</summary>
        public GeneratedCodeAnalysisFlags GeneratedCode { get; private set; } = GeneratedCodeAnalysisFlags.None;

        public override void EnableConcurrentExecution() => Concurrent = true;

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCode = analysisMode;

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => Actions.Add(Actions.CompilationStart, action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => Actions.Add(Actions.CompilationEnd, action);

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Actions.AddSyntaxNode(action, syntaxKinds);

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Actions.AddSymbol(action, symbolKinds);

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Actions.Add(Actions.SyntaxTree, action);

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => Actions.Add(Actions.AdditionalFile, action);

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Actions.Unsupport("semantic-model actions");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Actions.Unsupport("code-block start actions");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Actions.Unsupport("code-block actions");

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Actions.Unsupport("symbol-start actions");

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Actions.Unsupport("operation-block start actions");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Actions.Unsupport("operation-block actions");

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Actions.Unsupport("operation actions");
    }

    /// <summary>A compilation-start action's context: its registrations join the analyzer's.</summary>
    private sealed class StartContext : CompilationStartAnalysisContext
    {
        private readonly Actions _actions;

        public StartContext(Compilation compilation, AnalyzerOptions options, Actions actions, CancellationToken cancellationToken)
            : base(compilation, options, cancellationToken)
        {
            _actions = actions;
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _actions.Add(_actions.CompilationEnd, action);

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => _actions.AddSyntaxNode(action, syntaxKinds);

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _actions.AddSymbol(action, symbolKinds);

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _actions.Add(_actions.SyntaxTree, action);

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _actions.Add(_actions.AdditionalFile, action);

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _actions.Unsupport("semantic-model actions");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _actions.Unsupport("code-block start actions");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _actions.Unsupport("code-block actions");

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _actions.Unsupport("symbol-start actions");

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _actions.Unsupport("operation-block start actions");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _actions.Unsupport("operation-block actions");

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _actions.Unsupport("operation actions");
    }

    /// <summary>The symbols a tree declares, as the compiler announces them to symbol actions: each type once (at its first part), each member where it is declared.</summary>
    private static class DeclaredSymbols
    {
        /// <param name="skippedTrees">Trees not analysed: a type declared there and elsewhere is announced with its first part elsewhere.</param>
        public static IEnumerable<ISymbol> In(SyntaxNode root, SemanticModel model, ISet<SyntaxTree> skippedTrees, CancellationToken cancellationToken)
        {
            if (root is CompilationUnitSyntax unit && unit.Members.Any(m => m is GlobalStatementSyntax)
                && model.GetDeclaredSymbol(unit, cancellationToken) is IMethodSymbol entryPoint)
            {
                if (entryPoint.ContainingType is { } program && IsFirstDeclaration(program, unit, skippedTrees))
                {
                    yield return program;
                }

                yield return entryPoint;
            }

            foreach (var node in root.DescendantNodesAndSelf(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                if (node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
                {
                    // Members the parser found outside any type (broken code): the compiler puts them in a type of its own.
                    foreach (var stray in StrayTypes(node, model, cancellationToken))
                    {
                        foreach (var member in MembersDeclaredIn(stray, node))
                        {
                            yield return member;
                        }
                    }

                    continue;
                }

                if (node is not (BaseTypeDeclarationSyntax or DelegateDeclarationSyntax) || model.GetDeclaredSymbol(node, cancellationToken) is not INamedTypeSymbol type)
                {
                    continue;
                }

                if (IsFirstDeclaration(type, node, skippedTrees))
                {
                    yield return type;
                }

                foreach (var member in MembersDeclaredIn(type, node))
                {
                    yield return member;
                }
            }
        }

        /// <summary>The members of <paramref name="type"/> that <paramref name="node"/> declares, and their partial implementations there.</summary>
        private static IEnumerable<ISymbol> MembersDeclaredIn(INamedTypeSymbol type, SyntaxNode node)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is INamedTypeSymbol || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                if (IsDeclaredIn(member, node))
                {
                    yield return member;
                }

                // A partial method's or property's implementation is a symbol of its own.
                ISymbol? implementation = member switch
                {
                    IMethodSymbol method => method.PartialImplementationPart,
                    IPropertySymbol property => property.PartialImplementationPart,
                    _ => null,
                };
                if (implementation is not null && IsDeclaredIn(implementation, node))
                {
                    yield return implementation;
                }
            }
        }

        /// <summary>The types the compiler makes for members declared directly in a namespace or a file.</summary>
        private static HashSet<INamedTypeSymbol> StrayTypes(SyntaxNode container, SemanticModel model, CancellationToken cancellationToken)
        {
            var members = container switch
            {
                CompilationUnitSyntax unit => unit.Members,
                BaseNamespaceDeclarationSyntax ns => ns.Members,
                _ => default,
            };
            var types = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var member in members)
            {
                SyntaxNode? declaration = member switch
                {
                    BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax or GlobalStatementSyntax or IncompleteMemberSyntax => null,
                    BaseFieldDeclarationSyntax field => field.Declaration.Variables.FirstOrDefault(),
                    _ => member,
                };
                if (declaration is not null && model.GetDeclaredSymbol(declaration, cancellationToken)?.ContainingType is { } type)
                {
                    types.Add(type);
                }
            }

            return types;
        }

        /// <summary>
        /// Whether <paramref name="container"/> — one part of a type, or a namespace or file for
        /// members outside any type — declares <paramref name="member"/>: the nearest type, namespace
        /// or file around its declaration is that one.
        /// </summary>
        private static bool IsDeclaredIn(ISymbol member, SyntaxNode container)
        {
            var references = member.DeclaringSyntaxReferences;
            if (references.IsEmpty || references[0].SyntaxTree != container.SyntaxTree || !container.Span.Contains(references[0].Span))
            {
                return false;
            }

            for (var node = references[0].GetSyntax(); node is not null; node = node.Parent)
            {
                if (node is BaseTypeDeclarationSyntax or BaseNamespaceDeclarationSyntax or CompilationUnitSyntax)
                {
                    return node == container;
                }
            }

            return false;
        }

        private static bool IsFirstDeclaration(ISymbol symbol, SyntaxNode node, ISet<SyntaxTree> skippedTrees)
        {
            var references = symbol.DeclaringSyntaxReferences;
            if (references.IsEmpty)
            {
                return false;
            }

            var first = references.FirstOrDefault(r => !skippedTrees.Contains(r.SyntaxTree)) ?? references[0];
            return first.SyntaxTree == node.SyntaxTree && first.Span == node.Span;
        }
    }
}
