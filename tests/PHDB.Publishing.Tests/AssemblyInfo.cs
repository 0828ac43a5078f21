using PHDB.Publishing.Tests;

[assembly: AssemblyFixture(typeof(PublishingWorld))]
