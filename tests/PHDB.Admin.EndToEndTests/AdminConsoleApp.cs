using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Npgsql;
using PHDB.Testing;
using PHDB.Testing.Admin;

namespace PHDB.Admin.EndToEndTests;

/// <summary>
/// The whole app, started once for every browser test of the run (a small simulated world, an accelerated rate
/// window, a still clock, random ports, a generated admin password), and one headless Chromium.
/// </summary>
public sealed class AdminConsoleApp : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright never downloads a browser of its own here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly TemporaryDirectory dataDirectory = new("phdb-e2e-");
    private readonly TemporaryDirectory browserDirectory = new("phdb-browser-");
    private DistributedApplication? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>The admin password the console was started with.</summary>
    public string Password { get; } = AdminPassword.Generate();

    /// <summary>The admin console's address.</summary>
    public Uri AdminUrl { get; private set; } = null!;

    /// <summary>The API simulator's address (its <c>/_sim/</c> control API included).</summary>
    public Uri SimulatorUrl { get; private set; } = null!;

    /// <summary>Connection string of the <c>phdb</c> database.</summary>
    public string Database { get; private set; } = null!;

    /// <summary>The browser; tests open contexts of their own on it.</summary>
    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not started.");

    /// <summary>Where the tests put their full-page screenshots: <c>screenshots</c> in the test output folder.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        try
        {
            if (Directory.Exists(ScreenshotDirectory))
            {
                Directory.Delete(ScreenshotDirectory, recursive: true);
            }

            Directory.CreateDirectory(ScreenshotDirectory);
            await StartBrowserAsync();
            await StartAppAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            browser = null;
        }

        playwright?.Dispose();
        playwright = null;
        if (app is not null)
        {
            try
            {
                await app.StopAsync().WaitAsync(TimeSpan.FromMinutes(1));
            }
            catch (TimeoutException)
            {
                // Disposing the app below stops whatever is left.
            }

            await app.DisposeAsync();
            app = null;
        }

        NpgsqlConnection.ClearAllPools();
        dataDirectory.Dispose();
        browserDirectory.Dispose();
    }

    private async Task StartBrowserAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: install Debian's Chromium (apt-get install -y chromium)."
            );
        }

        // Playwright's driver puts the browser profiles in its TMPDIR; it reads the variable when it starts.
        var temporary = Environment.GetEnvironmentVariable("TMPDIR");
        Environment.SetEnvironmentVariable("TMPDIR", browserDirectory.Path);
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        try
        {
            playwright = await Playwright.CreateAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable("TMPDIR", temporary);
        }

        Assertions.SetDefaultExpectTimeout(30_000);
        browser = await playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true }
        );
    }

    private async Task StartAppAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PHDB_AppHost>(
            [
                $"--Phdb:DataDirectory={dataDirectory.Path}",
                $"--Phdb:AdminPort={LoopbackPort.Next()}",
                $"--Phdb:SimulatorPort={LoopbackPort.Next()}",
                "--Simulator:Scale=1500",
                "--Simulator:RateLimit:WindowSeconds=1",
                "--Simulator:Clock:Speed=0",
                "--Harvest:Window=180.00:00:00",
                AdminPassword.AppHostArgument(Password),
            ],
            (options, _) => options.DisableDashboard = true
        );
        // The resources' own output at information level runs to tens of thousands of lines per run.
        builder.Services.AddLogging(logging =>
            logging.AddFilter("PHDB.AppHost.Resources", LogLevel.Warning).AddFilter("Aspire", LogLevel.Warning)
        );
        app = await builder.BuildAsync();
        await app.StartAsync().WaitAsync(StartTimeout);

        var notifications = app.ResourceNotifications;
        await notifications.WaitForResourceHealthyAsync("simulator").WaitAsync(StartTimeout);
        var migrated = await notifications
            .WaitForResourceAsync("migrator", e => e.Snapshot.State?.Text == KnownResourceStates.Finished)
            .WaitAsync(StartTimeout);
        if (migrated.Snapshot.ExitCode != 0)
        {
            throw new InvalidOperationException($"The migrator exited with {migrated.Snapshot.ExitCode}.");
        }

        await notifications.WaitForResourceHealthyAsync("admin").WaitAsync(StartTimeout);
        Database =
            await app.GetConnectionStringAsync("phdb")
            ?? throw new InvalidOperationException("The app has no phdb connection string.");
        AdminUrl = app.GetEndpoint("admin", "http");
        SimulatorUrl = app.GetEndpoint("simulator", "http");
    }
}
