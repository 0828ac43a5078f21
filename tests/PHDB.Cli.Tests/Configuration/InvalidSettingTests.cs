using PHDB.Testing;

namespace PHDB.Cli.Tests.Configuration;

/// <summary>A setting <c>phdb</c> reads from its environment that it cannot use: one line naming it, exit 78.</summary>
public sealed class InvalidSettingTests
{
    [Theory]
    [InlineData("Export__Parallelism", "abc", "phdb: invalid setting Export:Parallelism='abc': a whole number")]
    [InlineData("Export__Keep", "-1", "phdb: invalid setting Export:Keep='-1': a number of exports")]
    [InlineData(
        "PHDB_DATABASE",
        "Host=127.0.0.1;Port=abc;Password=hunter2",
        "phdb: The connection string from PHDB_DATABASE"
    )]
    public async Task A_bad_setting_is_one_line_naming_it_and_exit_78(string variable, string value, string line)
    {
        using var output = new TemporaryDirectory("phdb-cli-settings");
        var result = await CliProcess.RunAsync(
            ["export", "--format", "csv", "--output", Path.Join(output.Path, "out")],
            new Dictionary<string, string?> { [variable] = value },
            cancellationToken: TestContext.Current.CancellationToken
        );

        Assert.True(result.ExitCode == 78, result.ToString());
        var only = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(line, only, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
