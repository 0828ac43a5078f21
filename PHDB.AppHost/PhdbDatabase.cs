namespace PHDB.AppHost;

/// <summary>
/// The <c>phdb</c> connection string (the owner's, for the migrator) and, when PHDB runs its own PostgreSQL server,
/// the server, the application role's connection string the other hosts use and that role's password.
/// </summary>
internal sealed record PhdbDatabase(
    IResourceBuilder<IResourceWithConnectionString> ConnectionString,
    IResourceBuilder<ExecutableResource>? Server,
    ReferenceExpression? ApplicationConnectionString = null,
    IResourceBuilder<ParameterResource>? ApplicationPassword = null
);
