using MudBlazor.Services;
using Npgsql;
using PHDB.Admin;
using PHDB.Admin.Access;
using PHDB.Admin.Cluster;
using PHDB.Admin.Components;
using PHDB.Admin.Exports;
using PHDB.Admin.Publishing;
using PHDB.Grains;
using PHDB.Operations;
using PHDB.Publishing;
using PHDB.Runtime;
using PHDB.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.ExitOnInvalidSetting("admin");
builder.AddServiceDefaults();
builder.UseOrleansClient(client => client.UsePhdbCluster(builder.Configuration));

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(_ =>
    PostgresConnectionResilience.CreateDataSource(PhdbConnectionString.Require(builder.Configuration))
);
builder.Services.AddSingleton<HarvestReader>();
builder.Services.AddSingleton<StoredTotalsReader>();
builder.Services.AddSingleton(sp => new HarvestBookkeeping(sp.GetRequiredService<NpgsqlDataSource>()));

builder
    .Services.AddOptions<ClusterMonitorOptions>()
    .BindConfiguration(ClusterMonitorOptions.Section)
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddSingleton<ClusterMonitor>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ClusterMonitor>());
builder
    .Services.AddOptions<HarvestFeedOptions>()
    .BindConfiguration(HarvestFeedOptions.Section)
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddSingleton<HarvestFeed>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<HarvestFeed>());
builder.Services.AddConsoleExports();
builder.Services.AddSingleton(sp => new PublicationHistory(
    sp.GetRequiredService<NpgsqlDataSource>(),
    sp.GetRequiredService<TimeProvider>()
));
builder.Services.AddSingleton(PublishingTarget.From(builder.Configuration));
builder.Services.AddHealthChecks().AddCheck<ClusterReachableHealthCheck>("cluster");

builder.AddAdminAccess();
builder.Services.AddCascadingAuthenticationState();

builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
app.Services.ValidateSettings(app.Configuration);
app.UseConsolePipeline();
app.MapStaticAssets().AllowAnonymous();
app.MapAccountEndpoints();
app.MapExportDownloads();
app.MapExportControl();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapDefaultEndpoints();
app.Run();
