namespace PHDB.IntegrationTests.Configuration;

/// <summary>The migrator refuses a missing or malformed connection string, or a bad log level, in one line with exit 78.</summary>
public sealed class MigratorSettingsTests
{
    [Theory]
    [InlineData(
        "ConnectionStrings__phdb",
        "Host=127.0.0.1;Port=abc;Password=hunter2",
        "ConnectionStrings:phdb",
        "=(secret): "
    )]
    [InlineData("ConnectionStrings__phdb", "", "ConnectionStrings:phdb", " (not set): ")]
    [InlineData("Logging__LogLevel__Default", "Loud", "Logging:LogLevel:Default", "='Loud': one of Trace")]
    public async Task A_bad_setting_stops_the_migrator_with_one_line_and_exit_78(
        string variable,
        string value,
        string key,
        string shown
    )
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__phdb"] = "Host=127.0.0.1;Port=1;Database=phdb;Username=phdb;Password=unused",
            [variable] = value,
        };

        var result = await HostProcess.RunAsync("PHDB.Migrator", environment, TestContext.Current.CancellationToken);

        var line = InvalidSettingLine.Assert(result, "migrator", key, shown);
        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
    }
}
