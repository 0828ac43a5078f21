using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PHDB.Export;
using PHDB.Export.Schema;

// Export benchmark on an existing harvested database (the AppHost's, after its full harvest of the default world).
// Each measurement runs in a process of its own, so its peak memory is its own; they run one after another, in one
// invocation, on the same tables (the harvested tables of the phdb layout):
//   baseline  psql running COPY (query) TO STDOUT (FORMAT csv, HEADER) of each table into a file;
//   csv       phdb's CSV export;  parquet  phdb's Parquet export;  sqlite  phdb's SQLite export.
// Tables are exported one at a time (Export:Parallelism = 1) so per-table rates are comparable.
// Usage: dotnet run -c Release --project benchmarks/PHDB.Export.Benchmarks -- [--database CS] [--output DIR]
//        (default database: the running AppHost's, from <data directory>/runtime.json)
if (args.Length >= 2 && args[0] == "--measure")
{
    return await Measurement.RunAsync(args[1], args[2], args[3]);
}

var database = Argument("--database") ?? RuntimeDatabase();
var output = Argument("--output") ?? Path.Join(Path.GetTempPath(), $"phdb-export-bench-{Environment.ProcessId}");
Directory.CreateDirectory(output);
var results = new List<MeasurementResult>();
foreach (var kind in new[] { "baseline", "csv", "parquet", "sqlite" })
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (!Environment.ProcessPath!.EndsWith("PHDB.Export.Benchmarks", StringComparison.Ordinal))
    {
        start.ArgumentList.Add(typeof(Measurement).Assembly.Location);
    }

    foreach (var a in new[] { "--measure", kind, database, Path.Join(output, kind) })
    {
        start.ArgumentList.Add(a);
    }

    using var process = Process.Start(start)!;
    var text = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        Console.Error.WriteLine($"{kind} failed: {text}");
        return 1;
    }

    results.Add(JsonSerializer.Deserialize<MeasurementResult>(text)!);
    Directory.Delete(Path.Join(output, kind), recursive: true);
}

Report.Print(results);
return 0;

string? Argument(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string RuntimeDatabase()
{
    var directory =
        Environment.GetEnvironmentVariable("PHDB_DATA_DIRECTORY")
        ?? (
            Environment.UserName == "root"
                ? "/var/lib/phdb"
                : Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "phdb")
        );
    using var runtime = JsonDocument.Parse(File.ReadAllText(Path.Join(directory, "runtime.json")));
    return runtime.RootElement.GetProperty("connectionString").GetString()!;
}

/// <summary>One measurement: total and per-table rows, bytes and seconds, and the process's peak memory.</summary>
internal sealed record MeasurementResult(
    string Kind,
    double Seconds,
    long Rows,
    long Bytes,
    long PeakBytes,
    IReadOnlyList<TableResult> Tables
);

/// <summary>One table of a measurement.</summary>
internal sealed record TableResult(string Table, long Rows, long Bytes, double Seconds);

