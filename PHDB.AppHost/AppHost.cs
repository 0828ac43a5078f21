using PHDB.AppHost;

var builder = DistributedApplication.CreateBuilder(args);
var settings = PhdbHostSettings.Read(builder.Configuration);

var database = builder.AddPhdbDatabase(settings);
var productHunt = builder.AddProductHuntApi(settings);

var migrator = builder.AddProject<Projects.PHDB_Migrator>("migrator").WithPhdbDatabase(database);

var silos = builder
    .AddProject<Projects.PHDB_Silo>("silo", launchProfileName: null)
    .WithReplicas(settings.Silos)
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithPhdbDatabase(database)
    .WithProductHuntApi(productHunt)
    .WithEnvironment("Harvest__StartAutomatically", settings.StartHarvest ? "true" : "false")
    .WithConfigurationSection(builder.Configuration, "Harvest")
    .WaitForCompletion(migrator);

builder
    .AddProject<Projects.PHDB_Admin>("admin")
    .WithEndpoint("http", endpoint => endpoint.Port = settings.AdminPort)
    .WithHttpHealthCheck("/health")
    .WithPhdbDatabase(database)
    .WaitFor(silos);

builder.Build().Run();
