using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace LegalRules.Cli.Audit.Projects;

/// <summary>
/// Reads a <c>.csproj</c> as XML — never through MSBuild, which would run the drop's targets, tasks
/// and imported files. Like MSBuild, properties are read first (the nearest
/// <c>Directory.Build.props</c>, then the project), items after, with the final properties; the
/// SDK's own defaults (default compile items, implicit usings, configuration and framework symbols)
/// are added as the SDK adds them. Imports other than <c>Directory.Build.props</c> are not read.
/// </summary>
internal static class ProjectFileReader
{
    /// <summary>The configuration an audit reads: the one a vendor ships.</summary>
    public const string Configuration = "Release";

    /// <summary>The global usings of <c>Microsoft.NET.Sdk</c> with <c>ImplicitUsings</c> enabled.</summary>
    internal static readonly string[] SdkImplicitUsings =
    {
        "System",
        "System.Collections.Generic",
        "System.IO",
        "System.Linq",
        "System.Net.Http",
        "System.Threading",
        "System.Threading.Tasks",
    };

    private static readonly char[] DefineSeparators = { ';', ',', ' ' };

    /// <summary>Project files are small; a bigger one is not a project file.</summary>
    private const long MaxProjectFileCharacters = 4L * 1024 * 1024;

    private static readonly XmlReaderSettings SafeXml = new()
    {
        // No DTD, no external entity: an XML file can make a naive reader fetch URLs or read local files.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxProjectFileCharacters,
        IgnoreComments = true,
    };

    /// <param name="path">The project file (real full path).</param>
    /// <param name="buildProps">The nearest <c>Directory.Build.props</c> inside the drop, if any.</param>
    public static ProjectDefinition Read(string path, string? buildProps, Func<string, string> text)
    {
        var notes = new List<string>();
        var directory = System.IO.Path.GetDirectoryName(path)!;
        var properties = new MsBuildProperties();
        properties["Configuration"] = Configuration;
        properties["Platform"] = "AnyCPU";
        properties["MSBuildProjectName"] = System.IO.Path.GetFileNameWithoutExtension(path);
        properties["MSBuildProjectFile"] = System.IO.Path.GetFileName(path);
        properties["MSBuildProjectDirectory"] = directory;
        properties["MSBuildProjectFullPath"] = path;

        var project = Load(path, notes, text);
        // A project file that cannot be read is taken for what nearly every project is today, an SDK
        // project with its defaults, as its note says: its folder's C# is compiled, not left out.
        var isSdk = project is null || IsSdkStyle(project);
        if (isSdk)
        {
            // What Microsoft.NET.Sdk's props set before the project body.
            properties["DefineConstants"] = "RELEASE;TRACE";
            properties["DefaultItemExcludes"] = "bin/**;obj/**";
            properties["EnableDefaultItems"] = "true";
            properties["EnableDefaultCompileItems"] = "true";
            properties["AssemblyName"] = properties["MSBuildProjectName"];
        }

        if (buildProps is not null && Load(buildProps, notes, text) is { } props)
        {
            properties["MSBuildThisFileDirectory"] = System.IO.Path.GetDirectoryName(buildProps) + System.IO.Path.DirectorySeparatorChar;
            ReadProperties(props.Root!, properties);
        }

        properties["MSBuildThisFileDirectory"] = directory + System.IO.Path.DirectorySeparatorChar;
        var frameworksWritten = (string?)null;
        if (project is not null)
        {
            ReadProperties(project.Root!, properties);
        }

        // A multi-targeting project is compiled once, for the first framework it lists.
        var framework = ChooseFramework(properties, notes, text, out frameworksWritten);
        properties["TargetFramework"] = framework.Moniker;

        var defines = properties["DefineConstants"]
            .Split(DefineSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        if (isSdk)
        {
            defines.AddRange(framework.ImplicitDefines());
        }

        var compile = new List<CompileItemOperation>();
        var usings = new List<GlobalUsing>();
        var projectReferences = new List<string>();
        var packages = new List<string>();
        var assemblies = new List<string>();
        if (isSdk && IsTrue(properties["EnableDefaultItems"]) && IsTrue(properties["EnableDefaultCompileItems"]))
        {
            compile.Add(new CompileItemOperation(
                false,
                ImmutableArray.Create(MsBuildGlob.Parse(directory, "**/*.cs")),
                Globs(directory, properties.Expand(properties["DefaultItemExcludes"]) ?? string.Empty),
                IsSdkDefault: true));
        }

        if (isSdk && (IsTrue(properties["ImplicitUsings"]) || string.Equals(properties["ImplicitUsings"], "enable", StringComparison.OrdinalIgnoreCase)))
        {
            usings.AddRange(SdkImplicitUsings.Select(n => new GlobalUsing(n, null, false)));
        }

        if (project is not null)
        {
            ReadItems(project.Root!, properties, directory, compile, usings, projectReferences, packages, assemblies);
        }

        var assemblyName = properties["AssemblyName"];
        return new ProjectDefinition(
            path,
            string.IsNullOrWhiteSpace(assemblyName) ? properties["MSBuildProjectName"] : assemblyName.Trim(),
            isSdk,
            framework,
            frameworksWritten,
            defines.Distinct(StringComparer.Ordinal).ToImmutableArray(),
            Written(properties, "LangVersion"),
            Written(properties, "Nullable"),
            IsTrue(properties["AllowUnsafeBlocks"]),
            Written(properties, "OutputType"),
            usings.Distinct().ToImmutableArray(),
            compile.ToImmutableArray(),
            projectReferences.Distinct(StringComparer.Ordinal).ToImmutableArray(),
            packages.Distinct(StringComparer.Ordinal).ToImmutableArray(),
            assemblies.Distinct(StringComparer.Ordinal).ToImmutableArray(),
            notes.ToImmutableArray());
    }

    private static XDocument? Load(string path, List<string> notes, Func<string, string> text)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxProjectFileCharacters)
            {
                notes.Add(string.Format(CultureInfo.InvariantCulture, text("Note_ProjectTooLarge"), System.IO.Path.GetFileName(path)));
                return null;
            }

