using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PHDB.Grains.Tls;
using PHDB.Testing;

namespace PHDB.IntegrationTests.Tls;

/// <summary>When TLS is on, and which certificate files a host accepts at start.</summary>
public sealed class ClusterTlsCertificatesTests : IDisposable
{
    private readonly TestCertificateAuthority authority = new();
    private readonly TestCertificateAuthority stranger = new("Another CA");

    [Fact]
    public void Off_on_loopback_unless_turned_on_or_given_a_certificate() =>
        Assert.Null(ClusterTlsCertificates.Load(Configuration(), onByDefault: false));

    [Fact]
    public void Turned_off_explicitly_it_stays_off_where_it_would_be_on() =>
        Assert.Null(
            ClusterTlsCertificates.Load(
                Configuration(new KeyValuePair<string, string?>("Orleans:Tls:Enabled", "false")),
                onByDefault: true
            )
        );

    [Fact]
    public void On_by_default_without_files_it_names_the_missing_key()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            ClusterTlsCertificates.Load(Configuration(), onByDefault: true)
        );
        Assert.StartsWith("Orleans:Tls:CertificatePath must name a PEM file", Assert.Single(error.Failures));
    }

    [Fact]
    public void A_certificate_of_the_authority_loads_and_peers_are_checked_against_it()
    {
        var host = authority.Issue("silo-a");
        var peer = authority.Issue("silo-b");
        var outsider = stranger.Issue("intruder");

        using var loaded = ClusterTlsCertificates.Load(Configuration([.. host.Settings]), onByDefault: false);

        Assert.NotNull(loaded);
        Assert.True(loaded.Certificate.HasPrivateKey);
        using var peerCertificate =
            System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(
                peer.CertificatePath
            );
        using var outsiderCertificate =
            System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(
                outsider.CertificatePath
            );
        Assert.True(loaded.IsIssuedByAuthority(peerCertificate));
        Assert.False(loaded.IsIssuedByAuthority(outsiderCertificate));
    }

    [Fact]
    public void A_certificate_another_authority_issued_is_refused_at_start()
    {
        var outsider = stranger.Issue("intruder");
        var settings = outsider.Settings.ToDictionary();
        settings["Orleans:Tls:AuthorityPath"] = authority.AuthorityPath;

        var error = Assert.Throws<OptionsValidationException>(() =>
            ClusterTlsCertificates.Load(Configuration([.. settings]), onByDefault: false)
        );

        Assert.StartsWith(
            "Orleans:Tls:CertificatePath must name a certificate issued by",
            Assert.Single(error.Failures)
        );
    }

    [Fact]
    public void A_key_that_is_not_the_certificates_is_refused_at_start()
    {
        var host = authority.Issue("silo-a");
        var other = authority.Issue("silo-b");
        var settings = host.Settings.ToDictionary();
        settings["Orleans:Tls:KeyPath"] = other.KeyPath;

        var error = Assert.Throws<OptionsValidationException>(() =>
            ClusterTlsCertificates.Load(Configuration([.. settings]), onByDefault: false)
        );

        Assert.StartsWith("Orleans:Tls:KeyPath must name a readable PEM file", Assert.Single(error.Failures));
    }

    [Fact]
    public void An_expired_certificate_is_refused_at_start()
    {
        var host = authority.Issue("silo-a", notBefore: DateTimeOffset.UtcNow.AddDays(-40));

        var error = Assert.Throws<OptionsValidationException>(() =>
            ClusterTlsCertificates.Load(Configuration([.. host.Settings]), onByDefault: false)
        );

        Assert.Contains("valid now", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        authority.Dispose();
        stranger.Dispose();
    }

    private static IConfiguration Configuration(params KeyValuePair<string, string?>[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
