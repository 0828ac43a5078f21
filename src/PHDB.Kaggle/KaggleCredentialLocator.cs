namespace PHDB.Kaggle;

/// <summary>Finds Kaggle credentials where Kaggle's own client looks for them, in its order.</summary>
public static class KaggleCredentialLocator
{
    /// <summary>The places read, in order, one line each (for error messages).</summary>
    public static IReadOnlyList<string> Places { get; } = [];

    /// <summary>
    /// The first credentials found: <see cref="KaggleOptions.ApiToken"/>, <see cref="KaggleOptions.Username"/> with
    /// <see cref="KaggleOptions.Key"/>, then <c>KAGGLE_API_TOKEN</c> (a token or a file holding one),
    /// <c>&lt;config&gt;/access_token</c>, <c>KAGGLE_USERNAME</c> with <c>KAGGLE_KEY</c>, <c>&lt;config&gt;/kaggle.json</c>;
    /// the config folder is <c>KAGGLE_CONFIG_DIR</c> or <c>~/.kaggle</c>.
    /// </summary>
    /// <exception cref="KaggleException"><see cref="KaggleFailure.MissingCredentials"/>, naming the places.</exception>
    public static KaggleCredentials Find(
        KaggleOptions options,
        Func<string, string?> environment,
        string homeDirectory
    ) => throw new NotImplementedException();
}
