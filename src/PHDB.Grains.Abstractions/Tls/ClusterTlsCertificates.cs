using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Connections.Security;

namespace PHDB.Grains.Tls;

/// <summary>
/// This host's certificate and the authority its peers' certificates must chain to, loaded and checked once at start:
/// a missing file, a key that does not match or a certificate the authority did not issue stops the host with one
/// line naming the key, not a failed handshake later.
/// </summary>
public sealed class ClusterTlsCertificates : IDisposable
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private ClusterTlsCertificates(X509Certificate2 certificate, X509Certificate2 authority)
    {
        Certificate = certificate;
        Authority = authority;
    }

    /// <summary>This host's certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The cluster's certificate authority.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>
    /// Reads <see cref="ClusterTlsOptions.Section"/>: the certificates when TLS is on, <see langword="null"/> when off.
    /// </summary>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="onByDefault">Whether TLS is on when <c>Orleans:Tls:Enabled</c> is not set and no certificate is given.</param>
    /// <exception cref="OptionsValidationException">A setting is missing or a file cannot be used; the message names the key.</exception>
    public static ClusterTlsCertificates? Load(IConfiguration configuration, bool onByDefault)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(ClusterTlsOptions.Section).Get<ClusterTlsOptions>() ?? new();
        var enabled = options.Enabled ?? (onByDefault || !string.IsNullOrWhiteSpace(options.CertificatePath));
        if (!enabled)
        {
            return null;
        }

        var certificatePath = Require(options.CertificatePath, nameof(ClusterTlsOptions.CertificatePath));
        var keyPath = Require(options.KeyPath, nameof(ClusterTlsOptions.KeyPath));
        var authorityPath = Require(options.AuthorityPath, nameof(ClusterTlsOptions.AuthorityPath));
        var authority = Read(
            nameof(ClusterTlsOptions.AuthorityPath),
            () => X509CertificateLoader.LoadCertificateFromFile(authorityPath)
        );
        var certificate = Read(
            nameof(ClusterTlsOptions.KeyPath),
            () => X509Certificate2.CreateFromPemFile(certificatePath, keyPath)
        );
        var loaded = new ClusterTlsCertificates(certificate, authority);
        if (!AllowsBothRoles(certificate))
        {
            loaded.Dispose();
            throw Invalid(
                nameof(ClusterTlsOptions.CertificatePath),
                "must name a certificate whose extended key usage allows both server and client authentication"
            );
        }

        if (!loaded.IsIssuedByAuthority(certificate))
        {
            loaded.Dispose();
            throw Invalid(
                nameof(ClusterTlsOptions.CertificatePath),
                $"must name a certificate issued by the authority in {ClusterTlsOptions.Section}:AuthorityPath, valid now"
            );
        }

        return loaded;
    }

    /// <summary>
    /// Whether <paramref name="certificate"/> chains to <see cref="Authority"/> alone (the machine's trusted roots play
    /// no part) and is valid now. Host names are not compared: the authority issues certificates to cluster members only.
    /// </summary>
    public bool IsIssuedByAuthority(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        return chain.Build(certificate);
    }

    /// <summary>Mutual TLS: this host presents its certificate and requires one its authority issued from every peer.</summary>
    public void Configure(TlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.LocalCertificate = Certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (certificate, _, _) => IsIssuedByAuthority(certificate);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Certificate.Dispose();
        Authority.Dispose();
    }

    private static bool AllowsBothRoles(X509Certificate2 certificate)
    {
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        if (usages is null)
        {
            return true;
        }

        var oids = usages.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        return oids.Contains(ServerAuthentication.Value) && oids.Contains(ClientAuthentication.Value);
    }

    private static string Require(string? value, string member) =>
        string.IsNullOrWhiteSpace(value)
            ? throw Invalid(
                member,
                "must name a PEM file when TLS is on (set Orleans:Tls:Enabled=false to run without)"
            )
            : value;

    private static X509Certificate2 Read(string member, Func<X509Certificate2> read)
    {
        try
        {
            return read();
        }
        catch (Exception e)
            when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw Invalid(
                member,
                $"must name a readable PEM file that fits the other TLS files ({e.Message.TrimEnd('.')})"
            );
        }
    }

    private static OptionsValidationException Invalid(string member, string allowed) =>
        new(ClusterTlsOptions.Section, typeof(ClusterTlsOptions), [$"{ClusterTlsOptions.Section}:{member} {allowed}"]);
}
