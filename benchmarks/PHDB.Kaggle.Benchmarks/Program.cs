using PHDB.Kaggle.Benchmarks;

// Upload benchmark of the Kaggle client against the Kaggle API stand-in on loopback.
// The parent process writes (or reuses, with --keep) a synthetic export of pseudo-random bytes, hosts a fresh stand-in
// for every run, and starts the uploader as a child process (this executable with the `client` verb), so that the
// child's peak memory is the uploader's own:
//   baseline    StartBlobUpload by a raw HttpClient POST, then one streamed PUT per file (StreamContent, FileStream);
//   phdb        KaggleApiClient.UploadFileAsync for every file, default options (8 MiB chunks);
//   phdb-fault  the same, with the stand-in dropping the connection in the middle of the largest file.
// Usage: dotnet run -c Release --project benchmarks/PHDB.Kaggle.Benchmarks -- [--size-mb 1024] [--repeat 3]
//        [--keep] [--dir DIR] [--chunk-mb N] [--only baseline,phdb,phdb-fault]
if (args is ["client", ..])
{
    return await ClientRun.RunAsync(args[1..]);
}

if (BenchmarkArguments.Parse(args) is not { } arguments)
{
    await Console.Error.WriteLineAsync(BenchmarkArguments.Usage);
    return 2;
}

return await Benchmark.RunAsync(arguments);
