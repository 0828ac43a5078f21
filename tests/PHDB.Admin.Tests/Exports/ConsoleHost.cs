using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PHDB.Admin.Access;
using PHDB.Admin.Exports;
using PHDB.Export.Writing;
using PHDB.Testing;
using PHDB.Testing.Admin;

namespace PHDB.Admin.Tests.Exports;

/// <summary>
/// The console's login and export endpoints in an in-process host on a loopback port, registered and mapped as
/// <c>Program.cs</c> does (the cookie, the fallback policy, antiforgery); the login page is reduced to its form's
/// antiforgery token, so <see cref="AdminSession"/> logs in through the real login post.
/// </summary>
internal sealed class ConsoleHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ConsoleHost(WebApplication app, string password, string exportsDirectory, NpgsqlDataSource dataSource)
    {
        this.app = app;
        Password = password;
        ExportsDirectory = exportsDirectory;
        DataSource = dataSource;
        BaseAddress = new Uri(app.Urls.First());
    }

    public Uri BaseAddress { get; }

    public string Password { get; }

    public string ExportsDirectory { get; }

    public NpgsqlDataSource DataSource { get; }

    public ExportJobs Jobs => app.Services.GetRequiredService<ExportJobs>();

    public static async Task<ConsoleHost> StartAsync(
        string connectionString,
        string exportsDirectory,
        string? controlKey = null,
        params IExportFormat[] extraFormats
    )
    {
        var password = AdminPassword.Generate();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["Admin:Password"] = password,
                ["Export:Directory"] = exportsDirectory,
                [ExportControlEndpoints.KeySetting] = controlKey,
            }
        );
        var dataSource = NpgsqlDataSource.Create(connectionString);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(dataSource);
        foreach (var format in extraFormats)
        {
            builder.Services.AddSingleton(format);
        }

        builder.Services.AddConsoleExports();
        builder.AddAdminAccess();
        builder.Services.AddAntiforgery();

        var app = builder.Build();
        app.UseConsolePipeline();
        app.MapLoginForm();
        app.MapAccountEndpoints();
        app.MapExportDownloads();
        app.MapExportControl();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ConsoleHost(app, password, exportsDirectory, dataSource);
    }

    /// <summary>A client without a login that does not follow redirects.</summary>
    public HttpClient Anonymous() => AdminSession.CreateClient(BaseAddress);

    /// <summary>A logged-in client.</summary>
    public Task<AdminSession> LogInAsync() =>
        AdminSession.LogInAsync(BaseAddress, Password, TestContext.Current.CancellationToken);

    /// <summary>Waits until the console's export is no longer running.</summary>
    public async Task<ExportJobView> FinishedAsync()
    {
        await Eventually.HoldsAsync(
            () => Task.FromResult(!Jobs.Current.IsRunning),
            TimeSpan.FromSeconds(120),
            "the console's export finished"
        );
        return Jobs.Current;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}
