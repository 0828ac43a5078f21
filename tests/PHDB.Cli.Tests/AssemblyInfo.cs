using PHDB.Testing;

[assembly: AssemblyFixture(typeof(PostgresServer))]

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
