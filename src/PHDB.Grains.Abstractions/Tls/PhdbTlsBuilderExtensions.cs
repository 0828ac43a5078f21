using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PHDB.Grains.Tls;

/// <summary>Puts a silo's or a client's cluster connections under TLS as <see cref="ClusterTlsOptions"/> says.</summary>
public static class PhdbTlsBuilderExtensions
{
    /// <summary>
    /// TLS on silo-to-silo and gateway connections when on (<paramref name="onByDefault"/>: whether other hosts reach
    /// this silo).
    /// </summary>
    public static ISiloBuilder UsePhdbTls(this ISiloBuilder silo, IConfiguration configuration, bool onByDefault)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var certificates = ClusterTlsCertificates.Load(configuration, onByDefault);
        if (certificates is null)
        {
            return silo;
        }

        silo.Services.AddSingleton(certificates);
        return silo.UseTls(certificates.Certificate, certificates.Configure);
    }

    /// <summary>TLS on the client's gateway connections when <c>Orleans:Tls</c> gives a certificate or turns it on.</summary>
    public static IClientBuilder UsePhdbTls(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        var certificates = ClusterTlsCertificates.Load(configuration, onByDefault: false);
        if (certificates is null)
        {
            return client;
        }

        client.Services.AddSingleton(certificates);
        return client.UseTls(certificates.Certificate, certificates.Configure);
    }
}
