using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LegalRules.Tests.Infrastructure;

/// <summary>
/// References for test compilations, taken from the running runtime so that tests run offline:
/// no reference pack is downloaded at test time.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyRuntime = new(() =>
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal))
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll" or "Microsoft.CSharp.dll"))
            .Where(p => !Path.GetFileName(p).StartsWith("System.Private.", StringComparison.Ordinal) || Path.GetFileName(p) == "System.Private.CoreLib.dll")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    });

    /// <summary>The runtime's assemblies.</summary>
    public static ImmutableArray<MetadataReference> Runtime => LazyRuntime.Value;

    /// <summary>The LegalRules.Annotations assembly (the attributes).</summary>
    public static MetadataReference Annotations { get; } = MetadataReference.CreateFromFile(typeof(StatutoryParameterAttribute).Assembly.Location);

    /// <summary>A reference set with no package to download: the tests add <see cref="Runtime"/> themselves.</summary>
    public static ReferenceAssemblies None { get; } = new ReferenceAssemblies("net10.0");
}
