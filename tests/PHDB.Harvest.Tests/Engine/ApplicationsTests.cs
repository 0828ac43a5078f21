using PHDB.Grains.Harvest;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.Hosting;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Harvest.Tests.Engine;

/// <summary>
/// Several API applications, each with its own budget, harvest in parallel. It runs alone: the throughput it compares
/// must be bounded by the budgets, not by what the other tests leave of the machine.
/// </summary>
[Collection(nameof(ApplicationsTests))]
public sealed class ApplicationsTests(PostgresServer postgres)
{
    // A small budget on a short window: the budget, not the machine's speed, bounds what each application can do.
    // 6 requests per window and token, never more than 6 in the window and the 1 s allowed for sending late: three
    // tokens at full pace (3.6 requests/s) stay within what 2 cores serve.
    private const int WindowSeconds = 4;
    private const int Points = 600;
    private static readonly TimeSpan Observation = TimeSpan.FromSeconds(5 * WindowSeconds);

    [Fact]
    public async Task Three_tokens_harvest_at_least_2_7_times_as_much_as_one_without_a_429()
    {
        var one = await RequestsServedAsync(tokens: 1);
        var three = await RequestsServedAsync(tokens: 3);

        Assert.All(one.Concat(three), a => Assert.Equal(0, a.RateLimited));
        var single = one.Sum(a => a.Requests);
        var triple = three.Sum(a => a.Requests);
        Assert.True(
            triple >= 2.7 * single,
            $"3 tokens served {triple} requests in {Observation.TotalSeconds} s, 1 token {single} ({(double)triple / single:F2}×)"
        );
        Assert.All(three, a => Assert.True(a.Requests > 0, "every application took part"));
    }

    private async Task<List<(long Requests, long RateLimited)>> RequestsServedAsync(int tokens)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var applications = Enumerable
            .Range(1, tokens)
            .Select(i => new ApplicationOptions
            {
                Name = $"App {i}",
                ApplicationId = 2000 + i,
                DeveloperToken = $"token-{i}",
            })
            .ToList();
        await using var simulator = await SimulatorHost.StartAsync(
            o =>
            {
                o.Scale = 2_000;
                o.Clock.Speed = 0;
                o.Applications = applications;
                o.RateLimit.Points = Points;
                o.RateLimit.CostPerRequest = 100;
                o.RateLimit.WindowSeconds = WindowSeconds;
            },
            cancellationToken: cancellation
        );
        var database = await postgres.CreateMigratedDatabaseAsync($"tokens_{tokens}", cancellation);
        var settings = new Dictionary<string, string?>
        {
            ["ProductHunt:Token"] = applications[0].DeveloperToken,
            ["Harvest:Window"] = "30.00:00:00",
            ["Harvest:RateBudget:DefaultWindow"] = $"00:00:0{WindowSeconds}",
            ["ProductHunt:MaxComplexity"] = "1000",
            ["Harvest:RateBudget:DefaultLimit"] = Points.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var i = 1; i < tokens; i++)
        {
            settings[$"ProductHunt:AdditionalTokens:{i - 1}"] = applications[i].DeveloperToken;
        }

        await using var cluster = await HarvestCluster.StartAsync(database, simulator, settings: settings);
        await cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key).StartFull();

        // The run's start (planning, first activations, compilation) is the same fixed cost for one token and for
        // three; counted in, it would lower the ratio it is not part of. The count starts once every application has
        // been served and one more window has passed.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (!applications.All(a => simulator.Stats.Read().TryGetValue(a.Name, out var s) && s.Requests > 0))
        {
            Assert.True(
                DateTimeOffset.UtcNow < deadline,
                $"{tokens} token(s): not every application served within 60 s"
            );
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellation);
        }

        await Task.Delay(TimeSpan.FromSeconds(WindowSeconds), cancellation);
        var before = simulator.Stats.Read();
        await Task.Delay(Observation, cancellation);
        var after = simulator.Stats.Read();
        await cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key).CancelRun();

        return
        [
            .. applications.Select(a =>
                (
                    after[a.Name].Requests - (before.TryGetValue(a.Name, out var b) ? b.Requests : 0),
                    after[a.Name].RateLimited
                )
            ),
        ];
    }
}

/// <summary>Runs <see cref="ApplicationsTests"/> with no other test beside it.</summary>
[CollectionDefinition(nameof(ApplicationsTests), DisableParallelization = true)]
public sealed class ApplicationsIsolation;
