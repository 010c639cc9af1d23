using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Cli.Audit;

/// <summary>
/// Splits the files outside any project into the programs they make up. A drop of loose files is
/// often several programs side by side (one folder each: a payslip exercise, a loan calculator, a
/// shop), and the rules judge a compilation as a whole: whether it computes benefits or
/// contributions, and so whether its roundings are amounts of social law. Compiled together, a loan
/// calculator beside a payslip program would be judged by the payslip's names.
/// </summary>
/// <remarks>
/// The folders just below the deepest folder holding every loose file are the candidates, and the
/// files directly in that folder one more. Two candidates are one program when one uses a name the other declares and
/// does not declare itself: a type (<c>Arrondis.AuCentime</c>, a base class, an enum), an extension
/// method (<c>montant.AuCentime()</c>), or a namespace in a <c>using</c> directive. Names are read
/// from the syntax alone, before anything is bound. Parts of one partial type do not link two folders:
/// two programs made from the same template declare the same <c>partial class Form1</c>.
/// Only programs are told apart: when two groups or more have an entry point (a static <c>Main</c>,
/// top-level statements), each of those is compiled alone, and the other groups with the largest
/// program; otherwise the files stay one compilation, as before.
/// </remarks>
internal static class LooseGroups
{
    /// <summary>
    /// The groups of <paramref name="trees"/>, each sorted by path, in the order of their first path,
    /// with the folders (relative to <paramref name="root"/>) each is made of.
    /// </summary>
    public static IReadOnlyList<LooseGroup> Split(IReadOnlyList<SyntaxTree> trees, string root, CancellationToken cancellationToken)
    {
        var common = CommonFolder(trees.Select(t => t.FilePath));
        var (candidateOf, keys) = Candidates(trees, common);
        var candidateCount = keys.Count;
        var single = new[] { Group(trees, keys, candidateOf, root, common) };
        if (candidateCount < 2)
        {
            return single;
        }

        // Only programs are told apart: without two folders that have an entry point, nothing to split,
        // and the names of every file need not be read.
        var withEntryPoint = new bool[trees.Count];
        Parallel.For(0, trees.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => withEntryPoint[i] = TreeNames.HasAnEntryPoint(trees[i], cancellationToken));
        if (Enumerable.Range(0, trees.Count).Where(i => withEntryPoint[i]).Select(i => candidateOf[trees[i]]).Distinct().Count() < 2)
        {
            return single;
        }

        var names = new TreeNames[trees.Count];
        Parallel.For(0, trees.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => names[i] = TreeNames.Of(trees[i], cancellationToken));

        // What each candidate declares and uses.
        var declared = new HashSet<string>[candidateCount];
        var namespaces = new HashSet<string>[candidateCount];
        var used = new HashSet<string>[candidateCount];
        var usings = new HashSet<string>[candidateCount];
        for (var c = 0; c < candidateCount; c++)
        {
            declared[c] = new(StringComparer.Ordinal);
            namespaces[c] = new(StringComparer.Ordinal);
            used[c] = new(StringComparer.Ordinal);
            usings[c] = new(StringComparer.Ordinal);
        }

        for (var i = 0; i < trees.Count; i++)
        {
            var c = candidateOf[trees[i]];
            declared[c].UnionWith(names[i].Declared);
            namespaces[c].UnionWith(names[i].Namespaces);
            used[c].UnionWith(names[i].Used);
            usings[c].UnionWith(names[i].Usings);
        }

        var declaredBy = Index(declared);
        var namespaceBy = Index(namespaces);
        var parent = Enumerable.Range(0, candidateCount).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }

