using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using PHDB.LocalPostgres;
using PHDB.Migrations;
using PHDB.Runtime;

namespace PHDB.AppHost;

/// <summary>
/// Adds the <c>phdb</c> database: an external server when <c>ConnectionStrings:phdb</c> is set, else a PostgreSQL
/// server run from this machine's binaries (an init step on first use, then the server), kept in the data directory.
/// </summary>
internal static class PhdbDatabaseResources
{
    private const string Name = "phdb";
    private const string ReadyCheck = "postgres-ready";

    /// <summary>
    /// Connections one process's pool may hold. The server PHDB runs allows that many for every silo, the console and
    /// the migrator (plus a few for an operator's psql), so bursts of grain-state writes wait in a pool instead of
    /// being refused by the server.
    /// </summary>
    internal const int PoolSizePerProcess = 40;

    public static PhdbDatabase AddPhdbDatabase(this IDistributedApplicationBuilder builder, PhdbHostSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(Name)))
        {
            return new PhdbDatabase(builder.AddConnectionString(Name), null);
        }

        var cluster = new LocalPostgresCluster(
            Path.Combine(settings.DataDirectory, "postgres"),
            PostgresInstallation.Locate(settings.PostgresBinDirectory),
            PostgresServiceAccount.ForCurrentProcess()
        );
        var password = builder.AddParameter("postgres-password", cluster.Prepare(), secret: true);

        var maxConnections = (PoolSizePerProcess * (settings.Silos + 2)) + 10;
        // Run so that DCP's SIGTERM is a fast shutdown: a smart one would wait for every client to disconnect.
        var (serverFile, serverArgs) = cluster.ServerCommand(settings: [$"max_connections={maxConnections}"]);
        var server = builder
            .AddExecutable("postgres", serverFile, cluster.RootDirectory, [.. serverArgs])
            .WithEndpoint(name: "tcp", scheme: "tcp", port: FreeTcpPort.Next(), isProxied: false, env: "PGPORT")
            .WithHealthCheck(ReadyCheck);

        if (!cluster.IsInitialized)
        {
            var (initFile, initArgs) = cluster.Account.Command(cluster.Installation.Initdb, cluster.InitdbArguments());
            var init = builder.AddExecutable("postgres-init", initFile, cluster.RootDirectory, [.. initArgs]);
            server.WaitForCompletion(init);
        }

        var endpoint = server.GetEndpoint("tcp");
        var poolSize = PoolSizePerProcess.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ReferenceExpression ConnectionTo(string database) =>
            ReferenceExpression.Create(
                $"Host=127.0.0.1;Port={endpoint.Property(EndpointProperty.Port)};Username={LocalPostgresCluster.SuperUser};Password={password};Database={database};Maximum Pool Size={poolSize}"
            );

        var serverConnection = ConnectionTo("postgres");
        builder
            .Services.AddHealthChecks()
            .AddAsyncCheck(
                ReadyCheck,
                async cancellationToken => await IsReadyAsync(serverConnection, cancellationToken)
            );

        var connectionString = builder.AddConnectionString(Name, ConnectionTo(Name));
        // The silos and the console connect as the least-privilege role the migrations create; the migrator lets it
        // log in with this password (generated on first run, kept in the AppHost's user secrets).
        var applicationPassword = builder.AddParameter(
            "phdb-app-password",
            new GenerateParameterDefault { MinLength = 32, Special = false },
            secret: true,
            persist: true
        );
        var applicationConnection = ReferenceExpression.Create(
            $"Host=127.0.0.1;Port={endpoint.Property(EndpointProperty.Port)};Username={ApplicationRole.Name};Password={applicationPassword};Database={Name};Maximum Pool Size={poolSize}"
        );
        return new PhdbDatabase(connectionString, server, applicationConnection, applicationPassword);
    }

    /// <summary>
    /// Connects as the database's owner (the migrator): it may change the schema, and is handed the application
    /// role's password to set. Waits until the server (if PHDB runs one) accepts connections.
    /// </summary>
    public static IResourceBuilder<T> WithPhdbDatabaseOwner<T>(this IResourceBuilder<T> resource, PhdbDatabase database)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        resource.WithReference(database.ConnectionString);
        if (database.ApplicationPassword is not null)
        {
            resource.WithEnvironment("Database__ApplicationPassword", database.ApplicationPassword);
        }

        return database.Server is null ? resource : resource.WaitFor(database.Server);
    }

    /// <summary>
    /// Connects as the application role when PHDB runs its own server, else with the configured connection string.
    /// Waits until the server (if PHDB runs one) accepts connections.
    /// </summary>
    public static IResourceBuilder<T> WithPhdbDatabase<T>(this IResourceBuilder<T> resource, PhdbDatabase database)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        if (database.ApplicationConnectionString is { } application)
        {
            resource.WithEnvironment($"ConnectionStrings__{Name}", application);
        }
        else
        {
            resource.WithReference(database.ConnectionString);
        }

        return database.Server is null ? resource : resource.WaitFor(database.Server);
    }

    private static async Task<HealthCheckResult> IsReadyAsync(
        ReferenceExpression connection,
        CancellationToken cancellationToken
    )
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(await connection.GetValueAsync(cancellationToken))
            {
                Pooling = false,
                Timeout = 3,
            };
            await using var npgsql = new NpgsqlConnection(builder.ConnectionString);
            await npgsql.OpenAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not accept connections yet.");
        }
    }
}
