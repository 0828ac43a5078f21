using System.Diagnostics;
using System.Globalization;
using Npgsql;
using PHDB.Grains;
using PHDB.Simulator.Configuration;
using PHDB.Testing;

namespace PHDB.Harvest.Benchmarks;

/// <summary>
/// The posts phase of a full harvest by one silo process: an in-process simulator with the rate limit out of the way,
/// a throwaway PostgreSQL server, and <c>PHDB.Silo</c> started as its own process. Every 2 s it reads the posts stored
/// and the silo's VmRSS/VmHWM; a reading is kept at each multiple of the mark, and the run stops once every post is
/// stored (or at the timeout, with what was reached).
/// </summary>
internal static class SiloMemoryMeasurement
{
    private const string Token = "memory-token";
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StartWithin = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan SampleTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Windows of 3 s with a budget no harvest spends: the rate limit out of the way, the budget's state the size a live
    /// window gives it (it holds the slots and answers of the open window, a few dozen on the live API, but tens of
    /// thousands in a 15-minute window that paid for every request of a harvest flat out).
    /// </summary>
    private static readonly RateLimitOptions OutOfTheWay = new() { Points = 1_000_000_000, WindowSeconds = 3 };

    public static async Task<IReadOnlyList<SiloMemoryReading>> RunAsync(SiloMemoryOptions options)
    {
        if (!File.Exists(options.Silo))
        {
            throw new FileNotFoundException(
                "Build the silo first: dotnet build -c Release src/PHDB.Silo (or pass --silo <PHDB.Silo.dll>).",
                options.Silo
            );
        }

        var generation = Stopwatch.StartNew();
        await using var simulator = await BenchmarkWorld.StartAsync(
            options.Scale,
            options.Cap,
            OutOfTheWay,
            [new BenchmarkApplication("Memory", Token, OutOfTheWay.Points)]
        );
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"World of {options.Scale:N0} posts generated in {generation.Elapsed.TotalSeconds:0.0} s; complexity cap {options.Cap:N0}; 1 silo process × {options.Workers} workers; {Environment.ProcessorCount} cores"
            )
        );

        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        try
        {
            var database = await postgres.CreateMigratedDatabaseAsync("silo_memory", CancellationToken.None);
            await using var data = NpgsqlDataSource.Create(database);
            var log = Path.Join(Path.GetTempPath(), $"phdb-silo-memory-{Environment.ProcessId}.log");
            Console.WriteLine($"Silo {options.Silo}, log {log}");
            await using var silo = SiloProcess.Start(
                options.Silo,
                Configuration(database, simulator.BaseAddress, options),
                log
            );
            await silo.StartFullAsync(StartWithin);
            return await SampleAsync(silo, data, options);
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    private static async Task<IReadOnlyList<SiloMemoryReading>> SampleAsync(
        SiloProcess silo,
        NpgsqlDataSource data,
        SiloMemoryOptions options
    )
    {
        var readings = new List<SiloMemoryReading>();
        var timeout = TimeSpan.FromMinutes(options.TimeoutMinutes);
        var watch = Stopwatch.StartNew();
        var progressAt = ProgressEvery;
        long nextMark = options.Mark;
        while (true)
        {
            await Task.Delay(SampleEvery);
            if (silo.HasExited)
            {
                throw new InvalidOperationException(
                    $"The silo exited with code {silo.ExitCode} during the run; see its log."
                );
            }

            var posts = await HarvestedRows.PostsAsync(data).WaitAsync(SampleTimeout);
            var reading = new SiloMemoryReading(watch.Elapsed, posts, ProcessMemory.Read(silo.Id));
            var done = posts >= options.Scale;
            var timedOut = watch.Elapsed >= timeout;
            if (posts >= nextMark || done || timedOut)
            {
                readings.Add(reading);
                while (nextMark <= posts)
                {
                    nextMark += options.Mark;
                }
            }

            if (watch.Elapsed >= progressAt || done || timedOut)
            {
                progressAt += ProgressEvery;
                Console.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"  {reading.Elapsed.TotalSeconds, 6:0} s  {posts, 9:N0} posts  RSS {Mib(reading.Memory.Resident), 6:N0} MiB  peak {Mib(reading.Memory.Peak), 6:N0} MiB"
                    )
                );
            }

            if (done || timedOut)
            {
                return readings;
            }
        }
    }

    /// <summary>The AppHost's silo settings, the rate budget out of the way, the pauses of the harvest benchmark.</summary>
    private static Dictionary<string, string?> Configuration(
        string database,
        Uri simulator,
        SiloMemoryOptions options
    ) =>
        new(StringComparer.Ordinal)
        {
            [$"ConnectionStrings:{PhdbCluster.ConnectionStringName}"] = database,
            ["ProductHunt:BaseAddress"] = simulator.ToString(),
            ["ProductHunt:Token"] = Token,
            ["ProductHunt:RetryBaseDelay"] = "00:00:00.050",
            ["Harvest:StartAutomatically"] = "false",
            ["Harvest:IncrementalInterval"] = "00:00:00",
            ["Harvest:Worker:Concurrency"] = options.Workers.ToString(CultureInfo.InvariantCulture),
            ["Harvest:Worker:IdleDelay"] = "00:00:00.050",
            ["Harvest:Worker:ErrorDelay"] = "00:00:00.200",
            ["Harvest:RateBudget:DefaultLimit"] = "10000000",
            ["Harvest:RateBudget:ResetMargin"] = "00:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        };

    public static double Mib(long bytes) => bytes / 1024.0 / 1024.0;
}
