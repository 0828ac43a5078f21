using System.Text.Json;
using PHDB.Testing.Truth;

namespace PHDB.Cli.Tests.EndToEnd;

/// <summary>
/// The harvest commands as separate processes against a running PHDB: status, sync (start, wait, follow, pause,
/// resume, cancel), runs. One flow, because the commands change the cluster's one coordinator.
/// </summary>
public sealed class HarvestCommandsTests(RunningPhdb phdb) : IClassFixture<RunningPhdb>
{
    [Fact]
    public async Task Status_sync_and_runs_drive_and_report_a_harvest()
    {
        var cancellation = TestContext.Current.CancellationToken;

        // Before any run: the status says so, in plain text (stdout is redirected) and as JSON.
        var idle = await Phdb(["status"]);
        Assert.True(idle.ExitCode == 0, idle.ToString());
        Assert.Contains("none yet", idle.Output, StringComparison.Ordinal);
        Assert.Contains("Active", idle.Output, StringComparison.Ordinal);
        Assert.False(CliProcess.HasAnsi(idle.Output), idle.Output);
        using (var json = JsonDocument.Parse((await Phdb(["status", "--json"])).Output))
        {
            Assert.Equal("idle", json.RootElement.GetProperty("run").GetProperty("phase").GetString());
            Assert.Equal(
                2,
                json.RootElement.GetProperty("silos")
                    .EnumerateArray()
                    .Count(s => s.GetProperty("status").GetString() == "Active")
            );
        }

        // Nothing to pause yet; a full run without a terminal needs --yes.
        var pause = await Phdb(["sync", "pause"]);
        Assert.True(pause.ExitCode == 1, pause.ToString());
        Assert.Contains("No run is in progress", pause.Error, StringComparison.Ordinal);
        var unconfirmed = await Phdb(["sync", "--full"]);
        Assert.True(unconfirmed.ExitCode == 64, unconfirmed.ToString());
        Assert.Contains("--yes", unconfirmed.Error, StringComparison.Ordinal);

        // A full run, waited for: exit 0 and a database equal to the world's truth.
        var full = await Phdb(["sync", "--full", "--yes", "--wait", "--follow"], TimeSpan.FromMinutes(4));
        Assert.True(full.ExitCode == 0, full.ToString());
        Assert.Contains("Started full run #", full.Error, StringComparison.Ordinal);
        Assert.Matches(@"run #\d+ completed: partitions (\d+)/\1", full.Output);
        Assert.Contains("succeeded", full.Output, StringComparison.Ordinal);
        var truth = await TruthComparison.CompareAsync(phdb.Simulator.BaseAddress, phdb.Database, cancellation);
        Assert.True(truth.IsExactMatch, truth.ToString());

        // The status shows the completed run and the rows stored; the token only by its last 4 characters.
        var status = await Phdb(["status", "--json"]);
        using (var json = JsonDocument.Parse(status.Output))
        {
            var run = json.RootElement.GetProperty("run");
            Assert.Equal("completed", run.GetProperty("phase").GetString());
            Assert.Equal("full", run.GetProperty("mode").GetString());
            Assert.Equal(run.GetProperty("partitions").GetInt32(), run.GetProperty("done").GetInt32());
            Assert.Equal(
                truth.Posts.TruthCount,
                json.RootElement.GetProperty("stored").GetProperty("posts").GetInt64()
            );
            var budget = Assert.Single(json.RootElement.GetProperty("budgets").EnumerateArray());
            Assert.Equal("…" + phdb.Simulator.DeveloperToken[^4..], budget.GetProperty("token").GetString());
        }

        Assert.DoesNotContain(phdb.Simulator.DeveloperToken, status.Output, StringComparison.Ordinal);

        // An incremental run, waited for with a JSON outcome, its events followed live by `events tail`.
        using var tail = BackgroundCli.Start([
            "events",
            "tail",
            "--json",
            "-t",
            "PartitionCompleted",
            "-t",
            "HarvestCompleted",
            "--until-run-ends",
            .. phdb.Target,
        ]);
        await tail.SaysAsync("Following the harvest's events", TimeSpan.FromSeconds(60));
        var incremental = await Phdb(["sync", "--incremental", "--wait", "--json"], TimeSpan.FromMinutes(2));
        Assert.True(incremental.ExitCode == 0, incremental.ToString());
        long incrementalRun;
        using (var json = JsonDocument.Parse(incremental.Output))
        {
            Assert.Equal("completed", json.RootElement.GetProperty("phase").GetString());
            Assert.Equal(0, json.RootElement.GetProperty("exitCode").GetInt32());
            incrementalRun = json.RootElement.GetProperty("runId").GetInt64();
        }

        Assert.Equal(0, await tail.ExitsAsync(TimeSpan.FromSeconds(30)));
        var followed = tail.Output.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal("HarvestCompleted", followed[^1].GetProperty("type").GetString());
        Assert.Equal(incrementalRun, followed[^1].GetProperty("runId").GetInt64());
        var partitionsDone = followed.SkipLast(1).ToList();
        Assert.NotEmpty(partitionsDone);
        Assert.All(partitionsDone, e => Assert.Equal("PartitionCompleted", e.GetProperty("type").GetString()));
        Assert.All(partitionsDone, e => Assert.Equal("done", e.GetProperty("status").GetString()));
        Assert.Equal(
            followed[^1].GetProperty("partitions").GetInt32(),
            partitionsDone.Select(e => e.GetProperty("partition").GetString()).Distinct().Count()
        );

        // The history lists both, newest first, with their counts.
        var runs = await Phdb(["runs", "--json"]);
        Assert.True(runs.ExitCode == 0, runs.ToString());
        using (var json = JsonDocument.Parse(runs.Output))
        {
            var list = json.RootElement.EnumerateArray().ToList();
            Assert.Equal(["incremental", "full"], list.Select(r => r.GetProperty("mode").GetString()));
            Assert.All(list, r => Assert.Equal("succeeded", r.GetProperty("outcome").GetString()));
            Assert.All(list, r => Assert.Equal(0, r.GetProperty("parked").GetInt64()));
            Assert.True(list[1].GetProperty("partitions").GetInt64() > 0, runs.Output);
            Assert.True(list[1].GetProperty("durationSeconds").GetDouble() > 0, runs.Output);
        }

        var table = await Phdb(["runs"]);
        Assert.Contains("succeeded", table.Output, StringComparison.Ordinal);
        Assert.Contains("incremental", table.Output, StringComparison.Ordinal);

        // Pause, resume and cancel act on a run in progress; cancel needs --yes without a terminal. Slow answers
        // keep the run in progress meanwhile.
        await phdb.SlowDownAsync(TimeSpan.FromMilliseconds(1500));
        var started = await Phdb(["sync", "--full", "--yes"]);
        Assert.True(started.ExitCode == 0, started.ToString());
        var paused = await Phdb(["sync", "pause"]);
        Assert.True(paused.ExitCode == 0, paused.ToString());
        Assert.Contains("paused", paused.Output, StringComparison.Ordinal);
        var busy = await Phdb(["sync", "--incremental"]);
        Assert.True(busy.ExitCode == 75, busy.ToString());
        var resumed = await Phdb(["sync", "resume", "--json"]);
        using (var json = JsonDocument.Parse(resumed.Output))
        {
            Assert.Equal("running", json.RootElement.GetProperty("phase").GetString());
        }

        Assert.Equal(64, (await Phdb(["sync", "cancel"])).ExitCode);
        var cancelled = await Phdb(["sync", "cancel", "--yes"]);
        Assert.True(cancelled.ExitCode == 0, cancelled.ToString());
        Assert.Contains("cancelled", cancelled.Output, StringComparison.Ordinal);
        var waited = await Phdb(["sync", "--wait"]);
        Assert.True(waited.ExitCode == 3, waited.ToString());
        Assert.Contains("was cancelled", waited.Error, StringComparison.Ordinal);
        await phdb.SlowDownAsync(TimeSpan.Zero);
    }

    private Task<CliResult> Phdb(string[] arguments, TimeSpan? timeout = null) =>
        CliProcess.RunAsync(
            [.. arguments, .. phdb.Target],
            timeout: timeout,
            cancellationToken: TestContext.Current.CancellationToken
        );
}
