using PHDB.Export.Tests;

[assembly: AssemblyFixture(typeof(HarvestedWorld))]
