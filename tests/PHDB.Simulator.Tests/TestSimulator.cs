using PHDB.Simulator.Configuration;
using PHDB.Simulator.Hosting;

namespace PHDB.Simulator.Tests;

/// <summary>Starts a private simulator for a test that changes or configures it.</summary>
internal static class TestSimulator
{
    public static Task<SimulatorHost> StartAsync(Action<SimulatorOptions> configure, TimeProvider? time = null) =>
        SimulatorHost.StartAsync(configure, time, cancellationToken: TestContext.Current.CancellationToken);
}
