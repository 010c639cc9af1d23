using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using LegalRules.Analysis;
using LegalRules.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Rules;

/// <summary>
/// What a member's syntax tells the rules that look into bodies before binding them (LR0101,
/// LR0201): the simple names that may name a bound member, and the values assigned to simple names.
/// In a file that may name a bound member, each is read from the member once per compilation,
/// however many roundings it holds and whichever rule asks first.
/// </summary>
internal sealed class MemberSyntax
{
    // One per compilation: which names may be bound depends on the compilation's declarations.
    private static readonly ConditionalWeakTable<Compilation, MemberSyntax> PerCompilation = new();

    // The members of nodes deep in long expressions, remembered on the nodes passed (AncestorMemo).
    private static readonly AncestorMemo DeepMembers = new(MemberAt);

    private readonly BoundMemberNames _boundNames;
    // This instance lives as long as its compilation, which holds the trees and their nodes: a weak
    // table would give each member a weak handle, for the collector to examine and the finalizer to free.
    private readonly ConcurrentDictionary<SyntaxNode, Facts> _facts = new();

    // Created once: a lambda given to the dictionary would allocate on every question.
    private readonly Func<SyntaxNode, Facts> _walk;

    private MemberSyntax(BoundMemberNames boundNames)
    {
        _boundNames = boundNames;
        _walk = Walk;
    }

    /// <summary>The instance of <paramref name="compilation"/>, created by the first rule that asks.</summary>
    public static MemberSyntax For(Compilation compilation, LegalRulesCompilationState state)
        => PerCompilation.GetValue(compilation, c => new MemberSyntax(BoundMemberNames.For(c, state)));

    /// <summary>
    /// The member whose body holds <paramref name="node"/>: a method, property, field, constructor,
    /// operator, accessor's property…; for top-level statements, which share their locals, the file.
    /// Null outside any member (an attribute of a type, a base list).
    /// </summary>
    public static SyntaxNode? MemberOf(SyntaxNode node)
    {
        var steps = 0;
        for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (MemberAt(ancestor, out var member))
            {
                return member;
            }

            if (++steps == AncestorMemo.ShallowSteps)
            {
                // Deep in a long expression: the walk goes on with memory (AncestorMemo).
                return ancestor.Parent is { } parent ? DeepMembers.From(parent) : null;
            }
        }

