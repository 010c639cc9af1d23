// Moteur de calcul des prestations — module prime d'activité (livraison 3.2)
using System;
using Vendor.Commun;

namespace Vendor.Calcul
{
    public class CalculPrimeActivite
    {
        // Paramètres chargés au démarrage (valeurs par défaut).
        internal decimal k1 = 633.21m;

        // Part des revenus professionnels conservée par le foyer.
        private const decimal TauxCumul = 0.61m;

        public decimal Montant(decimal revenusActivite, decimal autresRessources)
        {
            var montant = k1 + revenusActivite * TauxCumul - (revenusActivite + autresRessources);
            // En dessous de 15 €, la prime n'est pas versée.
            return montant < 15m ? 0m : Arrondis.AuCentime(montant);
        }
    }
}
