using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PHDB.Export;
using PHDB.Testing;
using ExportsPage = PHDB.Admin.Components.Pages.Exports;

namespace PHDB.Admin.Tests.Exports;

/// <summary>The Exports page over the console's real job runner and catalogue.</summary>
public sealed class ExportsPageTests(PostgresServer postgres) : MudComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_page_lists_a_complete_export_with_its_files_and_download_links()
    {
        await using var setup = await ExportSetup.CreateAsync(postgres, "page-list");
        const string name = "20250301T120000Z";
        setup.Jobs.Start(setup.TallyInto(name));
        await setup.SucceededAsync();
        Directory.CreateSymbolicLink(Path.Join(setup.Directory, ExportCatalog.LatestLink), name);
        Register(setup);

        var page = Render<ExportsPage>();

        var row = page.Find($"tr[data-export='{name}']");
        Assert.NotNull(row.QuerySelector("[data-testid=export-latest]"));
        Assert.Equal("0", row.QuerySelector("[data-testid=export-rows]")!.TextContent);
        Assert.Contains("phdb", row.TextContent, StringComparison.Ordinal);
        var manifest = Assert.Single(setup.Catalog.List()).Manifest;
        var links = row.QuerySelectorAll("[data-testid=file-download]");
        Assert.Equal(manifest.Files.Count, links.Length);
        Assert.Equal(
            $"exports/{name}/files/tally/posts.txt",
            row.QuerySelector("tr[data-file='tally/posts.txt'] a")!.GetAttribute("href")
        );
        Assert.All(links, link => Assert.True(link.HasAttribute("download")));
        Assert.Contains($"exports/{name}/files/README.md", row.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_follows_a_running_export_table_by_table_and_shows_the_outcome()
    {
        await using var setup = await ExportSetup.CreateAsync(postgres, "page-live");
        Register(setup);
        var page = Render<ExportsPage>();
        page.Find("[data-testid=exports-empty]");
        Assert.Empty(page.FindAll("[data-testid=export-job]"));

        string name;
        await using (var held = await TableLock.TakeAsync(setup.DataSource, "post_snapshots"))
        {
            name = setup.Jobs.Start(setup.TallyInto("live")).Name!;
            page.WaitForAssertion(
                () =>
                {
                    Assert.Equal("true", page.Find("tr[data-table=users]").GetAttribute("data-completed"));
                    Assert.Equal("false", page.Find("tr[data-table=post_snapshots]").GetAttribute("data-completed"));
                },
                Wait
            );
            Assert.Equal("Running", page.Find("[data-testid=export-job]").GetAttribute("data-state"));
            Assert.StartsWith(
                $"Writing {name}: ",
                page.Find("[data-testid=export-status]").TextContent,
                StringComparison.Ordinal
            );
            Assert.Equal(
                page.FindAll("[data-testid=export-progress] tbody tr").Count,
                page.FindAll("[data-testid=export-progress] .mud-progress-linear").Count
            );
            Assert.StartsWith(
                "0",
                page.Find("tr[data-table=post_snapshots] [data-testid=table-rows]").TextContent,
                StringComparison.Ordinal
            );
            Assert.True(page.Find("[data-testid=export-start]").HasAttribute("disabled"));
        }

        page.WaitForAssertion(
            () => Assert.Equal("Succeeded", page.Find("[data-testid=export-job]").GetAttribute("data-state")),
            Wait
        );
        Assert.StartsWith(
            $"{name} written: 0 rows",
            page.Find("[data-testid=export-status]").TextContent,
            StringComparison.Ordinal
        );
        page.Find($"tr[data-export='{name}']");
        Assert.Empty(page.FindAll("[data-testid=export-error]"));
    }

    [Fact]
    public async Task A_failed_export_shows_its_one_line_error()
    {
        await using var setup = await ExportSetup.CreateAsync(postgres, "page-failed");
        Register(setup);
        var page = Render<ExportsPage>();

        setup.Jobs.Start(new ExportRequest(["xml"]));

        page.WaitForAssertion(
            () => Assert.Equal("Failed", page.Find("[data-testid=export-job]").GetAttribute("data-state")),
            Wait
        );
        Assert.Equal(
            "Unknown format 'xml': one or more of tally.",
            page.Find("[data-testid=export-error]").TextContent.Trim()
        );
    }

    private void Register(ExportSetup setup)
    {
        Services.AddSingleton(setup.Jobs);
        Services.AddSingleton(setup.Catalog);
        Services.AddSingleton(TimeProvider.System);
    }
}
