using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using PHDB.Export.Analysis;
using PHDB.Export.Reading;
using PHDB.Export.Schema;
using PHDB.Export.Writing;
using PHDB.Storage;

namespace PHDB.Export;

/// <summary>
/// Runs exports: reads every table of one database snapshot, streams it to each requested format, writes the data
/// card and the manifest, and moves the finished folder into place. A failed or cancelled export leaves nothing that
/// looks complete.
/// </summary>
public sealed class ExportRunner
{
    private readonly NpgsqlDataSource dataSource;
    private readonly IReadOnlyDictionary<string, IExportFormat> formats;
    private readonly ExportOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates a runner reading <paramref name="dataSource"/> and writing <paramref name="formats"/>.</summary>
    public ExportRunner(
        NpgsqlDataSource dataSource,
        IEnumerable<IExportFormat> formats,
        ExportOptions options,
        ILogger<ExportRunner> logger,
        TimeProvider? timeProvider = null
    )
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(formats);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        this.dataSource = dataSource;
        this.formats = formats.ToDictionary(f => f.Name, StringComparer.Ordinal);
        this.options = options;
        this.logger = logger;
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Writes the export <paramref name="request"/> asks for.</summary>
    /// <exception cref="ExportFailedException">The export could not be written; its kind says why.</exception>
    public async Task<ExportResult> RunAsync(
        ExportRequest request,
        IProgress<ExportProgress>? progress,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var (layout, tables, formatNames) = Resolve(request);
        var startedAt = timeProvider.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var defaultDestination = request.Output is null;
        var exportsDirectory = defaultDestination ? ExportsDirectory() : null;
        var final =
            !defaultDestination ? Path.GetFullPath(request.Output!)
            : request.Name is { } name ? Path.Join(exportsDirectory, PlainName(name))
            : UniqueFolder(exportsDirectory!, startedAt);
        foreach (var removed in ExportDestination.RemoveAbandoned(Path.GetDirectoryName(final)!))
        {
            ExportLog.RemovedPartial(logger, removed);
        }

        var destination = ExportDestination.Create(final, request.Force);
        using var activity = ExportTelemetry.ActivitySource.StartActivity("export");
        activity?.SetTag("phdb.export.name", destination.Name);
        activity?.SetTag("phdb.export.layout", layout.Name);
        activity?.SetTag("phdb.export.formats", string.Join(",", formatNames));
        var formatList = string.Join(",", formatNames);
        ExportLog.Started(logger, destination.Name, layout.Name, formatList);
        try
        {
            var result = await WriteAsync(
                request,
                layout,
                tables,
                formatNames,
                destination,
                startedAt,
                clock,
                progress,
                cancellationToken
            );
            var removed = defaultDestination
                ? ApplyRetention(exportsDirectory!, request.Keep ?? options.Keep, destination.Name)
                : [];
            ExportTelemetry.Exports.Add(1, new KeyValuePair<string, object?>("outcome", "succeeded"));
            var seconds = clock.Elapsed.TotalSeconds;
            var totalRows = result.Tables.Values.Sum();
            ExportLog.Completed(logger, destination.Name, seconds, totalRows, result.Bytes, destination.Final);
            return result with { Removed = removed };
        }
        catch (Exception e)
        {
            destination.Abandon();
            var failure = Classify(e, cancellationToken);
            ExportTelemetry.Exports.Add(
                1,
                new KeyValuePair<string, object?>("outcome", failure is null ? "cancelled" : "failed")
            );
            activity?.SetStatus(ActivityStatusCode.Error, failure?.Message ?? "cancelled");
            if (failure is null)
            {
                throw;
            }

            ExportLog.Failed(logger, destination.Name, failure.Message, e);
            if (ReferenceEquals(failure, e))
            {
                throw;
            }

            throw failure;
        }
    }

