using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Registry;

/// <summary>A span of a registry or bindings file, without its path (parsed files are cached by content).</summary>
internal readonly struct FileSpan
{
    public FileSpan(TextSpan span, LinePositionSpan lineSpan)
    {
        Span = span;
        LineSpan = lineSpan;
    }

    public TextSpan Span { get; }

    public LinePositionSpan LineSpan { get; }

    public Location ToLocation(string path) => Location.Create(path, Span, LineSpan);
}

/// <summary>What is wrong in a registry or bindings file. Each code has a message in Resources ("Fault_" + code).</summary>
internal enum FaultCode
{
    YamlSyntax,
    MultipleDocuments,
    TooLarge,
    TooDeep,
    UnknownAlias,
    ComplexKey,
    ExpectedMapping,
    ExpectedScalar,
    MissingSection,
    InvalidKey,
    DuplicateKey,
    NotADate,
    DuplicateDate,
    NotANumber,
    UnknownUnit,
    MissingValues,
    BracketWithoutThreshold,
    EmptyReference,
    UnknownEntry,
    EmptyFile,
    InvalidBindingTarget,
}

/// <summary>A fault in a registry or bindings file, located in that file.</summary>
internal sealed class RegistryFault
{
    private RegistryFault(FileSpan span, FaultCode code, object[] arguments)
    {
        Span = span;
        Code = code;
        Arguments = arguments;
    }

    public FileSpan Span { get; }

    public FaultCode Code { get; }

    public object[] Arguments { get; }

    public static RegistryFault At(SourceText text, TextSpan span, FaultCode code, params object[] arguments)
        => new(new FileSpan(span, text.Lines.GetLinePositionSpan(span)), code, arguments);

    public static RegistryFault At(FileSpan span, FaultCode code, params object[] arguments)
        => new(span, code, arguments);

    public static RegistryFault At(Yaml.YamlNode node, FaultCode code, params object[] arguments)
        => new(new FileSpan(node.Span, node.LineSpan), code, arguments);

    /// <summary>The message, for a diagnostic: formatted in the reader's culture.</summary>
    public LocalizableString Message => Resources.Localizable("Fault_" + Code, FormatArguments());

    /// <summary>The message in an explicit culture.</summary>
    public string GetMessage(CultureInfo culture) => Message.ToString(culture);

    private string[] FormatArguments()
    {
        var texts = new string[Arguments.Length];
        for (var i = 0; i < Arguments.Length; i++)
        {
            texts[i] = Convert.ToString(Arguments[i], CultureInfo.InvariantCulture) ?? string.Empty;
        }

        return texts;
    }

    public override string ToString() => $"({Span.LineSpan.Start.Line + 1},{Span.LineSpan.Start.Character + 1}): {GetMessage(CultureInfo.InvariantCulture)}";
}
