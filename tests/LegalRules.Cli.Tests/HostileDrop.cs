using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

namespace LegalRules.Cli.Tests;

/// <summary>
/// A vendor drop of thousands of files with every kind of hostile member an auditor meets, written
/// from a seed alone (the same seed gives the same bytes): several projects of ordinary calculation
/// code with statutory values planted in known files, and beside them binary files named
/// <c>.cs</c>, a 50 MB file, links that loop or lead out of the drop, paths with unusual
/// characters, project files that are not XML, a solution naming a missing project, a FIFO, a file
/// nobody may read, UTF-16 and Windows-1252 files, and a file meant to disappear while the drop is
/// audited. It records what an audit must report of each.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Links, FIFOs and file modes: the project's machines and CI are Linux.
internal sealed class HostileDrop
{
    /// <summary>PASS 2024, distinctive: LR0002 wherever it stands (as of <see cref="Samples.AsOf"/>).</summary>
    private const string PastPass = "46368m";

    // Words that name no statutory parameter: the ordinary code gives no finding, so every finding is a planted one.
    private static readonly string[] Folders = { "Calculs", "Services", "Outils", "Export", "Modeles" };
    private static readonly string[] Nouns = { "Ligne", "Lot", "Tableau", "Registre", "Journal", "Bordereau", "Fichier", "Colonne", "Page", "Tri", "Index", "Bloc" };
    private static readonly string[] Verbs = { "Totaliser", "Arrondir", "Cumuler", "Compter", "Verifier", "Repartir", "Formater", "Filtrer" };

    private readonly Random _random;
    private readonly Dictionary<string, string> _skipped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _planted = new(StringComparer.Ordinal);
    private readonly List<string> _projectsNotXml = new();
    private readonly List<string> _unusualPaths = new();

    private HostileDrop(string root, string outside, int seed)
    {
        Root = root;
        Outside = outside;
        Seed = seed;
        _random = new Random(seed);
    }

    /// <summary>The folder to audit.</summary>
    public string Root { get; }

    /// <summary>A folder beside the drop that links point into: never read.</summary>
    public string Outside { get; }

    public int Seed { get; }

    /// <summary>The solution of the drop (give it with <see cref="Root"/>): it lists a project the drop lacks.</summary>
    public string Solution => Path.Combine(Root, "Fournisseur.sln");

    /// <summary>Regular files written in the drop (links and the FIFO not counted).</summary>
    public int FilesWritten { get; private set; }

    public long BytesWritten { get; private set; }

    /// <summary>Entries an audit must list as not read: report path → SARIF reason code.</summary>
    public IReadOnlyDictionary<string, string> ExpectedSkipped => _skipped;

    /// <summary>Files with a planted statutory value: report path → the rule that must fire there.</summary>
    public IReadOnlyDictionary<string, string> Planted => _planted;

    /// <summary>Project files that are not XML (report paths): each must carry a note, its code still audited.</summary>
    public IReadOnlyList<string> ProjectsNotXml => _projectsNotXml;

    /// <summary>Files with unusual characters in their path (report paths): audited like any other.</summary>
    public IReadOnlyList<string> UnusualPaths => _unusualPaths;

    /// <summary>The file to delete once the audit has found it and before it reads it.</summary>
    public string DisappearingFile => Path.Combine(Root, "src", "Paie.Module3", "Calculs", "Disparu.cs");

    /// <summary>Writes the drop under <paramref name="root"/> (and the outside folder beside it).</summary>
    public static HostileDrop Generate(string root, string outside, int seed, int ordinaryFiles = 2000, int projects = 8)
    {
        var drop = new HostileDrop(root, outside, seed);
        drop.WriteProjects(ordinaryFiles, projects);
        drop.WriteBrokenProjects();
        drop.WriteSolution(projects);
        drop.WriteEncodings();
        drop.WriteUnusualPaths();
        drop.WriteBinaries();
        drop.WriteHugeFile();
        drop.WriteLinks();
        drop.WriteSpecialFiles();
        drop.RestoreDisappearingFile();
        return drop;
    }

