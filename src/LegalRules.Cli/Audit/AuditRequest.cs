using System;
using System.Collections.Immutable;
using System.Globalization;

namespace LegalRules.Cli.Audit;

/// <summary>What to audit and against which law: checked inputs, all paths full and existing.</summary>
internal sealed class AuditRequest
{
    public AuditRequest(
        ImmutableArray<string> inputs,
        ImmutableArray<string> registryFiles,
        string? openFiscaFolder,
        ImmutableArray<string> bindingsFiles,
        bool defaultRegistry,
        DateTime asOf,
        CultureInfo culture,
        Baseline? baseline = null,
        long maxFileBytes = SourceFileReader.DefaultMaxFileBytes,
        bool useMsBuild = false)
    {
        Baseline = baseline;
        MaxFileBytes = maxFileBytes;
        UseMsBuild = useMsBuild;
        Inputs = inputs;
        RegistryFiles = registryFiles;
        OpenFiscaFolder = openFiscaFolder;
        BindingsFiles = bindingsFiles;
        DefaultRegistry = defaultRegistry;
        AsOf = asOf;
        Culture = culture;
    }

    /// <summary>A previous audit's findings (<c>--baseline</c>): only findings absent from it are reported.</summary>
    public Baseline? Baseline { get; }

    /// <summary>Files larger than this are listed as not read (<c>--max-file-size</c>).</summary>
    public long MaxFileBytes { get; }

    /// <summary>Load projects through MSBuild (<c>--msbuild</c>): runs the drop's build logic.</summary>
    public bool UseMsBuild { get; }

    /// <summary>Folders, solutions, projects and <c>.cs</c> files of the drop.</summary>
    public ImmutableArray<string> Inputs { get; }

    /// <summary>Native registry files (<c>*.legal.yaml</c>) given by the auditor.</summary>
    public ImmutableArray<string> RegistryFiles { get; }

    /// <summary>The root of an OpenFisca parameter tree, if any.</summary>
    public string? OpenFiscaFolder { get; }

    /// <summary>Bindings files (<c>*.legal-bindings.yaml</c>) given by the auditor.</summary>
    public ImmutableArray<string> BindingsFiles { get; }

    /// <summary>Whether the embedded French registry is merged first.</summary>
    public bool DefaultRegistry { get; }

    /// <summary>The evaluation date.</summary>
    public DateTime AsOf { get; }

    /// <summary>The culture of messages and reports.</summary>
    public CultureInfo Culture { get; }
}
