using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.CodeFixes.Fixes;
using LegalRules.Rules;
using LegalRules.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LegalRules.Tests.Fixes;

public class ReplaceUnknownKeyFixerTests
{
    private const string RsaTypo = "prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rs";
    private const string SmicTypo = "marche_travail.salaire_minimum.smic.smic_b_horaires";

    [Fact]
    public async Task Every_unknown_key_of_a_document_takes_its_nearest_known_key()
    {
        await new CodeFixTest<StatutoryBindingAnalyzer, ReplaceUnknownKeyFixer>
        {
            TestCode = $$"""
                using LegalRules;
                class Baremes
                {
                    [StatutoryParameter({|LR0004:"{{RsaTypo}}"|})] // clé à corriger
                    const decimal Rsa = 651.69m;

                    [StatutoryParameter({|LR0004:"{{SmicTypo}}"|}, AsOf = "2026-06-01")]
                    const decimal Smic = 12.31m;
                }
                """,
            FixedCode = $$"""
                using LegalRules;
                class Baremes
                {
                    [StatutoryParameter("{{Keys.Rsa}}")] // clé à corriger
                    const decimal Rsa = 651.69m;

                    [StatutoryParameter("{{Keys.SmicHoraire}}", AsOf = "2026-06-01")]
                    const decimal Smic = 12.31m;
                }
                """,
            CodeActionEquivalenceKey = ReplaceUnknownKeyFixer.EquivalenceKey,
        }.RunAsync();
    }

    [Fact]
    public async Task Each_of_the_nearest_keys_is_offered()
    {
        var source = $$"""
            using LegalRules;
            class Baremes
            {
                [StatutoryParameter("{{SmicTypo}}")]
                const decimal Smic = 12.31m;
            }
            """;
        var unknown = Assert.Single(await DirectRun.AnalyzeAsync(new[] { source }), d => d.Id == RuleIdentifiers.UnknownParameter);
        var nearest = unknown.Properties["nearestKeys"]!.Split(';');
        Assert.True(nearest.Length >= 2, "the registry has several Smic keys near the typo");

        for (var i = 0; i < nearest.Length; i++)
        {
            var expected = nearest[i];
            var test = new CodeFixTest<StatutoryBindingAnalyzer, ReplaceUnknownKeyFixer>
            {
                TestCode = source.Replace($"\"{SmicTypo}\"", $"{{|LR0004:\"{SmicTypo}\"|}}", System.StringComparison.Ordinal),
                FixedCode = source.Replace(SmicTypo, expected, System.StringComparison.Ordinal),
                CodeActionIndex = i,
                CodeActionEquivalenceKey = i == 0 ? ReplaceUnknownKeyFixer.EquivalenceKey : ReplaceUnknownKeyFixer.EquivalenceKey + "." + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                CodeActionVerifier = (action, verifier) => verifier.Equal($"Use the key '{expected}'", action.Title),
            };

            // Another Smic parameter has another value: the fixed code is then LR0001's business.
            test.DisabledDiagnostics.Add(RuleIdentifiers.DivergentValue);

            // Fix All applies the nearest key only: check it for the first action.
            if (i > 0)
            {
                test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck;
            }

            var previous = System.Globalization.CultureInfo.CurrentUICulture;
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
            try
            {
                await test.RunAsync();
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentUICulture = previous;
            }
        }
    }

    [Fact]
    public async Task An_unknown_key_in_a_bindings_file_is_replaced_in_the_file_keeping_its_quotes()
    {
        // The test framework fixes source documents only: run the fixer on the additional document directly.
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Vendor", "Vendor", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                metadataReferences: TestReferences.Runtime))
            .AddDocument(DocumentId.CreateNewId(projectId), "Smic.cs", """
                namespace Vendor.Paie
                {
                    static class Smic
                    {
                        public const decimal SmicHoraireBrut = 12.31m;
                        public const decimal Rsa = 651.69m;
                    }
                }
                """, filePath: "/drop/Smic.cs")
            .AddAdditionalDocument(DocumentId.CreateNewId(projectId), "vendor.legal-bindings.yaml", $$"""
                # Liaisons de l'auditeur
                bindings:
                  "F:Vendor.Paie.Smic.SmicHoraireBrut": {{SmicTypo}}
                  Vendor.Paie.Smic.Rsa: "{{RsaTypo}}"
                """, filePath: "/drop/vendor.legal-bindings.yaml")
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From("is_global = true\nlegal_rules.as_of = 2026-06-01\n"), filePath: "/drop/.globalconfig");
        // As in the IDE: fix one finding, analyse again, fix the next.
        var bindings = solution.GetProject(projectId)!.AdditionalDocuments.Single();
        var fixes = 0;
        while (await UnknownKeys(solution.GetProject(projectId)!) is { Count: > 0 } unknown)
        {
            Assert.True(++fixes <= 2, "each fix removes one finding");
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(solution.GetAdditionalDocument(bindings.Id)!, unknown[0], (action, _) => actions.Add(action), CancellationToken.None);
            await new ReplaceUnknownKeyFixer().RegisterCodeFixesAsync(context);
            var nearest = actions.Single(a => a.EquivalenceKey == ReplaceUnknownKeyFixer.EquivalenceKey);
            var operations = await nearest.GetOperationsAsync(CancellationToken.None);
            solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        Assert.Equal(2, fixes);
        var text = (await solution.GetAdditionalDocument(bindings.Id)!.GetTextAsync()).ToString();
        Assert.Equal($$"""
            # Liaisons de l'auditeur
            bindings:
              "F:Vendor.Paie.Smic.SmicHoraireBrut": {{Keys.SmicHoraire}}
              Vendor.Paie.Smic.Rsa: "{{Keys.Rsa}}"
            """, text);
    }

    private static async Task<List<Diagnostic>> UnknownKeys(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new StatutoryBindingAnalyzer()), project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id == RuleIdentifiers.UnknownParameter).OrderBy(d => d.Location.SourceSpan.Start).ToList();
    }
}
