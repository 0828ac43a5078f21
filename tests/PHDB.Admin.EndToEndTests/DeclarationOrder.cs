using Xunit.Sdk;
using Xunit.v3;

namespace PHDB.Admin.EndToEndTests;

/// <summary>Runs a class's tests in the order they are declared in its source.</summary>
public sealed class DeclarationOrder : ITestMethodOrderer
{
    /// <inheritdoc />
    public IReadOnlyCollection<TTestMethod?> OrderTestMethods<TTestMethod>(
        IReadOnlyCollection<TTestMethod?> testMethods
    )
        where TTestMethod : ITestMethod =>
        [.. testMethods.OrderBy(m => m is IXunitTestMethod method ? method.MetadataToken : int.MaxValue)];
}
