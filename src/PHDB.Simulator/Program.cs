using PHDB.Runtime;
using PHDB.Simulator.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.ExitOnInvalidSetting("simulator");
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
{
    // Standalone default; Aspire, ASPNETCORE_URLS and --urls take precedence.
    builder.WebHost.UseUrls(SimulatorHost.DefaultUrl);
}

builder.AddServiceDefaults();
builder.Services.AddProductHuntSimulator(builder.Configuration);
var app = builder.Build();
app.Services.ValidateSettings(app.Configuration);
app.MapDefaultEndpoints();
app.MapProductHuntSimulator();
await app.RunAsync();

/// <summary>The simulator's entry point, public so that <c>WebApplicationFactory</c> can host it.</summary>
public partial class Program;
