using Npgsql;
using PHDB.Runtime;

namespace PHDB.Cli.Connection;

/// <summary>The PHDB a command talks to: its database (and through its membership table, its cluster).</summary>
/// <param name="ConnectionString">The <c>phdb</c> database.</param>
/// <param name="ClusterId">The Orleans cluster id.</param>
/// <param name="Source">Where it was found: <c>--database</c>, <c>PHDB_DATABASE</c> or the runtime file's path.</param>
/// <param name="Runtime">The running AppHost's runtime file, when it was found that way.</param>
internal sealed record PhdbTarget(string ConnectionString, string ClusterId, string Source, RuntimeInfo? Runtime)
{
    /// <summary>Host, port and database, without credentials: safe to show.</summary>
    public string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
