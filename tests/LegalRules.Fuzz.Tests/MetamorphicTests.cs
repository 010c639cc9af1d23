using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using CsCheck;
using LegalRules.Fuzz.Generators;
using LegalRules.Fuzz.Infrastructure;
using LegalRules.Matching;
using LegalRules.Registry;
using LegalRules.Registry.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LegalRules.Fuzz;

/// <summary>
/// Changes that mean nothing to the law must change nothing in the findings: renaming identifiers
/// that corroborate no parameter, reformatting, moving a class to another file, adding an unrelated
/// file. Findings are compared by rule, key, value found, and place: the member they are in and
/// their rank in it.
/// </summary>
[Collection(FuzzGroup.Name)]
public sealed class MetamorphicTests
{
    private static readonly Lazy<ImmutableArray<string>> LazyNeutral = new(() =>
    {
        // Neutral means: no word in common with any parameter the analysis knows (embedded and fuzz registries).
        var parameterWords = new HashSet<string>(StringComparer.Ordinal);
        var parameters = EmbeddedRegistry.File.Parameters.Concat(CSharpCorpus.AdditionalFiles
            .Where(f => f.Path.EndsWith(".legal.yaml", StringComparison.Ordinal))
            .SelectMany(f => NativeRegistryParser.Parse(SourceText.From(f.Text)).Parameters));
        foreach (var parameter in parameters)
        {
            parameterWords.UnionWith(NameWords.ForParameter(parameter));
        }

        return CalculationPrograms.NeutralPool.Where(name => IsNeutral(name, parameterWords) && IsNeutral(name + "Zz", parameterWords)).ToImmutableArray();
    });

    public enum Relation
    {
        RenameNeutralIdentifiers,
        Reformat,
        MoveClassesToTheirOwnFiles,
        AddUnrelatedFile,
    }

