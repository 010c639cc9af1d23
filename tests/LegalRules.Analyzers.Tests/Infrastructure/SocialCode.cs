namespace LegalRules.Tests.Infrastructure;

/// <summary>
/// A declaration that makes a compilation one about French social law (it names a contribution), for
/// the tests whose code is otherwise named by nothing: in code that names no benefit or contribution
/// anywhere, a number that only its digits make believable is not reported.
/// </summary>
internal static class SocialCode
{
    public const string Marker = "public class CotisationsSalariales { }";
}
