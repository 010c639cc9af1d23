using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LegalRules.CodeFixes.Editing;
using LegalRules.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace LegalRules.CodeFixes.Fixes;

/// <summary>
/// LR0003, LR0002: binds a hard-coded statutory value to its parameter. A constant that is a
/// field's or property's whole value binds that member (<c>[StatutoryParameter("key")]</c>); a
/// constant inside an expression is extracted to a bound <c>private const</c> of the type, named
/// after the parameter (<c>TauxCrds</c>), or replaced by a constant of the type already bound to it.
/// For a superseded value (LR0002) the binding states the period the code computes:
/// <c>AsOf = "&lt;date the value applied from&gt;"</c>.
/// </summary>
/// <remarks>
/// Fix All runs one pass per document (a batch merge would give two extractions of the CRDS rate the
/// same name, or insert both at the same place): occurrences of the same value of the same parameter
/// in a type share one constant.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BindToParameterFixer))]
[Shared]
public sealed class BindToParameterFixer : CodeFixProvider
{
    public const string EquivalenceKey = "LegalRules.BindToParameter";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnreferencedStatutoryValue, RuleIdentifiers.SupersededValue);

    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create(async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, model, diagnostic) is not { } plan)
            {
                continue;
            }

            Resolve(model, new[] { plan });
            context.RegisterCodeFix(
                CodeAction.Create(plan.Title(), ct => FixAsync(document, ImmutableArray.Create(diagnostic), ct), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>Binds every diagnostic's value in one document, in one pass.</summary>
    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var plans = diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => Plan(root, model, d))
            .OfType<BindingPlan>()
            .ToList();
        if (plans.Count == 0)
        {
            return document;
        }

        Resolve(model, plans);
        var newLine = MemberLayout.NewLine(root);
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var boundMembers = new HashSet<MemberDeclarationSyntax>();
        var newConstants = new Dictionary<TypeDeclarationSyntax, List<FieldDeclarationSyntax>>();
        foreach (var plan in plans)
        {
            switch (plan)
            {
                case BindMember bind when boundMembers.Add(bind.Member):
                    editor.ReplaceNode(bind.Member, (current, _) => MemberLayout.AddAttribute((MemberDeclarationSyntax)current, bind.Attribute, newLine));
                    break;
                case ExtractConstant extract:
                    editor.ReplaceNode(extract.Expression, SyntaxFactory.IdentifierName(extract.Name!).WithTriviaFrom(extract.Expression));
                    if (extract.Declares)
                    {
                        if (!newConstants.TryGetValue(extract.Type, out var list))
                        {
                            newConstants[extract.Type] = list = new List<FieldDeclarationSyntax>();
                        }

                        list.Add(extract.Declaration());
                    }

                    break;
            }
        }

        foreach (var pair in newConstants)
        {
            editor.ReplaceNode(pair.Key, (current, _) => MemberLayout.InsertConstants((TypeDeclarationSyntax)current, pair.Value, newLine));
        }

        var changed = editor.GetChangedDocument();
        changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What binding a diagnostic's value takes, or null when it cannot be bound in compiling code.</summary>
    private static BindingPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        var properties = diagnostic.Properties;
        if (!properties.TryGetValue(PropertyNames.Key, out var key) || string.IsNullOrEmpty(key)
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
        {
            return null;
        }

        string? asOf = null;
        if (diagnostic.Id == RuleIdentifiers.SupersededValue)
        {
            // A superseded value is bound as of the date it applied from: the code computes that period.
            if (!properties.TryGetValue(PropertyNames.FoundValidFrom, out asOf) || string.IsNullOrEmpty(asOf))
            {
                return null;
            }
        }

        if (WholeValueOf(expression) is { } member)
        {
            return StatutoryAttributes.Parameter(model, member.SpanStart, key!, asOf) is { } attribute
                ? new BindMember(key!, asOf, member, attribute)
                : null;
        }

        // Constants live in classes, structs and records (not interfaces, nor top-level statements).
        var owner = expression.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault();
        if (owner is not (ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax)
            || owner is not TypeDeclarationSyntax type
            || model.GetDeclaredSymbol(type) is not INamedTypeSymbol typeSymbol
            || model.GetTypeInfo(expression).Type is not { } constantType
            || !CanBeConstant(constantType)
            || StatutoryAttributes.Parameter(model, expression.SpanStart, key!, asOf) is not { } extractedAttribute)
        {
            return null;
        }

        // The constant keeps the value as written when it is made of literals; an expression that names
        // local constants (out of scope in the type) is written as the value it folds to.
        var value = IsLiteralArithmetic(expression) ? expression.WithoutTrivia() : FoldedLiteral(model.GetConstantValue(expression), constantType);
        if (value is null)
        {
            return null;
        }

        properties.TryGetValue(PropertyNames.Label, out var label);
        properties.TryGetValue(PropertyNames.Found, out var found);
        return new ExtractConstant(key!, asOf, expression, value, type, typeSymbol, constantType, found ?? expression.ToString(), label, extractedAttribute);
    }

    /// <summary>The field or property whose whole value <paramref name="expression"/> is (parentheses aside), if any.</summary>
    private static MemberDeclarationSyntax? WholeValueOf(ExpressionSyntax expression)
    {
        SyntaxNode value = expression;
        while (value.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            value = parenthesized;
        }

        return value.Parent switch
        {
            // One variable only: the attribute would bind every variable of the declaration.
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } } } => field,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property,
            ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } => property,
            ArrowExpressionClauseSyntax { Parent: AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax property } accessor } when accessor.IsKind(SyntaxKind.GetAccessorDeclaration) => property,
            ReturnStatementSyntax { Parent: BlockSyntax { Statements.Count: 1, Parent: AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax property } accessor } } when accessor.IsKind(SyntaxKind.GetAccessorDeclaration) => property,
            _ => null,
        };
    }

    private static bool IsLiteralArithmetic(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax => true,
        ParenthesizedExpressionSyntax parenthesized => IsLiteralArithmetic(parenthesized.Expression),
        PrefixUnaryExpressionSyntax unary => IsLiteralArithmetic(unary.Operand),
        CastExpressionSyntax { Type: PredefinedTypeSyntax } cast => IsLiteralArithmetic(cast.Expression),
        BinaryExpressionSyntax binary => IsLiteralArithmetic(binary.Left) && IsLiteralArithmetic(binary.Right),
        _ => false,
    };

    /// <summary>A folded constant written as a literal of its type: <c>48060m</c>, <c>0.005</c>, <c>4005</c>.</summary>
    private static ExpressionSyntax? FoldedLiteral(Optional<object?> constant, ITypeSymbol type)
    {
        if (!constant.HasValue || constant.Value is null)
        {
            return null;
        }

        var invariant = CultureInfo.InvariantCulture;
        var text = constant.Value switch
        {
            decimal d => d.ToString(invariant) + "m",
            double d when !double.IsNaN(d) && !double.IsInfinity(d) => WithPoint(d.ToString("R", invariant)),
            float f when !float.IsNaN(f) && !float.IsInfinity(f) => f.ToString("R", invariant) + "f",
            long l => l.ToString(invariant) + "L",
            ulong ul => ul.ToString(invariant) + "UL",
            uint ui => ui.ToString(invariant) + "U",
            System.IFormattable other when type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Byte or SpecialType.System_SByte => other.ToString(null, invariant),
            _ => null,
        };
        return text is null ? null : SyntaxFactory.ParseExpression(text);

        static string WithPoint(string text) => text.Contains(".") || text.Contains("E") ? text : text + ".0";
    }

    private static bool CanBeConstant(ITypeSymbol type) => type.SpecialType is
        SpecialType.System_Decimal or SpecialType.System_Double or SpecialType.System_Single or
        SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or
        SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Byte or SpecialType.System_SByte;

    /// <summary>
    /// Names the constants to extract: occurrences of one value of one parameter in a type share a
    /// constant — one the type already binds to it, or a new one whose name no member and nothing in
    /// scope at any use already has.
    /// </summary>
    private static void Resolve(SemanticModel model, IReadOnlyList<BindingPlan> plans)
    {
        var planned = new Dictionary<TypeDeclarationSyntax, HashSet<string>>();
        foreach (var group in plans.OfType<ExtractConstant>().GroupBy(p => (p.Type, p.Key, p.AsOf, p.ConstantType.SpecialType, p.Found)))
        {
            var extracts = group.ToList();
            var first = extracts[0];
            if (!planned.TryGetValue(first.Type, out var names))
            {
                planned[first.Type] = names = new HashSet<string>(System.StringComparer.Ordinal);
            }

            var existing = ExistingBoundConstant(model, first, extracts);
            var name = existing ?? ConstantNames.Unique(
                ConstantNames.For(first.Label, first.Key),
                candidate => names.Contains(candidate) || IsTaken(model, first.TypeSymbol, candidate, extracts));
            names.Add(name);
            for (var i = 0; i < extracts.Count; i++)
            {
                extracts[i].Name = name;
                extracts[i].Declares = existing is null && i == 0;
            }
        }
    }

    /// <summary>A constant of the type (or a containing type) already bound to the same parameter and date, visible at every use.</summary>
    private static string? ExistingBoundConstant(SemanticModel model, ExtractConstant first, IReadOnlyList<ExtractConstant> uses)
    {
        for (var type = first.TypeSymbol; type is not null; type = type.ContainingType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { IsConst: true } field
                    && SymbolEqualityComparer.Default.Equals(field.Type, first.ConstantType)
                    && StatutoryAttributes.TryGetBinding(field, out var key, out var asOf)
                    && key == first.Key
                    && asOf == first.AsOf
                    && uses.All(u => model.LookupSymbols(u.Expression.SpanStart, name: field.Name).Any(s => SymbolEqualityComparer.Default.Equals(s, field))))
                {
                    return field.Name;
                }
            }
        }

        return null;
    }

    private static bool IsTaken(SemanticModel model, INamedTypeSymbol type, string name, IReadOnlyList<ExtractConstant> uses)
        => type.Name == name
            || type.MemberNames.Contains(name)
            || type.TypeParameters.Any(p => p.Name == name)
            || uses.Any(u => !model.LookupSymbols(u.Expression.SpanStart, name: name).IsEmpty);

    private abstract class BindingPlan
    {
        protected BindingPlan(string key, string? asOf)
        {
            Key = key;
            AsOf = asOf;
        }

        public string Key { get; }

        public string? AsOf { get; }

        public abstract string Title();
    }

    private sealed class BindMember : BindingPlan
    {
        public BindMember(string key, string? asOf, MemberDeclarationSyntax member, AttributeSyntax attribute)
            : base(key, asOf)
        {
            Member = member;
            Attribute = attribute;
        }

        public MemberDeclarationSyntax Member { get; }

        public AttributeSyntax Attribute { get; }

        public override string Title()
        {
            var name = Member switch
            {
                FieldDeclarationSyntax field => field.Declaration.Variables[0].Identifier.ValueText,
                PropertyDeclarationSyntax property => property.Identifier.ValueText,
                _ => string.Empty,
            };
            return AsOf is null ? FixTitles.Of("Fix_BindMember", name, Key) : FixTitles.Of("Fix_BindMemberAsOf", name, Key, AsOf);
        }
    }

    private sealed class ExtractConstant : BindingPlan
    {
        public ExtractConstant(string key, string? asOf, ExpressionSyntax expression, ExpressionSyntax value, TypeDeclarationSyntax type, INamedTypeSymbol typeSymbol, ITypeSymbol constantType, string found, string? label, AttributeSyntax attribute)
            : base(key, asOf)
        {
            Expression = expression;
            Value = value;
            Type = type;
            TypeSymbol = typeSymbol;
            ConstantType = constantType;
            Found = found;
            Label = label;
            Attribute = attribute;
        }

        public ExpressionSyntax Expression { get; }

        /// <summary>The constant's initializer.</summary>
        public ExpressionSyntax Value { get; }

        public TypeDeclarationSyntax Type { get; }

        public INamedTypeSymbol TypeSymbol { get; }

        public ITypeSymbol ConstantType { get; }

        /// <summary>The value found, as a decimal: occurrences with the same value share a constant.</summary>
        public string Found { get; }

        public string? Label { get; }

        public AttributeSyntax Attribute { get; }

        /// <summary>The constant's name, set by <see cref="Resolve"/>.</summary>
        public string? Name { get; set; }

        /// <summary>True for the occurrence that declares a new constant; the others, and reuses, only refer to it.</summary>
        public bool Declares { get; set; }

        public override string Title()
            => !Declares ? FixTitles.Of("Fix_UseBoundMember", Name!, Key)
                : AsOf is null ? FixTitles.Of("Fix_ExtractBoundConstant", Name!, Key)
                : FixTitles.Of("Fix_ExtractBoundConstantAsOf", Name!, Key, AsOf);

        /// <summary><c>[StatutoryParameter("key")] private const decimal TauxCrds = 0.005m;</c>, laid out by <see cref="MemberLayout"/>.</summary>
        public FieldDeclarationSyntax Declaration()
        {
            var type = SyntaxFactory.ParseTypeName(ConstantType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
            var declarator = SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(Name!))
                .WithInitializer(SyntaxFactory.EqualsValueClause(Value)
                    .WithEqualsToken(SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)));
            return SyntaxFactory.FieldDeclaration(SyntaxFactory.VariableDeclaration(type.WithTrailingTrivia(SyntaxFactory.Space), SyntaxFactory.SingletonSeparatedList(declarator)))
                .WithModifiers(SyntaxFactory.TokenList(
                    SyntaxFactory.Token(SyntaxKind.PrivateKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.Token(SyntaxKind.ConstKeyword).WithTrailingTrivia(SyntaxFactory.Space)))
                .WithAttributeLists(SyntaxFactory.SingletonList(SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(Attribute))));
        }
    }
}