/// <summary>Runs one measurement in this process and prints it as JSON.</summary>
internal static class Measurement
{
    /// <summary>psql runs <paramref name="copy"/> with its standard output redirected into <paramref name="path"/>.</summary>
    private static async Task PsqlCopyAsync(string database, string copy, string path)
    {
        var b = new NpgsqlConnectionStringBuilder(database);
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("psql -X -q -h \"$H\" -p \"$P\" -U \"$U\" -d \"$D\" -c \"$Q\" > \"$F\"");
        start.Environment["H"] = b.Host;
        start.Environment["P"] = b.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["U"] = b.Username;
        start.Environment["D"] = b.Database;
        start.Environment["Q"] = copy;
        start.Environment["F"] = path;
        start.Environment["PGPASSWORD"] = b.Password;
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"psql failed: {error}");
        }
    }

    public static async Task<int> RunAsync(string kind, string database, string folder)
    {
        var tables = PhdbLayout.HarvestedTables;
        await using var dataSource = NpgsqlDataSource.Create(database);
        var clock = Stopwatch.StartNew();
        var perTable = new List<TableResult>();
        if (kind == "baseline")
        {
            Directory.CreateDirectory(folder);
            await using var connection = await dataSource.OpenConnectionAsync();
            foreach (var table in tables)
            {
                var started = clock.Elapsed;
                var path = Path.Join(folder, table.Name + ".csv");
                await PsqlCopyAsync(database, $"COPY ({table.Query}) TO STDOUT (FORMAT csv, HEADER)", path);
                await using var count = new NpgsqlCommand($"SELECT count(*) FROM ({table.Query}) q", connection);
                var rows = (long)(await count.ExecuteScalarAsync())!;
                perTable.Add(
                    new TableResult(table.Name, rows, new FileInfo(path).Length, (clock.Elapsed - started).TotalSeconds)
                );
            }
        }
        else
        {
            var runner = new ExportRunner(
                dataSource,
                ExportFormatRegistry.All,
                new ExportOptions
                {
                    Directory = folder,
                    Parallelism = 1,
                    Keep = 0,
                },
                NullLogger<ExportRunner>.Instance
            );
            var starts = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
            var ends = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
            var progress = new SynchronousProgress(p =>
            {
                starts.TryAdd(p.Table, clock.Elapsed);
                if (p.Completed)
                {
                    ends[p.Table] = clock.Elapsed;
                }
            });
            var result = await runner.RunAsync(
                new ExportRequest([kind], Tables: [.. tables.Select(t => t.Name)], Output: Path.Join(folder, "export")),
                progress,
                CancellationToken.None
            );
            foreach (var table in tables)
            {
                var bytes = result
                    .Files.Where(f => f.Tables.Count == 1 && f.Tables.ContainsKey(table.Name))
                    .Sum(f => f.Bytes);
                perTable.Add(
                    new TableResult(
                        table.Name,
                        result.Tables[table.Name],
                        bytes,
                        (ends[table.Name] - starts[table.Name]).TotalSeconds
                    )
                );
            }

            if (kind == "sqlite")
            {
                perTable.Add(
                    new TableResult(
                        "(phdb.sqlite)",
                        0,
                        result.Bytes - result.Files.Where(f => f.Format != "sqlite").Sum(f => f.Bytes),
                        0
                    )
                );
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(
            JsonSerializer.Serialize(
                new MeasurementResult(
                    kind,
                    seconds,
                    perTable.Sum(t => t.Rows),
                    perTable.Sum(t => t.Bytes),
                    self.PeakWorkingSet64,
                    perTable
                )
            )
        );
        return 0;
    }
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (timing needs it).</summary>
internal sealed class SynchronousProgress(Action<ExportProgress> report) : IProgress<ExportProgress>
{
    private readonly Lock gate = new();

    public void Report(ExportProgress value)
    {
        lock (gate)
        {
            report(value);
        }
    }
}

/// <summary>Prints the measurements as Markdown tables.</summary>
internal static class Report
{
    public static void Print(IReadOnlyList<MeasurementResult> results)
    {
        var baseline = results.Single(r => r.Kind == "baseline");
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(
            "| measurement | rows | seconds | rows/s | MB written | MB/s | × COPY csv (rows/s) | peak memory |"
        );
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var rate = r.Rows / r.Seconds;
            Console.WriteLine(
                string.Create(
                    c,
                    $"| {r.Kind} | {r.Rows:N0} | {r.Seconds:F1} | {rate:N0} | {r.Bytes / 1e6:F1} | {r.Bytes / 1e6 / r.Seconds:F1} | {rate / (baseline.Rows / baseline.Seconds):F2}× | {r.PeakBytes / 1e6:F0} MB |"
                )
            );
        }

        Console.WriteLine();
        Console.WriteLine(
            "| table | rows | " + string.Join(" | ", results.Select(r => $"{r.Kind} rows/s · MB/s")) + " |"
        );
        Console.WriteLine("|---|---:|" + string.Concat(results.Select(_ => "---:|")));
        foreach (var table in baseline.Tables)
        {
            var cells = results.Select(r =>
            {
                var t = r.Tables.FirstOrDefault(x => x.Table == table.Table);
                return t is null || t.Seconds <= 0
                    ? "–"
                    : string.Create(c, $"{t.Rows / t.Seconds:N0} · {t.Bytes / 1e6 / t.Seconds:F1}");
            });
            Console.WriteLine(string.Create(c, $"| {table.Table} | {table.Rows:N0} | {string.Join(" | ", cells)} |"));
        }
    }
}
