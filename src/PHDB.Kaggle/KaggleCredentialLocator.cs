using System.Text.Json;

namespace PHDB.Kaggle;

/// <summary>Finds Kaggle credentials where Kaggle's own client looks for them, in its order.</summary>
public static class KaggleCredentialLocator
{
    private const string ApiTokenVariable = "KAGGLE_API_TOKEN";
    private const string UsernameVariable = "KAGGLE_USERNAME";
    private const string KeyVariable = "KAGGLE_KEY";
    private const string ConfigDirVariable = "KAGGLE_CONFIG_DIR";

    /// <summary>The places read, in order, one line each (for error messages).</summary>
    public static IReadOnlyList<string> Places { get; } =
    [
        "Kaggle:ApiToken (configuration, e.g. an AppHost secret parameter)",
        "Kaggle:Username with Kaggle:Key (configuration, e.g. AppHost secret parameters)",
        "KAGGLE_API_TOKEN (a token, or a file holding one)",
        "~/.kaggle/access_token (a file holding a token)",
        "KAGGLE_USERNAME with KAGGLE_KEY (a legacy API key)",
        "kaggle.json in KAGGLE_CONFIG_DIR or ~/.kaggle ({\"username\": ..., \"key\": ...}, a legacy API key)",
    ];

    /// <summary>
    /// The first credentials found: <see cref="KaggleOptions.ApiToken"/>, <see cref="KaggleOptions.Username"/> with
    /// <see cref="KaggleOptions.Key"/>, then <c>KAGGLE_API_TOKEN</c> (a token or a file holding one),
    /// <c>~/.kaggle/access_token</c>, <c>KAGGLE_USERNAME</c> with <c>KAGGLE_KEY</c>, <c>&lt;config&gt;/kaggle.json</c>;
    /// the config folder is <c>KAGGLE_CONFIG_DIR</c> or <c>~/.kaggle</c>. As in Kaggle's client, a
    /// <c>KAGGLE_API_TOKEN</c> naming an empty file yields no token (<c>access_token</c> is then not read) and the
    /// search goes on with the legacy key.
    /// </summary>
    /// <exception cref="KaggleException">
    /// <see cref="KaggleFailure.MissingCredentials"/>, naming the places; or a <c>kaggle.json</c> that cannot be read,
    /// naming the file.
    /// </exception>
    public static KaggleCredentials Find(KaggleOptions options, Func<string, string?> environment, string homeDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrEmpty(homeDirectory);

        if (Value(options.ApiToken) is { } configuredToken)
        {
            return new KaggleCredentials(KaggleAuthScheme.Bearer, "Kaggle:ApiToken", configuredToken);
        }

        if (Value(options.Username) is { } configuredUser && Value(options.Key) is { } configuredKey)
        {
            return new KaggleCredentials(
                KaggleAuthScheme.Basic,
                "Kaggle:Username and Kaggle:Key",
                configuredKey,
                configuredUser
            );
        }

        var kaggleHome = Path.Combine(homeDirectory, ".kaggle");
        if (Value(environment(ApiTokenVariable)) is { } tokenOrPath)
        {
            if (File.Exists(tokenOrPath))
            {
                // A file named by the variable is used even when empty (then no token), as Kaggle's client does.
                if (Value(ReadFile(tokenOrPath)) is { } fileToken)
                {
                    return new KaggleCredentials(
                        KaggleAuthScheme.Bearer,
                        $"{ApiTokenVariable} (the file {tokenOrPath})",
                        fileToken
                    );
                }
            }
            else
            {
                return new KaggleCredentials(KaggleAuthScheme.Bearer, ApiTokenVariable, tokenOrPath);
            }
        }
        else
        {
            var accessTokenFile = Path.Combine(kaggleHome, "access_token");
            if (File.Exists(accessTokenFile) && Value(ReadFile(accessTokenFile)) is { } fileToken)
            {
                return new KaggleCredentials(KaggleAuthScheme.Bearer, accessTokenFile, fileToken);
            }
        }

        if (Value(environment(UsernameVariable)) is { } user && Value(environment(KeyVariable)) is { } key)
        {
            return new KaggleCredentials(KaggleAuthScheme.Basic, $"{UsernameVariable} and {KeyVariable}", key, user);
        }

        var configDir = Value(environment(ConfigDirVariable)) ?? kaggleHome;
        var kaggleJson = Path.Combine(configDir, "kaggle.json");
        if (File.Exists(kaggleJson))
        {
            return ReadKaggleJson(kaggleJson);
        }

        throw new KaggleException(
            KaggleFailure.MissingCredentials,
            $"No Kaggle credentials were found. They are read from, in order: {Describe()}."
        );
    }

    /// <summary>The places as one line: numbered and separated by semicolons.</summary>
    internal static string Describe() => string.Join("; ", Places.Select((p, i) => $"{i + 1}. {p}"));

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KaggleException(
                KaggleFailure.MissingCredentials,
                $"{path} could not be read: {e.GetType().Name}.",
                inner: e
            );
        }
    }

    private static KaggleCredentials ReadKaggleJson(string path)
    {
        var text = ReadFile(path);
        string? user = null;
        string? key = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                user = StringProperty(document.RootElement, "username");
                key = StringProperty(document.RootElement, "key");
            }
        }
        catch (JsonException e)
        {
            // The exception's own message could quote the file; only its position is shown.
            throw new KaggleException(
                KaggleFailure.MissingCredentials,
                $"{path} is not valid JSON (line {e.LineNumber + 1}): it should be "
                    + "{\"username\": \"<your Kaggle username>\", \"key\": \"<your API key>\"}.",
                inner: null
            );
        }

        if (Value(user) is not { } username || Value(key) is not { } secret)
        {
            throw new KaggleException(
                KaggleFailure.MissingCredentials,
                $"{path} lacks a \"username\" or a \"key\": it should be "
                    + "{\"username\": \"<your Kaggle username>\", \"key\": \"<your API key>\"}."
            );
        }

        return new KaggleCredentials(KaggleAuthScheme.Basic, path, secret, username);
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
