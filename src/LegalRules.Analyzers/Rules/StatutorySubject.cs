using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using LegalRules.Analysis;
using LegalRules.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegalRules.Rules;

/// <summary>
/// Whether the names around a member say it computes a French benefit or social contribution: a
/// word of the member's name, of a type containing it or of its namespace names one
/// (<c>CalculRsa</c>, <c>Prestations.Familiales</c>, <c>CotisationsSalariales</c>). Such a member's
/// decimals are amounts of that calculation, whether or not a statutory value reaches them in the
/// same statement. The words are French, and acronyms of French schemes: they name the subject in
/// French code and in nothing else (English words such as "benefit" or "payroll" do not, in code
/// that has nothing to do with French law).
/// </summary>
internal sealed class StatutorySubject
{
    // Words that mean something else in ordinary code are left out: "prestation" (a service
    // invoiced), "allocation" (of memory, of assets), "casa" (a house).
    private static readonly HashSet<string> SubjectWords = new(StringComparer.Ordinal)
    {
        // Benefits and their schemes.
        "rsa", "ppa", "aah", "aspa", "bmaf", "paje", "apl", "al", "als", "alf", "ars", "caf", "cnaf", "msa",
        "allocataire", "familiale", "minima",
        // Contributions and payroll. Not "cotisation" alone: a club's or a union's dues, an insurance premium.
        "csg", "crds", "urssaf", "smic", "pss", "pmss", "salariale", "patronale", "salarial", "patronal", "salaire", "paie", "paye",
        // Replacement incomes. Not "indemnite": a late-payment indemnity, a mileage allowance, paid leave.
        "retraite", "chomage",
    };

    // Subject words that name nothing but French social law: one name with one of them is enough to
    // say that a compilation is about it (TauxCsgDeductible, CotisationsPatronales). The others — a
    // salary, a pension, unemployment, the acronyms, the ambiguous words — take two names.
    private static readonly HashSet<string> DecisiveWords = new(StringComparer.Ordinal)
    {
        "aah", "aspa", "bmaf", "paje", "cnaf", "allocataire", "csg", "crds", "urssaf", "smic", "pmss",
        "salariale", "patronale", "salarial", "patronal",
    };

    // Words of amounts of money and of rounding them: in code about French benefits or contributions,
    // what they name is an amount of them.
    private static readonly HashSet<string> AmountWords = new(StringComparer.Ordinal)
    {
        "montant", "amount", "centime", "cent", "euro", "arrondi", "arrondir",
        // What such code computes and rounds: net or gross pay, a gain, an aid, what is left to pay, incomes.
        // Not "total" or "somme": a mean of totals, a share of a sum, are ratios as often as amounts.
        "net", "brut", "gain", "reste", "solde", "aide", "revenu", "ressource",
        // What payroll and benefits code pays and deducts: in such code, these are amounts of it.
        // Not "prestation" or "allocation": a service invoiced, an allocation of memory or of assets.
        "pension", "remuneration", "retenue", "contribution", "salary", "wage", "allowance", "benefit",
    };

    // Countries and regions other than France, and their adjectives: code whose type or namespace is
    // named after one computes that country's law (its minimum wages, contributions, allowances). And
    // French income tax, whose code rounds and computes by other texts than social law's, and banking.
    private static readonly HashSet<string> OtherLaws = new(StringComparer.Ordinal)
    {
        "us", "usa", "american", "uk", "gb", "british", "britain", "england", "english", "scotland", "wales", "ireland", "irish",
        "united", "kingdom", "germany", "german", "deutschland", "deutsch", "allemagne", "belgium", "belgique", "belge", "belgian",
        "quebec", "canada", "canadian", "canadien", "suisse", "swiss", "switzerland", "schweiz", "luxembourg", "luxembourgeois",
        "italy", "italia", "italie", "spain", "espana", "espagne", "portugal", "netherlands", "nederland", "dutch", "austria",
        "osterreich", "autriche", "monaco", "australia", "australian", "india", "japan", "china", "brazil", "mexico",
        "impot", "fiscal", "fiscale", "fiscalite",
        // Banking: a loan's or a savings plan's instalments round by the contract, not by social law
        // (SavingsService.RequiredMonthlyContribution, LoanService's reste à vivre).
        "loan", "mortgage", "saving", "epargne", "emprunt", "bank", "banque", "banking", "investment", "investissement",
    };


    // The words of each name, kept for every compilation (a keystroke's compilation has the names of
    // the one before): splitting a name into words costs more than the rest of the question. The
    // tables are emptied when they grow past their bound, so that a long-lived host does not keep
    // every name it ever met.
    private const int NamesKept = 100_000;
    private static readonly ConcurrentDictionary<string, string> SubjectOfName = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> AmountOfName = new(StringComparer.Ordinal);
    private static readonly Func<string, string> ReadSubject = name => SubjectIn(name) ?? string.Empty;
    private static readonly ConcurrentDictionary<string, string> OtherLawOfName = new(StringComparer.Ordinal);
    private static readonly Func<string, string> ReadAmount = name => WordIn(name, AmountWords) ?? string.Empty;
    private static readonly Func<string, string> ReadOtherLaw = name => WordIn(name, OtherLaws) ?? string.Empty;
    private static int namesAdded;

    private readonly Compilation _compilation;

    public StatutorySubject(Compilation compilation)
    {
        _compilation = compilation;
    }

    private static readonly ConditionalWeakTable<Compilation, StrongBox<bool>> AboutSocialLawOf = new();

    /// <summary><see cref="AboutSocialLaw"/> for this compilation.</summary>
    public bool IsAboutSocialLaw() => IsAboutSocialLaw(_compilation);

