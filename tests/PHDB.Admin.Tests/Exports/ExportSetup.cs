using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using PHDB.Admin.Exports;
using PHDB.Export;
using PHDB.Export.Writing;
using PHDB.Testing;

namespace PHDB.Admin.Tests.Exports;

/// <summary>
/// A migrated, empty test database, an exports directory of its own, and the console's job runner over them (the
/// exports write the test's <see cref="TallyFormat"/> unless told otherwise).
/// </summary>
internal sealed class ExportSetup : IAsyncDisposable
{
    private ExportSetup(NpgsqlDataSource dataSource, IEnumerable<IExportFormat> formats, TimeProvider timeProvider)
    {
        DataSource = dataSource;
        Folder = new TemporaryDirectory("phdb-console-exports-");
        Directory = Path.Join(Folder.Path, "exports");
        var options = new ExportOptions { Directory = Directory };
        Runner = new ExportRunner(dataSource, formats, options, NullLogger<ExportRunner>.Instance, timeProvider);
        Jobs = new ExportJobs(Runner, Options.Create(options), timeProvider, NullLogger<ExportJobs>.Instance);
        Catalog = new ExportCatalog(Directory);
    }

    /// <summary>An export into the exports directory of every table of the phdb layout as tally files.</summary>
    public static ExportRequest Tally { get; } = new([TallyFormat.FormatName]);

    /// <summary>
    /// Like <see cref="Tally"/>, into the folder <paramref name="name"/> of the exports directory given as the output
    /// (so without the <c>latest</c> link and retention).
    /// </summary>
    public ExportRequest TallyInto(string name) => Tally with { Output = Path.Join(Directory, name) };

    public NpgsqlDataSource DataSource { get; }

    public TemporaryDirectory Folder { get; }

    public string Directory { get; }

    public ExportRunner Runner { get; }

    public ExportJobs Jobs { get; }

    public ExportCatalog Catalog { get; }

    public static async Task<ExportSetup> CreateAsync(
        PostgresServer postgres,
        string purpose,
        TimeProvider? timeProvider = null
    ) =>
        new(
            NpgsqlDataSource.Create(
                await postgres.CreateMigratedDatabaseAsync(purpose, TestContext.Current.CancellationToken)
            ),
            [new TallyFormat()],
            timeProvider ?? TimeProvider.System
        );

    /// <summary>A setup whose database cannot be reached.</summary>
    public static ExportSetup Unreachable() =>
        new(
            NpgsqlDataSource.Create(
                $"Host=127.0.0.1;Port={LoopbackPort.Next()};Username=phdb;Password=none;Database=phdb;Timeout=5;Pooling=false"
            ),
            [new TallyFormat()],
            TimeProvider.System
        );

    /// <summary>Waits until the job is no longer running and returns its view.</summary>
    public async Task<ExportJobView> FinishedAsync()
    {
        await Eventually.HoldsAsync(
            () => Task.FromResult(!Jobs.Current.IsRunning),
            TimeSpan.FromSeconds(60),
            "the export finished"
        );
        return Jobs.Current;
    }

    /// <summary>Waits until the job is no longer running and checks that it succeeded.</summary>
    public async Task<ExportJobView> SucceededAsync()
    {
        var done = await FinishedAsync();
        Assert.True(done.State == ExportJobState.Succeeded, $"The export {done.State}: {done.Error}");
        return done;
    }

    public async ValueTask DisposeAsync()
    {
        Jobs.Dispose();
        await DataSource.DisposeAsync();
        Folder.Dispose();
    }
}
