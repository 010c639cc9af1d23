using System;
using System.Collections.Immutable;
using System.Linq;
using LegalRules.Analysis;
using LegalRules.Diagnostics;
using LegalRules.Matching;
using LegalRules.Registry;
using Microsoft.CodeAnalysis;
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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var state = LegalRulesCompilationState.Get(start.Compilation, start.Options, start.CancellationToken);

            start.RegisterSymbolAction(c => AnalyzeMember(c, state), SymbolKind.Field, SymbolKind.Property);
            start.RegisterOperationAction(c => AnalyzeInitializer(c, state), OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
            start.RegisterOperationBlockAction(c => AnalyzeGetter(c, state));
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
        if (!registry.TryGetParameter(binding.Key, out var parameter))
        {
            // A bindings file's unknown key is reported once, in the file (AnalyzeBindingsFile).
            if (binding.FromAttribute)
            {
                ReportUnknownKey(context.ReportDiagnostic, registry, binding.Key, binding.KeyLocation);
            }

            return;
        }

        var date = binding.AsOf ?? options.AsOf;
        var reportAt = binding.FromAttribute ? binding.KeyLocation : memberLocation;
        var index = parameter.IndexAt(date);
        if (index < 0 || parameter.Values[index].IsEnd)
        {
            context.ReportDiagnostic(NotInForce(parameter, index, date, reportAt));
            return;
        }

        LegalDataChecks.Report(context.ReportDiagnostic, parameter, index, date, options, memberLocation, bound: true);

        // Constants (enum members included) have their value on the symbol; other members are
        // checked on their initializer (AnalyzeInitializer) or getter (AnalyzeGetter).
        if (member is IFieldSymbol { HasConstantValue: true } field && ValueSyntax(field) is { } valueSyntax)
        {
            CompareValue(context.ReportDiagnostic, parameter, index, date, field.ConstantValue, valueSyntax);
        }
    }

    private static void AnalyzeInitializer(OperationAnalysisContext context, LegalRulesCompilationState state)
    {
        var initializer = (ISymbolInitializerOperation)context.Operation;
        ISymbol? member = initializer switch
        {
            IFieldInitializerOperation { InitializedFields.Length: 1 } f when !f.InitializedFields[0].IsConst => f.InitializedFields[0],
            IPropertyInitializerOperation { InitializedProperties.Length: 1 } p => p.InitializedProperties[0],
            _ => null,
        };
        if (member is null)
        {
            return;
        }

        CheckValue(context.ReportDiagnostic, member, initializer.Value, state);
    }

    /// <summary>A property whose getter only returns a constant: <c>=> 0.41m</c> or <c>get { return 0.41m; }</c>.</summary>
    private static void AnalyzeGetter(OperationBlockAnalysisContext context, LegalRulesCompilationState state)
    {
        if (context.OwningSymbol is not IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: IPropertySymbol property }
            || context.OperationBlocks.Length != 1
            || context.OperationBlocks[0] is not IBlockOperation { Operations.Length: 1 } block
            || block.Operations[0] is not IReturnOperation { ReturnedValue: { } returned })
        {
            return;
        }

        CheckValue(context.ReportDiagnostic, property, returned, state);
    }

    private static void CheckValue(Action<Diagnostic> report, ISymbol member, IOperation value, LegalRulesCompilationState state)
    {
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
            reason = Resources.Localizable("LR0005_Ended", Dates.Format(ended.From), References(parameter.ReferencesOf(ended)));
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
