using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace LegalRules.Cli.Audit.Projects;

/// <summary>
/// The C# projects a solution lists: a classic <c>.sln</c> (its <c>Project(…) = "Name", "path", …</c>
/// lines) or an XML <c>.slnx</c> (its <c>Project Path="…"</c> elements). Read as text, nothing evaluated.
/// </summary>
internal static class SolutionFileReader
{
    private static readonly Regex ProjectLine = new(
        @"^\s*Project\(""\{[^}]*\}""\)\s*=\s*""[^""]*""\s*,\s*""(?<path>[^""]*)""",
        RegexOptions.Multiline | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(2));

    /// <summary>Full paths of the <c>.csproj</c> files the solution lists, in its order.</summary>
    /// <exception cref="InvalidDataException">The file is not a solution.</exception>
    public static IReadOnlyList<string> ReadProjects(string solutionPath)
    {
        var directory = Path.GetDirectoryName(solutionPath)!;
        IEnumerable<string> written;
        if (solutionPath.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var reader = XmlReader.Create(solutionPath, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                var document = XDocument.Load(reader);
                if (document.Root?.Name.LocalName != "Solution")
                {
                    throw new InvalidDataException("<Solution> expected");
                }

                written = document.Descendants().Where(e => e.Name.LocalName == "Project").Select(e => (string?)e.Attribute("Path") ?? string.Empty).ToList();
            }
            catch (XmlException exception)
            {
                throw new InvalidDataException(exception.Message, exception);
            }
        }
        else
        {
            var text = File.ReadAllText(solutionPath);
            if (!text.Contains("Microsoft Visual Studio Solution File", StringComparison.Ordinal))
            {
                throw new InvalidDataException("'Microsoft Visual Studio Solution File' header expected");
            }

            written = ProjectLine.Matches(text).Select(m => m.Groups["path"].Value).ToList();
        }

        return written
            .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            .Select(p => Path.GetFullPath(Path.Combine(directory, p.Replace('\\', Path.DirectorySeparatorChar))))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
