namespace PHDB.Cli.Tests;

/// <summary>Bad input as a user types it: usage errors, nothing running.</summary>
public sealed class UsageTests
{
    [Fact]
    public async Task An_unknown_command_prints_usage_and_exits_64()
    {
        var result = await CliProcess.RunAsync("bogus");

        Assert.True(result.ExitCode == 64, result.ToString());
        Assert.Contains("Unrecognized command or argument 'bogus'", result.Error, StringComparison.Ordinal);
        Assert.Contains("phdb --help", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task An_unknown_option_prints_usage_and_exits_64()
    {
        var result = await CliProcess.RunAsync("runs", "--frobnicate");

        Assert.True(result.ExitCode == 64, result.ToString());
        Assert.Contains("--frobnicate", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_nothing_running_it_says_so_and_how_to_start_it()
    {
        var result = await CliProcess.RunAsync("runs");

        Assert.True(result.ExitCode == 69, result.ToString());
        Assert.Contains("PHDB is not running", result.Error, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project PHDB.AppHost", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_commands_and_examples()
    {
        var result = await CliProcess.RunAsync("runs", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Examples:", result.Output, StringComparison.Ordinal);
        Assert.False(CliProcess.HasAnsi(result.Output));
    }
}
