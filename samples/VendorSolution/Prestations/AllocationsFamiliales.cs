// Prestations familiales — module historique, enregistré en Windows-1252.
// Base mensuelle de calcul des allocations familiales (réévaluée chaque 1er avril).
namespace Vendor.Prestations
{
    public static class AllocationsFamiliales
    {
        public const decimal BaseMensuelleDeCalcul = 474.37m; // BMAF « à jour »

        public static decimal Montant(int enfants) => enfants < 2 ? 0m : BaseMensuelleDeCalcul * (enfants - 1);
    }
}
