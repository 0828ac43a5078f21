using PHDB.Simulator.Benchmarks;

return args.FirstOrDefault() switch
{
    "startup" => await StartupMeasurement.RunAsync(args.Skip(1).ToArray()),
    "throughput" => await ThroughputMeasurement.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine(
        """
        usage:
          startup    [--scale N]                                   start-up time and memory of a world of N posts (default 1,000,000)
          throughput [--scale N] [--seconds S] [--concurrency C] [--url URL --token T]
                                                                   requests/s for a 20-post page and an 8x aliased query,
                                                                   against an in-process simulator or a running one at URL
        """
    );
    return 2;
}
