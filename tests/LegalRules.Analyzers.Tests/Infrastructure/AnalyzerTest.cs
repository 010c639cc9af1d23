using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LegalRules.Tests.Infrastructure;

/// <summary>
/// An analyzer test with LegalRules' defaults: offline references, the annotations assembly, and
/// an evaluation date set (tests never depend on today's date).
/// </summary>
internal sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string DefaultAsOf = "2026-06-01";

    private readonly Dictionary<string, string> _globalOptions = new(StringComparer.Ordinal)
    {
        ["legal_rules.as_of"] = DefaultAsOf,
    };

    public AnalyzerTest()
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.Runtime);
        TestState.AdditionalReferences.Add(TestReferences.Annotations);
    }

    /// <summary>Sets a global option (<c>legal_rules.as_of</c>, …); null removes it.</summary>
    public AnalyzerTest<TAnalyzer> WithOption(string key, string? value)
    {
        if (value is null)
        {
            _globalOptions.Remove(key);
        }
        else
        {
            _globalOptions[key] = value;
        }

        return this;
    }

    /// <summary>Leaves rules out of the test (for example LR0903, which depends on the registry's dates of confirmation).</summary>
    public AnalyzerTest<TAnalyzer> Ignoring(params string[] ids)
    {
        DisabledDiagnostics.AddRange(ids);
        return this;
    }

    public AnalyzerTest<TAnalyzer> WithSource(string source)
    {
        TestState.Sources.Add(source);
        return this;
    }

    public AnalyzerTest<TAnalyzer> WithAdditionalFile(string path, string content)
    {
        TestState.AdditionalFiles.Add((path, content));
        return this;
    }

    public AnalyzerTest<TAnalyzer> Expect(params DiagnosticResult[] diagnostics)
    {
        ExpectedDiagnostics.AddRange(diagnostics);
        return this;
    }

    public new Task RunAsync(CancellationToken cancellationToken = default)
    {
        var config = new StringBuilder("is_global = true\n");
        foreach (var option in _globalOptions.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            config.Append(option.Key).Append(" = ").Append(option.Value).Append('\n');
        }

        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
        return base.RunAsync(cancellationToken);
    }

    /// <summary>Runs the test with messages in <paramref name="culture"/>.</summary>
    public async Task RunInCultureAsync(string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            await RunAsync();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
