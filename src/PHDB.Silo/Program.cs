using Orleans.Configuration;
using PHDB.Grains;
using PHDB.Grains.Harvest;
using PHDB.Grains.Tls;
using PHDB.Publishing;
using PHDB.Runtime;
using PHDB.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.ExitOnInvalidSetting("silo");
builder.AddServiceDefaults();
builder.UseOrleans(silo =>
{
    silo.UsePhdbCluster(builder.Configuration)
        .Configure<EndpointOptions>(options => SiloEndpoints.Configure(options, builder.Configuration));
    // Other hosts reach this silo over the network: its connections are encrypted unless turned off.
    silo.UsePhdbTls(builder.Configuration, onByDefault: SiloEndpoints.IsReachableFromOtherHosts(builder.Configuration));
});
builder.Services.AddPhdbHarvest(builder.Configuration);
builder.Services.AddPhdbPublishing(builder.Configuration);
builder.Services.PostConfigure<PHDB.Export.ExportOptions>(options =>
{
    if (string.IsNullOrWhiteSpace(options.Directory))
    {
        options.Directory = Path.Join(PHDB.Runtime.PhdbHostSettings.DefaultDataDirectory(), "exports");
    }
});
builder.Services.AddHealthChecks().AddCheck<SiloMembershipHealthCheck>("orleans-membership");

var app = builder.Build();
app.Services.ValidateSettings(app.Configuration);
app.MapDefaultEndpoints();
app.MapHarvestControl();
app.MapPublicationControl();
app.Run();
