using PHDB.Testing;

namespace PHDB.AppHost.Tests.Configuration;

/// <summary>
/// The AppHost refuses a bad <c>Phdb:*</c> setting, or a <c>Simulator:*</c> one it would hand to the simulator, in one
/// line with exit 78, before it starts PostgreSQL.
/// </summary>
public sealed class InvalidSettingTests
{
    [Theory]
    [InlineData("Phdb:Silos", "0", "must be a whole number from 1 to 16")]
    [InlineData("Phdb:AdminPort", "abc", "must be a whole number from 1 to 65535")]
    [InlineData("Simulator:Scale", "-5", "must be between 10 and 5000000")]
    public async Task A_bad_setting_stops_the_apphost_with_one_line_and_exit_78_before_anything_starts(
        string key,
        string value,
        string allowed
    )
    {
        using var data = new TemporaryDirectory("phdb-settings-");
        var result = await AppHostProcess.RunAsync(
            [$"--Phdb:DataDirectory={data.Path}", $"--{key}={value}"],
            TimeSpan.FromMinutes(1),
            TestContext.Current.CancellationToken
        );

        Assert.True(result.ExitCode == 78, result.ToString());
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"apphost: invalid setting {key}='{value}': {allowed}", line.Trim());
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        // No PostgreSQL cluster, no runtime file: nothing started.
        Assert.Empty(Directory.EnumerateFileSystemEntries(data.Path));
    }
}
