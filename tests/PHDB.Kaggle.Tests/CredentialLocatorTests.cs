using System.Text;

namespace PHDB.Kaggle.Tests;

/// <summary>Credentials are found where Kaggle's client looks for them, in its order, with a temp home and a fake environment.</summary>
public sealed class CredentialLocatorTests : IDisposable
{
    private const string ConfiguredToken = "KGAT_configured0000000000000001";
    private const string EnvToken = "KGAT_environment000000000000002";
    private const string FileToken = "KGAT_tokenfile000000000000000003";
    private const string AccessToken = "KGAT_accesstoken00000000000000004";
    private const string EnvKey = "envkey0000000000000000000000005";
    private const string HomeKey = "homekey000000000000000000000006";
    private const string ConfigKey = "configkey00000000000000000000007";

    private readonly TempFolder _home = new();
    private readonly TempFolder _config = new();
    private readonly FakeEnvironment _environment = new();
    private readonly KaggleOptions _options = new();

    public void Dispose()
    {
        _home.Dispose();
        _config.Dispose();
    }

    private KaggleCredentials Find() => KaggleCredentialLocator.Find(_options, _environment.Read, _home.Path);

    private string HomeKaggleJson => Path.Combine(_home.Path, ".kaggle", "kaggle.json");

    [Fact]
    public void Every_place_is_read_in_order_and_each_wins_over_the_ones_after_it()
    {
        // Every place holds credentials; removing the winner each time must reveal the next place.
        _options.ApiToken = ConfiguredToken;
        _options.Username = "configured-user";
        _options.Key = "configuredkey000000000000000008";
        _environment["KAGGLE_API_TOKEN"] = EnvToken;
        _home.Write(".kaggle/access_token", AccessToken + "\n");
        _environment["KAGGLE_USERNAME"] = "env-user";
        _environment["KAGGLE_KEY"] = EnvKey;
        _home.Write(".kaggle/kaggle.json", """{"username": "home-user", "key": "homekey000000000000000000000006"}""");

        Assert.Equal(("Kaggle:ApiToken", KaggleAuthScheme.Bearer, $"Bearer {ConfiguredToken}"), Describe(Find()));

        _options.ApiToken = null;
        var basic = Find();
        Assert.Equal(KaggleAuthScheme.Basic, basic.Scheme);
        Assert.Equal("configured-user", basic.Username);
        Assert.Equal(Basic("configured-user", "configuredkey000000000000000008"), basic.Header().ToString());

        _options.Username = null;
        Assert.Equal(("KAGGLE_API_TOKEN", KaggleAuthScheme.Bearer, $"Bearer {EnvToken}"), Describe(Find()));

        _environment["KAGGLE_API_TOKEN"] = null;
        var accessTokenFile = Path.Combine(_home.Path, ".kaggle", "access_token");
        Assert.Equal((accessTokenFile, KaggleAuthScheme.Bearer, $"Bearer {AccessToken}"), Describe(Find()));

        File.Delete(accessTokenFile);
        Assert.Equal(
            ("KAGGLE_USERNAME and KAGGLE_KEY", KaggleAuthScheme.Basic, Basic("env-user", EnvKey)),
            Describe(Find())
        );

        _environment["KAGGLE_KEY"] = null;
        Assert.Equal((HomeKaggleJson, KaggleAuthScheme.Basic, Basic("home-user", HomeKey)), Describe(Find()));

        File.Delete(HomeKaggleJson);
        var missing = Assert.Throws<KaggleException>(Find);
        Assert.Equal(KaggleFailure.MissingCredentials, missing.Failure);
    }

    [Fact]
    public void KAGGLE_API_TOKEN_may_name_a_file_holding_the_token()
    {
        var file = _config.Write("token.txt", $"  {FileToken}\n");
        _environment["KAGGLE_API_TOKEN"] = file;
        _home.Write(".kaggle/access_token", AccessToken);

        var credentials = Find();

        Assert.Equal(KaggleAuthScheme.Bearer, credentials.Scheme);
        Assert.Equal($"Bearer {FileToken}", credentials.Header().ToString());
        Assert.Contains(file, credentials.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_token_file_named_by_KAGGLE_API_TOKEN_yields_no_token_and_the_legacy_key_is_used()
    {
        // As Kaggle's client: access_token is not read then, but username and key still are.
        _environment["KAGGLE_API_TOKEN"] = _config.Write("empty-token", "");
        _home.Write(".kaggle/access_token", AccessToken);
        Assert.Throws<KaggleException>(Find);

        _environment["KAGGLE_USERNAME"] = "env-user";
        _environment["KAGGLE_KEY"] = EnvKey;
        Assert.Equal(KaggleAuthScheme.Basic, Find().Scheme);
    }

    [Fact]
    public void Blank_values_count_as_absent()
    {
        _options.ApiToken = "  ";
        _options.Username = "configured-user";
        _environment["KAGGLE_API_TOKEN"] = "";
        _home.Write(".kaggle/access_token", "\n\n");
        _environment["KAGGLE_USERNAME"] = "env-user";
        _environment["KAGGLE_KEY"] = " ";
        _home.Write(".kaggle/kaggle.json", """{"username": "home-user", "key": "homekey000000000000000000000006"}""");

        var credentials = Find();

        Assert.Equal(HomeKaggleJson, credentials.Source);
        Assert.Equal("home-user", credentials.Username);
    }

    [Fact]
    public void KAGGLE_CONFIG_DIR_moves_kaggle_json_but_not_access_token()
    {
        _home.Write(".kaggle/kaggle.json", """{"username": "home-user", "key": "homekey000000000000000000000006"}""");
        var configJson = _config.Write(
            "kaggle.json",
            """{"username": "config-user", "key": "configkey00000000000000000000007"}"""
        );
        _config.Write("access_token", AccessToken);
        _environment["KAGGLE_CONFIG_DIR"] = _config.Path;

        var credentials = Find();

        Assert.Equal(configJson, credentials.Source);
        Assert.Equal(Basic("config-user", ConfigKey), credentials.Header().ToString());
    }

    [Fact]
    public void Missing_credentials_name_every_place_they_are_read_from()
    {
        var missing = Assert.Throws<KaggleException>(Find);

        Assert.Equal(KaggleFailure.MissingCredentials, missing.Failure);
        Assert.Equal(6, KaggleCredentialLocator.Places.Count);
        foreach (var place in KaggleCredentialLocator.Places)
        {
            Assert.Contains(place, missing.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain('\n', missing.Message);
    }

    [Theory]
    [InlineData("""{"username": "home-user", "key": "homekey0000000000000000000000006" """)]
    [InlineData("""["homekey0000000000000000000000006"]""")]
    [InlineData("""{"username": "home-user"}""")]
    [InlineData("""{"user": "home-user", "key": "homekey0000000000000000000000006"}""")]
    public void A_malformed_kaggle_json_is_one_line_naming_the_file_without_its_content(string text)
    {
        var path = _home.Write(".kaggle/kaggle.json", text);

        var refused = Assert.Throws<KaggleException>(Find);

        Assert.Equal(KaggleFailure.MissingCredentials, refused.Failure);
        Assert.Contains(path, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("homekey", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    private static (string Source, KaggleAuthScheme Scheme, string Header) Describe(KaggleCredentials credentials) =>
        (credentials.Source, credentials.Scheme, credentials.Header().ToString());

    private static string Basic(string user, string key) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{key}"));
}
