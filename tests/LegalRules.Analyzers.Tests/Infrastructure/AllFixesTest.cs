using System.Collections.Generic;
using System.Linq;
using LegalRules.CodeFixes.Fixes;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LegalRules.Tests.Infrastructure;

/// <summary>
/// A code-fix test with every LegalRules analyzer and every code fix, as <c>dotnet format analyzers</c>
/// or the IDE's Fix All run them: offline references, annotations, a set evaluation date.
/// </summary>
internal sealed class AllFixesTest : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
{
    public AllFixesTest(string asOf = AnalyzerTest<LegalRules.Rules.StatutoryBindingAnalyzer>.DefaultAsOf)
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.Runtime);
        TestState.AdditionalReferences.Add(TestReferences.Annotations);
        FixedState.AdditionalReferences.AddRange(TestReferences.Runtime);
        FixedState.AdditionalReferences.Add(TestReferences.Annotations);
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nlegal_rules.as_of = {asOf}\n"));
        DisabledDiagnostics.Add(RuleIdentifiers.StaleData);

        // LR0102 is reported by two analyzers (on declarations, and on constants no declaration holds): one descriptor.
        MarkupOptions = MarkupOptions.UseFirstDescriptor;
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AnalyzerCatalog.CreateAnalyzers();

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders()
        => typeof(UseStatutoryValueFixer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, System.StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)System.Activator.CreateInstance(t)!);
}
