// Moteur de calcul des prestations — module RSA (livraison 3.2)
using System;
using Vendor.Commun;

namespace Vendor.Calcul
{
    /// <summary>Calcul du revenu de solidarité active pour un foyer.</summary>
    public class CalculRsa
    {
        // Montant forfaitaire pour une personne seule, revalorisé chaque 1er avril.
        private const decimal MONTANT_FORFAITAIRE = 646.52m;

        // Majorations du forfait selon la composition du foyer.
        private static readonly decimal[] MAJORATIONS = { 1.0m, 1.5m, 1.8m };

        // Forfait logement déduit quand le foyer est logé gratuitement ou aidé.
        private const decimal TAUX_FORFAIT_LOGEMENT_1 = 0.12m;

        public decimal MontantMensuel(Foyer foyer, decimal ressources)
        {
            if (foyer == null) throw new ArgumentNullException(nameof(foyer));
            var index = Math.Min(foyer.NombrePersonnes, MAJORATIONS.Length) - 1;
            var forfait = MONTANT_FORFAITAIRE * MAJORATIONS[index];
            var logement = foyer.AideAuLogement ? MONTANT_FORFAITAIRE * TAUX_FORFAIT_LOGEMENT_1 : 0m;
            var montant = forfait - logement - ressources;
            return montant > 0m ? Arrondis.AuCentime(montant) : 0m;
        }
    }
}
