using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LegalRules.Cli.Audit.Projects;

/// <summary>The fixed reference assemblies a project is compiled against, chosen from its target framework.</summary>
internal sealed class ReferenceSet
{
    public static readonly ReferenceSet Net100 = new(".NET 10.0", () => Basic.Reference.Assemblies.Net100.References.All);
    public static readonly ReferenceSet Net90 = new(".NET 9.0", () => Basic.Reference.Assemblies.Net90.References.All);
    public static readonly ReferenceSet Net80 = new(".NET 8.0", () => Basic.Reference.Assemblies.Net80.References.All);
    public static readonly ReferenceSet NetStandard20 = new(".NET Standard 2.0", () => Basic.Reference.Assemblies.NetStandard20.References.All);
    public static readonly ReferenceSet Net472 = new(".NET Framework 4.7.2", () => Basic.Reference.Assemblies.Net472.References.All);

    private readonly Lazy<ImmutableArray<MetadataReference>> _references;

    /// <summary>The references MSBuild resolved (<c>--msbuild</c>): named, never loaded by the tool.</summary>
    public static ReferenceSet Resolved(string name) => new(name, Array.Empty<PortableExecutableReference>);

    private ReferenceSet(string name, Func<IEnumerable<PortableExecutableReference>> references)
    {
        Name = name;

        // Loaded on first use: an audit of .NET 8 code never maps the .NET Framework assemblies.
        _references = new Lazy<ImmutableArray<MetadataReference>>(() => references().ToImmutableArray<MetadataReference>());
    }

    /// <summary>What reports show: ".NET 8.0", ".NET Framework 4.7.2".</summary>
    public string Name { get; }

    public ImmutableArray<MetadataReference> References => _references.Value;
}

/// <summary>
/// A target framework moniker read from a project (<c>net8.0</c>, <c>netstandard2.0</c>,
/// <c>net472</c>), and what the SDK derives from it: the reference set (the nearest one the tool
/// ships when there is no exact one), the implicit preprocessor symbols and the default C# version.
/// </summary>
internal sealed class TargetFramework
{
    private static readonly Version[] NetVersions = { new(5, 0), new(6, 0), new(7, 0), new(8, 0), new(9, 0), new(10, 0) };
    private static readonly Version[] NetCoreAppVersions = { new(1, 0), new(1, 1), new(2, 0), new(2, 1), new(2, 2), new(3, 0), new(3, 1) };
    private static readonly Version[] NetStandardVersions = { new(1, 0), new(1, 1), new(1, 2), new(1, 3), new(1, 4), new(1, 5), new(1, 6), new(2, 0), new(2, 1) };
    private static readonly string[] NetFrameworkVersions = { "20", "35", "40", "45", "451", "452", "46", "461", "462", "47", "471", "472", "48", "481" };

    private TargetFramework(string moniker, FrameworkFamily family, Version version, string? frameworkDigits)
    {
        Moniker = moniker;
        Family = family;
        Version = version;
        FrameworkDigits = frameworkDigits;
    }

    /// <summary>The moniker as the project writes it.</summary>
    public string Moniker { get; }

    public FrameworkFamily Family { get; }

    public Version Version { get; }

    /// <summary>For .NET Framework, the digits of the moniker ("472").</summary>
    private string? FrameworkDigits { get; }

    /// <summary>A project that names no framework (a loose file, an unreadable project): the newest .NET.</summary>
    public static TargetFramework Default { get; } = new("net10.0", FrameworkFamily.Net, new Version(10, 0), null);

    /// <summary>Reads a moniker; an old-style project's <c>TargetFrameworkVersion</c> (<c>v4.7.2</c>) too. Null when unknown.</summary>
    public static TargetFramework? Parse(string moniker)
    {
        var text = moniker.Trim().ToLowerInvariant();
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var core = dash < 0 ? text : text.Substring(0, dash);
        if (core.StartsWith("v4.", StringComparison.Ordinal) || core.StartsWith("v3.", StringComparison.Ordinal) || core.StartsWith("v2.", StringComparison.Ordinal))
        {
            var digits = core.Substring(1).Replace(".", string.Empty, StringComparison.Ordinal);
            return Framework("net" + digits, moniker.Trim());
        }

        if (core.StartsWith("netstandard", StringComparison.Ordinal) && Version.TryParse(core.AsSpan(11), out var standard))
        {
            return new TargetFramework(moniker.Trim(), FrameworkFamily.NetStandard, standard, null);
        }

        if (core.StartsWith("netcoreapp", StringComparison.Ordinal) && Version.TryParse(core.AsSpan(10), out var coreApp))
        {
            return new TargetFramework(moniker.Trim(), FrameworkFamily.NetCoreApp, coreApp, null);
        }

        if (core.StartsWith("net", StringComparison.Ordinal))
        {
            var rest = core.Substring(3);
            if (rest.Contains('.', StringComparison.Ordinal) && Version.TryParse(rest, out var net) && net.Major >= 5)
            {
                return new TargetFramework(moniker.Trim(), FrameworkFamily.Net, net, null);
            }

            if (rest.Length is >= 2 and <= 3 && rest.All(char.IsDigit))
            {
                return Framework(core, moniker.Trim());
            }
        }

        return null;
    }