    /// <summary>Puts the disappearing file back (each audit of the drop removes it).</summary>
    public void RestoreDisappearingFile()
    {
        if (!File.Exists(DisappearingFile))
        {
            File.WriteAllText(DisappearingFile, "namespace Paie.Module3.Calculs;\n\npublic static class Disparu\n{\n    public static decimal Plafond() => " + PastPass + ";\n}\n");
        }
    }

    private void WriteProjects(int ordinaryFiles, int projects)
    {
        var written = 0;
        for (var p = 0; p < projects; p++)
        {
            var name = "Paie.Module" + p;
            Write($"src/{name}/{name}.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>{(p % 2 == 0 ? "net8.0" : "net10.0")}</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                </Project>
                """);

            var count = (ordinaryFiles / projects) + (p < ordinaryFiles % projects ? 1 : 0);
            for (var i = 0; i < count; i++, written++)
            {
                var folder = Folders[_random.Next(Folders.Length)];
                Write($"src/{name}/{folder}/{Nouns[_random.Next(Nouns.Length)]}{i:D4}.cs", OrdinaryCode($"Paie.Module{p}.{folder}", i));
            }

            // A past value in each project: one bound (LR0001), one unbound and distinctive (LR0002).
            Plant($"src/{name}/Calculs/MontantRsa{p}.cs", "LR0001", BoundRsa($"Paie.Module{p}.Calculs", "MontantRsa" + p, "Montant"));
            Plant($"src/{name}/Services/PlafondAncien{p}.cs", "LR0002", UnboundPass($"Paie.Module{p}.Services", "PlafondAncien" + p));
        }
    }

    /// <summary>Project files that are not XML: garbage text, truncated XML, binary, empty. Their folders' code is audited with the SDK's defaults.</summary>
    private void WriteBrokenProjects()
    {
        var garbage = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            garbage.Append((char)_random.Next(0x21, 0x7F));
        }

        var contents = new (string Name, byte[] Bytes)[]
        {
            ("Casse.Texte", Encoding.UTF8.GetBytes("Ceci n'est pas un projet.\n" + garbage + "\n")),
            ("Casse.Tronque", Encoding.UTF8.GetBytes("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</Target")),
            ("Casse.Binaire", RandomBytes(3000)),
        };
        foreach (var (name, bytes) in contents)
        {
            var path = $"src/{name}/{name}.csproj";
            WriteBytes(path, bytes);
            _projectsNotXml.Add(path);
            Write($"src/{name}/Outils.cs", OrdinaryCode(name, 0));
            Plant($"src/{name}/PlafondPss.cs", "LR0002", UnboundPass(name, "PlafondPss"));
        }
    }

    private void WriteSolution(int projects)
    {
        var solution = new StringBuilder("\nMicrosoft Visual Studio Solution File, Format Version 12.00\n# Visual Studio Version 17\n");
        var listed = Enumerable.Range(0, projects).Select(p => "Paie.Module" + p).Append("Absent").ToList();
        foreach (var name in listed)
        {
            solution.Append(System.Globalization.CultureInfo.InvariantCulture, $"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"{name}\", \"src\\{name}\\{name}.csproj\", \"{{{Guid(name)}}}\"\nEndProject\n");
        }

        solution.Append("Global\nEndGlobal\n");
        Write("Fournisseur.sln", solution.ToString());
        _skipped["src/Absent/Absent.csproj"] = "unreadable";
    }

    /// <summary>Legacy encodings, each with a bound RSA value on an accented line: read right, so found.</summary>
    private void WriteEncodings()
    {
        var code = BoundRsa("Divers.Encodages", "BarèmeRéduit", "MontantRéduit").Replace("\n", "\r\n", StringComparison.Ordinal);
        var utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        WriteBytes("Divers/Encodages/Utf16.cs", utf16.GetPreamble().Concat(utf16.GetBytes(code)).ToArray());
        _planted["Divers/Encodages/Utf16.cs"] = "LR0001";
        WriteBytes("Divers/Encodages/Windows1252.cs", Encoding.GetEncoding(1252).GetBytes(code));
        _planted["Divers/Encodages/Windows1252.cs"] = "LR0001";
    }

    /// <summary>Spaces, accents, <c>#</c>, <c>%</c>, brackets, <c>&amp;</c>, quotes, emoji, a leading dash, names and paths of great length.</summary>
    private void WriteUnusualPaths()
    {
        var paths = new List<string>
        {
            "Divers/Nom avec espaces.cs",
            "Divers/Éléments accentués/Barème été.cs",
            "Divers/C#/Dièse#1.cs",
            "Divers/100%/Taux%20plein.cs",
            "Divers/[crochets]/Tableau[1].cs",
            "Divers/R&D/Calcul&Co.cs",
            "Divers/l'été/Prime d'été.cs",
            "Divers/🚀 émoji/Fusée🚀.cs",
            "Divers/-rf/-leading.cs",
            "Divers/" + string.Join('/', Enumerable.Range(0, 12).Select(i => new string((char)('a' + i), 200))) + "/" + new string('z', 240) + ".cs",
        };
        for (var i = 0; i < paths.Count; i++)
        {
            Plant(paths[i], "LR0002", UnboundPass("Divers.Noms", "Plafond" + i));
            _unusualPaths.Add(paths[i]);
        }
    }

    /// <summary>Binary content named <c>.cs</c>: never parsed.</summary>
    private void WriteBinaries()
    {
        var withNul = Encoding.UTF8.GetBytes("namespace Divers;\npublic static class Nul { public const decimal P = " + PastPass + "; }\n").ToList();
        withNul.InsertRange(20, new byte[] { 0, 0, 0, 0 });
        WriteBytes("Divers/Binaires/Nul.cs", withNul.ToArray());
        _skipped["Divers/Binaires/Nul.cs"] = "binary";

        var random = RandomBytes(64 * 1024);
        WriteBytes("Divers/Binaires/Aleatoire.cs", random);
        _skipped["Divers/Binaires/Aleatoire.cs"] = "binary";

        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }.Concat(RandomBytes(8 * 1024)).ToArray();
        WriteBytes("Divers/Binaires/Image.cs", png);
        _skipped["Divers/Binaires/Image.cs"] = "binary";

        // A UTF-16 mark followed by bytes that decode to NUL characters: the mark lied.
        var lying = new byte[] { 0xFF, 0xFE }.Concat(RandomBytes(4 * 1024)).Concat(new byte[] { 0, 0 }).ToArray();
        WriteBytes("Divers/Binaires/Utf16Menteur.cs", lying);
        _skipped["Divers/Binaires/Utf16Menteur.cs"] = "binary";
    }

    /// <summary>50 MB of generated table, a statutory value in it: above the 10 MB default limit, never loaded.</summary>
    private void WriteHugeFile()
    {
        const string Relative = "Divers/Tables/Enorme.cs";
        var path = PathOf(Relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write("namespace Divers.Tables;\npublic static class Table\n{\n    public static readonly decimal[] Valeurs =\n    {\n");
            var row = string.Concat(Enumerable.Repeat(PastPass + ", 1.5m, 2.25m, 3.125m, ", 4)) + "\n";
            while (writer.BaseStream.Length < 50L * 1024 * 1024)
            {
                writer.Write(row);
            }

            writer.Write("    };\n}\n");
        }

        FilesWritten++;
        BytesWritten += new FileInfo(path).Length;
        _skipped[Relative] = "tooLarge";
    }

    private void WriteLinks()
    {
        // A loop back to the drop's root, and one to a parent folder by a relative path.
        Directory.CreateSymbolicLink(PathOf("Divers/Boucle"), Root);
        _skipped["Divers/Boucle"] = "linkWithinDrop";
        Directory.CreateSymbolicLink(PathOf("src/Paie.Module1/Outils/Parent"), "..");
        _skipped["src/Paie.Module1/Outils/Parent"] = "linkWithinDrop";

        // Two file links pointing at each other, and one pointing nowhere.
        File.CreateSymbolicLink(PathOf("Divers/BoucleA.cs"), PathOf("Divers/BoucleB.cs"));
        File.CreateSymbolicLink(PathOf("Divers/BoucleB.cs"), PathOf("Divers/BoucleA.cs"));
        _skipped["Divers/BoucleA.cs"] = "unreadable";
        _skipped["Divers/BoucleB.cs"] = "unreadable";
        File.CreateSymbolicLink(PathOf("Divers/Casse.cs"), PathOf("Divers/Absent.cs"));
        _skipped["Divers/Casse.cs"] = "unreadable";

        // Out of the drop: a folder and a file, both holding a statutory value that must not be found.
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Outside, "Fuite.cs"), UnboundPass("Dehors", "Fuite"));
        Directory.CreateSymbolicLink(PathOf("Divers/Externe"), Outside);
        _skipped["Divers/Externe"] = "linkOutsideDrop";
        File.CreateSymbolicLink(PathOf("Divers/Externe.cs"), Path.Combine(Outside, "Fuite.cs"));
        _skipped["Divers/Externe.cs"] = "linkOutsideDrop";
    }

    /// <summary>A FIFO named like a source file, and a file nobody but root may read.</summary>
    private void WriteSpecialFiles()
    {
        if (NativeMethods.MakeFifo(PathOf("Divers/Tube.cs"), Convert.ToUInt32("644", 8)) != 0)
        {
            throw new IOException("mkfifo failed: " + Marshal.GetLastPInvokeError());
        }

        _skipped["Divers/Tube.cs"] = "notRegularFile";

        var secret = Write("Divers/Secret.cs", UnboundPass("Divers", "Secret"));
        File.SetUnixFileMode(secret, UnixFileMode.None);
        if (Environment.IsPrivilegedProcess)
        {
            // Root reads it anyway: then it is audited like any file.
            _planted["Divers/Secret.cs"] = "LR0002";
        }
        else
        {
            _skipped["Divers/Secret.cs"] = "unreadable";
        }

        _skipped["src/Paie.Module3/Calculs/Disparu.cs"] = "unreadable";
    }

    /// <summary>Calculation code of the kind a payroll vendor writes, with no statutory value in it.</summary>
    private string OrdinaryCode(string ns, int index)
    {
        var name = Nouns[_random.Next(Nouns.Length)] + index;
        var verb = Verbs[_random.Next(Verbs.Length)];
        var factor = _random.Next(2, 9);
        var divisor = _random.Next(10, 20);
        var offset = _random.Next(1, 7);
        var builder = new StringBuilder();
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            namespace {{ns}};

            /// <summary>{{verb}} : {{name}}.</summary>
            public static class {{name}}
            {
                public static decimal {{verb}}(decimal valeur, int nombre)
                {
                    var total = 0m;
                    for (var i = 0; i < nombre; i++)
                    {
                        total += valeur * {{factor}} / {{divisor}};
                    }

                    return decimal.Round(total, 2, MidpointRounding.ToEven);
                }

                public static int Longueur(string libelle) => libelle.Length + {{offset}};

                public static IReadOnlyList<decimal> Repartir(IEnumerable<decimal> parts)
                    => parts.Where(p => p > 0).Select(p => p * {{factor}}).ToList();
            }

            """);
        return builder.ToString();
    }

    private static string BoundRsa(string ns, string type, string member) => $$"""
        using LegalRules;

        namespace {{ns}};

        // Calcul du RSA : montant forfaitaire réduit, barème préfectoral
        public static class {{type}}
        {
            [StatutoryParameter("{{Samples.RsaKey}}")]
            public const decimal {{member}} = 646.52m; // arrêté
        }

        """;

    private static string UnboundPass(string ns, string type) => $$"""
        namespace {{ns}};

        public static class {{type}}
        {
            public static decimal Ancien() => {{PastPass}};
        }

        """;

    private static string Guid(string name)
        => new Guid(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16)).ToString("D").ToUpperInvariant();

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        bytes[count / 2] = 0;
        return bytes;
    }

    private void Plant(string relative, string rule, string content)
    {
        Write(relative, content);
        _planted[relative] = rule;
    }

    private string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private string Write(string relative, string content) => WriteBytes(relative, new UTF8Encoding(false).GetBytes(content.Replace("\r\n", "\n", StringComparison.Ordinal)));

    private string WriteBytes(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        FilesWritten++;
        BytesWritten += bytes.Length;
        return path;
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "mkfifo", ExactSpelling = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true, SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
    }
}
