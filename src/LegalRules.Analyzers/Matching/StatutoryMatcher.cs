using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LegalRules.Analysis;
using LegalRules.Configuration;
using LegalRules.Registry;
using LegalRules.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegalRules.Matching;

/// <summary>
/// Decides whether a constant in code that is not bound is believably a statutory value: its exact
/// value equals a dated value within the look-back window, and the value is distinctive or names
/// around it corroborate the parameter. Shared by the rules that ask "is this a statutory value?"
/// (LR0002, LR0003, and the arithmetic rules).
/// </summary>
internal static class StatutoryMatcher
{
    /// <summary>
    /// The believable match of a constant operation, or null. The common path — a value that no
    /// parameter has — costs a type test and one hash lookup.
    /// </summary>
    public static StatutoryMatch? Match(IOperation operation, object value, ISymbol containingSymbol, LegalRulesCompilationState state, LegalRulesOptions options)
    {
        var registry = state.RegistryFor(options);
        if (!TryReadExactly(operation, value, registry, out var number))
        {
            return null;
        }

        var occurrences = registry.Find(number);
        if (occurrences.IsEmpty || IsExcludedContext(operation, containingSymbol, state))
        {
            return null;
        }

        return Choose(registry, occurrences, number, options.AsOf, options.WindowStart, operation, containingSymbol);
    }

    /// <summary>
    /// From syntax, before anything is bound: false only when <see cref="Match"/> cannot match a
    /// literal of value <paramref name="number"/> — no occurrence in the look-back window, or the value
    /// distinctive neither as an amount nor as an integer and no occurrence's parameter corroborated
    /// by the words syntax finds around it (a superset of those <see cref="Match"/> reads bound; the
    /// parameters an argument may be passed as are read from <paramref name="parameterNames"/>).
    /// </summary>
    public static bool MayMatch(ImmutableArray<ValueOccurrence> occurrences, decimal number, ExpressionSyntax literal, ISymbol containingSymbol, LegalRulesOptions options, ParameterNames parameterNames)
    {
        // Distinctive as an integer implies distinctive as an amount: the amount's test is the wider one.
        var distinctive = Distinctiveness.IsDistinctive(number, integerUse: false);
        var read = false;
        foreach (var occurrence in occurrences)
        {
            if (!InWindow(occurrence, options.AsOf, options.WindowStart))
            {
                continue;
            }

            if (distinctive)
            {
                return true;
            }

            // The words are only looked into here: one set per thread serves literal after literal.
            var words = wordsOfThread ??= new CodeWords();
            if (!read)
            {
                words.Clear();
                read = true;
                if (!CodeContext.AddSyntacticWordsAround(literal, containingSymbol, parameterNames, words))
                {
                    return true; // syntax cannot tell
                }
            }

            if (words.Corroborates(occurrence.Parameter))
            {
                return true;
            }
        }

        return false;
    }

    [ThreadStatic]
    private static CodeWords? wordsOfThread;

    /// <summary>Reads a constant as an exact decimal, first asking the registry cheaply whether it could match at all.</summary>
    private static bool TryReadExactly(IOperation operation, object value, StatutoryRegistry registry, out decimal number)
    {
        switch (value)
        {
            case double binary:
                if (!registry.MayContain(binary))
                {
                    number = 0m;
                    return false;
                }

                return ConstantValues.TryGetDecimal(binary, operation.Syntax, out number);
            case float single:
                // A float's nearest double is not the decimal it was written as: read the literal's text.
                number = 0m;
                return operation.Syntax is LiteralExpressionSyntax && ConstantValues.TryGetDecimal(single, operation.Syntax, out number);
            default:
                return ConstantValues.TryGetDecimal(value, operation.Syntax, out number);
        }
    }

    /// <summary>
    /// Parameters that may share a value before one word of a name is no longer enough to tell
    /// which of them a non-distinctive constant is: from there on, unless the names speak of what
    /// most of them are (<see cref="IsCharacteristic"/>), two words must agree, one of them from the
    /// names nearest the constant (not only its type's name). In a registry of a few dozen
    /// parameters a value is rarely shared by more; in the whole OpenFisca-France tree 2, 0.5 or 12
    /// are the values of dozens of parameters, and one word of a class name met one of them by chance.
    /// </summary>
    internal const int AmbiguousFrom = 4;

