namespace PHDB.Grains.Tls;

/// <summary>
/// TLS between silos and from clients to silos (section <c>Orleans:Tls</c>): mutual, with certificates from PEM files
/// issued by the cluster's own certificate authority.
/// </summary>
public sealed class ClusterTlsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Orleans:Tls";

    /// <summary>
    /// On or off. When not set, TLS is on for a silo that other hosts reach (its advertised address is not loopback)
    /// and for any host given <see cref="CertificatePath"/>; off otherwise (the AppHost's loopback cluster).
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>This host's certificate (PEM). Its extended key usage, if any, must allow server and client authentication.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The certificate's private key (PEM, unencrypted).</summary>
    public string? KeyPath { get; set; }

    /// <summary>The cluster's certificate authority (PEM): a peer is accepted only when its certificate chains to it.</summary>
    public string? AuthorityPath { get; set; }
}
