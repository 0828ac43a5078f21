using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace PHDB.Grains;

/// <summary>
/// Lets PHDB's own exceptions (a Product Hunt client error a grain passes on, say) cross grain calls with their type
/// and message: Orleans serializes only exceptions of the namespaces it is told of, and fails the call with a
/// <c>CodecNotFoundException</c> for any other. Used by every silo and cluster client.
/// </summary>
public static class PhdbExceptionSerialization
{
    /// <summary>The namespace prefix of PHDB's types.</summary>
    public const string NamespacePrefix = "PHDB";

    /// <summary>Adds <see cref="NamespacePrefix"/> to the exception namespaces Orleans serializes.</summary>
    public static IServiceCollection AddPhdbExceptionSerialization(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(options =>
            options.SupportedNamespacePrefixes.Add(NamespacePrefix)
        );
}
