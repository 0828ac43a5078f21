using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

/// <summary>Where the bearer token comes from: a developer token, or a client-credentials exchange cached until refused.</summary>
internal sealed class AccessTokenSource(HttpClient http, ProductHuntOptions options, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _exchanged;

    public bool UsesClientCredentials => string.IsNullOrWhiteSpace(options.Token);

    public Uri TokenEndpoint => new(options.BaseAddress, "v2/oauth/token");

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (!UsesClientCredentials)
        {
            return options.Token!;
        }

        if (Volatile.Read(ref _exchanged) is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _exchanged ??= await ExchangeAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets an exchanged token the API refused, so that the next request exchanges again.</summary>
    public void Invalidate() => Volatile.Write(ref _exchanged, null);

    private async Task<string> ExchangeAsync(CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent([
            new("client_id", options.ClientId ?? ""),
            new("client_secret", options.ClientSecret ?? ""),
            new("grant_type", "client_credentials"),
        ]);
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(TokenEndpoint, content, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new ProductHuntTransientException("The token exchange failed to connect.", null, exception);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
            {
                throw new ProductHuntTransientException($"The token exchange failed with HTTP {status}.", status);
            }

            if (!response.IsSuccessStatusCode)
            {
                ClientLog.AuthenticationFailed(logger, status);
                throw new ProductHuntAuthenticationException(
                    $"The client credentials were refused (HTTP {status}).",
                    status
                );
            }

            OAuthTokenNode? node;
            try
            {
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                node = JsonSerializer.Deserialize(body, WireJsonContext.Default.OAuthTokenNode);
            }
            catch (JsonException exception)
            {
                throw new ProductHuntTransientException(
                    "The token exchange answered malformed JSON.",
                    status,
                    exception
                );
            }

            if (string.IsNullOrEmpty(node?.AccessToken))
            {
                throw new ProductHuntAuthenticationException("The token exchange answered without a token.", status);
            }

            ClientLog.TokenExchanged(logger, node.Scope ?? "unknown");
            return node.AccessToken;
        }
    }

    public void Dispose() => _gate.Dispose();
}