    /// <summary><see cref="AboutSocialLaw"/>, answered once per compilation.</summary>
    public static bool IsAboutSocialLaw(Compilation compilation)
        => AboutSocialLawOf.GetValue(compilation, c => new StrongBox<bool>(AboutSocialLaw(c))).Value;

    /// <summary>
    /// Whether the names of <paramref name="compilation"/>'s source, or of a project it references as
    /// source (an API over a calculation library, in the IDE and in audits), say it computes benefits or
    /// contributions: one name with a word that names nothing else (<c>TauxCsgDeductible</c>,
    /// <c>PrimeActivite</c>), or two names with other subject words (<c>CalculRsa</c> and a local
    /// <c>salaire</c>), or it cites a legal basis with the annotations. One name with another word is not
    /// enough: a yoga retreat (<c>RetraiteYoga</c>) or an insured's family situation
    /// (<c>enum SituationFamiliale</c>) is one name in code about something else, and code about social
    /// law names its subject throughout. The compiler's table of declared names answers first, without binding anything;
    /// the identifiers of every file then (locals, and the names a file uses). Assemblies referenced as
    /// files are not read: the framework's <c>RSA</c> would be taken for the benefit.
    /// </summary>
    private static bool AboutSocialLaw(Compilation compilation)
    {
        // Bookkeeping names the social bodies and charges it posts to (URSSAF, charges sociales), and
        // computes none of them.
        if (IsBookkeeping(compilation))
        {
            return false;
        }

        // An audit knows which projects reference which: a core library of a benefits module serves it.
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (ServesSocialLaw.TryGetValue(tree, out _))
            {
                return true;
            }
        }

