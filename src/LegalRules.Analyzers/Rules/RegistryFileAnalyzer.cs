using System.Collections.Immutable;
using LegalRules.Analysis;
using LegalRules.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegalRules.Rules;

/// <summary>
/// Reports what cannot be read in registry and bindings files (LR0901), located in the file, and
/// options whose values are not valid. The rest of the registry still loads.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RegistryFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidRegistry);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var state = LegalRulesCompilationState.Get(start.Compilation, start.Options, start.CancellationToken);
            start.RegisterAdditionalFileAction(c =>
            {
                var input = state.InputAt(c.AdditionalFile.Path);
                if (input is null)
                {
                    return;
                }

                foreach (var fault in input.Faults)
                {
                    c.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.InvalidRegistry,
                        fault.Span.ToLocation(input.Path),
                        ImmutableDictionary<string, string?>.Empty.Add("fault", fault.Code.ToString()),
                        fault.Message));
                }
            });

            if (state.GlobalOptions.Faults.Count > 0)
            {
                start.RegisterCompilationEndAction(c =>
                {
                    foreach (var fault in state.GlobalOptions.Faults)
                    {
                        c.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.InvalidRegistry,
                            Location.None,
                            Resources.Localizable("Option_Invalid", fault.Key, fault.Value, fault.Expected)));
                    }
                });
            }
        });
    }
}