        return null;
    }

    private static bool MemberAt(SyntaxNode ancestor, out SyntaxNode? member)
    {
        if (ancestor is GlobalStatementSyntax)
        {
            member = ancestor.Parent;
            return true;
        }

        member = ancestor;
        return ancestor is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax;
    }

    /// <summary>The member whose body holds <paramref name="node"/> (<see cref="MemberOf"/>), or else its file.</summary>
    public static SyntaxNode MemberOrFileOf(SyntaxNode node) => MemberOf(node) ?? node.SyntaxTree.GetRoot();

    /// <summary>The facts of <paramref name="member"/> (a member's declaration, or a file).</summary>
    /// <remarks>
    /// In a file whose text contains no name of a bound member, no member can name one: its facts
    /// are answered at once, and not kept. Keeping them cost more than the answer: an entry in a
    /// table shared by the rules' threads, for each public method and each member that rounds.
    /// </remarks>
    public Facts Of(SyntaxNode member)
        => _boundNames.MayBeNamedIn(member.SyntaxTree)
            ? _facts.GetOrAdd(member, _walk)
            : new Facts(member, Array.Empty<IdentifierNameSyntax>());

    private Facts Walk(SyntaxNode member)
    {
        List<IdentifierNameSyntax>? boundNames = null;
        if (_boundNames.NamesToSearch is { } searched && TreeText.SearchableTextOf(member) is { } content)
        {
            // Few names: the member's text is searched for each, and only the tokens there are looked at.
            foreach (var searchedName in searched)
            {
                foreach (var at in TreeText.WholeWordsIn(content, searchedName, member.Span))
                {
                    var token = member.FindToken(at);
                    if (WritesNameAt(token, at, searchedName) && token.Parent is IdentifierNameSyntax name)
                    {
                        (boundNames ??= new List<IdentifierNameSyntax>()).Add(name);
                    }
                }
            }

            if (boundNames is { Count: > 1 })
            {
                boundNames.Sort(static (x, y) => x.SpanStart.CompareTo(y.SpanStart));
            }
        }
        else
        {
            foreach (var node in SyntaxWalk.DescendantsAndSelf(member))
            {
                if (node is IdentifierNameSyntax name && _boundNames.MayBeBound(name.Identifier.ValueText))
                {
                    (boundNames ??= new List<IdentifierNameSyntax>()).Add(name);
                }
            }
        }

        return new Facts(member, boundNames ?? (IReadOnlyList<IdentifierNameSyntax>)Array.Empty<IdentifierNameSyntax>());
    }

    /// <summary>The values given to simple names under <paramref name="member"/>, with those names.</summary>
    private static IReadOnlyList<KeyValuePair<string, ExpressionSyntax>> AssignedValues(SyntaxNode member)
    {
        List<KeyValuePair<string, ExpressionSyntax>>? assigned = null;
        foreach (var node in SyntaxWalk.Descendants(member))
        {
            switch (node)
            {
                case VariableDeclaratorSyntax { Initializer.Value: { } initial } declarator:
                    (assigned ??= new List<KeyValuePair<string, ExpressionSyntax>>()).Add(new KeyValuePair<string, ExpressionSyntax>(declarator.Identifier.ValueText, initial));
                    break;
                case AssignmentExpressionSyntax assignment when Unparenthesized(assignment.Left) is IdentifierNameSyntax target:
                    (assigned ??= new List<KeyValuePair<string, ExpressionSyntax>>()).Add(new KeyValuePair<string, ExpressionSyntax>(target.Identifier.ValueText, assignment.Right));
                    break;
            }
        }

        return assigned ?? (IReadOnlyList<KeyValuePair<string, ExpressionSyntax>>)Array.Empty<KeyValuePair<string, ExpressionSyntax>>();
    }

    /// <summary>Whether <paramref name="token"/>, found at a position <paramref name="at"/> of the text, is an identifier <paramref name="name"/> written there (not trivia beside it).</summary>
    private static bool WritesNameAt(SyntaxToken token, int at, string name)
        => token.Span.Contains(at) && token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name;

    private static ExpressionSyntax Unparenthesized(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    /// <summary>
    /// What the walks of one member found: the names that may be bound, from the first walk (every
    /// rule that looks into the member needs them); the values assigned, from a second walk on the
    /// first question (only roundings ask). Concurrent first questions may walk twice; they find the
    /// same answer.
    /// </summary>
    internal sealed class Facts
    {
        private readonly SyntaxNode _member;
        private IReadOnlyList<KeyValuePair<string, ExpressionSyntax>>? _assigned;

        public Facts(SyntaxNode member, IReadOnlyList<IdentifierNameSyntax> boundNames)
        {
            _member = member;
            BoundNames = boundNames;
        }

        /// <summary>The simple names that may name a bound field or property, in the order of the text.</summary>
        public IReadOnlyList<IdentifierNameSyntax> BoundNames { get; }

        /// <summary>
        /// The values given to <paramref name="names"/> in the member: variables' initialisers and
        /// the right side of assignments whose target is one of the names (through parentheses).
        /// The member's text is searched for the names, and only the tokens there are looked at;
        /// the member is walked once instead when its text is not at hand or may write an
        /// identifier with escapes.
        /// </summary>
        public List<ExpressionSyntax>? ValuesAssignedTo(HashSet<string> names)
        {
            List<ExpressionSyntax>? values = null;
            if (TreeText.SearchableTextOf(_member) is { } content)
            {
                foreach (var name in names)
                {
                    foreach (var at in TreeText.WholeWordsIn(content, name, _member.Span))
                    {
                        // Most whole words are read: the text settles those without the tree.
                        if (TreeText.MayBeAssignedAfter(content, at + name.Length, _member.Span.End)
                            && ValueAssignedAt(_member.FindToken(at), at, name) is { } value)
                        {
                            (values ??= new List<ExpressionSyntax>()).Add(value);
                        }
                    }
                }

                return values;
            }

            foreach (var assigned in Assigned)
            {
                if (names.Contains(assigned.Key))
                {
                    (values ??= new List<ExpressionSyntax>()).Add(assigned.Value);
                }
            }

            return values;
        }

        /// <summary>The value given to <paramref name="name"/> where <paramref name="token"/> writes it as a declared variable or an assignment's target.</summary>
        private static ExpressionSyntax? ValueAssignedAt(SyntaxToken token, int at, string name)
        {
            if (!WritesNameAt(token, at, name))
            {
                return null;
            }

            switch (token.Parent)
            {
                case VariableDeclaratorSyntax { Initializer.Value: { } initial } declarator when declarator.Identifier == token:
                    return initial;
                case IdentifierNameSyntax identifier:
                    SyntaxNode target = identifier;
                    while (target.Parent is ParenthesizedExpressionSyntax parenthesized)
                    {
                        target = parenthesized;
                    }

                    return target.Parent is AssignmentExpressionSyntax assignment && assignment.Left == target ? assignment.Right : null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// The values given to simple names: variables' initialisers and the right side of
        /// assignments whose target is a name (through parentheses), with that name.
        /// </summary>
        private IReadOnlyList<KeyValuePair<string, ExpressionSyntax>> Assigned
        {
            get
            {
                var assigned = Volatile.Read(ref _assigned);
                if (assigned is null)
                {
                    assigned = AssignedValues(_member);
                    Volatile.Write(ref _assigned, assigned);
                }

                return assigned;
            }
        }
    }
}
