namespace PHDB.Simulator.Api;

/// <summary>What goes wrong with one request, if anything.</summary>
public enum FaultKind
{
    /// <summary>No fault.</summary>
    None,

    /// <summary>HTTP 500 with the live server-error body.</summary>
    ServerError,

    /// <summary>The response is delayed.</summary>
    Slow,

    /// <summary>The request is held, then answered 504.</summary>
    Timeout,

    /// <summary>The connection is dropped.</summary>
    Drop,

    /// <summary>The JSON body is cut off.</summary>
    Truncate,

    /// <summary>The body is not JSON.</summary>
    Malformed,

    /// <summary>A GraphQL error inside a 200.</summary>
    GraphQLError,
}
