using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using PHDB.Kaggle;

namespace PHDB.Publishing.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Null(new PublishingOptions().Validate());

    [Theory]
    [InlineData("-00:00:01", "Publishing:Interval")]
    [InlineData("00:00:30", "Publishing:Interval")]
    public void A_negative_or_too_short_interval_is_refused(string interval, string key)
    {
        var options = new PublishingOptions { Interval = TimeSpan.Parse(interval, null) };
        Assert.Equal(key, options.Validate()?.Key);
    }

    [Theory]
    [InlineData(new string[0], "No format")]
    [InlineData(new[] { "csv", "xlsx" }, "'xlsx'")]
    [InlineData(new[] { "csv", "csv" }, "more than once")]
    public void Formats_are_known_and_listed_once(string[] formats, string message)
    {
        var options = new PublishingOptions();
        options.Formats.Clear();
        foreach (var format in formats)
        {
            options.Formats.Add(format);
        }

        var problem = options.Validate();
        Assert.Equal("Publishing:Formats", problem?.Key);
        Assert.Contains(message, problem?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_layout_is_refused() =>
        Assert.Equal(
            "Publishing:Layout",
            new PublishingOptions { Layout = "kaggle" }
                .Validate()
                ?.Key
        );

    [Fact]
    public void Configured_formats_replace_the_default_list_and_the_runner_resolves()
    {
        using var host = Build(
            new()
            {
                ["Publishing:Formats:0"] = "sqlite",
                ["Publishing:Interval"] = "7.00:00:00",
                ["Kaggle:Dataset"] = "someone/product-hunt",
            }
        );

        var options = host.Services.GetRequiredService<IOptions<PublishingOptions>>().Value;
        Assert.Equal(["sqlite"], options.Formats);
        Assert.Equal(TimeSpan.FromDays(7), options.Interval);
        Assert.Equal("someone/product-hunt", host.Services.GetRequiredService<IOptions<KaggleOptions>>().Value.Dataset);
        Assert.NotNull(host.Services.GetRequiredService<PublicationRunner>());
        Assert.NotNull(host.Services.GetRequiredService<PublicationHistory>());
    }

    [Theory]
    [InlineData("Publishing:Layout", "nonsense")]
    [InlineData("Publishing:Interval", "00:00:10")]
    [InlineData("Kaggle:Endpoint", "not a url")]
    [InlineData("Kaggle:Dataset", "no-slash")]
    public async Task A_bad_setting_stops_the_host_from_starting_and_is_named(string key, string value)
    {
        using var host = Build(new() { [key] = value });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            host.StartAsync(TestContext.Current.CancellationToken)
        );
        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create("Host=127.0.0.1;Database=unused"));
        builder.Services.AddLogging();
        builder.Services.AddPhdbPublishing(builder.Configuration);
        return builder.Build();
    }
}
