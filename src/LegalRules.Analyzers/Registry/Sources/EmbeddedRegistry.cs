using System;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Registry.Sources;

/// <summary>
/// The French registry shipped inside the analyzer, loaded once per process. Its source is
/// <c>Embedded/france.legal.yaml</c> (embedded as a resource, for tools that show it); the analyzer
/// loads the same registry from <c>Embedded/EmbeddedRegistry.Data.g.cs</c>, written from the YAML
/// by the registry's own reader (<see cref="EmbeddedRegistryFormat"/>), which needs neither the
/// YAML library nor its JIT. A test checks that the two agree.
/// </summary>
internal static partial class EmbeddedRegistry
{
    internal const string ResourceName = "LegalRules.Registry.france.legal.yaml";

    private static readonly Lazy<ParsedRegistryFile> LazyFile = new(() => EmbeddedRegistryFormat.Read(Data));

    public static ParsedRegistryFile File => LazyFile.Value;

    /// <summary>The registry file's text, for tools that show or export it.</summary>
    public static SourceText ReadText()
    {
        using var stream = typeof(EmbeddedRegistry).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded registry is missing from the analyzer assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return SourceText.From(reader.ReadToEnd());
    }

    /// <summary>
    /// The registry read from its YAML text by <see cref="NativeRegistryParser"/>, with the origin of
    /// the embedded registry: what <see cref="File"/> holds, the slow way (and with the YAML's faults, if any).
    /// </summary>
    public static ParsedRegistryFile ParseYaml(SourceText text)
    {
        var parsed = NativeRegistryParser.Parse(text);
        var parameters = parsed.Parameters.ToBuilder();
        for (var i = 0; i < parameters.Count; i++)
        {
            parameters[i] = parameters[i].WithKey(parameters[i].Key, RegistryOrigin.Embedded);
        }

        return new ParsedRegistryFile(parsed.Name, parameters.ToImmutable(), parsed.Faults);
    }
}
