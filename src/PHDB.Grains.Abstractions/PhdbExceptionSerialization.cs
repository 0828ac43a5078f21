using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace PHDB.Grains;

/// <summary>
/// Lets PHDB's own exceptions (a Product Hunt client error a grain passes on, say) and the database driver's (a
/// PostgreSQL error or an unreachable server) cross grain calls with their type and message: Orleans serializes only
/// exceptions of the namespaces it is told of, and fails the call with a <c>CodecNotFoundException</c> for any other,
/// which hid the database's own words from the console and the command line. Used by every silo and cluster client.
/// </summary>
public static class PhdbExceptionSerialization
{
    /// <summary>The namespace prefix of PHDB's types.</summary>
    public const string NamespacePrefix = "PHDB";

    /// <summary>The namespace prefix of the PostgreSQL driver's types.</summary>
    public const string DatabaseNamespacePrefix = "Npgsql";

    /// <summary>Adds <see cref="NamespacePrefix"/> and <see cref="DatabaseNamespacePrefix"/> to the exception namespaces Orleans serializes.</summary>
    public static IServiceCollection AddPhdbExceptionSerialization(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(options =>
        {
            options.SupportedNamespacePrefixes.Add(NamespacePrefix);
            options.SupportedNamespacePrefixes.Add(DatabaseNamespacePrefix);
        });
}
