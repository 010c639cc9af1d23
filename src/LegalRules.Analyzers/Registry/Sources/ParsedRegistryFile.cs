using System.Collections.Immutable;

namespace LegalRules.Registry.Sources;

/// <summary>
/// What one registry file says, independent of where it lives: parsed once per content and cached.
/// For an OpenFisca file the parameters' keys are suffixes of the file's key ("" for a leaf,
/// ".brackets[0].rate" for a bracket, ".age.maximum" for a child of a node file); for a native file
/// they are full keys.
/// </summary>
internal sealed class ParsedRegistryFile
{
    public static readonly ParsedRegistryFile Empty = new(null, ImmutableArray<StatutoryParameter>.Empty, ImmutableArray<RegistryFault>.Empty);

    public ParsedRegistryFile(string? name, ImmutableArray<StatutoryParameter> parameters, ImmutableArray<RegistryFault> faults)
    {
        Name = name;
        Parameters = parameters;
        Faults = faults;
    }

    /// <summary>The registry's name from its header, if any.</summary>
    public string? Name { get; }

    public ImmutableArray<StatutoryParameter> Parameters { get; }

    public ImmutableArray<RegistryFault> Faults { get; }
}
