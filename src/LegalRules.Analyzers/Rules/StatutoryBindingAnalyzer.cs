using System;
using System.Collections.Immutable;
using System.Linq;
using LegalRules.Analysis;
using LegalRules.Diagnostics;
using LegalRules.Matching;
using LegalRules.Registry;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegalRules.Rules;

/// <summary>
/// Checks members bound to statutory parameters — by <c>[StatutoryParameter]</c> or a bindings
/// file — against the registry: a different value (LR0001), an unknown key (LR0004), a parameter
/// not in force (LR0005), a value without legal reference (LR0902), stale data (LR0903).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StatutoryBindingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.DivergentValue,
        Descriptors.UnknownParameter,
        Descriptors.ParameterNotInForce,
        Descriptors.ValueWithoutReference,
        Descriptors.StaleData);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated code is not analysed (no Analyze flag), and the findings that would land in it are
        // dropped here (Reporter), not by the driver: its check scans a whole file for [GeneratedCode]
        // declarations the first time the file has a finding (docs/performance.md).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var state = LegalRulesCompilationState.Get(start.Compilation, start.Options, start.CancellationToken);

            start.RegisterSymbolAction(c => AnalyzeMember(c, state), SymbolKind.Field, SymbolKind.Property);

            // Syntax actions, not operation actions: those make the driver build the bound operations
            // of every method body (docs/performance.md). A member is bound by an attribute or a
            // bindings-file entry, which syntax narrows down (it has attributes, or the simple name
            // of an entry); only a bound member's initializer or getter is bound.
            start.RegisterSyntaxNodeAction(c => AnalyzeField(c, state), SyntaxKind.FieldDeclaration);
            start.RegisterSyntaxNodeAction(c => AnalyzeProperty(c, state), SyntaxKind.PropertyDeclaration, SyntaxKind.IndexerDeclaration);
            start.RegisterAdditionalFileAction(c => AnalyzeBindingsFile(c, state));
        });
    }

    /// <summary>LR0004, LR0005, LR0902, LR0903 for every bound member; LR0001 for constants and enum members.</summary>
    private static void AnalyzeMember(SymbolAnalysisContext context, LegalRulesCompilationState state)
    {
        var member = context.Symbol;
        if (!StatutoryBindings.TryGet(member, state, out var binding))
        {
            return;
        }

        var tree = member.Locations.FirstOrDefault(l => l.IsInSource)?.SourceTree;
        if (tree is null)
        {
            return;
        }

        var options = state.OptionsFor(tree);
        var registry = state.RegistryFor(options);
        var memberLocation = member.Locations[0];

        // A symbol is analysed when one of its declarations is not generated: any file may be.
        var report = Reporter(context.ReportDiagnostic, analysedTree: null, member, context.Options);
        if (!registry.TryGetParameter(binding.Key, out var parameter))
        {
            // A bindings file's unknown key is reported once, in the file (AnalyzeBindingsFile).
            if (binding.FromAttribute)
            {
                ReportUnknownKey(report, registry, binding.Key, binding.KeyLocation);
            }

            return;
        }

        var date = binding.AsOf ?? options.AsOf;
        var reportAt = binding.FromAttribute ? binding.KeyLocation : memberLocation;
        var index = parameter.IndexAt(date);
        if (index < 0 || parameter.Values[index].IsEnd)
        {
            report(NotInForce(parameter, index, date, reportAt));
            return;
        }

        LegalDataChecks.Report(report, parameter, index, date, options, memberLocation, bound: true);

        // Constants (enum members included) have their value on the symbol; other members are
        // checked on their initializer (AnalyzeInitializer) or getter (AnalyzeGetter).
        if (member is IFieldSymbol { HasConstantValue: true } field && ValueSyntax(field) is { } valueSyntax)
        {
            CompareValue(report, parameter, index, date, field.ConstantValue, valueSyntax);
        }
    }

    /// <summary>
    /// Reports what the driver would: not in generated code. A finding in the tree the driver gave the
    /// rule (<paramref name="analysedTree"/>, which is not a generated file) is dropped in a
    /// <c>#line hidden</c> region or a <c>[GeneratedCode]</c> member; one anywhere else (null: every
    /// tree) also in a generated file.
    /// </summary>
    private static Action<Diagnostic> Reporter(Action<Diagnostic> report, SyntaxTree? analysedTree, ISymbol member, AnalyzerOptions options)
        => diagnostic =>
        {
            if (diagnostic.Location.SourceTree is { } tree
                && ((tree != analysedTree && GeneratedCodeFilter.IsGeneratedFile(tree, options))
                    || GeneratedCodeFilter.IsInGeneratedCode(tree, diagnostic.Location.SourceSpan.Start, member)))
            {
                return;
            }

            report(diagnostic);
        };

    /// <summary>LR0001 for a field that is not constant, on its initializer.</summary>
    private static void AnalyzeField(SyntaxNodeAnalysisContext context, LegalRulesCompilationState state)
    {
        var field = (FieldDeclarationSyntax)context.Node;
        if (field.Modifiers.Any(SyntaxKind.ConstKeyword))
        {
            return; // constants are checked on their symbol (AnalyzeMember)
        }

        foreach (var variable in field.Declaration.Variables)
        {
            if (variable.Initializer is not { } initializer || !MayBeBound(field.AttributeLists, variable.Identifier.ValueText, state))
            {
                continue;
            }

            if (context.SemanticModel.GetDeclaredSymbol(variable, context.CancellationToken) is IFieldSymbol { IsConst: false } symbol
                && StatutoryBindings.IsBound(symbol, state)
                && BoundOperations.Of(context.SemanticModel, initializer, context.CancellationToken) is IFieldInitializerOperation { InitializedFields.Length: 1 } operation)
            {
                CheckValue(Reporter(context.ReportDiagnostic, field.SyntaxTree, symbol, context.Options), symbol, operation.Value, state);
            }
        }
    }

    /// <summary>
    /// LR0001 for a property, on its initializer (<c>{ get; } = 0.41m</c>) or on a getter that only
    /// returns a constant (<c>=> 0.41m</c>, <c>get => 0.41m;</c>, <c>get { return 0.41m; }</c>).
    /// </summary>
    private static void AnalyzeProperty(SyntaxNodeAnalysisContext context, LegalRulesCompilationState state)
    {
        var property = (BasePropertyDeclarationSyntax)context.Node;
        var name = property is PropertyDeclarationSyntax named ? named.Identifier.ValueText : null;
        var initializer = (property as PropertyDeclarationSyntax)?.Initializer;
        var getterBody = GetterBody(property);
        if ((initializer is null && getterBody is null) || !MayBeBound(property.AttributeLists, name, state))
        {
            return;
        }

        if (context.SemanticModel.GetDeclaredSymbol(property, context.CancellationToken) is not IPropertySymbol symbol
            || !StatutoryBindings.IsBound(symbol, state))
        {
            return;
        }

        var report = Reporter(context.ReportDiagnostic, property.SyntaxTree, symbol, context.Options);
        if (initializer is not null
            && BoundOperations.Of(context.SemanticModel, initializer, context.CancellationToken) is IPropertyInitializerOperation { InitializedProperties.Length: 1 } operation)
        {
            CheckValue(report, symbol, operation.Value, state);
        }

        if (getterBody is not null
            && BoundOperations.Of(context.SemanticModel, getterBody, context.CancellationToken) is IBlockOperation { Operations.Length: 1 } block
            && block.Operations[0] is IReturnOperation { ReturnedValue: { } returned })
        {
            CheckValue(report, symbol, returned, state);
        }
    }

    /// <summary>The getter's code when it may only return a value: an expression body, or a block of one <c>return</c>.</summary>
    private static SyntaxNode? GetterBody(BasePropertyDeclarationSyntax property)
    {
        switch (property)
        {
            case PropertyDeclarationSyntax { ExpressionBody: { } arrow }:
                return arrow;
            case IndexerDeclarationSyntax { ExpressionBody: { } indexerArrow }:
                return indexerArrow;
        }

        if (property.AccessorList is null)
        {
            return null;
        }

        foreach (var accessor in property.AccessorList.Accessors)
        {
            if (!accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
            {
                continue;
            }

            if (accessor.ExpressionBody is { } accessorArrow)
            {
                return accessorArrow;
            }

            return accessor.Body is { Statements.Count: 1 } body && body.Statements[0] is ReturnStatementSyntax { Expression: not null } ? body : null;
        }

        return null;
    }

    /// <summary>
    /// False when syntax shows the member cannot be bound: no attribute (the binding attribute may be
    /// aliased, so any attribute counts) and no bindings-file entry with its simple name. Indexers
    /// (no simple name) may be bound whenever a bindings file binds anything.
    /// </summary>
    private static bool MayBeBound(SyntaxList<AttributeListSyntax> attributes, string? name, LegalRulesCompilationState state)
        => attributes.Count > 0 || (state.Bindings.Count > 0 && (name is null || state.BoundMemberNames.Contains(name)));

    private static void CheckValue(Action<Diagnostic> report, ISymbol member, IOperation value, LegalRulesCompilationState state)
    {
        // A nullable member's constant is converted implicitly (decimal? Montant = 646.52m): the conversion is no constant, its operand is.
        if (!value.ConstantValue.HasValue && Unwrap(value) is { ConstantValue.HasValue: true } converted)
        {
            value = converted;
        }

        if (!value.ConstantValue.HasValue || !StatutoryBindings.TryGet(member, state, out var binding))
        {
            return;
        }

        var options = state.OptionsFor(value.Syntax.SyntaxTree);
        if (!state.RegistryFor(options).TryGetParameter(binding.Key, out var parameter))
        {
            return;
        }

        var date = binding.AsOf ?? options.AsOf;
        var index = parameter.IndexAt(date);
        if (index < 0 || parameter.Values[index].IsEnd)
        {
            return;
        }

        CompareValue(report, parameter, index, date, value.ConstantValue.Value, Unwrap(value).Syntax);
    }

    /// <summary>LR0001 when the member's constant differs from the value in force at <paramref name="date"/>.</summary>
    private static void CompareValue(Action<Diagnostic> report, StatutoryParameter parameter, int index, DateTime date, object? constant, SyntaxNode valueSyntax)
    {
        var statutory = parameter.Values[index];
        if (statutory.Value is not { } expected || !ConstantValues.TryGetDecimal(constant, valueSyntax, out var found) || found == expected)
        {
            return;
        }

        var period = parameter.PeriodOf(index);
        var references = parameter.ReferencesOf(statutory);
        var properties = DiagnosticData.ForValue(parameter, index, DiagnosticData.Number(found), date);
        report(Diagnostic.Create(
            Descriptors.DivergentValue,
            valueSyntax.GetLocation(),
            properties.ToImmutable(),
            DiagnosticData.Number(found),
            DiagnosticData.Number(expected),
            parameter.Key,
            parameter.DisplayLabel,
            period.ToString(),
            References(references)));
    }

    /// <summary>LR0004 for bindings files: each line whose key the registry lacks, located in the file.</summary>
    private static void AnalyzeBindingsFile(AdditionalFileAnalysisContext context, LegalRulesCompilationState state)
    {
        var input = state.InputAt(context.AdditionalFile.Path);
        if (input?.Bindings is null)
        {
            return;
        }

        var registry = state.Registry;
        foreach (var entry in input.Bindings.Bindings)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!registry.TryGetParameter(entry.Key, out _))
            {
                ReportUnknownKey(context.ReportDiagnostic, registry, entry.Key, entry.KeySpan.ToLocation(input.Path));
            }
        }
    }

    private static void ReportUnknownKey(Action<Diagnostic> report, StatutoryRegistry registry, string key, Location location)
    {
        var nearest = registry.NearestKeys(key, 3);
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[PropertyNames.Key] = key;
        properties[PropertyNames.NearestKeys] = string.Join(";", nearest);
        report(Diagnostic.Create(
            Descriptors.UnknownParameter,
            location,
            properties.ToImmutable(),
            key,
            nearest.IsEmpty ? Resources.Localizable("NoNearestKey") : (object)string.Join(", ", nearest)));
    }

    private static Diagnostic NotInForce(StatutoryParameter parameter, int index, DateTime date, Location location)
    {
        LocalizableString reason;
        if (index < 0)
        {
            reason = Resources.Localizable("LR0005_NotYet", parameter.Values.Length > 0 ? Dates.Format(parameter.Values[0].From) : "—");
        }
        else
        {
            var ended = parameter.Values[index];
            var next = index + 1;
            while (next < parameter.Values.Length && parameter.Values[next].Value is null)
            {
                next++;
            }

            // A parameter without value for a while (not yet created, or suspended) that has one again later has not ended.
            var from = Dates.Format(ended.From);
            var references = References(parameter.ReferencesOf(ended));
            reason = next < parameter.Values.Length
                ? Resources.Localizable("LR0005_Suspended", from, references, Dates.Format(parameter.Values[next].From))
                : Resources.Localizable("LR0005_Ended", from, references);
        }

        var properties = DiagnosticData.ForValue(parameter, -1, null, date);
        return Diagnostic.Create(Descriptors.ParameterNotInForce, location, properties.ToImmutable(), parameter.Key, parameter.DisplayLabel, Dates.Format(date), reason);
    }

    internal static string References(ImmutableArray<LegalReference> references)
        => references.IsDefaultOrEmpty ? "—" : LegalReference.Titles(references);

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static ExpressionSyntax? ValueSyntax(IFieldSymbol field)
    {
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax())
            {
                case VariableDeclaratorSyntax { Initializer.Value: { } value }:
                    return value;
                case EnumMemberDeclarationSyntax { EqualsValue.Value: { } enumValue }:
                    return enumValue;
            }
        }

        return null;
    }
}
