using System;
using System.Collections.Generic;
using LegalRules.Registry;

namespace LegalRules.Matching;

/// <summary>
/// The words syntax finds around a value (<see cref="CodeContext.SyntacticWordsAround"/>): its own,
/// and the sets <see cref="ParameterNames"/> keeps for a name (the parameters of every method of that
/// name, of every delegate's <c>Invoke</c>), looked into where they are instead of copied for each
/// value: the framework's delegates alone have a hundred words of parameters.
/// </summary>
internal sealed class CodeWords
{
    private List<HashSet<string>>? _shared;

    /// <summary>The words of the names written around the value.</summary>
    public HashSet<string> Own { get; } = new(StringComparer.Ordinal);

    /// <summary>Forgets every word, keeping the room the sets have grown: an instance is reused for value after value.</summary>
    public void Clear()
    {
        Own.Clear();
        _shared?.Clear();
    }

    /// <summary>Adds a set that is never changed again.</summary>
    public void AddShared(HashSet<string> words)
    {
        if (words.Count > 0)
        {
            (_shared ??= new List<HashSet<string>>()).Add(words);
        }
    }

    public bool Contains(string word)
    {
        if (Own.Contains(word))
        {
            return true;
        }

        if (_shared is not null)
        {
            foreach (var shared in _shared)
            {
                if (shared.Contains(word))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when one of the parameter's words is among these: they corroborate it.</summary>
    public bool Corroborates(StatutoryParameter parameter)
    {
        foreach (var word in parameter.Words)
        {
            if (Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every word, in one set.</summary>
    public HashSet<string> ToSet()
    {
        var all = new HashSet<string>(Own, StringComparer.Ordinal);
        foreach (var shared in _shared ?? new List<HashSet<string>>())
        {
            all.UnionWith(shared);
        }

        return all;
    }
}
