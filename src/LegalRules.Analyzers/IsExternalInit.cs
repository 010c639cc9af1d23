namespace System.Runtime.CompilerServices;

// Lets netstandard2.0 code use init accessors.
internal static class IsExternalInit
{
}
