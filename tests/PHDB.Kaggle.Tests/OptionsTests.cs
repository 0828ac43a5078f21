namespace PHDB.Kaggle.Tests;

/// <summary>Invalid settings are refused with the configuration key that holds them.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Null(new KaggleOptions().Validate());

    public static TheoryData<string, Action<KaggleOptions>> Invalid =>
        new()
        {
            { "Kaggle:Endpoint", o => o.Endpoint = "api.kaggle.com" },
            { "Kaggle:Endpoint", o => o.Endpoint = "ftp://api.kaggle.com" },
            { "Kaggle:Endpoint", o => o.Endpoint = "" },
            { "Kaggle:Dataset", o => o.Dataset = "no-owner" },
            { "Kaggle:Dataset", o => o.Dataset = "a/b/c" },
            { "Kaggle:Dataset", o => o.Dataset = "/slug" },
            { "Kaggle:Dataset", o => o.Dataset = "owner/sl ug" },
            { "Kaggle:UploadChunkBytes", o => o.UploadChunkBytes = 128 * 1024 },
            { "Kaggle:UploadChunkBytes", o => o.UploadChunkBytes = 300 * 1024 },
            { "Kaggle:UploadChunkBytes", o => o.UploadChunkBytes = 64 * 1024 * 1024 },
            { "Kaggle:UploadChunkBytes", o => o.UploadChunkBytes = 0 },
            { "Kaggle:StatusPollInterval", o => o.StatusPollInterval = TimeSpan.Zero },
            { "Kaggle:StatusTimeout", o => o.StatusTimeout = TimeSpan.FromSeconds(-1) },
            { "Kaggle:RetryBaseDelay", o => o.RetryBaseDelay = TimeSpan.Zero },
            { "Kaggle:RequestTimeout", o => o.RequestTimeout = TimeSpan.FromMilliseconds(5) },
            { "Kaggle:MaxAttempts", o => o.MaxAttempts = 0 },
        };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_setting_is_named_by_its_key(string key, Action<KaggleOptions> spoil)
    {
        var options = new KaggleOptions();
        spoil(options);

        var problem = options.Validate();

        Assert.NotNull(problem);
        Assert.Equal(key, problem.Value.Key);
        Assert.False(string.IsNullOrWhiteSpace(problem.Value.Message));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5090", "", 256 * 1024)]
    [InlineData("https://api.kaggle.com/", "alice/my-dataset", 32 * 1024 * 1024)]
    [InlineData("http://localhost/api", "some_user/x", 8 * 1024 * 1024)]
    public void Valid_settings_pass(string endpoint, string dataset, int chunk)
    {
        var options = new KaggleOptions
        {
            Endpoint = endpoint,
            Dataset = dataset,
            UploadChunkBytes = chunk,
            MaxAttempts = 1,
        };

        Assert.Null(options.Validate());
    }

    [Fact]
    public void The_client_refuses_invalid_options_naming_the_key()
    {
        var options = new KaggleOptions { UploadChunkBytes = 1000 };
        var credentials = new KaggleCredentials(KaggleAuthScheme.Bearer, "test", "KGAT_0123456789");

        var refused = Assert.Throws<ArgumentException>(() =>
            new KaggleApiClient(
                options,
                credentials,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<KaggleApiClient>.Instance
            )
        );

        Assert.Contains("Kaggle:UploadChunkBytes", refused.Message, StringComparison.Ordinal);
    }
}
