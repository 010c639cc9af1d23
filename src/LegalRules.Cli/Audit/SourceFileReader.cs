using System.IO;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace LegalRules.Cli.Audit;

/// <summary>
/// Reads a file of the drop or a registry file as text: a byte-order mark decides the encoding
/// (UTF-8, UTF-16, UTF-32), otherwise UTF-8. Bytes that are not UTF-8 become U+FFFD rather than
/// stopping the audit; a binary file is refused.
/// </summary>
internal static class SourceFileReader
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is binary.</exception>
    public static SourceText Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return SourceText.From(stream, Utf8, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: true);
    }
}
