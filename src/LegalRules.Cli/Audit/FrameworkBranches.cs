using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using LegalRules.Cli.Audit.Projects;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Cli.Audit;

/// <summary>
/// What a multi-targeting project compiles for its other frameworks. A project that lists
/// <c>net48;net6.0</c> is compiled for the first; a file whose <c>#if NET48</c> keeps last year's
/// constants for one framework and this year's for the other ships both. For each other framework,
/// the files whose conditions name a symbol that differs between the two frameworks are parsed again
/// with that framework's symbols, in a copy of the compilation, and only they are analysed: the
/// findings of both are reported, once where they are the same.
/// </summary>
internal static class FrameworkBranches
{
    /// <summary>
    /// For each framework <paramref name="audited"/>'s project lists after the one it was compiled
    /// for, a compilation whose files with such conditions are parsed for that framework; every other
    /// file is marked as not to be analysed (<see cref="AuditedCompilation.GeneratedTrees"/>).
    /// </summary>
    public static IEnumerable<AuditedCompilation> Of(AuditedCompilation audited, Func<string, string> localized, CancellationToken cancellationToken)
    {
        var project = audited.Unit.Project;
        if (project is not { IsSdkStyle: true, TargetFrameworksWritten: { } written })
        {
            yield break;
        }

        var chosen = project.TargetFramework;
        var chosenSymbols = chosen.ImplicitDefines().ToImmutableHashSet(StringComparer.Ordinal);
        var ownSymbols = project.Defines.Where(d => !chosenSymbols.Contains(d)).ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { chosen.Moniker };
        foreach (var moniker in written.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!seen.Add(moniker) || TargetFramework.Parse(moniker) is not { } other)
            {
                continue;
            }

            var otherSymbols = other.ImplicitDefines().ToImmutableHashSet(StringComparer.Ordinal);
            var differing = chosenSymbols.SymmetricExcept(otherSymbols);
            var compilation = audited.Compilation;
            var analysed = new List<SyntaxTree>();
            foreach (var tree in audited.AnalysedTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (tree.Options is not CSharpParseOptions options || !NamesAnyOf(tree, differing, cancellationToken))
                {
                    continue;
                }

                var reparsed = CSharpSyntaxTree.ParseText(tree.GetText(cancellationToken), options.WithPreprocessorSymbols(ownSymbols.Concat(otherSymbols)), tree.FilePath, cancellationToken);
                compilation = compilation.ReplaceSyntaxTree(tree, reparsed);
                analysed.Add(reparsed);
            }

            if (analysed.Count == 0)
            {
                continue;
            }

            audited.Unit.Notes.Add(string.Format(CultureInfo.InvariantCulture, localized("Note_OtherFramework"), other.Moniker, analysed.Count));
            var kept = analysed.ToImmutableHashSet();
            yield return new AuditedCompilation(
                audited.Unit,
                compilation,
                compilation.SyntaxTrees.Where(t => !kept.Contains(t)).ToImmutableHashSet(),
                ImmutableHashSet<SyntaxTree>.Empty,
                audited.ReferenceSet,
                audited.LanguageVersion);
        }
    }

    /// <summary>Whether an <c>#if</c> or <c>#elif</c> of <paramref name="tree"/> names one of <paramref name="symbols"/>.</summary>
    private static bool NamesAnyOf(SyntaxTree tree, ImmutableHashSet<string> symbols, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        if (symbols.IsEmpty || !root.ContainsDirectives)
        {
            return false;
        }

        foreach (var trivia in root.DescendantTrivia())
        {
            if (!trivia.IsDirective)
            {
                continue;
            }

            var condition = trivia.GetStructure() switch
            {
                IfDirectiveTriviaSyntax @if => @if.Condition,
                ElifDirectiveTriviaSyntax elif => elif.Condition,
                _ => null,
            };
            if (condition is not null
                && condition.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(n => symbols.Contains(n.Identifier.ValueText)))
            {
                return true;
            }
        }

        return false;
    }
}
