namespace PHDB.ProductHunt;

/// <summary>The API refused the query itself (HTTP 400, a GraphQL validation error, a complexity or depth cap); sending it again cannot help.</summary>
public class ProductHuntQueryRejectedException(
    string message,
    IReadOnlyList<string> serverMessages,
    int? statusCode = 200
) : ProductHuntApiException(message, statusCode)
{
    /// <summary>The server's error messages, verbatim.</summary>
    public IReadOnlyList<string> ServerMessages { get; } = serverMessages;

    /// <summary>The first segment of each error's path (the alias it concerns), for errors that name one.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