            return x;
        }

        void Union(int a, int b) => parent[Find(a)] = Find(b);

        for (var c = 0; c < candidateCount; c++)
        {
            foreach (var name in used[c])
            {
                if (!declared[c].Contains(name) && declaredBy.TryGetValue(name, out var owners))
                {
                    owners.ForEach(o => Union(c, o));
                }
            }

            foreach (var name in usings[c])
            {
                if (!namespaces[c].Contains(name) && namespaceBy.TryGetValue(name, out var owners))
                {
                    owners.ForEach(o => Union(c, o));
                }
            }
        }

        // Only programs are told apart. Folders that no name links to a program, and that have no
        // entry point, are the vendor's miscellany: they go with the largest program.
        var programs = new HashSet<int>();
        var sizes = new Dictionary<int, long>();
        for (var i = 0; i < trees.Count; i++)
        {
            var component = Find(candidateOf[trees[i]]);
            sizes[component] = sizes.GetValueOrDefault(component) + trees[i].Length;
            if (withEntryPoint[i])
            {
                programs.Add(component);
            }
        }

        if (programs.Count < 2)
        {
            return single;
        }

        var largest = programs.OrderByDescending(p => sizes[p]).ThenBy(p => p).First();
        var groups = trees
            .GroupBy(t => programs.Contains(Find(candidateOf[t])) ? Find(candidateOf[t]) : largest)
            .Select(g => Group(g.ToList(), keys, candidateOf, root, common))
            .OrderBy(g => g.Trees[0].FilePath, StringComparer.Ordinal)
            .ToList();
        return groups;
    }

    private static LooseGroup Group(IReadOnlyCollection<SyntaxTree> trees, List<string> keys, Dictionary<SyntaxTree, int> candidateOf, string root, string common)
    {
        var folders = trees
            .Select(t => candidateOf[t])
            .Distinct()
            .Select(c => DropPaths.Relative(root, keys[c].Length == 0 ? common : Path.Combine(common, keys[c])))
            .Select(f => f.Length == 0 ? "." : f)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToImmutableArray();
        return new LooseGroup(trees.OrderBy(t => t.FilePath, StringComparer.Ordinal).ToImmutableArray(), folders);
    }

    // Each tree's candidate: the folder just below the deepest folder common to all, or that folder itself.
    private static (Dictionary<SyntaxTree, int> CandidateOf, List<string> Keys) Candidates(IReadOnlyList<SyntaxTree> trees, string common)
    {
        var keys = new List<string>();
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new Dictionary<SyntaxTree, int>();
        foreach (var tree in trees.OrderBy(t => t.FilePath, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(common, tree.FilePath);
            var separator = relative.IndexOfAny(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar });
            var key = separator < 0 ? string.Empty : relative.Substring(0, separator);
            if (!indexOf.TryGetValue(key, out var index))
            {
                indexOf[key] = index = keys.Count;
                keys.Add(key);
            }

            result[tree] = index;
        }

        return (result, keys);
    }

    private static string CommonFolder(IEnumerable<string> paths)
    {
        string[]? common = null;
        var length = 0;
        foreach (var path in paths)
        {
            var segments = (Path.GetDirectoryName(path) ?? string.Empty).Split(Path.DirectorySeparatorChar);
            if (common is null)
            {
                common = segments;
                length = segments.Length;
                continue;
            }

            var same = 0;
            while (same < length && same < segments.Length && string.Equals(common[same], segments[same], StringComparison.Ordinal))
            {
                same++;
            }

            length = same;
        }

        return common is null ? string.Empty : string.Join(Path.DirectorySeparatorChar, common.Take(length));
    }

    private static Dictionary<string, List<int>> Index(HashSet<string>[] sets)
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var c = 0; c < sets.Length; c++)
        {
            foreach (var name in sets[c])
            {
                if (!index.TryGetValue(name, out var list))
                {
                    index[name] = list = new List<int>();
                }

                list.Add(c);
            }
        }

        return index;
    }

    /// <summary>The names one file declares and uses.</summary>
    private sealed class TreeNames
    {
        public HashSet<string> Declared { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Namespaces { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Used { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Usings { get; } = new(StringComparer.Ordinal);

        /// <summary>Whether the file has a static <c>Main</c> or top-level statements, read from its declarations only.</summary>
        public static bool HasAnEntryPoint(SyntaxTree tree, CancellationToken cancellationToken)
        {
            foreach (var node in Declarations(tree.GetRoot(cancellationToken)))
            {
                if (IsEntryPoint(node))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsEntryPoint(SyntaxNode node)
            => node is GlobalStatementSyntax
                || (node is MethodDeclarationSyntax { Identifier.ValueText: "Main" } main && main.Modifiers.Any(SyntaxKind.StaticKeyword));

        private static IEnumerable<SyntaxNode> Declarations(SyntaxNode root)
            => root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax);

        public static TreeNames Of(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var names = new TreeNames();
            var root = tree.GetRoot(cancellationToken);
            foreach (var node in Declarations(root))
            {
                switch (node)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        names.Namespaces.Add(ns.Name.ToString());
                        break;
                    case BaseTypeDeclarationSyntax type:
                        names.Declared.Add(type.Identifier.ValueText);
                        break;
                    case DelegateDeclarationSyntax d:
                        names.Declared.Add(d.Identifier.ValueText);
                        break;
                    case MethodDeclarationSyntax { ParameterList.Parameters: [{ Modifiers: var modifiers }, ..] } method when modifiers.Any(SyntaxKind.ThisKeyword):
                        names.Declared.Add(method.Identifier.ValueText);
                        break;
                    case UsingDirectiveSyntax { Name: { } name }:
                        names.Usings.Add(name.ToString());
                        break;
                }
            }

            foreach (var token in root.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is SimpleNameSyntax)
                {
                    names.Used.Add(token.ValueText);
                }
            }

            return names;
        }
    }
}

/// <summary>Loose files that make up one program, and the folders they are in (relative to the audited root).</summary>
internal sealed record LooseGroup(ImmutableArray<SyntaxTree> Trees, ImmutableArray<string> Folders);
