namespace PHDB.IntegrationTests.Configuration;

/// <summary>The admin console refuses a bad <c>Admin:*</c> setting in one line with exit 78, before it serves a page.</summary>
public sealed class AdminSettingsTests
{
    [Theory]
    [InlineData("Admin__SessionLifetime", "abc", "Admin:SessionLifetime", "='abc': a duration")]
    [InlineData("Admin__Cluster__RenewInterval", "01:00:00", "Admin:Cluster:RenewInterval", "='01:00:00': ")]
    [InlineData("Admin__Password", "", "Admin:Password", " (not set): ")]
    public async Task A_bad_setting_stops_the_console_with_one_line_and_exit_78(
        string variable,
        string value,
        string key,
        string shown
    )
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__phdb"] = "Host=127.0.0.1;Port=1;Database=phdb;Username=phdb;Password=unused",
            ["Admin__Password"] = "a-long-enough-console-password",
            [variable] = value,
        };

        var result = await HostProcess.RunAsync("PHDB.Admin", environment, TestContext.Current.CancellationToken);

        InvalidSettingLine.Assert(result, "admin", key, shown);
    }
}
