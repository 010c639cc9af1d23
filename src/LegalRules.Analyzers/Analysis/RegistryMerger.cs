using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LegalRules.Registry;
using LegalRules.Registry.Sources;

namespace LegalRules.Analysis;

/// <summary>
/// Merges the registry's sources in their order — embedded registry, OpenFisca trees, native
/// files — a later source overriding an earlier one key by key. The merged registry is reused
/// while its inputs are the same parsed files (the IDE re-analysing an unchanged project).
/// </summary>
internal static class RegistryMerger
{
    private static readonly object Gate = new();
    private static readonly List<(MergeKey Key, StatutoryRegistry Registry)> Recent = new();
    private const int RecentCapacity = 8;

    public static StatutoryRegistry Merge(bool includeEmbedded, ImmutableArray<RegistryFileInput> inputs)
    {
        var key = new MergeKey(includeEmbedded, inputs);
        lock (Gate)
        {
            foreach (var entry in Recent)
            {
                if (entry.Key.Equals(key))
                {
                    return entry.Registry;
                }
            }
        }

        var registry = Build(includeEmbedded, inputs);
        lock (Gate)
        {
            Recent.Insert(0, (key, registry));
            if (Recent.Count > RecentCapacity)
            {
                Recent.RemoveAt(Recent.Count - 1);
            }
        }

        return registry;
    }

    private static StatutoryRegistry Build(bool includeEmbedded, ImmutableArray<RegistryFileInput> inputs)
    {
        var parameters = new Dictionary<string, StatutoryParameter>(StringComparer.Ordinal);
        if (includeEmbedded)
        {
            foreach (var parameter in EmbeddedRegistry.File.Parameters)
            {
                parameters[parameter.Key] = parameter;
            }
        }

        foreach (var input in inputs)
        {
            if (input.Kind == RegistryFileKind.OpenFisca && input.Registry is not null)
            {
                var origin = new RegistryOrigin(RegistrySourceKind.OpenFisca, input.Path);
                foreach (var parameter in input.Registry.Parameters)
                {
                    var key = input.Key + parameter.Key;
                    parameters[key] = parameter.WithKey(key, origin);
                }
            }
        }

        foreach (var input in inputs)
        {
            if (input.Kind == RegistryFileKind.Native && input.Registry is not null)
            {
                var origin = new RegistryOrigin(RegistrySourceKind.Native, input.Path);
                foreach (var parameter in input.Registry.Parameters)
                {
                    parameters[parameter.Key] = parameter.WithKey(parameter.Key, origin);
                }
            }
        }

        return new StatutoryRegistry(parameters.Values);
    }

    /// <summary>Identity of a merge: the same parsed objects (cached by content) at the same paths.</summary>
    private readonly struct MergeKey : IEquatable<MergeKey>
    {
        private readonly bool _includeEmbedded;
        private readonly ImmutableArray<RegistryFileInput> _inputs;

        public MergeKey(bool includeEmbedded, ImmutableArray<RegistryFileInput> inputs)
        {
            _includeEmbedded = includeEmbedded;
            _inputs = inputs;
        }

        public bool Equals(MergeKey other)
        {
            if (_includeEmbedded != other._includeEmbedded || _inputs.Length != other._inputs.Length)
            {
                return false;
            }

            for (var i = 0; i < _inputs.Length; i++)
            {
                var a = _inputs[i];
                var b = other._inputs[i];
                if (a.Kind != b.Kind || !ReferenceEquals(a.Registry, b.Registry) || a.Path != b.Path || a.Key != b.Key)
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is MergeKey other && Equals(other);

        public override int GetHashCode() => _inputs.Length;
    }
}
