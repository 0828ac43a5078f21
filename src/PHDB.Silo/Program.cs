using Orleans.Configuration;
using PHDB.Grains;
using PHDB.Grains.Harvest;
using PHDB.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.UseOrleans(silo =>
    silo.UsePhdbCluster(builder.Configuration)
        .Configure<EndpointOptions>(options => SiloEndpoints.Configure(options, builder.Configuration))
);
builder.Services.AddPhdbHarvest(builder.Configuration);
builder.Services.AddHealthChecks().AddCheck<SiloMembershipHealthCheck>("orleans-membership");

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapHarvestControl();
app.Run();
