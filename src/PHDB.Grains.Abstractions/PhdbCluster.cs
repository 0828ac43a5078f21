namespace PHDB.Grains;

/// <summary>Identity of the PHDB Orleans cluster and the names of its storage providers.</summary>
public static class PhdbCluster
{
    /// <summary>The Orleans service id: grain state and reminders are keyed by it.</summary>
    public const string ServiceId = "phdb";

    /// <summary>The default cluster id (silos and clients with the same id form one cluster).</summary>
    public const string DefaultClusterId = "phdb";

    /// <summary>ADO.NET invariant name of the PostgreSQL provider (Npgsql).</summary>
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>Name of the grain storage provider that keeps grain state in PostgreSQL.</summary>
    public const string StateStorage = "phdb";

    /// <summary>Name of the connection string every PHDB process reads.</summary>
    public const string ConnectionStringName = "phdb";
}
