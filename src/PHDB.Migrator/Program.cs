using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PHDB.Migrations;
using PHDB.Runtime;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.ExitOnInvalidSetting("migrator");
builder.AddServiceDefaults();
builder.Services.AddSingleton<SchemaMigrator>();
builder.Services.AddSingleton<ApplicationRole>();
using var host = builder.Build();
host.Services.ValidateSettings(builder.Configuration);

var connectionString = builder.Configuration.GetConnectionString("phdb");
if (string.IsNullOrWhiteSpace(connectionString))
{
    SettingsGuard.Exit(
        "migrator",
        new SettingFailure("ConnectionStrings:phdb", null, "must be set: there is no database to migrate")
    );
}

await host.StartAsync();
try
{
    await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(connectionString, CancellationToken.None);
    // The hosts connect as the application role; it logs in once the migrator is given its password.
    if (builder.Configuration[ApplicationRole.PasswordKey] is { Length: > 0 } applicationPassword)
    {
        await host
            .Services.GetRequiredService<ApplicationRole>()
            .AllowLoginAsync(connectionString, applicationPassword, CancellationToken.None);
    }

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