    /// <summary>
    /// The believable match: values in force before past ones (LR0003 over LR0002), corroborated
    /// before merely distinctive, the parameter the names say most of (<see cref="Affinity"/>) and
    /// then the one they leave less unsaid, recent before old, then by key for a stable choice. A value that
    /// only its distinctiveness makes believable is not one when it belongs to an evenly spaced
    /// series of literals (<see cref="ValueSeries"/>), is the only such value of a row of data
    /// (<see cref="DataRows"/>), or is given a name that says it is something else (<see cref="ForeignNames"/>).
    /// </summary>
    private static StatutoryMatch? Choose(StatutoryRegistry registry, ImmutableArray<ValueOccurrence> occurrences, decimal number, DateTime asOf, DateTime windowStart, IOperation operation, ISymbol containingSymbol)
    {
        var integerUse = IsIntegerUse(operation);
        var distinctive = Distinctiveness.IsDistinctive(number, integerUse);

        // A small whole number that code uses as a whole number (a count, a bound of a loop, an age)
        // is as weak a sign as an ambiguous value: two words.
        var ambiguous = !distinctive && !integerUse && CountParameters(occurrences, asOf, windowStart, AmbiguousFrom) >= AmbiguousFrom;
        // 4005 kept as an int and named Pmss2026 is the ceiling: from three significant digits, one word is enough.
        var strict = !distinctive && integerUse && Distinctiveness.SignificantDigits(number) < 3;
        HashSet<string>? near = null;
        HashSet<string>? typeWords = null;
        RegistryWords? registryWords = null;
        if (ambiguous)
        {
            near = CodeContext.WordsAround(operation, containingSymbol, out typeWords);
            registryWords = RegistryWords.For(registry);
            strict = !IsCharacteristic(occurrences, asOf, windowStart, near, registryWords);
        }

        StatutoryMatch? best = null;
        bool? byChance = null;
        bool? otherLaw = null;
        bool? aboutSocialLaw = null;
        foreach (var occurrence in occurrences)
        {
            if (!InWindow(occurrence, asOf, windowStart))
            {
                continue; // not yet in force, or out of the look-back window
            }

            near ??= CodeContext.WordsAround(operation, containingSymbol, out typeWords);
            registryWords ??= RegistryWords.For(registry);
            var corroborated = Corroborates(near, typeWords, occurrence.Parameter, registryWords, strict);
            if (!distinctive && !corroborated)
            {
                continue;
            }

            // A tolerance declared in a type named after the CRDS is the computation's error, not the CRDS.
            if (corroborated
                && NameWords.SharedWords(near, occurrence.Parameter, registryWords, 1) == 0
                && ForeignNames.NamesAPrecision(operation))
            {
                continue;
            }

            // In another country's law, or in income tax, the names French social law shares with them
            // (a pension, an allowance, a minimum wage) corroborate nothing; a scheme only French law has
            // still does (TauxCsgDeductible in a tax simulator).
            if (corroborated
                && (otherLaw ??= StatutorySubject.InOtherLaw(containingSymbol))
                && !StatutorySubject.NamesAFrenchScheme(near, typeWords))
            {
                continue;
            }

            // In code that names no French benefit or contribution anywhere, one word of a name is a
            // coincidence of vocabulary for a parameter of social law: a fuel card's monthly ceiling
            // (PlafondMensuel = 4005m), a sensor's slope (PenteNominale = 0.61). The name of a scheme
            // (HourlyRate = 11.88m; // SMIC), or two words of the parameter, still say which value it
            // is. A registry's parameters of other law are named in their own words.
            if (corroborated
                && StatutorySubject.IsOfSocialLaw(occurrence.Parameter.Key)
                && !(aboutSocialLaw ??= operation.SemanticModel is { } model && StatutorySubject.IsAboutSocialLaw(model.Compilation))
                && !StatutorySubject.NamesAnyScheme(near, typeWords)
                && !Corroborates(near, typeWords, occurrence.Parameter, registryWords, strict: true))
            {
                corroborated = false;
                if (!distinctive)
                {
                    continue;
                }
            }

            // A whole number kept as a whole number that equals a past value (41136, a town's population
            // and the ceiling of 2020–2022) is a count or a code unless names say otherwise.
            var inForce = occurrence.Parameter.IndexAt(asOf) == occurrence.Index;
            if (!corroborated && integerUse && !inForce)
            {
                continue;
            }

            // Distinctive but named by nothing: not a statutory value if it is one step of a grid of
            // numbers, the one statutory-looking number of a row of data, a cell of a column of data
            // whose other numbers are not statutory, or named as something else.
            if (!corroborated && (byChance ??= ValueSeries.IsInSeries(operation.Syntax, number)
                || DataRows.IsLoneValueOfRow(operation.Syntax, registry, asOf, windowStart)
                || DataColumns.IsChanceValueOfColumn(operation.Syntax, registry, asOf, windowStart)
                || ForeignNames.NameSaysOtherwise(operation, containingSymbol)))
            {
                continue;
            }

            var affinity = corroborated ? Affinity(near, typeWords, occurrence.Parameter, registryWords) : 0;
            var candidate = new StatutoryMatch(number, occurrence, inForce, corroborated, affinity);
            if (best is null || candidate.IsBetterThan(best))
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>
    /// How much the names say of <paramref name="parameter"/>, to choose between parameters that share
    /// the value: the specific words shared with the nearest names count twice, those of the type once.
    /// <c>TauxCsgActiviteImposable = 0.024m</c> is the CSG on earnings (csg, activite, imposable), not the
    /// CSG on unemployment benefits (csg, imposable), which has the same rate.
    /// </summary>
    private static int Affinity(HashSet<string> near, HashSet<string>? typeWords, StatutoryParameter parameter, RegistryWords registryWords)
        => (2 * NameWords.SharedWords(near, parameter, registryWords, int.MaxValue))
            + (typeWords is null ? 0 : NameWords.SharedWords(typeWords, parameter, registryWords, int.MaxValue));

    /// <summary>One specific word shared with the parameter; when <paramref name="strict"/>, two, one of them from the nearest names.</summary>
    private static bool Corroborates(HashSet<string> near, HashSet<string>? typeWords, StatutoryParameter parameter, RegistryWords registryWords, bool strict)
    {
        var needed = strict ? 2 : 1;
        var shared = NameWords.SharedWords(near, parameter, registryWords, needed);
        if (shared >= needed)
        {
            return true;
        }

        if (typeWords is null || (strict && shared == 0))
        {
            return false;
        }

        return shared + NameWords.SharedWords(typeWords, parameter, registryWords, needed - shared) >= needed;
    }

    /// <summary>Whether the dated value was in force at some time between <paramref name="windowStart"/> and <paramref name="asOf"/>.</summary>
    internal static bool InWindow(ValueOccurrence occurrence, DateTime asOf, DateTime windowStart)
    {
        var period = occurrence.Period;
        return period.From <= asOf && (period.To is not { } to || to >= windowStart);
    }

    /// <summary>How many parameters (not dated values) have the value within the window, counted up to <paramref name="limit"/>.</summary>
    private static int CountParameters(ImmutableArray<ValueOccurrence> occurrences, DateTime asOf, DateTime windowStart, int limit)
    {
        var count = 0;
        StatutoryParameter? previous = null;
        for (var i = 0; i < occurrences.Length && count < limit; i++)
        {
            var occurrence = occurrences[i];
            // Occurrences of one parameter are adjacent: the index is built parameter by parameter.
            if (!ReferenceEquals(occurrence.Parameter, previous) && InWindow(occurrence, asOf, windowStart))
            {
                previous = occurrence.Parameter;
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// True when the names nearest the constant (not its type's) are words of at least half of the parameters that
    /// have its value: the value is characteristic of what the names speak of (0.038 named "csg"
    /// among CSG rates), not one of many parameters a word met by chance (12 named "ressource"
    /// among a hundred parameters of every kind).
    /// </summary>
    private static bool IsCharacteristic(ImmutableArray<ValueOccurrence> occurrences, DateTime asOf, DateTime windowStart, HashSet<string> near, RegistryWords registryWords)
    {
        int candidates = 0, named = 0;
        StatutoryParameter? previous = null;
        foreach (var occurrence in occurrences)
        {
            if (ReferenceEquals(occurrence.Parameter, previous) || !InWindow(occurrence, asOf, windowStart))
            {
                continue;
            }

            previous = occurrence.Parameter;
            candidates++;
            if (NameWords.SharedWords(near, occurrence.Parameter, registryWords, stopAt: 1) > 0)
            {
                named++;
            }
        }

        return named * 2 >= candidates;
    }

    /// <summary>
    /// True where a whole number stays a whole number (<c>int code = 4005</c>), as codes, ports and
    /// counts do; false where it is written or converted as an amount (<c>4005m</c>, <c>decimal p = 4005</c>).
    /// </summary>
    private static bool IsIntegerUse(IOperation operation)
    {
        if (operation.Type?.SpecialType is not (SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Int16 or SpecialType.System_UInt16))
        {
            return false;
        }

        for (var parent = operation.Parent; parent is IConversionOperation or IParenthesizedOperation or IUnaryOperation; parent = parent.Parent)
        {
            if (parent.Type?.SpecialType is SpecialType.System_Decimal or SpecialType.System_Double or SpecialType.System_Single)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a word of <paramref name="name"/> is an age (<c>AgesAllocationsFamiliales</c>, <c>AgeSupplementThreshold</c>).</summary>
    private static bool NamesAnAge(string name)
    {
        foreach (var word in NameWords.Split(name))
        {
            if (word is "age" or "ages")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsExcludedContext(IOperation operation, ISymbol containingSymbol, LegalRulesCompilationState state)
    {
        // Bound members are LR0001's; enum members are codes, not amounts, unless the enum lists ages
        // (FamilyAllowanceAge.AgeSupplementThreshold = 14); attribute arguments are metadata.
        var member = containingSymbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : containingSymbol;
        if (member is IFieldSymbol { ContainingType: { TypeKind: TypeKind.Enum } enumType } && !NamesAnAge(enumType.Name) && !NamesAnAge(member.Name))
        {
            return true;
        }

        if (member is IFieldSymbol or IPropertySymbol && StatutoryBindings.IsBound(member, state))
        {
            return true;
        }

        // Attribute arguments are short: looking further up than names are looked for (CodeContext) only costs time.
        var levels = 0;
        for (var node = operation.Syntax.Parent; node is not null && levels++ < CodeContext.MaxLevels; node = node.Parent)
        {
            if (node is AttributeSyntax)
            {
                // A row of a parameterised test is values, not metadata; so are a member's bounds and default.
                return operation.Syntax is not ExpressionSyntax value
                    || (TestDataRows.ParameterOf(value) is null && MemberValueAttributes.DecoratedName(value) is null);
            }

            if (node is MemberDeclarationSyntax or StatementSyntax)
            {
                break;
            }
        }

        return false;
    }
}

/// <summary>A constant in code believed to be a dated value of a parameter.</summary>
internal sealed class StatutoryMatch
{
    public StatutoryMatch(decimal value, ValueOccurrence occurrence, bool inForce, bool corroborated, int affinity)
    {
        Value = value;
        Occurrence = occurrence;
        InForce = inForce;
        Corroborated = corroborated;
        Affinity = affinity;
    }

    /// <summary>The constant's exact value.</summary>
    public decimal Value { get; }

    public ValueOccurrence Occurrence { get; }

    public StatutoryParameter Parameter => Occurrence.Parameter;

    /// <summary>True when the value is the one in force at the evaluation date.</summary>
    public bool InForce { get; }

    /// <summary>True when names around the constant share a word with the parameter.</summary>
    public bool Corroborated { get; }

    /// <summary>How many words the names share with the parameter (the nearest names' count twice); 0 when not corroborated.</summary>
    public int Affinity { get; }

    public bool IsBetterThan(StatutoryMatch other)
    {
        if (InForce != other.InForce)
        {
            return InForce;
        }

        if (Corroborated != other.Corroborated)
        {
            return Corroborated;
        }

        if (Affinity != other.Affinity)
        {
            return Affinity > other.Affinity;
        }

        // The names say as much of both: the parameter they leave less unsaid, the plainer one
        // (TauxCsgNonDeductible: the CSG on earnings, not its variant on unemployment benefits).
        if (Corroborated && Parameter.Words.Length != other.Parameter.Words.Length)
        {
            return Parameter.Words.Length < other.Parameter.Words.Length;
        }

        var byDate = Occurrence.Value.From.CompareTo(other.Occurrence.Value.From);
        if (byDate != 0)
        {
            return byDate > 0;
        }

        return string.CompareOrdinal(Parameter.Key, other.Parameter.Key) < 0;
    }
}
