using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PHDB.Admin.Exports;
using PHDB.Export;
using PHDB.Testing;

namespace PHDB.Admin.Tests.Exports;

/// <summary>The download and "Export now" endpoints through the real login, authorization and routing.</summary>
public sealed class ExportEndpointTests(PostgresServer postgres) : IDisposable
{
    private const string ControlKey = "a-control-key-for-the-export-endpoint-tests";
    private readonly TemporaryDirectory folder = new("phdb-console-downloads-");

    private string ExportsDirectory => Path.Join(folder.Path, "exports");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Files_of_a_real_export_download_after_login_with_their_type_and_ranges()
    {
        await using var host = await StartAsync("downloads");
        var name = await ExportAsync(host);
        var export = Assert.Single(new ExportCatalog(ExportsDirectory).List());
        Assert.Equal(EveryFormat, export.Manifest.Formats);

        using (var anonymous = host.Anonymous())
        {
            using var refused = await anonymous.GetAsync(
                new Uri($"exports/{name}/files/README.md", UriKind.Relative),
                TestContext.Current.CancellationToken
            );
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/account/login", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        using var session = await host.LogInAsync();
        var files = export.Manifest.Files.Select(f => f.Path).Concat(DataCard.Files).ToList();
        foreach (var path in files)
        {
            using var response = await session.Client.GetAsync(
                new Uri(ExportDownloadEndpoints.Link(name, path), UriKind.Relative),
                TestContext.Current.CancellationToken
            );
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.Equal(
                await File.ReadAllBytesAsync(Path.Join(export.Directory, path), TestContext.Current.CancellationToken),
                await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)
            );
            Assert.Equal(ExportContentTypes.Of(path), response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        }

        Assert.Equal("text/markdown", ExportContentTypes.Of("README.md"));
        Assert.Equal("application/vnd.apache.parquet", ExportContentTypes.Of("parquet/posts.parquet"));
        Assert.Equal("application/gzip", ExportContentTypes.Of("csv/posts.csv.gz"));

        using var range = new HttpRequestMessage(
            HttpMethod.Get,
            new Uri($"exports/{name}/files/README.md", UriKind.Relative)
        );
        range.Headers.Range = new RangeHeaderValue(0, 9);
        using var partial = await session.Client.SendAsync(range, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(
            (
                await File.ReadAllBytesAsync(
                    Path.Join(export.Directory, "README.md"),
                    TestContext.Current.CancellationToken
                )
            )[..10],
            await partial.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)
        );
    }

    [Fact]
    public async Task Anything_but_a_listed_file_of_a_complete_export_is_not_found()
    {
        await using var host = await StartAsync("download-refusals");
        var name = await ExportAsync(host);
        var root = Path.Join(ExportsDirectory, name);
        var secret = Path.Join(folder.Path, "secret.txt");
        await File.WriteAllTextAsync(secret, "not for download", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Join(root, "stray.txt"), "not listed", TestContext.Current.CancellationToken);
        File.Delete(Path.Join(root, DataCard.MetadataFile));
        File.CreateSymbolicLink(Path.Join(root, DataCard.MetadataFile), secret);
        var partial = Directory.CreateDirectory(
            Path.Join(ExportsDirectory, $"{ExportCatalog.PartialPrefix}{name}-0badf00d")
        );
        File.Copy(Path.Join(root, "README.md"), Path.Join(partial.FullName, "README.md"));
        File.Copy(Path.Join(root, ExportCatalog.ManifestFile), Path.Join(partial.FullName, ExportCatalog.ManifestFile));
        using var session = await host.LogInAsync();

        string[] refused =
        [
            $"exports/{name}/files/..%2F..%2Fsecret.txt",
            $"exports/{name}/files/%2e%2e/%2e%2e/secret.txt",
            $"exports/{name}/files/..%5C..%5Csecret.txt",
            $"exports/{name}/files/%2Fetc%2Fpasswd",
            $"exports/{name}/files//etc/passwd",
            $"exports/{name}/files/stray.txt",
            $"exports/{name}/files/{DataCard.MetadataFile}",
            $"exports/{name}/files/",
            "exports/20000101T000000Z/files/README.md",
            "exports/latest/files/README.md",
            $"exports/{partial.Name}/files/README.md",
            $"exports/%2E%2E/files/secret.txt",
        ];
        foreach (var path in refused)
        {
            using var response = await session.Client.GetAsync(
                new Uri(path, UriKind.Relative),
                TestContext.Current.CancellationToken
            );
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }

        using var listed = await session.Client.GetAsync(
            new Uri($"exports/{name}/files/README.md", UriKind.Relative),
            TestContext.Current.CancellationToken
        );
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Fact]
    public async Task Export_now_needs_the_key_and_runs_one_export_at_a_time()
    {
        await using var host = await StartAsync("export-now", ControlKey);
        using var client = host.Anonymous();
        var run = new Uri(ExportControlEndpoints.RunPath, UriKind.Relative);

        using (var keyless = await client.PostAsync(run, null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, keyless.StatusCode);
        }

        using (var wrong = await PostRunAsync(client, "not-the-key"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        }

        Assert.Equal(ExportJobState.Idle, host.Jobs.Current.State);
        string name;
        await using (var held = await TableLock.TakeAsync(host.DataSource, "posts"))
        {
            using var accepted = await PostRunAsync(client, ControlKey);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            var answer = await accepted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            name = answer.GetProperty("name").GetString()!;
            Assert.Equal(host.Jobs.Current.Name, name);
            Assert.Equal(ExportJobState.Running, host.Jobs.Current.State);

            using var busy = await PostRunAsync(client, ControlKey);
            Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
            var refusal = await busy.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Contains("running already", refusal.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        var done = await host.FinishedAsync();
        Assert.True(done.State == ExportJobState.Succeeded, done.Error);
        var export = Assert.Single(new ExportCatalog(ExportsDirectory).List());
        Assert.Equal(name, export.Name);
        Assert.Equal(ExportFormats.All, export.Manifest.Formats);
        Assert.Equal("phdb", export.Manifest.Layout);
    }

    [Fact]
    public async Task Without_a_configured_key_export_now_is_not_there()
    {
        await using var host = await StartAsync("export-now-off");
        using var session = await host.LogInAsync();

        using var response = await PostRunAsync(session.Client, ControlKey);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ExportJobState.Idle, host.Jobs.Current.State);
    }

    private static async Task<HttpResponseMessage> PostRunAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            new Uri(ExportControlEndpoints.RunPath, UriKind.Relative)
        );
        request.Headers.Add(ExportControlEndpoints.KeyHeader, key);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Every format the console has, and the test's own.</summary>
    private static string[] EveryFormat => [.. ExportFormatRegistry.All.Select(f => f.Name), TallyFormat.FormatName];

    private async Task<ConsoleHost> StartAsync(string purpose, string? controlKey = null) =>
        await ConsoleHost.StartAsync(
            await postgres.CreateMigratedDatabaseAsync(purpose, TestContext.Current.CancellationToken),
            ExportsDirectory,
            controlKey,
            new TallyFormat()
        );

    /// <summary>Exports every format into <c>20250301T120000Z</c> of the exports directory.</summary>
    private async Task<string> ExportAsync(ConsoleHost host)
    {
        var start = host.Jobs.Start(
            new ExportRequest(EveryFormat, Output: Path.Join(ExportsDirectory, "20250301T120000Z"))
        );
        Assert.True(start.Started, start.Refusal);
        var done = await host.FinishedAsync();
        Assert.True(done.State == ExportJobState.Succeeded, done.Error);
        return done.Name!;
    }
}