    private async Task<ExportResult> WriteAsync(
        ExportRequest request,
        ExportLayout layout,
        IReadOnlyList<ExportTable> tables,
        IReadOnlyList<string> formatNames,
        ExportDestination destination,
        DateTimeOffset startedAt,
        Stopwatch clock,
        IProgress<ExportProgress>? progress,
        CancellationToken cancellationToken
    )
    {
        await using var snapshot = await ExportSnapshot.TakeAsync(dataSource, cancellationToken);
        var highWater = await ReadHighWaterAsync(snapshot, cancellationToken);
        var spikes = await DetectSpikesAsync(snapshot, tables, cancellationToken);
        var formatOptions = new FormatOptions(request.Gzip, request.PartitionByMonth, options.RowGroupRows);
        var writers = new List<IFormatWriter>();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            var estimates = await EstimateRowsAsync(snapshot, tables, cancellationToken);
            var files = new List<ExportedFile>();

            // One pass over the snapshot per format: the peak memory is the largest format's, not their sum, and on
            // two cores the passes take about as long as writing every format from one read.
            for (var pass = 0; pass < formatNames.Count; pass++)
            {
                var writer = formats[formatNames[pass]].Open(destination.Partial, formatOptions);
                writers.Add(writer);
                var tablePass = new TablePass(pass, formatNames.Count);
                using var gate = new SemaphoreSlim(options.Parallelism);
                var work = tables.Select(async table =>
                {
                    await gate.WaitAsync(cancellationToken);
                    try
                    {
                        long prior;
                        lock (rows)
                        {
                            prior = rows.GetValueOrDefault(table.Name) * pass;
                        }

                        var written = await ExportTableAsync(
                            snapshot,
                            table,
                            table.Name == VoteSpikeTable.Table.Name ? spikes : null,
                            request.PartitionByMonth,
                            [writer],
                            estimates.TryGetValue(table.Name, out var estimate) ? estimate * tablePass.Passes : null,
                            tablePass with
                            {
                                PriorRows = prior,
                            },
                            progress,
                            cancellationToken
                        );
                        lock (rows)
                        {
                            if (pass > 0 && rows[table.Name] != written)
                            {
                                throw new InvalidOperationException(
                                    $"The table {table.Name} gave {written} rows to {formatNames[pass]} but {rows[table.Name]} before, from one snapshot."
                                );
                            }

                            rows[table.Name] = written;
                        }
                    }
                    finally
                    {
                        gate.Release();
                    }
                });
                await Task.WhenAll(work);
                files.AddRange(await writer.CompleteAsync(cancellationToken));
                await writer.DisposeAsync();
                writers.Remove(writer);
            }

            var findings = spikes is null ? [] : VoteSpikeFindings.ToFindings(spikes, options.VoteSpikes.K);
            if (findings.Count > 0)
            {
                await new HarvestBookkeeping(dataSource).RecordFindingsAsync(findings, null, cancellationToken);
            }

            var entries = files.Select(f => Describe(destination.Partial, f)).ToList();
            var ordered = tables.ToDictionary(t => t.Name, t => rows[t.Name], StringComparer.Ordinal);
            var facts = new DataCardFacts(
                layout,
                tables,
                ordered,
                entries,
                snapshot.TakenAt,
                highWater,
                options.Kaggle
            );
            await File.WriteAllTextAsync(
                Path.Join(destination.Partial, DataCard.ReadmeFile),
                DataCard.Readme(facts),
                cancellationToken
            );
            await File.WriteAllTextAsync(
                Path.Join(destination.Partial, DataCard.MetadataFile),
                DataCard.KaggleMetadata(facts),
                cancellationToken
            );
            var manifest = new ExportManifest(
                1,
                layout.Name,
                formatNames,
                startedAt,
                timeProvider.GetUtcNow(),
                snapshot.TakenAt,
                highWater,
                ordered,
                [
                    .. entries.Select(e => new ManifestFile(
                        e.Path,
                        e.Format,
                        e.Tables,
                        e.Bytes,
                        e.Sha256,
                        SchemaOf(tables, e)
                    )),
                ]
            );
            await WriteManifestAsync(destination.Partial, manifest, cancellationToken);
            destination.Commit();
            if (request.Output is null)
            {
                LatestLink.Move(Path.GetDirectoryName(destination.Final)!, destination.Name);
            }

            return new ExportResult(
                destination.Name,
                destination.Final,
                layout.Name,
                formatNames,
                snapshot.TakenAt,
                clock.Elapsed,
                ordered,
                entries,
                findings.Count,
                []
            );
        }
        finally
        {
            foreach (var writer in writers)
            {
                await writer.DisposeAsync();
            }
        }
    }

    private async Task<long> ExportTableAsync(
        ExportSnapshot snapshot,
        ExportTable table,
        IReadOnlyList<VoteSpike>? spikes,
        bool partition,
        IReadOnlyList<IFormatWriter> writers,
        long? estimate,
        TablePass tablePass,
        IProgress<ExportProgress>? progress,
        CancellationToken cancellationToken
    )
    {
        using var activity = ExportTelemetry.ActivitySource.StartActivity("export table");
        activity?.SetTag("phdb.export.table", table.Name);
        var tableWriters = new List<ITableWriter>();
        try
        {
            foreach (var writer in writers)
            {
                tableWriters.Add(await writer.BeginTableAsync(table, cancellationToken));
            }

            long rows = 0;
            progress?.Report(new ExportProgress(table.Name, tablePass.PriorRows, estimate, false));
            if (spikes is not null)
            {
                foreach (var batch in VoteSpikeTable.ToBatches(spikes, options.BatchRows))
                {
                    await WriteBatchAsync(tableWriters, batch, cancellationToken);
                    rows += batch.Count;
                }
            }
            else
            {
                await using var connection = await snapshot.OpenConnectionAsync(cancellationToken);
                var query =
                    partition && table.PartitionColumn is { } column
                        ? $"SELECT * FROM ({table.Query}) q ORDER BY q.{column}"
                        : table.Query!;
                await foreach (var batch in connection.ReadAsync(table, query, options.BatchRows, cancellationToken))
                {
                    await WriteBatchAsync(tableWriters, batch, cancellationToken);
                    rows += batch.Count;
                    ExportTelemetry.Rows.Add(batch.Count, new KeyValuePair<string, object?>("table", table.Name));
                    progress?.Report(new ExportProgress(table.Name, tablePass.PriorRows + rows, estimate, false));
                }
            }

            foreach (var writer in tableWriters)
            {
                await writer.CompleteAsync(cancellationToken);
            }

            var total = tablePass.PriorRows + rows;
            // Once the last pass wrote it, the report carries the table's own rows, not its rows summed over formats.
            progress?.Report(
                tablePass.IsLast
                    ? new ExportProgress(table.Name, rows, rows, true)
                    : new ExportProgress(table.Name, total, estimate ?? total, false)
            );
            ExportLog.TableDone(logger, table.Name, rows);
            return rows;
        }
        finally
        {
            foreach (var writer in tableWriters)
            {
                await writer.DisposeAsync();
            }
        }
    }

    private static async Task WriteBatchAsync(
        List<ITableWriter> writers,
        RowBatch batch,
        CancellationToken cancellationToken
    )
    {
        if (writers.Count == 1)
        {
            await writers[0].WriteAsync(batch, cancellationToken);
            return;
        }

        await Task.WhenAll(writers.Select(w => w.WriteAsync(batch, cancellationToken).AsTask()));
    }

    /// <summary>The vote spikes of the snapshot, when the export has the <c>vote_spikes</c> table.</summary>
    private async Task<IReadOnlyList<VoteSpike>?> DetectSpikesAsync(
        ExportSnapshot snapshot,
        IReadOnlyList<ExportTable> tables,
        CancellationToken cancellationToken
    )
    {
        var unknown = tables.FirstOrDefault(t => t.Query is null && t.Name != VoteSpikeTable.Table.Name);
        if (unknown is not null)
        {
            throw new InvalidOperationException($"No computation is known for the table {unknown.Name}.");
        }

        if (!tables.Any(t => t.Name == VoteSpikeTable.Table.Name))
        {
            return null;
        }

        using var activity = ExportTelemetry.ActivitySource.StartActivity("detect vote spikes");
        await using var connection = await snapshot.OpenConnectionAsync(cancellationToken);
        var curves = await VoteCurveReader.ReadAsync(connection, cancellationToken);
        var spikes = new VoteSpikeDetector(options.VoteSpikes).Detect(curves);
        activity?.SetTag("phdb.export.vote_spikes", spikes.Count);
        return spikes;
    }

    private (ExportLayout Layout, IReadOnlyList<ExportTable> Tables, IReadOnlyList<string> Formats) Resolve(
        ExportRequest request
    )
    {
        var layout =
            ExportLayouts.Find(request.Layout)
            ?? throw Invalid(
                $"Unknown layout '{request.Layout}': one of {string.Join(", ", ExportLayouts.All.Select(l => l.Name))}."
            );
        if (request.Formats.Count == 0)
        {
            throw Invalid($"No format asked for: one or more of {string.Join(", ", formats.Keys)}.");
        }

        var unknownFormat = request.Formats.FirstOrDefault(f => !formats.ContainsKey(f));
        if (unknownFormat is not null)
        {
            throw Invalid($"Unknown format '{unknownFormat}': one or more of {string.Join(", ", formats.Keys)}.");
        }

        var names = request.Formats.Distinct(StringComparer.Ordinal).ToList();
        if (request.Tables is null || request.Tables.Count == 0)
        {
            return (layout, layout.Tables, names);
        }

        var unknownTable = request.Tables.FirstOrDefault(t => layout.Find(t) is null);
        if (unknownTable is not null)
        {
            throw Invalid(
                $"Unknown table '{unknownTable}' in the {layout.Name} layout: one or more of {string.Join(", ", layout.Tables.Select(t => t.Name))}."
            );
        }

        return (layout, [.. layout.Tables.Where(t => request.Tables.Contains(t.Name))], names);
    }

    private string ExportsDirectory()
    {
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            throw Invalid("Export:Directory is not set: give --output, or set the exports directory.");
        }

        return Path.GetFullPath(options.Directory);
    }

    /// <summary>The default name of an export started at <paramref name="now"/>: its UTC timestamp, <c>20261205T010203Z</c>.</summary>
    public static string NameAt(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string PlainName(string name) =>
        string.IsNullOrWhiteSpace(name)
        || name.StartsWith('.')
        || name == ExportCatalog.LatestLink
        || name.IndexOfAny(['/', '\\', '\0']) >= 0
            ? throw Invalid($"'{name}' is not an export name: no path separators, no leading dot, not 'latest'.")
            : name;

    private static string UniqueFolder(string directory, DateTimeOffset now)
    {
        var name = NameAt(now);
        var candidate = Path.Join(directory, name);
        for (var n = 2; Directory.Exists(candidate); n++)
        {
            candidate = Path.Join(directory, $"{name}-{n.ToString(CultureInfo.InvariantCulture)}");
        }

        return candidate;
    }

    private static async Task<HarvestHighWater> ReadHighWaterAsync(
        ExportSnapshot snapshot,
        CancellationToken cancellationToken
    )
    {
        var observation = await snapshot.ScalarAsync<DateTime?>(
            """
            SELECT greatest((SELECT max(observed_at) FROM posts), (SELECT max(observed_at) FROM comments),
                (SELECT max(observed_at) FROM collections))
            """,
            cancellationToken
        );
        var newestPost = await snapshot.ScalarAsync<DateTime?>("SELECT max(created_at) FROM posts", cancellationToken);
        var oldestPost = await snapshot.ScalarAsync<DateTime?>("SELECT min(created_at) FROM posts", cancellationToken);
        var newestVote = await snapshot.ScalarAsync<DateTime?>("SELECT max(created_at) FROM votes", cancellationToken);
        var runId = await snapshot.ScalarAsync<long?>(
            "SELECT id FROM harvest_runs WHERE outcome = 'succeeded' ORDER BY finished_at DESC, id DESC LIMIT 1",
            cancellationToken
        );
        var runFinished = await snapshot.ScalarAsync<DateTime?>(
            "SELECT finished_at FROM harvest_runs WHERE outcome = 'succeeded' ORDER BY finished_at DESC, id DESC LIMIT 1",
            cancellationToken
        );
        return new HarvestHighWater(
            Utc(observation),
            Utc(newestPost),
            Utc(newestVote),
            Utc(oldestPost),
            runId,
            Utc(runFinished)
        );
    }

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    private static async Task<Dictionary<string, long>> EstimateRowsAsync(
        ExportSnapshot snapshot,
        IReadOnlyList<ExportTable> tables,
        CancellationToken cancellationToken
    )
    {
        var estimates = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => t.Query is not null))
        {
            var from = FromTable(table.Query!);
            if (from is null)
            {
                continue;
            }

            var estimate = await snapshot.ScalarAsync<long?>(
                $"SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass('{from}')",
                cancellationToken
            );
            if (estimate is > 0)
            {
                estimates[table.Name] = estimate.Value;
            }
        }

        return estimates;
    }

    /// <summary>The single table a plain <c>SELECT … FROM table</c> reads, or <c>null</c>.</summary>
    private static string? FromTable(string query)
    {
        var words = query.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var from = Array.LastIndexOf(words, "FROM");
        return from >= 0 && from == words.Length - 2 && words[^1].All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? words[^1]
            : null;
    }

    private static ExportFileEntry Describe(string root, ExportedFile file)
    {
        var path = Path.Join(root, file.Path);
        using var stream = File.OpenRead(path);
        var hash = SHA256.HashData(stream);
        return new ExportFileEntry(file.Path, file.Format, file.Tables, stream.Length, Convert.ToHexStringLower(hash));
    }

    private static Dictionary<string, IReadOnlyList<ManifestColumn>> SchemaOf(
        IReadOnlyList<ExportTable> tables,
        ExportFileEntry file
    ) =>
        tables
            .Where(t => file.Tables.ContainsKey(t.Name))
            .ToDictionary(
                t => t.Name,
                t =>
                    (IReadOnlyList<ManifestColumn>)
                        [.. t.Columns.Select(c => new ManifestColumn(c.Name, DataCard.TypeName(c.Kind), c.Nullable))],
                StringComparer.Ordinal
            );

    private static async Task WriteManifestAsync(
        string folder,
        ExportManifest manifest,
        CancellationToken cancellationToken
    )
    {
        var path = Path.Join(folder, ExportCatalog.ManifestFile);
        await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, manifest, ExportJson.Options, cancellationToken);
            await stream.WriteAsync(Encoding.UTF8.GetBytes("\n"), cancellationToken);
            stream.Flush(flushToDisk: true);
        }
    }

    private List<string> ApplyRetention(string directory, int keep, string current)
    {
        var removed = new List<string>();
        if (keep <= 0)
        {
            return removed;
        }

        foreach (var old in new ExportCatalog(directory).List().Where(e => e.Name != current).Skip(keep - 1))
        {
            try
            {
                Directory.Delete(old.Directory, recursive: true);
                removed.Add(old.Name);
                ExportLog.RemovedOld(logger, old.Name, keep);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                ExportLog.Failed(logger, old.Name, "could not remove an old export", e);
            }
        }

        return removed;
    }

    /// <summary>The failure to report for <paramref name="e"/>; <c>null</c> for a cancellation.</summary>
    private static ExportFailedException? Classify(Exception e, CancellationToken cancellationToken)
    {
        if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return e switch
        {
            ExportFailedException failed => failed,
            IOException io when io.HResult == 28 || io.Message.Contains("No space left", StringComparison.Ordinal) =>
                new ExportFailedException(
                    ExportFailure.WriteFailed,
                    $"The disk is full: {io.Message} The unfinished export was removed.",
                    io
                ),
            UnauthorizedAccessException denied => new ExportFailedException(
                ExportFailure.CannotCreate,
                $"Cannot write the export: {denied.Message}",
                denied
            ),
            IOException io => new ExportFailedException(
                ExportFailure.WriteFailed,
                $"Writing the export failed: {io.Message} The unfinished export was removed.",
                io
            ),
            NpgsqlException { InnerException: SocketException or TimeoutException } or SocketException =>
                new ExportFailedException(
                    ExportFailure.DatabaseUnavailable,
                    $"The database cannot be reached: {e.Message}",
                    e
                ),
            NpgsqlException npgsql when npgsql is not PostgresException => new ExportFailedException(
                ExportFailure.DatabaseUnavailable,
                $"The database cannot be reached: {npgsql.Message}",
                npgsql
            ),
            _ => new ExportFailedException(ExportFailure.Unexpected, $"The export failed: {e.Message}", e),
        };
    }

    private static ExportFailedException Invalid(string message) => new(ExportFailure.InvalidRequest, message);
}
