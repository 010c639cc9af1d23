using System;
using System.IO;
using System.Text;

namespace LegalRules.Cli.Tests;

/// <summary>A folder of files made for one test (a vendor drop, a registry), deleted afterwards.</summary>
internal sealed class TempDrop : IDisposable
{
    public TempDrop()
    {
        Root = Path.Combine(Path.GetTempPath(), "legalrules-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes a file (UTF-8 without BOM, <c>\n</c> line ends) and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.Replace("\r\n", "\n", StringComparison.Ordinal), new UTF8Encoding(false));
        return path;
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; a failing cleanup must not fail the test.
        }
    }
}
