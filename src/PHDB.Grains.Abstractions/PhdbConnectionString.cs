using Microsoft.Extensions.Configuration;
using Npgsql;

namespace PHDB.Grains;

/// <summary>Reads and checks the <c>phdb</c> connection string.</summary>
public static class PhdbConnectionString
{
    /// <summary>Returns <c>ConnectionStrings:phdb</c>, failing with a clear message when it is missing or malformed.</summary>
    /// <exception cref="InvalidOperationException">The connection string is missing or cannot be parsed.</exception>
    public static string Require(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(PhdbCluster.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{PhdbCluster.ConnectionStringName} is not set: PHDB needs its PostgreSQL database."
            );
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException e)
        {
            // The message of the parser may quote the string; name the key only.
            throw new InvalidOperationException(
                $"ConnectionStrings:{PhdbCluster.ConnectionStringName} is not a valid PostgreSQL connection string.",
                e.InnerException
            );
        }

        return value;
    }
}
