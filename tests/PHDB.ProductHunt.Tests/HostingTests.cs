using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PHDB.Simulator.Configuration;

namespace PHDB.ProductHunt.Tests;

/// <summary>Registration through DI, validation on start, and no token in any log line, trace tag or error message.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task Missing_credentials_stop_the_host_on_start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { ["ProductHunt:BaseAddress"] = "http://127.0.0.1:1/" }
        );
        builder.Services.AddProductHuntClient(builder.Configuration);
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Testing.Cancel));
        Assert.Contains("ProductHunt:Token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_token_or_secret_appears_in_logs_traces_or_errors()
    {
        await using var simulator = await Testing.StartSimulatorAsync(o =>
        {
            o.Applications =
            [
                new ApplicationOptions
                {
                    Name = "Secretive",
                    DeveloperToken = "tok-5f3a9c1e77d24b0c",
                    ClientId = "client-abc",
                    ClientSecret = "sec-9d8e7f6a5b4c3d2e",
                },
            ];
        });
        var secrets = new[] { "tok-5f3a9c1e77d24b0c", "sec-9d8e7f6a5b4c3d2e", "bad-4c1d2e3f4a5b6c7d" };
        var logs = new CapturingLoggerProvider();
        var tags = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
                tags.Enqueue(
                    $"{a.DisplayName} {string.Join(" ", a.TagObjects.Select(t => $"{t.Key}={t.Value}"))} {a.StatusDescription}"
                ),
        };
        ActivitySource.AddActivityListener(listener);
        var errors = new List<string>();

        async Task RunAsync(Dictionary<string, string?> settings)
        {
            var services = new ServiceCollection();
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(
                    new Dictionary<string, string?>(settings)
                    {
                        ["ProductHunt:BaseAddress"] = simulator.BaseAddress.ToString(),
                        ["ProductHunt:RetryBaseDelay"] = "00:00:00.001",
                        ["ProductHunt:MaxRetries"] = "1",
                    }
                )
                .Build();
            services.AddProductHuntClient(configuration);
            await using var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<IProductHuntClient>();
            try
            {
                await client.VerifyAsync(Testing.Cancel);
                var pack = await client.ExecuteAsync(
                    [new PostsPage { First = 2 }, new TopicsPage { After = "%%%" }],
                    Testing.Cancel
                );
                errors.AddRange(pack.Results.Where(r => r.Error is not null).Select(r => r.Error!.ToString()));
                await Testing.SetFaultsAsync(
                    simulator,
                    new FaultOptions { MalformedRate = 0.5, ServerErrorRate = 0.5 }
                );
                await client.VerifyAsync(Testing.Cancel);
            }
            catch (PHDB.Domain.PhdbException exception)
            {
                errors.Add(exception.ToString());
            }
            finally
            {
                await Testing.SetFaultsAsync(simulator, new FaultOptions());
            }
        }

        await RunAsync(new() { ["ProductHunt:Token"] = "tok-5f3a9c1e77d24b0c" });
        await RunAsync(
            new() { ["ProductHunt:ClientId"] = "client-abc", ["ProductHunt:ClientSecret"] = "sec-9d8e7f6a5b4c3d2e" }
        );
        await RunAsync(new() { ["ProductHunt:Token"] = "bad-4c1d2e3f4a5b6c7d" });

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains("Sent Viewer", StringComparison.Ordinal));
        Assert.Contains(
            logs.Lines,
            l =>
                l.Contains("System.Net.Http.HttpClient", StringComparison.Ordinal)
                && l.Contains("Authorization", StringComparison.Ordinal)
        );
        Assert.Contains(tags, t => t.StartsWith("ProductHunt Pack", StringComparison.Ordinal));
        Assert.NotEmpty(errors);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(tags, t => t.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(errors, e => e.Contains(secret, StringComparison.Ordinal));
        }
    }
}
