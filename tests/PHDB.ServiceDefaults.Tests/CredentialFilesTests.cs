using Microsoft.Extensions.Configuration;

namespace PHDB.ServiceDefaults.Tests;

/// <summary>Settings from systemd credential files: one file per key, over the environment.</summary>
public sealed class CredentialFilesTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("phdb-credentials-");

    [Fact]
    public void Each_file_is_the_setting_its_name_says_without_a_trailing_line_break()
    {
        File.WriteAllText(Path.Join(directory.FullName, "ProductHunt__Token"), "token-from-a-file\n");
        File.WriteAllText(Path.Join(directory.FullName, "ConnectionStrings__phdb"), "Host=db;Password=p w\r\n");
        File.WriteAllText(Path.Join(directory.FullName, "Admin__Password"), "line one\nline two");

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ProductHunt:Token"] = "from-the-environment" })
            .AddCredentialFiles(directory.FullName)
            .Build();

        Assert.Equal("token-from-a-file", configuration["ProductHunt:Token"]);
        Assert.Equal("Host=db;Password=p w", configuration.GetConnectionString("phdb"));
        Assert.Equal("line one\nline two", configuration["Admin:Password"]);
    }

    [Fact]
    public void No_folder_adds_nothing()
    {
        var configuration = new ConfigurationBuilder()
            .AddCredentialFiles(Path.Join(directory.FullName, "missing"))
            .Build();

        Assert.Empty(configuration.AsEnumerable());
    }

    public void Dispose() => directory.Delete(recursive: true);
}
