using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PHDB.Testing;

namespace PHDB.Cli.Tests.Terminal;

/// <summary>
/// One command line run in a pseudo-terminal: a detached tmux session of <see cref="Width"/>×<see cref="Height"/> on a
/// tmux server of its own (a unique socket), so the program sees a real terminal on stdin, stdout and stderr. The
/// test reads the screen, sends keys, and reads the exit code the shell prints as <c>exit=N</c> once the command ends
/// (the pane stays open). Everything the program writes is also recorded raw, escape sequences included.
/// </summary>
public sealed partial class TmuxSession : IDisposable
{
    public const int Width = 160;
    public const int Height = 50;

    private const string Target = "phdb";

    private readonly string socket = $"phdb-test-{Guid.NewGuid():N}";
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("phdb-tmux-");
    private string lastScreen = "";

    private TmuxSession() { }

    /// <summary>What the program wrote, as bytes decoded, escape sequences and all.</summary>
    public string RawOutput => File.Exists(RawPath) ? Encoding.UTF8.GetString(File.ReadAllBytes(RawPath)) : "";

    private string RawPath => Path.Combine(directory.FullName, "raw.log");

    /// <summary>
    /// Starts <c>dotnet phdb.dll <paramref name="arguments"/></c> in a new terminal with TERM=xterm-256color, NO_COLOR
    /// unset, an empty data directory, and <paramref name="environment"/> on top (a null value unsets).
    /// </summary>
    public static async Task<TmuxSession> StartPhdbAsync(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null
    )
    {
        var session = new TmuxSession();
        try
        {
            await session.StartAsync(arguments, environment);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private async Task StartAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment)
    {
        var data = Directory.CreateDirectory(Path.Combine(directory.FullName, "data"));
        var go = Path.Combine(directory.FullName, "go");
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["TERM"] = "xterm-256color",
            ["NO_COLOR"] = null,
            ["PHDB_DATABASE"] = null,
            ["PHDB_DATA_DIRECTORY"] = data.FullName,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[key] = value;
        }

        var script = new StringBuilder();
        // The command waits until the pane is recorded and stays open, so no output and no exit code are missed.
        script.Append(CultureInfo.InvariantCulture, $"while [ ! -e {Quote(go)} ]; do sleep 0.05; done\n");
        foreach (var (key, value) in variables)
        {
            script.Append(
                value is null
                    ? $"unset {key}\n"
                    : string.Create(CultureInfo.InvariantCulture, $"export {key}={Quote(value)}\n")
            );
        }

        script.Append(CultureInfo.InvariantCulture, $"cd {Quote(CliProcess.RepositoryRoot)}\n");
        script.Append("dotnet ").AppendJoin(' ', new[] { CliProcess.AssemblyPath }.Concat(arguments).Select(Quote));
        script.Append('\n').Append("echo \"exit=$?\"\n");
        var scriptPath = Path.Combine(directory.FullName, "run.sh");
        await File.WriteAllTextAsync(scriptPath, script.ToString());

        await TmuxAsync(
            "new-session",
            "-d",
            "-s",
            Target,
            "-x",
            Width.ToString(CultureInfo.InvariantCulture),
            "-y",
            Height.ToString(CultureInfo.InvariantCulture),
            $"bash --noprofile --norc {Quote(scriptPath)}",
            ";",
            "set-option",
            "-w",
            "-t",
            Target,
            "remain-on-exit",
            "on",
            ";",
            "pipe-pane",
            "-o",
            "-t",
            Target,
            $"cat >> {Quote(RawPath)}"
        );
        await File.WriteAllTextAsync(go, "");
    }

    /// <summary>The screen now, scroll-back included, without colours.</summary>
    public async Task<string> ScreenAsync()
    {
        lastScreen = await TmuxAsync("capture-pane", "-p", "-J", "-S", "-", "-t", Target);
        return lastScreen;
    }

    /// <summary>Sends keys as tmux names them: <c>Enter</c>, <c>Down</c>, <c>Escape</c>, <c>C-c</c>, or text.</summary>
    public Task SendKeysAsync(params string[] keys) => TmuxAsync(["send-keys", "-t", Target, .. keys]);

    /// <summary>Waits until the screen contains <paramref name="text"/> at least <paramref name="times"/> times.</summary>
    public Task<string> WaitForTextAsync(string text, TimeSpan timeout, int times = 1) =>
        WaitForAsync(
            screen => Occurrences(screen, text) >= times,
            timeout,
            times == 1 ? $"\"{text}\" on the screen" : $"\"{text}\" {times} times on the screen"
        );

    /// <summary>Waits until <paramref name="condition"/> holds for the screen; fails with the last screen.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> condition, TimeSpan timeout, string expectation)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var screen = await ScreenAsync();
            if (condition(screen))
            {
                return screen;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"Expected within {timeout.TotalSeconds:F0} s: {expectation}. The screen:\n{screen}"
                );
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Waits until the command has ended and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        var screen = await WaitForAsync(s => ExitLine().IsMatch(s), timeout, "the command to end (exit=N)");

        // The recording trails the screen a little: wait until it holds the end too.
        await Eventually.HoldsAsync(
            () => Task.FromResult(ExitLine().IsMatch(RawOutput)),
            timeout,
            "the recorded output to reach exit=N"
        );
        return int.Parse(ExitLine().Match(screen).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        try
        {
            using var process = Process.Start(Start("kill-server"));
            process?.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // No server left to kill.
        }

        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A process still writing; it lives in the temp directory anyway.
        }
    }

    /// <summary>The screen last read, for failure messages.</summary>
    public override string ToString() => lastScreen;

    private static int Occurrences(string screen, string text)
    {
        var count = 0;
        for (
            var at = screen.IndexOf(text, StringComparison.Ordinal);
            at >= 0;
            at = screen.IndexOf(text, at + text.Length, StringComparison.Ordinal)
        )
        {
            count++;
        }

        return count;
    }

    private async Task<string> TmuxAsync(params string[] arguments)
    {
        using var process =
            Process.Start(Start(arguments)) ?? throw new InvalidOperationException("tmux did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"tmux {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}"
            );
        }

        return await output;
    }

    private ProcessStartInfo Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-L", socket, "-f", "/dev/null" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // The server (started by the first command) must not inherit the test host's terminal settings.
        start.Environment.Remove("TMUX");
        return start;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"^exit=(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ExitLine();
}
