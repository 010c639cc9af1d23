namespace Vendor.Prestations.Annotations
{
    /// <summary>The vendor's own copy of the attribute: the analyzer recognises it by its name.</summary>
    [System.AttributeUsage(System.AttributeTargets.Field | System.AttributeTargets.Property)]
    public sealed class StatutoryParameterAttribute : System.Attribute
    {
        public StatutoryParameterAttribute(string key) => Key = key;

        public string Key { get; }
    }
}
