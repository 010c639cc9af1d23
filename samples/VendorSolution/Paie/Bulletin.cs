using Vendor.Framework.Paie;   // a package of the vendor, not delivered
using Vendor.Prestations;

namespace Vendor.Paie;

public sealed class Bulletin : BulletinBase
{
    public const decimal PlafondMensuelSecu = 3925m;
    public const decimal TauxCrds = 0.005m;

    public decimal TrancheA(decimal brut) => Math.Min(brut, PlafondMensuelSecu);

    public decimal Crds(decimal assiette) => assiette * TauxCrds;

    // Binds through the project reference: implicit usings give Math and List.
    public List<decimal> Minima() => new() { Rsa.MontantForfaitaire, AllocationsFamiliales.BaseMensuelleDeCalcul };
}
