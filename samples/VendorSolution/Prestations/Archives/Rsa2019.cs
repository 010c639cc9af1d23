namespace Vendor.Prestations.Archives
{
    // Barème 2019, plus compilé (Compile Remove) : rien à signaler.
    public static class Rsa2019
    {
        public const decimal MontantForfaitaireRsa = 559.74m;
    }
}
