using Microsoft.Extensions.Time.Testing;
using PHDB.Admin.Exports;
using PHDB.Export;
using PHDB.Export.Schema;
using PHDB.Testing;

namespace PHDB.Admin.Tests.Exports;

/// <summary>The console's export jobs over a real (empty, migrated) database.</summary>
public sealed class ExportJobsTests(PostgresServer postgres)
{
    [Fact]
    public async Task An_export_of_an_empty_database_runs_in_the_background_and_succeeds_with_every_table_at_zero_rows()
    {
        await using var setup = await ExportSetup.CreateAsync(postgres, "jobs-empty");
        var seen = new List<ExportJobState>();
        setup.Jobs.Changed += view =>
        {
            lock (seen)
            {
                seen.Add(view.State);
            }
        };
        Assert.Equal(ExportJobState.Idle, setup.Jobs.Current.State);

        var start = setup.Jobs.Start(ExportSetup.Tally);

        Assert.True(start.Started);
        Assert.Null(start.Refusal);
        Assert.Matches("^[0-9]{8}T[0-9]{6}Z(-[0-9]+)?$", start.Name);
        var done = await setup.SucceededAsync();
        Assert.Equal(start.Name, done.Name);
        Assert.Null(done.Error);
        var result = Assert.IsType<ExportResult>(done.Result);
        Assert.Equal(start.Name, result.Name);
        Assert.Equal(ExportLayouts.Phdb.Tables.Select(t => t.Name).Order(), done.Tables.Select(t => t.Table).Order());
        Assert.All(done.Tables, t => Assert.True(t.Completed && t.Rows == 0, $"{t.Table}: {t.Rows} rows"));
        Assert.All(result.Tables.Values, rows => Assert.Equal(0, rows));
        Assert.NotNull(done.FinishedAt);
        var listed = Assert.Single(setup.Catalog.List());
        Assert.Equal(start.Name, listed.Name);
        Assert.True(listed.IsLatest);
        lock (seen)
        {
            Assert.Equal(ExportJobState.Running, seen[0]);
            Assert.Equal(ExportJobState.Succeeded, seen[^1]);
        }
    }

    [Fact]
    public async Task A_second_export_is_refused_while_one_runs_and_accepted_after()
    {
        await using var setup = await ExportSetup.CreateAsync(postgres, "jobs-one");
        var held = await TableLock.TakeAsync(setup.DataSource, "posts");
        ExportStart first;
        await using (held)
        {
            first = setup.Jobs.Start(setup.TallyInto("first"));
            Assert.True(first.Started);
            Assert.Equal(ExportJobState.Running, setup.Jobs.Current.State);

            var second = setup.Jobs.Start(setup.TallyInto("second"));

            Assert.False(second.Started);
            Assert.Equal(first.Name, second.Name);
            Assert.Equal(
                $"An export is running already ({first.Name}): wait until it finishes, then start another.",
                second.Refusal
            );
            Assert.Equal(ExportJobState.Running, setup.Jobs.Current.State);
            Assert.Equal(first.Name, setup.Jobs.Current.Name);
        }

        await setup.SucceededAsync();
        var third = setup.Jobs.Start(setup.TallyInto("third"));
        Assert.True(third.Started);
        Assert.Equal("first", first.Name);
        Assert.Equal("third", third.Name);
        await setup.SucceededAsync();
        Assert.Equal([third.Name, first.Name], setup.Catalog.List().Select(e => e.Name));
    }

    [Fact]
    public async Task A_refused_request_fails_with_one_line_and_its_kind_and_leaves_nothing()
    {
        await using var setup = await ExportSetup.CreateAsync(postgres, "jobs-invalid");

        setup.Jobs.Start(new ExportRequest(["xml"]));

        var failed = await setup.FinishedAsync();
        Assert.Equal(ExportJobState.Failed, failed.State);
        Assert.Equal(ExportFailure.InvalidRequest, failed.Failure);
        Assert.Equal("Unknown format 'xml': one or more of tally.", failed.Error);
        Assert.Null(failed.Result);
        Assert.Empty(setup.Catalog.List());
    }

    [Fact]
    public async Task An_unreachable_database_fails_the_export_with_one_line()
    {
        await using var setup = ExportSetup.Unreachable();

        var start = setup.Jobs.Start(setup.TallyInto("unreachable"));

        Assert.True(start.Started);
        var failed = await setup.FinishedAsync();
        Assert.Equal(ExportJobState.Failed, failed.State);
        Assert.Equal(ExportFailure.DatabaseUnavailable, failed.Failure);
        Assert.StartsWith("The database cannot be reached: ", failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failed.Error!);
        Assert.Empty(setup.Catalog.List());
        Assert.Empty(Directory.Exists(setup.Directory) ? Directory.EnumerateFileSystemEntries(setup.Directory) : []);
    }

    [Fact]
    public async Task Progress_is_told_at_most_every_interval_while_start_and_end_are_told_at_once()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var setup = await ExportSetup.CreateAsync(postgres, "jobs-throttle", time);
        var views = new List<ExportJobView>();
        setup.Jobs.Changed += view =>
        {
            lock (views)
            {
                views.Add(view);
            }
        };
        int Told()
        {
            lock (views)
            {
                return views.Count;
            }
        }

        var held = await TableLock.TakeAsync(setup.DataSource, "posts");
        await using (held)
        {
            setup.Jobs.Start(setup.TallyInto("throttled"));
            Assert.Equal(1, Told());
            IProgress<ExportProgress> progress = setup.Jobs;

            progress.Report(new ExportProgress("votes", 100, 1000, false));
            progress.Report(new ExportProgress("votes", 200, 1000, false));
            progress.Report(new ExportProgress("votes", 300, 1000, false));

            Assert.Equal(1, Told());
            time.Advance(ExportJobs.NotifyInterval);
            Assert.Equal(2, Told());
            lock (views)
            {
                Assert.Equal(300, Assert.Single(views[^1].Tables).Rows);
            }

            time.Advance(TimeSpan.FromSeconds(3));
            Assert.Equal(TimeSpan.FromSeconds(3.25), setup.Jobs.Current.Elapsed(time.GetUtcNow()));
        }

        await setup.SucceededAsync();
        lock (views)
        {
            Assert.Equal(ExportJobState.Succeeded, views[^1].State);
        }
    }
}
