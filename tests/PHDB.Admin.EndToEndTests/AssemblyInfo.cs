using PHDB.Admin.EndToEndTests;
using Xunit.Sdk;
using Xunit.v3;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: AssemblyFixture(typeof(AdminConsoleApp))]

// One app, one admin account: the lockout test must not run beside (or before) a test that logs in.
[assembly: Parallelization(Mode = ParallelMode.None)]