            using var reader = XmlReader.Create(path, SafeXml);
            var document = XDocument.Load(reader, LoadOptions.None);
            if (document.Root?.Name.LocalName != "Project")
            {
                notes.Add(string.Format(CultureInfo.InvariantCulture, text("Note_ProjectUnreadable"), System.IO.Path.GetFileName(path), "root element <" + document.Root?.Name.LocalName + ">, not <Project>"));
                return null;
            }

            return document;
        }
        catch (Exception exception) when (exception is XmlException or IOException or UnauthorizedAccessException)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture, text("Note_ProjectUnreadable"), System.IO.Path.GetFileName(path), SourceFileReader.Describe(exception, path)));
            return null;
        }
    }

    private static bool IsSdkStyle(XDocument project)
    {
        var root = project.Root!;
        return root.Attribute("Sdk") is not null
            || root.Elements().Any(e => e.Name.LocalName == "Sdk")
            || root.Elements().Any(e => e.Name.LocalName == "Import" && e.Attribute("Sdk") is not null);
    }

    /// <summary>Property groups in document order, through <c>Choose</c>/<c>When</c>/<c>Otherwise</c>.</summary>
    private static void ReadProperties(XElement container, MsBuildProperties properties)
    {
        foreach (var element in container.Elements())
        {
            switch (element.Name.LocalName)
            {
                case "PropertyGroup" when properties.Applies(Condition(element)):
                    foreach (var property in element.Elements())
                    {
                        if (properties.Applies(Condition(property)) && properties.Expand(property.Value) is { } value)
                        {
                            properties[property.Name.LocalName] = value.Trim();
                        }
                    }

                    break;
                case "Choose":
                    if (ChosenBranch(element, properties) is { } branch)
                    {
                        ReadProperties(branch, properties);
                    }

                    break;
            }
        }
    }

    private static void ReadItems(
        XElement container,
        MsBuildProperties properties,
        string directory,
        List<CompileItemOperation> compile,
        List<GlobalUsing> usings,
        List<string> projectReferences,
        List<string> packages,
        List<string> assemblies)
    {
        foreach (var element in container.Elements())
        {
            if (element.Name.LocalName == "Choose")
            {
                if (ChosenBranch(element, properties) is { } branch)
                {
                    ReadItems(branch, properties, directory, compile, usings, projectReferences, packages, assemblies);
                }

                continue;
            }

            if (element.Name.LocalName != "ItemGroup" || !properties.Applies(Condition(element)))
            {
                continue;
            }

            foreach (var item in element.Elements())
            {
                if (!properties.Applies(Condition(item)))
                {
                    continue;
                }

                var include = properties.Expand((string?)item.Attribute("Include") ?? string.Empty) ?? string.Empty;
                var remove = properties.Expand((string?)item.Attribute("Remove") ?? string.Empty) ?? string.Empty;
                switch (item.Name.LocalName)
                {
                    case "Compile" when include.Length > 0:
                        compile.Add(new CompileItemOperation(false, Globs(directory, include), Globs(directory, properties.Expand((string?)item.Attribute("Exclude") ?? string.Empty) ?? string.Empty), false));
                        break;
                    case "Compile" when remove.Length > 0:
                        compile.Add(new CompileItemOperation(true, Globs(directory, remove), ImmutableArray<MsBuildGlob>.Empty, false));
                        break;
                    case "Using" when include.Length > 0:
                        usings.Add(new GlobalUsing(include.Trim(), Metadata(item, "Alias"), IsTrue(Metadata(item, "Static"))));
                        break;
                    case "Using" when remove.Length > 0:
                        usings.RemoveAll(u => string.Equals(u.Namespace, remove.Trim(), StringComparison.Ordinal));
                        break;
                    case "ProjectReference" when include.Length > 0:
                        foreach (var reference in Split(include))
                        {
                            projectReferences.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, reference.Replace('\\', System.IO.Path.DirectorySeparatorChar))));
                        }

                        break;
                    case "PackageReference" when include.Length > 0:
                        var version = Metadata(item, "Version") ?? Metadata(item, "VersionOverride");
                        packages.Add(version is null ? include.Trim() : include.Trim() + " " + properties.Expand(version));
                        break;
                    case "Reference" when include.Length > 0:
                        assemblies.Add(include.Split(',')[0].Trim());
                        break;
                }
            }
        }
    }

    private static XElement? ChosenBranch(XElement choose, MsBuildProperties properties)
    {
        foreach (var branch in choose.Elements())
        {
            if (branch.Name.LocalName == "When" && properties.Applies(Condition(branch)) && Condition(branch) is not null)
            {
                return branch;
            }

            if (branch.Name.LocalName == "Otherwise")
            {
                return branch;
            }
        }

        return null;
    }

    private static TargetFramework ChooseFramework(MsBuildProperties properties, List<string> notes, Func<string, string> text, out string? frameworksWritten)
    {
        frameworksWritten = null;
        var written = properties["TargetFramework"];
        if (string.IsNullOrWhiteSpace(written) && properties["TargetFrameworks"] is { Length: > 0 } several)
        {
            frameworksWritten = several;
            written = Split(several).FirstOrDefault() ?? string.Empty;
        }

        if (string.IsNullOrWhiteSpace(written))
        {
            written = properties["TargetFrameworkVersion"];
        }

        if (string.IsNullOrWhiteSpace(written))
        {
            return TargetFramework.Default;
        }

        if (TargetFramework.Parse(written) is { } framework)
        {
            return framework;
        }

        notes.Add(string.Format(CultureInfo.InvariantCulture, text("Note_UnknownFramework"), written.Trim()));
        return TargetFramework.Default;
    }

    private static ImmutableArray<MsBuildGlob> Globs(string directory, string patterns)
        => Split(patterns).Select(p => MsBuildGlob.Parse(directory, p)).ToImmutableArray();

    private static string[] Split(string list)
        => list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Condition(XElement element) => (string?)element.Attribute("Condition");

    /// <summary>Item metadata, as an attribute or a child element.</summary>
    private static string? Metadata(XElement item, string name)
        => (string?)item.Attribute(name) ?? item.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static string? Written(MsBuildProperties properties, string name)
        => properties.Has(name) && !string.IsNullOrWhiteSpace(properties[name]) ? properties[name].Trim() : null;

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
