using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LegalRules.Tests.Infrastructure;

/// <summary>A code-fix test with LegalRules' defaults: offline references, annotations, a set evaluation date.</summary>
internal sealed class CodeFixTest<TAnalyzer, TFixer> : CSharpCodeFixTest<TAnalyzer, TFixer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFixer : CodeFixProvider, new()
{
    public CodeFixTest(string asOf = AnalyzerTest<TAnalyzer>.DefaultAsOf)
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.Runtime);
        TestState.AdditionalReferences.Add(TestReferences.Annotations);
        FixedState.AdditionalReferences.AddRange(TestReferences.Runtime);
        FixedState.AdditionalReferences.Add(TestReferences.Annotations);
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nlegal_rules.as_of = {asOf}\n"));
        DisabledDiagnostics.Add(RuleIdentifiers.StaleData);
    }

    public new Task RunAsync(CancellationToken cancellationToken = default) => base.RunAsync(cancellationToken);
}
