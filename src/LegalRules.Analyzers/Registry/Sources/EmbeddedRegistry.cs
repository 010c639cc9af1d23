using System;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Registry.Sources;

/// <summary>The French registry shipped inside the analyzer, parsed once per process.</summary>
internal static class EmbeddedRegistry
{
    internal const string ResourceName = "LegalRules.Registry.france.legal.yaml";

    private static readonly Lazy<ParsedRegistryFile> LazyFile = new(Load);

    public static ParsedRegistryFile File => LazyFile.Value;

    /// <summary>The registry file's text, for tools that show or export it.</summary>
    public static SourceText ReadText()
    {
        using var stream = typeof(EmbeddedRegistry).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded registry is missing from the analyzer assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return SourceText.From(reader.ReadToEnd());
    }

    private static ParsedRegistryFile Load()
    {
        var parsed = NativeRegistryParser.Parse(ReadText());
        var parameters = parsed.Parameters.ToBuilder();
        for (var i = 0; i < parameters.Count; i++)
        {
            parameters[i] = parameters[i].WithKey(parameters[i].Key, RegistryOrigin.Embedded);
        }

        return new ParsedRegistryFile(parsed.Name, parameters.ToImmutable(), parsed.Faults);
    }
}
