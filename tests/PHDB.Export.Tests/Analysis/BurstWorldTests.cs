using PHDB.Export.Analysis;
using PHDB.Export.Reading;
using PHDB.Grains.Harvest;
using PHDB.Simulator.Hosting;
using PHDB.Testing;
using PHDB.Testing.Harvest;
using PHDB.Testing.Truth;

namespace PHDB.Export.Tests.Analysis;

/// <summary>
/// End to end: harvest a world in which the simulator seeded vote bursts on 30 % of the posts with 50 or more
/// votes, run the detector over the harvested curves and score it against the simulator's list of bursts. Each burst
/// is 5–15 % of its post's votes in one hour 24–160 hours after launch, where the usual curve puts under 1 %, so at
/// the default k every burst of 5 or more votes lies far above the bound (recall) and a smooth curve has no hour
/// near it (precision); 90 % leaves room for one miss or one false alarm among the few dozen bursts of this world,
/// while the benchmark (docs/benchmarks.md) measures the rates on a world fifty times larger.
/// </summary>
public sealed class BurstWorldTests(HarvestedWorld world)
{
    [Fact]
    public async Task The_detector_finds_the_simulators_bursts_in_a_harvested_world()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await using var simulator = await SimulatorHost.StartAsync(
            o =>
            {
                o.Scale = 300;
                o.Clock.Speed = 0;
                o.RateLimit.Points = 100_000_000;
                o.VoteBursts.Share = 0.3;
                o.VoteBursts.MinVotes = 50;
            },
            cancellationToken: timeout.Token
        );
        var bursts = await SimulatorTruth.LoadVoteBurstsAsync(simulator.BaseAddress, timeout.Token);
        var database = await world.Postgres.CreateMigratedDatabaseAsync("bursts", timeout.Token);
        await using (var cluster = await HarvestCluster.StartAsync(database, simulator, silos: 1))
        {
            var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(
                PHDB.Grains.Harvest.IHarvestCoordinatorGrain.Key
            );
            await coordinator.StartFull();
            await Eventually.HoldsAsync(
                async () => (await coordinator.GetStatus()).Phase == HarvestPhase.Completed,
                TimeSpan.FromMinutes(2),
                "the full harvest of the burst world completed",
                TimeSpan.FromMilliseconds(300)
            );
            await cluster.StopAllSilosAsync(TestContext.Current.CancellationToken);
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(database);
        await using var snapshot = await ExportSnapshot.TakeAsync(dataSource, timeout.Token);
        await using var connection = await snapshot.OpenConnectionAsync(timeout.Token);
        var curves = await VoteCurveReader.ReadAsync(connection, timeout.Token);
        var spikes = new VoteSpikeDetector().Detect(curves);

        // Every burst of a post whose first week lies inside the harvest is an answer to find, if it holds at least
        // the votes an hour needs to be a spike at all (the smallest bursts of 50-vote posts hold 3 or 4).
        var complete = curves.Where(c => c.Complete).ToDictionary(c => c.PostId);
        var answers = bursts
            .Where(b => complete.ContainsKey(b.PostId) && b.Votes >= VoteSpikeOptions.Default.MinSpikeVotes)
            .ToDictionary(b => b.PostId, b => b.Hour);
        Assert.True(answers.Count >= 10, $"{answers.Count} bursts inside complete first weeks");
        foreach (var (post, hour) in answers)
        {
            Assert.True(complete[post].Votes[hour] >= bursts.Single(b => b.PostId == post).Votes);
        }

        var flagged = spikes.Select(s => s.PostId).Distinct().ToList();
        var truePositives = flagged.Count(p => answers.ContainsKey(p));
        var found = answers.Count(a => spikes.Any(s => s.PostId == a.Key && s.Hour == a.Value));
        var precision = flagged.Count == 0 ? 0 : (double)truePositives / flagged.Count;
        var recall = (double)found / answers.Count;
        TestContext.Current.SendDiagnosticMessage(
            $"{answers.Count} bursts, {flagged.Count} posts flagged: precision {precision:P1}, recall {recall:P1}"
        );
        Assert.True(precision >= 0.9, $"precision {precision:P1} ({truePositives} of {flagged.Count})");
        Assert.True(
            recall >= 0.9,
            $"recall {recall:P1} ({found} of {answers.Count}); missed: "
                + string.Join(
                    "; ",
                    answers
                        .Where(a => !spikes.Any(s => s.PostId == a.Key && s.Hour == a.Value))
                        .Select(a =>
                            $"post {a.Key} hour {a.Value}: {complete[a.Key].Votes[a.Value]} of {complete[a.Key].Total}"
                        )
                )
        );
    }
}