        return NamesItsSubject(compilation, withReferences: true);
    }

    /// <summary>
    /// Whether the names of <paramref name="compilation"/>'s own source, and with
    /// <paramref name="withReferences"/> those of the projects it references as source, are enough
    /// evidence that it computes benefits or contributions.
    /// </summary>
    private static bool NamesItsSubject(Compilation compilation, bool withReferences)
    {
        var evidence = new Evidence();
        if (NamesASubject(compilation, evidence))
        {
            return true;
        }

        if (withReferences)
        {
            foreach (var reference in compilation.References)
            {
                if (reference is CompilationReference { Compilation: var referenced } && NamesASubject(referenced, evidence))
                {
                    return true;
                }
            }
        }

        // A program whose calculation is all in Main names the subject in its locals, which the
        // declaration table does not hold (decimal tauxCsg = 0.068m): the identifiers of every file are read.
        foreach (var tree in compilation.SyntaxTrees)
        {
            var names = SubjectNamesOf.GetValue(tree, ReadSubjectNames);
            if (names.CitesALegalBasis)
            {
                return true;
            }

            foreach (var (name, word) in names.Names)
            {
                if (evidence.Add(name, word))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The trees of projects that a project about social law references, as an audit found them.
    private static readonly ConditionalWeakTable<SyntaxTree, object> ServesSocialLaw = new();
    private static readonly object Marked = new();

    /// <summary>
    /// Takes the projects that a project about social law references, directly or through others, as
    /// about social law too: a core library whose rounding helpers and constants a benefits module uses
    /// (<c>Rounding.ToCents</c>) names no benefit itself. An audit, which has every project of the drop,
    /// asks this before analysing them; a build or the IDE, which see one project, judge it alone.
    /// </summary>
    internal static void MarkReferencedBySocialLaw(IEnumerable<Compilation> compilations)
    {
        // Judged by its own names, without keeping the answer: a project marked below is about social
        // law from then on. A project that is about social law only through what it references (an
        // API over one module) says nothing of its other references; nor do tests, which reference
        // every project of a solution, whatever each is about.
        var seen = new HashSet<Compilation>();
        var pending = new Stack<Compilation>();
        foreach (var compilation in compilations)
        {
            if (!IsTestProject(compilation) && NamesItsSubject(compilation, withReferences: false))
            {
                PushReferences(compilation, seen, pending);
            }
        }

        while (pending.Count > 0)
        {
            var referenced = pending.Pop();
            foreach (var tree in referenced.SyntaxTrees)
            {
                ServesSocialLaw.GetValue(tree, _ => Marked);
            }

            PushReferences(referenced, seen, pending);
        }
    }

    // The words of an accounting program's assembly name (Compta.Core, Acme.Accounting, GrandLivre).
    private static readonly HashSet<string> BookkeepingWords = new(StringComparer.Ordinal)
    {
        "compta", "comptabilite", "comptable", "accounting", "ledger", "bookkeeping", "grandlivre",
        // Invoicing: a temp agency's invoices reference its payroll, and are its clients' money.
        "facturation", "facture", "invoice", "invoicing", "billing",
    };

    /// <summary>
    /// Whether <paramref name="compilation"/> is an accounting program by its assembly's name, and that
    /// name names no benefit or contribution (<c>Compta.Core</c>, <c>Acme.Accounting.Banque</c>; not
    /// <c>Compta.Paie</c>): its chart of accounts names the social bodies and charges (431 Sécurité
    /// sociale, 645 Charges sociales, URSSAF as a creditor) that a payroll program computed.
    /// </summary>
    private static bool IsBookkeeping(Compilation compilation)
    {
        var bookkeeping = false;
        foreach (var word in NameWords.Split(compilation.AssemblyName ?? string.Empty))
        {
            var stem = NameWords.Stem(word);
            if (SubjectWords.Contains(stem))
            {
                return false;
            }

            bookkeeping |= BookkeepingWords.Contains(stem);
        }

        return bookkeeping;
    }

    // How test projects are named (Paie.Tests, PaieTests, Paie.UnitTests, Paie.Specs), and the segments
    // that follow such a name (Paie.Tests.NUnit, Paie.Tests.Integration).
    private static readonly string[] TestProjectEndings = { "Tests", "Test", "Specs", "Spec" };

    /// <summary>Whether <paramref name="compilation"/> is a project of tests, by a segment of its assembly's name.</summary>
    private static bool IsTestProject(Compilation compilation)
    {
        foreach (var segment in (compilation.AssemblyName ?? string.Empty).Split('.'))
        {
            foreach (var ending in TestProjectEndings)
            {
                if (segment.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void PushReferences(Compilation compilation, HashSet<Compilation> seen, Stack<Compilation> pending)
    {
        foreach (var reference in compilation.References)
        {
            if (reference is CompilationReference { Compilation: var referenced } && seen.Add(referenced))
            {
                pending.Push(referenced);
            }
        }
    }

    /// <summary>The distinct names found naming a subject, and whether they are enough.</summary>
    private sealed class Evidence
    {
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);
        private int _plain;
        private int _acronyms;
        private int _ambiguous;
        private readonly HashSet<string> _acronymWords = new(StringComparer.Ordinal);

        /// <summary>Counts <paramref name="name"/>, which names the subject by <paramref name="word"/>; true once the names are enough.</summary>
        public bool Add(string name, string word)
        {
            if (IsDecisive(word))
            {
                return true;
            }

            // English names of the schemes are the United States' and Britain's as much as France's; a
            // forfait logement is a hotel's too.
            if (ContextPairs.Contains(word))
            {
                return false;
            }

            // An acronym in a name that speaks of technology (RsaKeyHelper, CleRsa) is not the benefit's.
            var technical = TechnicalAcronyms.Contains(word);
            if (technical && SaysTechnology(name))
            {
                return false;
            }

            // The declaration table may be read on several threads.
            lock (_names)
            {
                if (_names.Add(name))
                {
                    if (technical && IsOneWord(name))
                    {
                        // Rsa, _rsa and RsaTests are one acronym, whatever the names that write it.
                        if (_acronymWords.Add(word))
                        {
                            _acronyms++;
                        }
                    }
                    else if (AmbiguousWords.Contains(word))
                    {
                        _ambiguous++;
                    }
                    else
                    {
                        _plain++;
                    }
                }

                // The acronym alone (Rsa) counts only with a word, or three different ones (Rsa, Apl, Caf). Types named with
                // ambiguous words count only beside a name with another word: a tests project that
                // names a retreat, a machine's idle time and a canteen's family quotient
                // (RetraiteSpirituelleTests, ChomageTechniqueTests, QuotientFamilialTests) is not about social law.
                return (_plain >= 1 && _plain + _acronyms + _ambiguous >= 2) || _acronyms >= 3;
            }
        }
    }

    // Words beside an acronym that say it is not the benefit's: RSA keys and signatures, an APL
    // interpreter, ALS matrix factorisation, MSA sequence alignment.
    private static readonly HashSet<string> TechnologyWords = new(StringComparer.Ordinal)
    {
        "key", "keypair", "sign", "signer", "signature", "verify", "verifier", "encrypt", "encryptor", "encryption",
        "decrypt", "decryptor", "decryption", "cipher", "crypto", "cryptography", "padding", "cert", "certificate",
        "pem", "pkcs", "oaep", "hash", "hasher", "modulus", "exponent", "toy", "bit", "jwt", "jwk", "token", "ssh",
        "tls", "ssl", "x509", "interpreter", "lexer", "parser", "matrix", "factorization", "solver", "alignment",
        "sequence",
        // The same in French: a key, encryption, a signature's digest, a token, padding, the modulus and
        // exponent, the primes a key is made of (CleRsa, ChiffrementRsa, GenerateurPremiersRsa). Not
        // "module": a benefits application has its RSA module (ModuleRsa).
        "cle", "cles", "clef", "chiffrement", "chiffrer", "dechiffrement", "dechiffrer", "cryptographie", "signe",
        "empreinte", "hachage", "certificat", "jeton", "bourrage", "exposant", "premier",
    };

    /// <summary>Whether <paramref name="word"/> (a stemmed word of a name) speaks of technology: keys, encryption, parsers.</summary>
    internal static bool IsTechnologyWord(string word) => TechnologyWords.Contains(word);

    /// <summary>Whether <paramref name="word"/> is an acronym that code using it may mean otherwise (RSA keys, PSS padding, APL).</summary>
    internal static bool IsTechnicalAcronym(string word) => TechnicalAcronyms.Contains(word);

    /// <summary>Whether a word of <paramref name="name"/> speaks of technology (<see cref="TechnologyWords"/>).</summary>
    private static bool SaysTechnology(string name)
    {
        foreach (var word in NameWords.Split(name))
        {
            if (TechnologyWords.Contains(NameWords.Stem(word)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="name"/> is one word, or one word and its tests': an acronym alone
    /// (<c>Rsa</c>, <c>RsaTests</c>) says nothing of what it means.
    /// </summary>
    private static bool IsOneWord(string name)
    {
        var words = 0;
        foreach (var word in NameWords.Split(name))
        {
            if (!TestWords.Contains(NameWords.Stem(word)) && ++words > 1)
            {
                return false;
            }
        }

        return true;
    }

    // The words that name a test class after the class it tests.
    private static readonly HashSet<string> TestWords = new(StringComparer.Ordinal) { "test", "tests", "spec", "specs", "fixture" };

    /// <summary>The identifiers of a tree that name a subject, and whether it cites a legal basis.</summary>
    private sealed class TreeSubjectNames
    {
        public TreeSubjectNames(List<(string Name, string Word)> names, bool citesALegalBasis)
        {
            Names = names;
            CitesALegalBasis = citesALegalBasis;
        }

        public List<(string Name, string Word)> Names { get; }

        public bool CitesALegalBasis { get; }
    }

    // Kept with each tree: in the IDE, a keystroke's compilation shares every other tree with the one before.
    private static readonly TreeTable<TreeSubjectNames> SubjectNamesOf = new();
    private static readonly Func<SyntaxTree, TreeSubjectNames> ReadSubjectNames = ReadIdentifiers;

    // Acronyms that code which uses them, rather than declares them, means otherwise: RSA and PSS keys
    // and padding in cryptography, APL a language, AL (allocation de logement, as in MontantAL) a
    // first name or a state, ALS, ARS, MSA, CAF, PPA other things. A value
    // they name is corroborated by them all the same; they do not make a whole compilation one about
    // social law through its identifiers, and count less in its declared names.
    private static readonly HashSet<string> TechnicalAcronyms = new(StringComparer.Ordinal) { "rsa", "pss", "apl", "al", "als", "alf", "ars", "msa", "caf", "ppa" };

    /// <summary>
    /// The distinct identifiers of <paramref name="tree"/> that name a subject other than by an acronym
    /// that code using it means otherwise (<see cref="TechnicalAcronyms"/>) or by an ambiguous word
    /// (<see cref="AmbiguousWords"/>), and whether it cites a legal basis with the annotations.
    /// </summary>
    private static TreeSubjectNames ReadIdentifiers(SyntaxTree tree)
    {
        var names = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (!token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken))
            {
                continue;
            }

            var text = token.ValueText;
            if (text is "StatutoryReference" or "StatutoryParameter" or "StatutoryReferenceAttribute" or "StatutoryParameterAttribute")
            {
                return new TreeSubjectNames(names, citesALegalBasis: true);
            }

            if (Kept(SubjectOfName, text, ReadSubject) is { } word && !TechnicalAcronyms.Contains(word) && !AmbiguousWords.Contains(word) && seen.Add(text))
            {
                names.Add((text, word));
            }
        }

        return new TreeSubjectNames(names, citesALegalBasis: false);
    }

    // Subject words that ordinary code also writes in another sense, as a member's or a local's name:
    // "paie" is also the verb (Jeune_conducteur_paie_une_surprime), "minima" the English plural
    // (FindLocalMinima), "familiale" any family situation (SituationFamiliale), "retraite" a retired
    // member's status or a retreat (SituationAdherent.Retraite, AideRetraiteYoga), "chomage" a rate of
    // unemployment in statistics or a machine's idle time (TauxChomage, ChomageTechnique). A type or a namespace
    // so named is about the subject (BulletinPaie, MinimaSociaux, Prestations.Familiales); a member
    // or a local so named counts for nothing.
    private static readonly HashSet<string> AmbiguousWords = new(StringComparer.Ordinal) { "paie", "paye", "minima", "familiale", "retraite", "chomage" };

    /// <summary>Whether the declared names of <paramref name="compilation"/> are enough evidence, with what <paramref name="evidence"/> holds.</summary>
    private static bool NamesASubject(Compilation compilation, Evidence evidence)
        => compilation.ContainsSymbolsWithName(IsSubjectsNamespace, SymbolFilter.Namespace)
            || compilation.ContainsSymbolsWithName(name => Kept(SubjectOfName, name, ReadSubject) is { } word && evidence.Add(name, word), SymbolFilter.Namespace | SymbolFilter.Type)
            || compilation.ContainsSymbolsWithName(name => Kept(SubjectOfName, name, ReadSubject) is { } word && !AmbiguousWords.Contains(word) && evidence.Add(name, word), SymbolFilter.Member);

    /// <summary>
    /// Whether <paramref name="word"/> (a word of a name, as <see cref="NameWords"/> gives it) names a
    /// benefit, a contribution or their scheme, and nothing else in the prose of a comment: csg, smic,
    /// rsa, salaire… — not "paie", "minima", "familiale", "retraite" or "chomage" (<see cref="AmbiguousWords"/>).
    /// </summary>
    public static bool NamesAScheme(string word) => SubjectWords.Contains(word) && !AmbiguousWords.Contains(word);

    /// <summary>
    /// Whether <paramref name="word"/> names a scheme in the prose of a comment that labels a value:
    /// <see cref="NamesAScheme"/>, and "chomage" — "allocations chômage" beside a rate of the CSG says
    /// which one it is, where a name <c>TauxChomage</c> may be a statistic's.
    /// </summary>
    public static bool NamesASchemeInProse(string word) => NamesAScheme(word) || word == "chomage";

    /// <summary>
    /// Whether a namespace's name is a subject word and nothing else (<c>Vendor.Paie</c>,
    /// <c>Prestations.Retraite</c>): code is organised by what it is about. Not an acronym that code
    /// uses in another sense (a <c>Crypto.Rsa</c> namespace).
    /// </summary>
    private static readonly Func<string, bool> IsSubjectsNamespace = name
        => Kept(SubjectOfName, name, ReadSubject) is { } word
            && !TechnicalAcronyms.Contains(word)
            && string.Equals(NameWords.Stem(NameWords.Normalize(name)), word, StringComparison.Ordinal);

    /// <summary>
    /// Whether a type containing <paramref name="symbol"/> or its namespace is named after a country
    /// other than France, or after income tax: its names say nothing of French social law.
    /// </summary>
    public static bool InOtherLaw(ISymbol symbol)
    {
        for (var named = symbol.ContainingSymbol; named is not null and not INamespaceSymbol { IsGlobalNamespace: true }; named = named.ContainingSymbol)
        {
            if (named is INamedTypeSymbol or INamespaceSymbol && Kept(OtherLawOfName, named.Name, ReadOtherLaw) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether one of <paramref name="words"/> or <paramref name="typeWords"/> (words of names, as
    /// <see cref="NameWords"/> gives them) names a scheme of French social law and nothing else: csg, smic, urssaf…
    /// </summary>
    public static bool NamesAFrenchScheme(HashSet<string> words, HashSet<string>? typeWords)
        => words.Overlaps(DecisiveWords) || (typeWords is not null && typeWords.Overlaps(DecisiveWords));

    // The roots under which French social law's parameters are kept (the embedded registry's and
    // OpenFisca-France's): benefits, social contributions, the labour market's minimum wage and hours.
    private static readonly string[] SocialLawRoots = { "prestations_sociales.", "prelevements_sociaux.", "marche_travail." };

    /// <summary>Whether the parameter of key <paramref name="key"/> is of French social law, which the names of schemes and of benefits speak of.</summary>
    public static bool IsOfSocialLaw(string key)
    {
        foreach (var root in SocialLawRoots)
        {
            if (key.StartsWith(root, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether one of <paramref name="words"/> or <paramref name="typeWords"/> names a scheme (<see cref="NamesAScheme"/>).</summary>
    public static bool NamesAnyScheme(HashSet<string> words, HashSet<string>? typeWords)
        => words.Any(NamesAScheme) || (typeWords is not null && typeWords.Any(NamesAScheme));

    /// <summary>
    /// The subject word that the names of <paramref name="symbol"/> (an accessor's property for an
    /// accessor), of its containing types or of its namespace contain, or null.
    /// </summary>
    public static string? Of(ISymbol symbol)
    {
        for (var named = MemberOf(symbol); named is not null && named is not INamespaceSymbol { IsGlobalNamespace: true }; named = named.ContainingSymbol)
        {
            if (Kept(SubjectOfName, named.Name, ReadSubject) is { } word)
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>
    /// <see cref="Of"/>, where it says something: a word that names nothing but social law, or any
    /// subject word in a compilation about social law. A type named after a yoga retreat
    /// (<c>RetraiteYoga</c>) or an RSA key (<c>RsaKeyHelper</c>) in code about something else does not
    /// make what its members round amounts of a benefit.
    /// </summary>
    public string? SubjectOf(ISymbol symbol)
        => Of(symbol) is { } word && (IsDecisive(word) || IsAboutSocialLaw(_compilation)) ? word : null;

    /// <summary>
    /// In a compilation about French benefits or contributions (a type or namespace of its source is
    /// named after one: <c>CalculRsa</c>, <c>Prestations.Familiales</c>), the word of an amount that
    /// the names of <paramref name="symbol"/> or of its types have (<c>ArrondiCentime</c>,
    /// <c>MontantExtensions</c>), or of a name in what <paramref name="rounding"/> rounds
    /// (<c>Math.Round(r.Montant, 2)</c>); null elsewhere. A shared rounding helper of such code rounds
    /// its amounts.
    /// </summary>
    public string? AmountIn(InvocationExpressionSyntax rounding, ISymbol symbol)
    {
        if (!IsAboutSocialLaw(_compilation))
        {
            return null;
        }

        for (var named = MemberOf(symbol); named is IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol or INamedTypeSymbol; named = named.ContainingSymbol)
        {
            if (Kept(AmountOfName, named.Name, ReadAmount) is { } word)
            {
                return word;
            }
        }

        if (rounding.ArgumentList.Arguments.Count > 0)
        {
            // Math.Round(r.Montant, 2), Math.Round(dRsa, 2): a name of what is rounded says it is an amount, or of which benefit.
            foreach (var node in SyntaxWalk.DescendantsAndSelf(rounding.ArgumentList.Arguments[0].Expression))
            {
                if (node is IdentifierNameSyntax name
                    && (Kept(AmountOfName, name.Identifier.ValueText, ReadAmount) ?? Kept(SubjectOfName, name.Identifier.ValueText, ReadSubject)) is { } word)
                {
                    return word;
                }
            }
        }

        // What the rounded value is kept as: var pensionNette = decimal.Round(…), retenue = Math.Round(…).
        if (ReceivingName(rounding) is { } receiving
            && (Kept(AmountOfName, receiving, ReadAmount) ?? Kept(SubjectOfName, receiving, ReadSubject)) is { } kept)
        {
            return kept;
        }

        return null;
    }

    /// <summary>
    /// Whether a name in what <paramref name="rounding"/> rounds, or the name its result is kept as, has
    /// a word of an amount (<c>Math.Round(mtAide)</c>, <c>var montant = Math.Round(x)</c>); "arrondi"
    /// says how a value is rounded, not what it is.
    /// </summary>
    public static bool NamesItsAmount(InvocationExpressionSyntax rounding)
    {
        if (rounding.ArgumentList.Arguments.Count > 0)
        {
            foreach (var node in SyntaxWalk.DescendantsAndSelf(rounding.ArgumentList.Arguments[0].Expression))
            {
                if (node is IdentifierNameSyntax name && IsAmountWord(Kept(AmountOfName, name.Identifier.ValueText, ReadAmount)))
                {
                    return true;
                }
            }
        }

        return ReceivingName(rounding) is { } receiving && IsAmountWord(Kept(AmountOfName, receiving, ReadAmount));
    }

    private static bool IsAmountWord(string? word) => word is not (null or "arrondi" or "arrondir");

    // What a rounding keeps when its names say it is a share or a statistic: never money, whatever else they say.
    private static readonly HashSet<string> ShareWords = new(StringComparer.Ordinal)
    {
        "pct", "pourcent", "pourcentage", "percent", "percentage", "ratio", "rapport", "evolution", "variance", "deviation",
        "coef", "coefficient", "proportion", "fraction",
    };

    // What a rounding keeps when its names speak of a measure and of no amount: hours, a count (a number of
    // Smics), an age.
    private static readonly HashSet<string> MeasureWords = new(StringComparer.Ordinal)
    {
        "heure", "hour", "minute", "nombre", "nb", "count", "age", "duree", "duration", "score", "indice", "jour", "day",
        // Pension points and quarters, a headcount, a working-time quotity.
        "point", "trimestre", "effectif", "headcount", "quotite",
        "ms", "millisecond", "milliseconde", "second", "seconde", "elapsed", "latency", "latence",
        // A chart's or a page's geometry: a bar's height for the Smic, a column's width.
        "pixel", "px", "height", "width", "hauteur", "largeur", "padding", "radius", "rayon",
    };

    /// <summary>
    /// Whether <paramref name="rounding"/> keeps a share, a statistic or a measure rather than money: it
    /// rounds a product by 100 to some decimals (a percentage), or the names of what it yields — the
    /// variable it is kept as, the member that returns it, the name it rounds — say a percentage, a
    /// ratio, a deviation (<c>TauxNetPct</c>, <c>EcartTypeHeures</c>), or a measure and no amount
    /// (<c>HeuresDecimales</c>, <c>EnNombreDeSmic</c>). Names alone made such a rounding an amount; they
    /// also say it is not one.
    /// </summary>
    public static bool KeepsNoMoney(InvocationExpressionSyntax rounding, ISymbol containingSymbol)
    {
        var arguments = rounding.ArgumentList.Arguments;
        if (arguments.Count == 0)
        {
            return false;
        }

        if ((arguments.Count > 1 && IsTimesHundred(arguments[0].Expression)) || IsStepIdiom(rounding))
        {
            return true;
        }

        var names = new List<string>(3);
        if (ReceivingName(rounding) is { } receiving)
        {
            names.Add(receiving);
        }
        else if (IsReturned(rounding))
        {
            names.Add(MemberOf(containingSymbol).Name);
        }

        List<string>? divided = null;
        AddRoundedNames(arguments[0].Expression, names, ref divided, depth: 0);

        // What a division divides speaks only where the other names say nothing: EnNombreDeSmic(brut / smic)
        // is a number of Smics, however much brut is money.
        var noMoney = SaysNoMoney(names) ?? (divided is null ? null : SaysNoMoney(divided)) ?? false;

        // Hours times an hourly rate are pay, whatever the hours are called: var heuresSup =
        // Round(heuresSupplementaires * tauxHoraire * 1.25m, 2). A share stays a share.
        return noMoney && (SaysAShare(names) || !MultipliesPay(arguments[0].Expression, depth: 0));
    }

    private static bool SaysAShare(List<string> names) => names.Exists(NamesAShare);

    /// <summary>
    /// Whether <paramref name="name"/> has a word of a share or a statistic; "écart" only as one
    /// (<c>EcartTypeHeures</c>, <c>EcartRelatif</c>): alone, the gap between two amounts is money.
    /// </summary>
    private static bool NamesAShare(string name)
    {
        string? previous = null;
        foreach (var word in NameWords.Split(name))
        {
            var singular = NameWords.Stem(word);
            if (ShareWords.Contains(singular) || (previous == "ecart" && singular is "type" or "relatif" or "moyen"))
            {
                return true;
            }

            previous = singular;
        }

        return false;
    }

    // Words of what is paid by the hour: a product of hours with one of them is money.
    private static readonly HashSet<string> HourlyPayWords = new(StringComparer.Ordinal) { "horaire", "hourly", "smic" };

    /// <summary>
    /// Whether <paramref name="expression"/> is a product one of whose factors (through parentheses,
    /// sums and further products) is named as money or as pay by the hour (<c>tauxHoraire</c>,
    /// <c>SmicHoraire</c>, <c>salaireBrut</c>).
    /// </summary>
    private static bool MultipliesPay(ExpressionSyntax expression, int depth)
    {
        if (Unwrapped(expression) is not BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.MultiplyExpression } product)
        {
            return false;
        }

        return IsPayFactor(product.Left, depth) || IsPayFactor(product.Right, depth);
    }

    private static bool IsPayFactor(ExpressionSyntax factor, int depth)
    {
        switch (Unwrapped(factor))
        {
            case SimpleNameSyntax name:
                return NamesPay(name.Identifier.ValueText);
            case MemberAccessExpressionSyntax access:
                return NamesPay(access.Name.Identifier.ValueText);
            case BinaryExpressionSyntax binary when depth < 4
                && binary.RawKind is (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.MultiplyExpression or (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.AddExpression:
                return IsPayFactor(binary.Left, depth + 1) || IsPayFactor(binary.Right, depth + 1);
            default:
                return false;
        }
    }

    private static bool NamesPay(string name)
        => WordIn(name, HourlyPayWords) is not null || WordIn(name, AmountWords) is { } amount && amount is not ("arrondi" or "arrondir");

    /// <summary>True when the names say a share or a measure, false when they say an amount, null when they say neither.</summary>
    private static bool? SaysNoMoney(List<string> names)
    {
        var measure = false;
        foreach (var name in names)
        {
            if (NamesAShare(name))
            {
                return true;
            }

            // "Arrondi" says how a value is rounded, not what it is (PasArrondiMinutes).
            if (WordIn(name, AmountWords) is { } amount && amount is not ("arrondi" or "arrondir"))
            {
                return false;
            }

            measure |= WordIn(name, MeasureWords) is not null;
        }

        return measure ? true : null;
    }

    /// <summary>
    /// The names of what <paramref name="expression"/> rounds: a name, a member read, the terms of a sum
    /// or a difference, and what a division divides (<c>t.TimeOfDay.TotalMinutes / PasArrondiMinutes</c>: minutes; <c>montant / nbJours</c>: an
    /// amount, whatever it is divided by). A product's operands are not read: hours times a rate are a wage.
    /// </summary>
    private static void AddRoundedNames(ExpressionSyntax expression, List<string> names, ref List<string>? divided, int depth)
    {
        switch (Unwrapped(expression))
        {
            case SimpleNameSyntax rounded:
                names.Add(rounded.Identifier.ValueText);
                break;
            case MemberAccessExpressionSyntax access:
                names.Add(access.Name.Identifier.ValueText);
                break;
            case BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.DivideExpression } division when depth < 4:
                divided ??= new List<string>(2);
                AddRoundedNames(division.Left, divided, ref divided, depth + 1);
                break;
            case BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.AddExpression or (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SubtractExpression } sum when depth < 4:
                // Height - Padding - barre: a sum or a difference is of what its terms are.
                AddRoundedNames(sum.Left, names, ref divided, depth + 1);
                AddRoundedNames(sum.Right, names, ref divided, depth + 1);
                break;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Sum" or "Average" or "Max" or "Min" }, ArgumentList.Arguments: { Count: 1 } aggregated }
                when depth < 4 && aggregated[0].Expression is SimpleLambdaExpressionSyntax { Body: ExpressionSyntax summed }:
                // mois.Sum(m => m.TotalHeuresSup): what is summed is what the total is.
                AddRoundedNames(summed, names, ref divided, depth + 1);
                break;
        }
    }

    /// <summary>
    /// <c>Math.Round(x * 2) / 2</c>, <c>Math.Round(x * 4) / 4</c>: a rounding to a half or a quarter of
    /// the unit, divided back — a step of days or hours, not money (whose step, cents, is
    /// <see cref="IsCentsIdiom"/>'s).
    /// </summary>
    private static bool IsStepIdiom(InvocationExpressionSyntax rounding)
    {
        if (rounding.ArgumentList.Arguments.Count != 1
            || Unwrapped(rounding.ArgumentList.Arguments[0].Expression) is not BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.MultiplyExpression } product
            || (StepOf(Unwrapped(product.Right)) ?? StepOf(Unwrapped(product.Left))) is not { } step)
        {
            return false;
        }

        return DivisorOf(rounding) is { } divisor && StepOf(divisor) == step;
    }

    /// <summary>What the result of <paramref name="rounding"/> is divided by, through parentheses and casts (<c>Math.Round(x * 100) / 100</c>: 100), or null.</summary>
    private static ExpressionSyntax? DivisorOf(InvocationExpressionSyntax rounding)
    {
        SyntaxNode node = rounding;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent is BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.DivideExpression } division && division.Left == node
            ? Unwrapped(division.Right)
            : null;
    }

    /// <summary>The number of steps in a unit a literal says (2, 4, 10: halves, quarters, tenths), or null.</summary>
    private static decimal? StepOf(ExpressionSyntax expression)
        => expression is LiteralExpressionSyntax { Token.Value: var value }
            && (value switch { int i => i, decimal m => m, double d => (decimal)d, float f => (decimal)f, _ => 0m }) is var step
            && step > 1m && step < 100m && decimal.Truncate(step) == step
            ? step
            : null;

    private static ExpressionSyntax Unwrapped(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    break;
                default:
                    return expression;
            }
        }
    }

    /// <summary><c>x * 100</c> or <c>100 * x</c> (through parentheses and casts, 100 written with or without a suffix or decimals).</summary>
    private static bool IsTimesHundred(ExpressionSyntax expression)
        => Unwrapped(expression) switch
        {
            BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.MultiplyExpression } product
                => IsHundred(Unwrapped(product.Left)) || IsHundred(Unwrapped(product.Right)),
            // 100m * cotisations / brut: a share of brut, in percent.
            BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.DivideExpression } division
                => IsTimesHundred(division.Left),
            _ => false,
        };

    private static bool IsHundred(ExpressionSyntax expression)
        => expression is LiteralExpressionSyntax { Token.Value: var value }
            && value switch
            {
                int i => i == 100,
                decimal m => m == 100m,
                double d => d == 100d,
                float f => f == 100f,
                _ => false,
            };

    /// <summary>
    /// <c>Math.Round(x * 100) / 100</c>: a rounding to the unit of a number of cents, divided back into
    /// euros — a rounding to cents written by hand.
    /// </summary>
    public static bool IsCentsIdiom(InvocationExpressionSyntax rounding)
    {
        if (rounding.ArgumentList.Arguments.Count != 1 || !IsTimesHundred(rounding.ArgumentList.Arguments[0].Expression))
        {
            return false;
        }

        return DivisorOf(rounding) is { } divisor && IsHundred(divisor);
    }

    /// <summary>Whether the rounding is what its member returns: <c>return Math.Round(…);</c> or <c>=> Math.Round(…)</c>.</summary>
    private static bool IsReturned(ExpressionSyntax rounding)
        => ThroughGuards(rounding).Parent is ReturnStatementSyntax or ArrowExpressionClauseSyntax;

    /// <summary>
    /// <paramref name="rounding"/> through parentheses, casts, <c>checked</c> and the branches of a
    /// guard: <c>brut == 0m ? 0m : Math.Round(…)</c> is what the member returns, or the variable keeps.
    /// </summary>
    private static SyntaxNode ThroughGuards(ExpressionSyntax rounding)
    {
        SyntaxNode node = rounding;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or CheckedExpressionSyntax
            || (node.Parent is ConditionalExpressionSyntax conditional && conditional.Condition != node))
        {
            node = node.Parent;
        }

        return node;
    }

    /// <summary>
    /// The name of the variable, field or property that <paramref name="rounding"/> is assigned to or
    /// initializes (through parentheses, casts and a guard's branches), or null: <c>var net = Math.Round(…)</c>,
    /// <c>r.Montant = decimal.Round(…)</c>, <c>Net = Math.Round(…)</c> in an object initializer.
    /// </summary>
    internal static string? ReceivingName(ExpressionSyntax rounding)
    {
        var node = ThroughGuards(rounding);
        return node.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
            AssignmentExpressionSyntax assignment when assignment.Right == node => assignment.Left switch
            {
                SimpleNameSyntax name => name.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                _ => null,
            },
            _ => null,
        };
    }

    private static ISymbol MemberOf(ISymbol symbol) => symbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : symbol;

    /// <summary>The word <paramref name="read"/> finds in <paramref name="name"/>, kept in <paramref name="table"/>; null for none.</summary>
    private static string? Kept(ConcurrentDictionary<string, string> table, string name, Func<string, string> read)
    {
        if (!table.TryGetValue(name, out var word))
        {
            // Counted apart, for both tables: a concurrent dictionary's Count takes every one of its locks.
            if (Interlocked.Increment(ref namesAdded) > NamesKept)
            {
                SubjectOfName.Clear();
                AmountOfName.Clear();
                OtherLawOfName.Clear();
                Interlocked.Exchange(ref namesAdded, 0);
            }

            word = table.GetOrAdd(name, read);
        }

        return word.Length == 0 ? null : word;
    }

    /// <summary>
    /// The subject word of <paramref name="name"/> (plural or singular) that says most, or null: a word
    /// that names nothing else (<see cref="DecisiveWords"/>, or two words that name a benefit together)
    /// before another word, before an acronym that code uses in another sense, before an ambiguous word
    /// (<c>PaieCsg</c> is about the CSG, whatever "paie" means).
    /// </summary>
    internal static string? SubjectIn(string name)
    {
        if (NamesADatumOrAPayee(name))
        {
            return null;
        }

        string? best = null;
        var bestRank = int.MaxValue;
        string? previous = null;
        string? previousWord = null;
        foreach (var word in NameWords.Split(name))
        {
            var singular = NameWords.Stem(word);

            var pair = previous is null || SubjectWords.Contains(singular) ? null : previous + " " + singular;
            // "Masse salariale" is a firm's wage bill (a works council's budget is a share of it), not a contribution.
            var found = SubjectWords.Contains(singular) && !(previous == "masse" && singular is "salariale" or "salarial") ? singular
                : pair is not null && IsPair(pair) ? pair
                : pair is not null && IsPair(previousWord + " " + word) ? previousWord + " " + word // "activity bonus": "bonus" is no plural
                : null;
            previous = singular;
            previousWord = word;
            if (found is null)
            {
                continue;
            }

            var rank = RankOf(found);
            if (rank == 0)
            {
                return found;
            }

            if (rank < bestRank)
            {
                best = found;
                bestRank = rank;
            }
        }

        return best;
    }

    // Words of a person's particulars: a name with one of them holds a datum about the person (their
    // beneficiary number, their name), whatever scheme it names.
    private static readonly HashSet<string> DatumWords = new(StringComparer.Ordinal)
    {
        "numero", "identifiant", "matricule", "nom", "prenom", "adresse", "email", "mail", "telephone", "iban", "format",
    };

    /// <summary>
    /// Whether <paramref name="name"/> holds a datum of a person's file (<c>NumeroAllocataireCaf</c>,
    /// <c>NomAllocataire</c>), kept by any program that deals with them, or a benefit paid to a third
    /// party (<c>AideLogementTiersPayant</c>: the rent a landlord receives from the CAF): neither is
    /// computed where it is so named.
    /// </summary>
    private static bool NamesADatumOrAPayee(string name)
    {
        string? previous = null;
        foreach (var word in NameWords.Split(name))
        {
            var singular = NameWords.Stem(word);
            if (DatumWords.Contains(singular) || (previous == "tier" && singular == "payant"))
            {
                return true;
            }

            previous = singular;
        }

        return false;
    }

    private static bool IsPair(string words) => SubjectPairs.Contains(words) || ContextPairs.Contains(words);

    private static int RankOf(string word)
        => IsDecisive(word) ? 0 : TechnicalAcronyms.Contains(word) ? 2 : AmbiguousWords.Contains(word) ? 3 : ContextPairs.Contains(word) ? 4 : 1;

    /// <summary>Whether <paramref name="word"/>, found by <see cref="SubjectIn"/>, names nothing but French social law.</summary>
    private static bool IsDecisive(string word) => DecisiveWords.Contains(word) || SubjectPairs.Contains(word);

    private static string? WordIn(string name, HashSet<string> words)
    {
        foreach (var word in NameWords.Split(name))
        {
            var singular = NameWords.Stem(word);
            if (words.Contains(singular))
            {
                return singular;
            }
        }

        return null;
    }

    // Names of French schemes that are also something else's: they say what a member of code about
    // French social law computes, and are no evidence that code is about it. The schemes as English
    // code names them (FranceSocialSecurityCeiling, FamilyAllowance), also the United States' social
    // security and minimum wage, a British family allowance; the RSA's and the prime d'activité's
    // forfait logement (ForfaitLogement.Calculer), also a hotel's or a trip's lodging package; the
    // indemnités journalières of sick leave, also a trip's per diem.
    private static readonly HashSet<string> ContextPairs = new(StringComparer.Ordinal)
    {
        "social security", "family allowance", "minimum wage", "activity bonus", "social debt", "disabled adult",
        "housing benefit", "housing allowance", "housing assistance",
        "forfait logement",
        // Social security's daily allowances (IndemnitesJournalieresSs), also a per diem's.
        "indemnite journaliere",
    };

    // Benefits named by two words, each of which names nothing alone: PrimeActivite, AideLogement.
    private static readonly HashSet<string> SubjectPairs = new(StringComparer.Ordinal)
    {
        "prime activite", "aide logement", "allocation logement", "minimum vieillesse", "adulte handicape", "complement familial",
        "allocation familiale", "prestation familiale", "rentree scolaire",
        // Social security, and what it pays and levies: ChargesSociales, PlafondSecuriteSociale.
        "securite sociale", "charge sociale", "cotisation sociale", "prestation sociale", "aide sociale",
        "minima sociau", // MinimaSociaux, as plurals are read
    };
}
