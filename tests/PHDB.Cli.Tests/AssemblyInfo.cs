global using CliResult = PHDB.Testing.ProcessResult;
using PHDB.Testing;

[assembly: AssemblyFixture(typeof(PostgresServer))]

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
