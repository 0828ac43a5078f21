using PHDB.Admin.Cluster;
using PHDB.Admin.Components;
using PHDB.Grains;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.UseOrleansClient(client => client.UsePhdbCluster(builder.Configuration));

builder.Services.AddSingleton(TimeProvider.System);
builder
    .Services.AddOptions<ClusterMonitorOptions>()
    .BindConfiguration(ClusterMonitorOptions.Section)
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddSingleton<ClusterMonitor>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ClusterMonitor>());
builder.Services.AddHealthChecks().AddCheck<ClusterReachableHealthCheck>("cluster");
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapDefaultEndpoints();
app.Run();
