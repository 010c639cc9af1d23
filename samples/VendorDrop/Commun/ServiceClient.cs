// Client du service de télédéclaration. Dépend d'une bibliothèque du fournisseur absente de la livraison.
using System.Threading.Tasks;
using Vendor.Framework.Http;

namespace Vendor.Commun
{
    public class ServiceClient
    {
        private const int TimeoutSeconds = 30;
        private const int HttpNotFound = 404;
        private readonly IHttpTransport _transport;

        public ServiceClient(IHttpTransport transport) => _transport = transport;

        public async Task<bool> ExisteAsync(string dossier)
        {
            var reponse = await _transport.GetAsync("/dossiers/" + dossier, TimeoutSeconds);
            return reponse.Status != HttpNotFound;
        }
    }
}