    private static TargetFramework Framework(string core, string moniker)
    {
        var digits = core.Substring(3);
        var version = new Version(digits[0] - '0', digits[1] - '0', digits.Length > 2 ? digits[2] - '0' : 0);
        return new TargetFramework(moniker, FrameworkFamily.NetFramework, version, digits);
    }

    /// <summary>The reference assemblies the project is compiled against.</summary>
    public ReferenceSet References => Family switch
    {
        FrameworkFamily.Net when Version.Major >= 10 => ReferenceSet.Net100,
        FrameworkFamily.Net when Version.Major == 9 => ReferenceSet.Net90,
        FrameworkFamily.Net or FrameworkFamily.NetCoreApp => ReferenceSet.Net80,
        FrameworkFamily.NetStandard when Version < new Version(2, 1) => ReferenceSet.NetStandard20,
        FrameworkFamily.NetStandard => ReferenceSet.Net80,
        _ => ReferenceSet.Net472,
    };

    /// <summary>Whether the reference set is the framework itself, or the nearest one the tool ships.</summary>
    public bool IsExact => Family switch
    {
        FrameworkFamily.Net => Version.Major is 8 or 9 or 10,
        FrameworkFamily.NetStandard => Version == new Version(2, 0),
        FrameworkFamily.NetFramework => FrameworkDigits == "472",
        _ => false,
    };

    /// <summary>The preprocessor symbols the SDK defines for the framework (<c>NET</c>, <c>NET8_0</c>, <c>NET8_0_OR_GREATER</c>, …).</summary>
    public IEnumerable<string> ImplicitDefines()
    {
        static string Symbol(Version v) => v.Major.ToString(CultureInfo.InvariantCulture) + "_" + v.Minor.ToString(CultureInfo.InvariantCulture);
        switch (Family)
        {
            case FrameworkFamily.Net:
                yield return "NET";
                yield return "NETCOREAPP";
                yield return "NET" + Symbol(Version);
                foreach (var v in NetVersions.Where(v => v <= Version))
                {
                    yield return "NET" + Symbol(v) + "_OR_GREATER";
                }

                foreach (var v in NetCoreAppVersions)
                {
                    yield return "NETCOREAPP" + Symbol(v) + "_OR_GREATER";
                }

                break;
            case FrameworkFamily.NetCoreApp:
                yield return "NETCOREAPP";
                yield return "NETCOREAPP" + Symbol(Version);
                foreach (var v in NetCoreAppVersions.Where(v => v <= Version))
                {
                    yield return "NETCOREAPP" + Symbol(v) + "_OR_GREATER";
                }

                break;
            case FrameworkFamily.NetStandard:
                yield return "NETSTANDARD";
                yield return "NETSTANDARD" + Symbol(Version);
                foreach (var v in NetStandardVersions.Where(v => v <= Version))
                {
                    yield return "NETSTANDARD" + Symbol(v) + "_OR_GREATER";
                }

                break;
            default:
                yield return "NETFRAMEWORK";
                yield return "NET" + FrameworkDigits;
                var own = Array.IndexOf(NetFrameworkVersions, FrameworkDigits);
                for (var i = 0; i <= own; i++)
                {
                    yield return "NET" + NetFrameworkVersions[i] + "_OR_GREATER";
                }

                break;
        }
    }

    /// <summary>The C# version the SDK picks when the project sets none.</summary>
    public LanguageVersion DefaultLanguageVersion => Family switch
    {
        FrameworkFamily.Net when Version.Major >= 10 => LanguageVersion.CSharp14,
        FrameworkFamily.Net when Version.Major == 9 => LanguageVersion.CSharp13,
        FrameworkFamily.Net when Version.Major == 8 => LanguageVersion.CSharp12,
        FrameworkFamily.Net when Version.Major == 7 => LanguageVersion.CSharp11,
        FrameworkFamily.Net when Version.Major == 6 => LanguageVersion.CSharp10,
        FrameworkFamily.Net => LanguageVersion.CSharp9,
        FrameworkFamily.NetCoreApp when Version.Major >= 3 => LanguageVersion.CSharp8,
        FrameworkFamily.NetStandard when Version >= new Version(2, 1) => LanguageVersion.CSharp8,
        _ => LanguageVersion.CSharp7_3,
    };

    public override string ToString() => Moniker;
}

internal enum FrameworkFamily
{
    Net,
    NetCoreApp,
    NetStandard,
    NetFramework,
}
