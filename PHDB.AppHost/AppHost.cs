using PHDB.AppHost;
using PHDB.Runtime;

var builder = DistributedApplication.CreateBuilder(args).WithOrderlyStop();
builder.Configuration.ExitOnInvalidSetting("apphost");
PhdbHostSettings settings;
try
{
    settings = PhdbHostSettings.Read(builder.Configuration);
    SettingsGuard.CheckConnectionStrings(builder.Configuration);
    if (string.IsNullOrWhiteSpace(builder.Configuration[PhdbHostSettings.TokenKey]))
    {
        // No token: the simulator will run with the Simulator section.
        SimulatorSettings.Check(builder.Configuration);
    }
}
catch (Exception e) when (SettingFailures.From(e, builder.Configuration) is { } failure)
{
    // One line naming the key, not a stack trace, before anything starts.
    await Console.Error.WriteLineAsync(failure.Describe("apphost"));
    return SettingsGuard.ExitCode;
}

var database = builder.AddPhdbDatabase(settings);
var productHunt = builder.AddProductHuntApi(settings);
builder.AddRuntimeFile(settings, database, productHunt);

// The console's login: generated on first run and kept in the AppHost's user secrets unless set.
var adminPassword = builder.AddParameter(
    "admin-password",
    new GenerateParameterDefault { MinLength = 24, Special = false },
    secret: true,
    persist: true
);

var exportsDirectory = Path.Join(settings.DataDirectory, "exports");
var siloControlKey = builder.AddSiloControlKey();
var migrator = builder
    .AddProject<Projects.PHDB_Migrator>("migrator")
    .WithPhdbDatabaseOwner(database)
    .WithConfigurationSection(builder.Configuration, "Telemetry");

var silos = builder
    .AddProject<Projects.PHDB_Silo>("silo", launchProfileName: null)
    .WithReplicas(settings.Silos)
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithPhdbDatabase(database)
    .WithProductHuntApi(productHunt)
    .WithEnvironment("Harvest__StartAutomatically", settings.StartHarvest ? "true" : "false")
    .WithConfigurationSection(builder.Configuration, "Harvest")
    .WithConfigurationSection(builder.Configuration, "Telemetry")
    .WithEventWebhooks(builder)
    .WithHarvestCommands(siloControlKey)
    .WithPublishCommands(siloControlKey)
    .WithKagglePublishing(builder, exportsDirectory)
    .WaitForCompletion(migrator);

builder
    .AddProject<Projects.PHDB_Admin>("admin")
    .WithEndpoint("http", endpoint => endpoint.Port = settings.AdminPort)
    .WithHttpHealthCheck("/health")
    .WithPhdbDatabase(database)
    .WithConfigurationSection(builder.Configuration, "Telemetry")
    .WithEnvironment("Admin__Password", adminPassword)
    .WithEnvironment("Export__Directory", exportsDirectory)
    .WithEnvironment("Kaggle__Endpoint", builder.Configuration["Kaggle:Endpoint"] ?? "https://api.kaggle.com")
    .WithEnvironment("Kaggle__Dataset", builder.Configuration["Kaggle:Dataset"] ?? "")
    .WithExportCommand(builder)
    .WaitFor(silos);

await builder.Build().RunAsync();
return 0;
