namespace Vendor.Outils
{
    // Not part of the solution: audited only when the folder is given.
    public static class Conversions
    {
        public const decimal PlafondAnnuelSecu = 46368m;
    }
}
