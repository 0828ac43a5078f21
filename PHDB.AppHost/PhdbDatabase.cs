namespace PHDB.AppHost;

/// <summary>The <c>phdb</c> connection string and, when PHDB runs its own, the PostgreSQL server behind it.</summary>
internal sealed record PhdbDatabase(
    IResourceBuilder<IResourceWithConnectionString> ConnectionString,
    IResourceBuilder<ExecutableResource>? Server
);
