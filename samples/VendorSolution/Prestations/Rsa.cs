using Vendor.Prestations.Annotations;

namespace Vendor.Prestations
{
    public static class Rsa
    {
#if CAF_METROPOLE
        [StatutoryParameter("prestations_sociales.solidarite_insertion.minima_sociaux.rsa.rsa_m.montant_de_base_du_rsa")]
        public const decimal MontantForfaitaire = 646.52m;
#else
        public const decimal MontantForfaitaire = 635.71m;
#endif

        public static decimal Montant(decimal ressources) => System.Math.Max(0m, MontantForfaitaire - ressources);
    }
}
