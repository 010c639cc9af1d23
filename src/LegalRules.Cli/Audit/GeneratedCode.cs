using System;
using System.IO;
using LegalRules.Rules;
using Microsoft.CodeAnalysis;

namespace LegalRules.Cli.Audit;

/// <summary>
/// Recognises generated files the way the IDE and the compiler's analyzer driver do (file-name
/// conventions, an <c>&lt;auto-generated&gt;</c> comment at the top), plus the attribute files
/// MSBuild writes. They still join the compilation, so that the code around them binds, but no
/// finding is reported in them: a developer does not edit them.
/// </summary>
internal static class GeneratedCode
{
    /// <summary>The attribute files MSBuild writes, on top of the names the compiler's driver knows.</summary>
    private static readonly string[] MsBuildSuffixes =
    {
        ".AssemblyInfo.cs",
        ".AssemblyAttributes.cs",
    };

    /// <summary>Whether the file's name alone marks it as generated.</summary>
    public static bool IsGeneratedName(string path)
    {
        if (GeneratedCodeFilter.IsGeneratedName(path) || Path.GetFileName(path).Equals("AssemblyAttributes.cs", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var suffix in MsBuildSuffixes)
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the comments before the first token say the file is generated.</summary>
    public static bool HasGeneratedHeader(SyntaxTree tree) => GeneratedCodeFilter.HasGeneratedHeader(tree);
}
