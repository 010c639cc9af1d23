using System;
using System.Globalization;

namespace LegalRules.Fuzz.Infrastructure;

/// <summary>
/// How much to fuzz, and from which seed. CI runs the defaults: a fixed seed, so that a run that
/// passes once passes every time and a failure reproduces anywhere. A local run asks for more with
/// <c>LEGALRULES_FUZZ_ITERATIONS</c> (C# mutants; the other budgets follow in proportion) and may
/// explore other inputs with <c>LEGALRULES_FUZZ_SEED</c>.
/// </summary>
internal static class FuzzSettings
{
    public const string IterationsVariable = "LEGALRULES_FUZZ_ITERATIONS";
    public const string SeedVariable = "LEGALRULES_FUZZ_SEED";

    /// <summary>CI's budget of C# mutants: about a minute and a half on 2 cores.</summary>
    public const int DefaultCSharpMutants = 12_000;

    public const ulong DefaultSeed = 20_261_129;

    /// <summary>The seed every generator starts from; each input is generated from (seed, its index) alone.</summary>
    public static ulong Seed { get; } = ReadSeed();

    /// <summary>How many C# mutants to analyse.</summary>
    public static int CSharpMutants { get; } = ReadIterations();

    /// <summary>Registry and bindings mutants: a quarter of the C# mutants (3,000 in CI).</summary>
    public static int RegistryMutants => Math.Max(100, CSharpMutants / 4);

    /// <summary>Programs checked by each metamorphic relation (60 in CI).</summary>
    public static int MetamorphicCases => Math.Max(10, CSharpMutants / 200);

    /// <summary>True when the run is larger than CI's: extreme inputs grow too.</summary>
    public static bool IsLongRun => CSharpMutants > DefaultCSharpMutants;

    private static ulong ReadSeed()
    {
        var text = Environment.GetEnvironmentVariable(SeedVariable);
        return string.IsNullOrWhiteSpace(text) ? DefaultSeed : ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static int ReadIterations()
    {
        var text = Environment.GetEnvironmentVariable(IterationsVariable);
        return string.IsNullOrWhiteSpace(text) ? DefaultCSharpMutants : int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }
}
