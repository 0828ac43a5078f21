using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PHDB.Testing;

/// <summary>
/// A certificate authority made for one test, as an operator makes a cluster's with openssl: it issues host
/// certificates (server and client authentication, the host's IP addresses as names) written as PEM files.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private readonly TemporaryDirectory directory = new("phdb-tls-");
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly X509Certificate2 certificate;

    /// <summary>Creates the authority (<paramref name="name"/> as its common name) and writes its certificate.</summary>
    public TestCertificateAuthority(string name = "PHDB test cluster CA")
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true)
        );
        certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddDays(60));
        AuthorityPath = Path.Join(directory.Path, "ca.pem");
        File.WriteAllText(AuthorityPath, certificate.ExportCertificatePem());
    }

    /// <summary>The authority's certificate (PEM): <c>Orleans:Tls:AuthorityPath</c>.</summary>
    public string AuthorityPath { get; }

    /// <summary>
    /// Issues a certificate for <paramref name="host"/> valid from <paramref name="notBefore"/> (default: yesterday) for
    /// 30 days, and writes it and its key.
    /// </summary>
    public HostCertificate Issue(string host, IPAddress? address = null, DateTimeOffset? notBefore = null)
    {
        using var hostKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={host}", hostKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true)
        );
        request.CertificateExtensions.Add(
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false)
        );
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        names.AddIpAddress(address ?? IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var from = notBefore ?? DateTimeOffset.UtcNow.AddDays(-1);
        using var issued = request.Create(certificate, from, from.AddDays(30), RandomNumberGenerator.GetBytes(12));
        var certificatePath = Path.Join(directory.Path, $"{host}.pem");
        var keyPath = Path.Join(directory.Path, $"{host}.key");
        File.WriteAllText(certificatePath, issued.ExportCertificatePem());
        File.WriteAllText(keyPath, hostKey.ExportPkcs8PrivateKeyPem());
        return new HostCertificate(certificatePath, keyPath, AuthorityPath);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        certificate.Dispose();
        key.Dispose();
        directory.Dispose();
    }
}

/// <summary>A host's certificate, key and the authority that issued it, as files.</summary>
/// <param name="CertificatePath">The host's certificate (PEM).</param>
/// <param name="KeyPath">Its private key (PEM, PKCS#8).</param>
/// <param name="AuthorityPath">The issuing authority's certificate (PEM).</param>
public sealed record HostCertificate(string CertificatePath, string KeyPath, string AuthorityPath)
{
    /// <summary>The <c>Orleans:Tls</c> settings that use these files.</summary>
    public IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>
        {
            ["Orleans:Tls:Enabled"] = "true",
            ["Orleans:Tls:CertificatePath"] = CertificatePath,
            ["Orleans:Tls:KeyPath"] = KeyPath,
            ["Orleans:Tls:AuthorityPath"] = AuthorityPath,
        };
}
