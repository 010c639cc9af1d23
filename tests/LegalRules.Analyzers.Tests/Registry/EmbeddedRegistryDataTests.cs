using System;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using LegalRules.Registry;
using LegalRules.Registry.Sources;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LegalRules.Tests.Registry;

/// <summary>
/// The embedded registry the analyzer loads (<c>EmbeddedRegistry.Data.g.cs</c>) is
/// <c>france.legal.yaml</c> as the registry's reader reads it: the generated file is up to date,
/// and what it loads equals the YAML field by field. With <c>LEGALRULES_WRITE_EMBEDDED=1</c> the
/// first test writes the generated file instead of checking it.
/// </summary>
public sealed class EmbeddedRegistryDataTests
{
    private const string WriteVariable = "LEGALRULES_WRITE_EMBEDDED";

    private const string RegenerateCommand =
        WriteVariable + "=1 dotnet test tests/LegalRules.Analyzers.Tests -c Release --filter FullyQualifiedName~EmbeddedRegistryDataTests";

    private const string EmbeddedFolder = "src/LegalRules.Analyzers/Registry/Embedded";

    [Fact]
    public void Generated_data_is_written_from_the_yaml()
    {
        var folder = Path.Combine(RepositoryRoot(), EmbeddedFolder);
        var yaml = SourceText.From(File.ReadAllText(Path.Combine(folder, "france.legal.yaml")));
        var expected = EmbeddedRegistryFormat.Write(EmbeddedRegistry.ParseYaml(yaml));
        var generatedPath = Path.Combine(folder, "EmbeddedRegistry.Data.g.cs");

        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            File.WriteAllText(generatedPath, expected);
            return;
        }

        var actual = File.ReadAllText(generatedPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(
            actual == expected,
            $"{EmbeddedFolder}/EmbeddedRegistry.Data.g.cs is not what france.legal.yaml gives. After editing france.legal.yaml, "
            + $"regenerate it from the repository's root, then build again:\n  {RegenerateCommand}");
    }

    [Fact]
    public void Loaded_registry_equals_the_yaml_parsed()
    {
        var parsed = EmbeddedRegistry.ParseYaml(EmbeddedRegistry.ReadText());

        Assert.Empty(parsed.Faults);
        AssertSameRegistry(parsed, EmbeddedRegistry.File, because: "the analyzer was built from an older france.legal.yaml; regenerate with: " + RegenerateCommand);
    }

    [Fact]
    public void Format_round_trips_what_the_embedded_file_does_not_hold()
    {
        var span = new FileSpan(new TextSpan(12, 5), new LinePositionSpan(new LinePosition(3, 4), new LinePosition(3, 9)));
        var references = ImmutableArray.Create(new LegalReference("Décret \"cité\" \\ n° 1\tbis\nsuite", null), new LegalReference("Loi", "https://example.org/?a=1&b=2"));
        var values = ImmutableArray.Create(
            new DatedValue(new DateTime(2020, 1, 1), 0.120m, true, references, span),
            new DatedValue(new DateTime(2021, 1, 1), -1_234_567.000_001m, true, ImmutableArray<LegalReference>.Empty, default),
            new DatedValue(new DateTime(2022, 1, 1), null, false, ImmutableArray<LegalReference>.Empty, span) { IsOther = true },
            new DatedValue(new DateTime(2023, 1, 1), null, false, ImmutableArray<LegalReference>.Empty, span));
        var file = new ParsedRegistryFile(
            null,
            ImmutableArray.Create(
                new StatutoryParameter("a.b", null, null, ImmutableArray<string>.Empty, ImmutableArray<LegalReference>.Empty, values, null, RegistryOrigin.Embedded),
                new StatutoryParameter("a.c", "Taux « réduit » ~", "/1", ImmutableArray.Create("taux", "réduit"), references, values.Take(1).ToImmutableArray(), new DateTime(2024, 4, 1), RegistryOrigin.Embedded).WithSpan(span)),
            ImmutableArray<RegistryFault>.Empty);

        AssertSameRegistry(file, EmbeddedRegistryFormat.Read(DataOf(EmbeddedRegistryFormat.Write(file))), because: "the format lost something");
    }

    [Fact]
    public void Format_refuses_a_registry_with_faults()
    {
        var parsed = EmbeddedRegistry.ParseYaml(SourceText.From("parameters:\n  a.b:\n    unit: euros\n    values: {2024-01-01: 1}\n"));
        Assert.NotEmpty(parsed.Faults);

        var error = Assert.Throws<InvalidOperationException>(() => EmbeddedRegistryFormat.Write(parsed));
        Assert.Contains("faults", error.Message, StringComparison.Ordinal);
    }

    private static void AssertSameRegistry(ParsedRegistryFile expected, ParsedRegistryFile actual, string because)
    {
        Assert.True(expected.Name == actual.Name, $"name: {actual.Name}; {because}");
        Assert.Empty(actual.Faults);
        Assert.True(expected.Parameters.Length == actual.Parameters.Length, $"{actual.Parameters.Length} parameters instead of {expected.Parameters.Length}; {because}");
        for (var i = 0; i < expected.Parameters.Length; i++)
        {
            var e = expected.Parameters[i];
            var a = actual.Parameters[i];
            Assert.True(Describe(e) == Describe(a), $"parameter {i} differs; {because}\nexpected: {Describe(e)}\nactual:   {Describe(a)}");
            Assert.Same(e.Origin, a.Origin);
        }
    }

    /// <summary>Everything the rules and reports read of a parameter, as text (numbers with their scale).</summary>
    private static string Describe(StatutoryParameter p)
        => string.Join(
            " | ",
            p.Key,
            p.Label ?? "<null>",
            p.Unit ?? "<null>",
            string.Join(",", p.Keywords),
            References(p.References),
            p.LastValueStillValidOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "<null>",
            Span(p.Span),
            string.Join(
                "; ",
                p.Values.Select(v => string.Join(
                    " ",
                    v.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    v.Value?.ToString(CultureInfo.InvariantCulture) ?? "<null>",
                    v.IsNumeric,
                    v.IsOther,
                    v.IsEnd,
                    References(v.References),
                    Span(v.Span)))));

    private static string References(ImmutableArray<LegalReference> references)
        => "[" + string.Join(", ", references.Select(r => r.Title + " <" + (r.Href ?? "<null>") + ">")) + "]";

    private static string Span(FileSpan span) => span.Span + " " + span.LineSpan;

    /// <summary>The string constant of a generated file, as the compiler reads it.</summary>
    private static string DataOf(string source)
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Data", new[] { tree }, new[] { Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        var model = compilation.GetSemanticModel(tree);
        var declarator = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax>().Single();
        return (string)model.GetConstantValue(declarator.Initializer!.Value).Value!;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LegalRules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LegalRules.sln not found above " + AppContext.BaseDirectory);
    }
}
