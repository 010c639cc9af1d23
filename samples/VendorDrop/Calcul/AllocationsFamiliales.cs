// Moteur de calcul des prestations — prestations familiales (livraison 3.2)
namespace Vendor.Calcul
{
    public static class AllocationsFamiliales
    {
        public const decimal BMAF = 474.37m;
        public const decimal TauxAllocationsFamiliales2Enfants = 0.32m;
        public const decimal TauxAllocationsFamilialesParEnfantSupplementaire = 0.41m;

        public static decimal Montant(int enfantsACharge)
        {
            if (enfantsACharge < 2)
            {
                return 0m;
            }

            var taux = TauxAllocationsFamiliales2Enfants + (enfantsACharge - 2) * TauxAllocationsFamilialesParEnfantSupplementaire;
            return System.Math.Round(BMAF * taux, 2);
        }
    }
}
