using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using CsCheck;

namespace LegalRules.Fuzz.Generators;

/// <summary>A member of a generated class: a constant, a field, a property or a method with a local.</summary>
internal sealed record ProgramMember(int Kind, string Name, string Literal, string Local, bool Bound);

internal sealed record ProgramClass(string Name, ImmutableArray<ProgramMember> Members);

/// <summary>A generated calculation program: classes of members holding statutory and ordinary literals.</summary>
internal sealed record CalculationProgram(ImmutableArray<ProgramClass> Classes)
{
    public const string Namespace = "Fuzz.Metamorphic";

    /// <summary>Every name the program declares (classes, members, locals), for renaming.</summary>
    public IEnumerable<string> Names => Classes.SelectMany(c => c.Members.SelectMany(m => new[] { m.Name, m.Local }).Prepend(c.Name));

    /// <summary>One file per class when <paramref name="split"/>, else one file.</summary>
    public ImmutableArray<Infrastructure.InputFile> Render(bool split)
    {
        if (!split)
        {
            return ImmutableArray.Create(new Infrastructure.InputFile("/src/Program.cs", Header + string.Concat(Classes.Select(RenderClass))));
        }

        return Classes.Select((c, i) => new Infrastructure.InputFile($"/src/Part{i}.cs", Header + RenderClass(c))).ToImmutableArray();
    }

    private const string Header = "using System;\nusing LegalRules;\n\nnamespace " + Namespace + ";\n\n";

    private static string RenderClass(ProgramClass type)
    {
        var builder = new StringBuilder();
        builder.Append("public static class ").Append(type.Name).Append("\n{\n");
        foreach (var member in type.Members)
        {
            var attribute = member.Bound ? $"    [StatutoryParameter(\"{CSharpCorpus.RsaKey}\")]\n" : string.Empty;
            builder.Append(member.Kind switch
            {
                0 => $"{attribute}    public const decimal {member.Name} = {member.Literal};\n",
                1 => $"{attribute}    public static readonly decimal {member.Name} = {member.Literal};\n",
                2 => $"{attribute}    public static decimal {member.Name} => {member.Literal};\n",
                _ => $"    public static decimal {member.Name}(decimal assiette)\n    {{\n        var {member.Local} = assiette * {member.Literal};\n        return Math.Round({member.Local}, 2, MidpointRounding.AwayFromZero) + {member.Literal};\n    }}\n",
            });
        }

        return builder.Append("}\n\n").ToString();
    }
}

/// <summary>Generates calculation programs whose names either corroborate statutory parameters or are neutral.</summary>
internal static class CalculationPrograms
{
    /// <summary>Statutory values (RSA, CRDS, Smic, PMSS, AAH, superseded RSA) and ordinary ones.</summary>
    private static readonly string[] Literals = { "646.52m", "651.69m", "635.71m", "0.005m", "11.88m", "4005m", "1033.32m", "42.5m", "3m", "0.25m", "12m", "100m", "0.5985m" };

    /// <summary>Names that share words with parameters: they make values corroborated.</summary>
    private static readonly string[] Corroborating = { "Crds", "MontantRsa", "SmicHoraire", "PlafondPmss", "Aah", "ForfaitRsa", "CrdsNonDeductible" };

    /// <summary>Neutral names; only those that share no word with any parameter are used (<see cref="NeutralNames"/>).</summary>
    public static readonly string[] NeutralPool =
    {
        "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Theta", "Iota", "Kappa", "Lambda", "Omicron", "Sigma", "Upsilon", "Omega",
        "Foo", "Bar", "Qux", "Quux", "Corge", "Grault", "Garply", "Waldo", "Fred", "Plugh", "Xyzzy", "Thud", "Wibble", "Wobble", "Wubble", "Flob",
    };

    public static Gen<CalculationProgram> Programs(IReadOnlyList<string> neutral)
    {
        var name = Gen.Frequency((2, Gen.OneOf(Corroborating)), (3, Gen.OneOf(neutral.ToArray())));
        var member = Gen.Select(Gen.Int[0, 3], name, Gen.OneOf(Literals), Gen.OneOf(neutral.ToArray()), Gen.Frequency((1, Gen.Const(true)), (6, Gen.Const(false))), (kind, n, literal, local, bound) => (kind, n, literal, local, bound));
        var type = Gen.Select(Gen.OneOf(neutral.ToArray()), member.Array[1, 6], (n, members) => (n, members));
        return type.Array[1, 4].Select(Unique);
    }

    /// <summary>Makes every declared name unique (suffixes), so that renaming one never renames another.</summary>
    private static CalculationProgram Unique((string Name, (int Kind, string Name, string Literal, string Local, bool Bound)[] Members)[] types)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        string Fresh(string candidate)
        {
            var result = candidate;
            for (var i = 2; !used.Add(result); i++)
            {
                result = candidate + Suffix(i);
            }

            return result;
        }

        var classes = types.Select(t => new ProgramClass(
            Fresh(t.Name),
            t.Members.Select(m => new ProgramMember(m.Kind, Fresh(m.Name), m.Literal, Fresh(m.Local.ToLowerInvariant()), m.Bound)).ToImmutableArray()));
        return new CalculationProgram(classes.ToImmutableArray());
    }

    /// <summary>A suffix made of letters: digits would split into words of their own.</summary>
    private static string Suffix(int i) => new string('x', i);
}