    [Theory]
    [InlineData(Relation.RenameNeutralIdentifiers)]
    [InlineData(Relation.Reformat)]
    [InlineData(Relation.MoveClassesToTheirOwnFiles)]
    [InlineData(Relation.AddUnrelatedFile)]
    public void Findings_do_not_change_under_a_change_that_means_nothing_to_the_law(Relation relation)
    {
        var neutral = LazyNeutral.Value;
        Assert.True(neutral.Length >= 10, "Too few neutral names: " + string.Join(", ", neutral));
        var generator = CalculationPrograms.Programs(neutral);
        var additional = CSharpCorpus.AdditionalFiles;
        var failures = new List<string>();
        var findings = 0;
        var total = Stopwatch.StartNew();
        var cases = FuzzSettings.MetamorphicCases;
        for (var index = 0; index < cases; index++)
        {
            var pcg = new PCG((uint)index, FuzzSettings.Seed + (ulong)relation);
            var program = generator.Generate(pcg, null!, out _);
            var original = program.Render(split: false);
            var renames = relation == Relation.RenameNeutralIdentifiers ? RenameMap(program, neutral, pcg) : new Dictionary<string, string>();
            var transformed = relation switch
            {
                Relation.RenameNeutralIdentifiers => original.Select(f => f with { Text = Rename(f.Text, renames) }).ToImmutableArray(),
                Relation.Reformat => original.Select(f => f with { Text = Reformat(f.Text, pcg) }).ToImmutableArray(),
                Relation.MoveClassesToTheirOwnFiles => program.Render(split: true),
                _ => original.Add(new InputFile("/src/Unrelated.cs", Unrelated)),
            };

            var before = AnalysisHarness.Run(original, additional);
            var after = AnalysisHarness.Run(transformed, additional);
            FuzzSummary.AddFailures(before.Failures.Length + after.Failures.Length);
            findings += before.Findings.Length;
            var expected = Signatures(before).Select(s => Translate(s, renames)).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var actual = Signatures(after).OrderBy(s => s, StringComparer.Ordinal).ToList();
            if (!expected.SequenceEqual(actual) || before.Failures.Length + after.Failures.Length > 0)
            {
                failures.Add($"Program {index} (seed {FuzzSettings.Seed}):\n{string.Concat(original.Select(f => f.Text))}\n--- became ---\n{string.Concat(transformed.Select(f => $"// {f.Path}\n{f.Text}"))}\n"
                    + $"missing: {string.Join("; ", expected.Except(actual))}\nnew: {string.Join("; ", actual.Except(expected))}\n{string.Join("\n", before.Failures.Concat(after.Failures))}");
            }
        }

        FuzzSummary.AddMetamorphicChecks(cases);
        FuzzSummary.Write("metamorphic", $"{relation}: {cases} programs, {findings:N0} findings compared, {failures.Count} differences, {total.Elapsed.TotalSeconds:F1} s (seed {FuzzSettings.Seed})");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(3)));
    }

    private const string Unrelated = """
        namespace Other.Geometry;

        public static class Unrelated
        {
            public const double Ratio = 0.25;
            public static decimal Area(decimal width, decimal height) => (width * height * 3m) + 42.5m;
        }
        """;

    private static bool IsNeutral(string name, HashSet<string> parameterWords)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        NameWords.AddWords(name, words);
        return !words.Overlaps(parameterWords);
    }

    /// <summary>Each neutral name of the program to another neutral name it does not use.</summary>
    private static Dictionary<string, string> RenameMap(CalculationProgram program, ImmutableArray<string> neutral, PCG pcg)
    {
        var used = new HashSet<string>(program.Names, StringComparer.Ordinal);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in program.Names)
        {
            var isNeutral = neutral.Any(n => name.StartsWith(n, StringComparison.OrdinalIgnoreCase));
            if (!isNeutral || map.ContainsKey(name))
            {
                continue;
            }

            string candidate;
            var attempt = 0;
            do
            {
                var stem = neutral[(int)pcg.Next((uint)neutral.Length)];
                candidate = (char.IsLower(name[0]) ? stem.ToLowerInvariant() : stem) + "Zz" + new string('z', attempt++);
            }
            while (!used.Add(candidate));

            map[name] = candidate;
        }

        return map;
    }

    private static string Rename(string text, Dictionary<string, string> map)
    {
        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var token in SyntaxFactory.ParseTokens(text, options: AnalysisHarness.ParseOptions))
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && map.TryGetValue(token.ValueText, out var renamed))
            {
                builder.Append(text, position, token.SpanStart - position).Append(renamed);
                position = token.Span.End;
            }
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>The same tokens with other whitespace and comments between them.</summary>
    private static string Reformat(string text, PCG pcg)
    {
        string[] separators = { " ", "\n", "\t", "\r\n", "  \n\n    ", " /* note */ ", "\n// note\n", "\u00A0" };
        var builder = new StringBuilder(text.Length * 2);
        foreach (var token in SyntaxFactory.ParseTokens(text, options: AnalysisHarness.ParseOptions).Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)))
        {
            builder.Append(separators[pcg.Next((uint)separators.Length)]).Append(token.Text);
        }

        return builder.Append('\n').ToString();
    }

    private static string Translate(string signature, Dictionary<string, string> renames)
    {
        var parts = signature.Split('|');
        var place = string.Join(".", parts[3].Split('.').Select(n => renames.TryGetValue(n, out var renamed) ? renamed : n));
        return string.Join("|", parts[0], parts[1], parts[2], place, parts[4]);
    }

    /// <summary>Rule, key, value found, place (Type.Member, or file and span outside code), rank among the same in that place.</summary>
    private static IEnumerable<string> Signatures(AnalysisOutcome outcome)
    {
        var placed = outcome.Findings.Select(f => (Finding: f, Key: $"{f.Id}|{f.Properties.GetValueOrDefault("key")}|{f.Properties.GetValueOrDefault("found")}|{Place(f)}")).ToList();
        return placed
            .GroupBy(p => p.Key)
            .SelectMany(g => g.OrderBy(p => p.Finding.Location.SourceSpan.Start).Select((p, rank) => $"{p.Key}|{rank}"));
    }

    private static string Place(Diagnostic finding)
    {
        if (!finding.Location.IsInSource)
        {
            var line = finding.Location.GetLineSpan();
            return $"{line.Path}:{line.StartLinePosition}";
        }

        var node = finding.Location.SourceTree!.GetRoot().FindNode(finding.Location.SourceSpan, getInnermostNodeForTie: true);
        var member = node.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m is not BaseTypeDeclarationSyntax);
        var type = node.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault();
        var memberName = member switch
        {
            MethodDeclarationSyntax method => method.Identifier.ValueText,
            PropertyDeclarationSyntax property => property.Identifier.ValueText,
            FieldDeclarationSyntax field => field.Declaration.Variables[0].Identifier.ValueText,
            _ => "?",
        };
        return $"{type?.Identifier.ValueText ?? "?"}.{memberName}";
    }
}
