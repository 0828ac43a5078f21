using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PHDB.Migrations;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddSingleton<SchemaMigrator>();
using var host = builder.Build();

var connectionString = builder.Configuration.GetConnectionString("phdb");
if (string.IsNullOrWhiteSpace(connectionString))
{
    await Console.Error.WriteLineAsync("ConnectionStrings:phdb is not set: there is no database to migrate.");
    return 2;
}

await host.StartAsync();
try
{
    await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(connectionString, CancellationToken.None);
    return 0;
}
catch (SchemaMigrationException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
finally
{
    await host.StopAsync();
}
