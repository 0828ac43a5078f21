namespace PHDB.IntegrationTests.Configuration;

/// <summary>The simulator refuses a bad <c>Simulator:*</c> or logging setting in one line with exit 78.</summary>
public sealed class SimulatorSettingsTests
{
    [Theory]
    [InlineData("Simulator__Scale", "-5", "Simulator:Scale", "='-5': ")]
    [InlineData("Simulator__RateLimit__WindowSeconds", "abc", "Simulator:RateLimit:WindowSeconds", "='abc': a number")]
    [InlineData("Simulator__TotalCount", "Bogus", "Simulator:TotalCount", "='Bogus': one of Full")]
    public async Task A_bad_setting_stops_the_simulator_with_one_line_and_exit_78(
        string variable,
        string value,
        string key,
        string shown
    )
    {
        var result = await HostProcess.RunAsync(
            "PHDB.Simulator",
            new Dictionary<string, string> { [variable] = value },
            TestContext.Current.CancellationToken
        );

        InvalidSettingLine.Assert(result, "simulator", key, shown);
    }
}
