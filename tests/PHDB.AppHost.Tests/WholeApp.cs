namespace PHDB.AppHost.Tests;

/// <summary>The tests that run the whole app, one at a time: each starts every resource of the AppHost.</summary>
[CollectionDefinition(Collection)]
public sealed class WholeApp
{
    /// <summary>The name of the collection.</summary>
    public const string Collection = "whole app";
}
