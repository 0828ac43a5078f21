using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using MudBlazor.Services;
using Npgsql;
using PHDB.Admin.Access;
using PHDB.Admin.Cluster;
using PHDB.Admin.Components;
using PHDB.Grains;
using PHDB.Operations;
using PHDB.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.UseOrleansClient(client => client.UsePhdbCluster(builder.Configuration));

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(PhdbConnectionString.Require(builder.Configuration)));
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
builder.Services.AddHealthChecks().AddCheck<ClusterReachableHealthCheck>("cluster");

builder
    .Services.AddOptions<AdminAccessOptions>()
    .BindConfiguration(AdminAccessOptions.Section)
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddSingleton<AdminLogin>();
var session = builder.Configuration.GetSection(AdminAccessOptions.Section).Get<AdminAccessOptions>() ?? new();
builder
    .Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.LoginPath = AccountEndpoints.LoginPath;
        options.Cookie.Name = "phdb-admin";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.ExpireTimeSpan = session.SessionLifetime;
        options.SlidingExpiration = true;
    });
builder
    .Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddCascadingAuthenticationState();

builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapAccountEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapDefaultEndpoints();
app.Run();
