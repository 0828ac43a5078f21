using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PHDB.Export;
using PHDB.Kaggle;
using PHDB.Kaggle.StandIn;
using PHDB.Testing;

namespace PHDB.Publishing.Tests;

/// <summary>
/// One test's publishing set-up: its own copy of the harvested world, an exports directory, a Kaggle stand-in and a
/// runner publishing to it with fast polling and retries, logging into <see cref="Logs"/>.
/// </summary>
internal sealed class Publisher : IAsyncDisposable
{
    /// <summary>The dataset the tests publish (<c>Kaggle:Dataset</c>); the stand-in's account owns it.</summary>
    public const string Dataset = "phdb-tester/product-hunt-phdb-tests";

    private Publisher(
        string database,
        NpgsqlDataSource dataSource,
        TemporaryDirectory exports,
        TemporaryDirectory home,
        KaggleStandIn standIn
    )
    {
        Database = database;
        DataSource = dataSource;
        Exports = exports;
        Home = home;
        StandIn = standIn;
        Kaggle = new KaggleOptions
        {
            Endpoint = standIn.Endpoint.ToString(),
            Dataset = Dataset,
            ApiToken = standIn.Options.ApiToken,
            StatusPollInterval = TimeSpan.FromMilliseconds(50),
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            MaxAttempts = 3,
        };
        Options = new PublishingOptions();
        Options.Formats.Clear();
        Options.Formats.Add(ExportFormats.Csv);
        Options.Formats.Add(ExportFormats.Sqlite);
        Runner = NewRunner();
    }

    public string Database { get; }

    public NpgsqlDataSource DataSource { get; }

    public TemporaryDirectory Exports { get; }

    /// <summary>An empty home folder: no <c>~/.kaggle</c> to find credentials in.</summary>
    public TemporaryDirectory Home { get; }

    public KaggleStandIn StandIn { get; }

    public KaggleOptions Kaggle { get; }

    public PublishingOptions Options { get; }

    public CapturedLogs Logs { get; } = new();

    public PublicationRunner Runner { get; }

    public static async Task<Publisher> StartAsync(
        PublishingWorld world,
        string purpose,
        CancellationToken cancellationToken
    )
    {
        var database = await world.CloneAsync(purpose, cancellationToken);
        var standIn = await KaggleStandIn.StartAsync(ct: cancellationToken);
        return new Publisher(
            database,
            NpgsqlDataSource.Create(database),
            new TemporaryDirectory("phdb-publish-exports-"),
            new TemporaryDirectory("phdb-publish-home-"),
            standIn
        );
    }

    /// <summary>
    /// A runner over this set-up; credentials are found as a host finds them (here <see cref="KaggleOptions.ApiToken"/>),
    /// or by <paramref name="credentials"/>.
    /// </summary>
    public PublicationRunner NewRunner(Func<KaggleCredentials>? credentials = null) =>
        new(
            DataSource,
            new ExportRunner(DataSource, ExportFormatRegistry.All, ExportOptions(), NullLogger<ExportRunner>.Instance),
            ExportOptions(),
            Kaggle,
            Options,
            credentials ?? (() => KaggleCredentialLocator.Find(Kaggle, _ => null, Home.Path)),
            Logs.Factory()
        );

    /// <summary>The request of an ordinary publication: a fresh csv + sqlite export.</summary>
    public static PublishRequest Request(string? dataset = null, bool dryRun = false, string origin = "test") =>
        new(Dataset: dataset, DryRun: dryRun, Origin: origin);

    /// <summary>
    /// Adds <paramref name="users"/> users and a succeeded incremental harvest run, as a later run would; returns
    /// the run's id.
    /// </summary>
    public async Task<long> HarvestMoreAsync(int users, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await using (
            var insert = DataSource.CreateCommand(
                """
                INSERT INTO users (id, name, username, created_at)
                SELECT s.top + g, 'Later user', 'later-user-' || (s.top + g), $2
                FROM (SELECT coalesce(max(id), 0) AS top FROM users) s, generate_series(1, $1) g
                """
            )
        )
        {
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = users });
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var run = DataSource.CreateCommand(
            """
            INSERT INTO harvest_runs (started_at, finished_at, mode, outcome)
            VALUES ($1, $1, 'incremental', 'succeeded') RETURNING id
            """
        );
        run.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        return (long)(await run.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        await StandIn.DisposeAsync();
        await DataSource.DisposeAsync();
        Exports.Dispose();
        Home.Dispose();
    }

    private ExportOptions ExportOptions() => new() { Directory = Exports.Path, Keep = 0 };
}
