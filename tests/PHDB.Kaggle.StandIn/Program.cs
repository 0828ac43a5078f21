using System.Runtime.InteropServices;

namespace PHDB.Kaggle.StandIn;

/// <summary>
/// Runs the stand-in until Ctrl-C:
/// <c>dotnet run --project tests/PHDB.Kaggle.StandIn -- --port 5090 [--data-dir DIR] [--username U --key K --token T]</c>.
/// </summary>
internal static class Program
{
    private const string Usage =
        "usage: PHDB.Kaggle.StandIn [--port N] [--data-dir DIR] [--username U] [--key K] [--token T]";

    public static async Task<int> Main(string[] args)
    {
        var options = new KaggleStandInOptions { Port = 5090 };
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            var known = args[i] switch
            {
                "--port" when int.TryParse(value, out var port) && port is >= 0 and <= 65535 => Set(() =>
                    options.Port = port
                ),
                "--data-dir" when value is not null => Set(() =>
                    options.DataDirectory = Directory.CreateDirectory(value).FullName
                ),
                "--username" when !string.IsNullOrEmpty(value) => Set(() => options.Username = value),
                "--key" when !string.IsNullOrEmpty(value) => Set(() => options.Key = value),
                "--token" when !string.IsNullOrEmpty(value) => Set(() => options.ApiToken = value),
                _ => false,
            };
            if (args[i] is "--help" or "-h")
            {
                Console.WriteLine(Usage);
                return 0;
            }

            if (!known)
            {
                await Console.Error.WriteLineAsync(Usage);
                return 2;
            }

            i++;
        }

        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stopped.TrySetResult();
        };
        using var terminate = PosixSignalRegistration.Create(
            PosixSignal.SIGTERM,
            context =>
            {
                context.Cancel = true;
                stopped.TrySetResult();
            }
        );

        await using var standIn = await KaggleStandIn.StartAsync(options);
        var endpoint = standIn.Endpoint.ToString().TrimEnd('/');
        Console.WriteLine(
            $"Kaggle API stand-in on {endpoint} (username {options.Username}, key {options.Key}, token {options.ApiToken}; "
                + $"data in {options.DataDirectory ?? "a temporary folder"}); Ctrl-C stops it."
        );
        Console.WriteLine($"  Kaggle__Endpoint={endpoint} KAGGLE_USERNAME={options.Username} KAGGLE_KEY={options.Key}");
        await stopped.Task;
        return 0;
    }

    private static bool Set(Action assign)
    {
        assign();
        return true;
    }
}
