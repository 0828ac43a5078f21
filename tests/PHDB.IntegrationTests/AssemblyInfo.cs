using PHDB.Testing;

[assembly: AssemblyFixture(typeof(PostgresServer))]
