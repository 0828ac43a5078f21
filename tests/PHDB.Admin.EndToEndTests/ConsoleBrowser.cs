using Microsoft.Playwright;

namespace PHDB.Admin.EndToEndTests;

/// <summary>
/// A fresh browser context on the console (1280×800, no cookies) that records every JavaScript dialog any of its
/// pages opens (and dismisses it), so a test can assert that none opened.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    private readonly List<string> dialogs = [];

    private ConsoleBrowser(IBrowserContext context) => Context = context;

    /// <summary>The context.</summary>
    public IBrowserContext Context { get; }

    /// <summary>The context's first page.</summary>
    public IPage Page { get; private set; } = null!;

    /// <summary>The dialogs opened so far, as <c>type: message</c>.</summary>
    public IReadOnlyList<string> Dialogs
    {
        get
        {
            lock (dialogs)
            {
                return [.. dialogs];
            }
        }
    }

    /// <summary>Opens a context on <paramref name="app"/>'s console with one page.</summary>
    public static async Task<ConsoleBrowser> OpenAsync(AdminConsoleApp app)
    {
        var context = await app.Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = app.AdminUrl.ToString().TrimEnd('/'),
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
                Locale = "en-US",
                TimezoneId = "UTC",
            }
        );
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        var browser = new ConsoleBrowser(context);
        browser.Page = await browser.NewPageAsync();
        return browser;
    }

    /// <summary>Opens another page (tab) in the same context, sharing its login.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var page = await Context.NewPageAsync();
        page.Dialog += async (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add($"{dialog.Type}: {dialog.Message}");
            }

            await dialog.DismissAsync();
        };
        return page;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
