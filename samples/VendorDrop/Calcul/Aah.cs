// Moteur de calcul des prestations — allocation aux adultes handicapés
namespace Vendor.Calcul
{
    public sealed class CalculAah
    {
        public decimal MontantAahTauxPlein { get; } = 1033.32m;

        public decimal Differentiel(decimal ressourcesMensuelles)
            => System.Math.Max(0m, MontantAahTauxPlein - ressourcesMensuelles);
    }
}
