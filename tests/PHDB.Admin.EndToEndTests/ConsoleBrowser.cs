using Microsoft.Playwright;

namespace PHDB.Admin.EndToEndTests;

/// <summary>
/// A fresh browser context on the console (1280×800, no cookies) that records every JavaScript dialog any of its
/// pages opens (and dismisses it), every Content-Security-Policy violation (the <c>securitypolicyviolation</c>
/// events and the console's "Refused to …" messages) and every response of the console without its security
/// headers, so a test can assert that there were none.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    private const string ViolationBinding = "__phdbSecurityPolicyViolation";

    /// <summary>Reports each violation on every page of the context, from before the page's own scripts run.</summary>
    private const string ViolationListener = $$"""
        document.addEventListener('securitypolicyviolation', e =>
            window.{{ViolationBinding}}(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} on ${e.documentURI}`
                + (e.sourceFile ? ` (${e.sourceFile}:${e.lineNumber})` : '')));
        """;

    private readonly List<string> dialogs = [];
    private readonly List<string> violations = [];
    private readonly List<string> unprotected = [];
    private readonly string origin;

    private ConsoleBrowser(IBrowserContext context, string origin)
    {
        Context = context;
        this.origin = origin;
    }

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

    /// <summary>The Content-Security-Policy violations so far (none is expected: the policy is on in every test).</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (violations)
            {
                return [.. violations];
            }
        }
    }

    /// <summary>The console's responses so far that lacked a security header, as <c>status url: header</c>.</summary>
    public IReadOnlyList<string> Unprotected
    {
        get
        {
            lock (unprotected)
            {
                return [.. unprotected];
            }
        }
    }

    /// <summary>Dialogs, policy violations and unprotected responses so far, one a line; empty when there were none.</summary>
    public string Problems() =>
        string.Join(
            Environment.NewLine,
            Dialogs
                .Select(d => "dialog: " + d)
                .Concat(Violations.Select(v => "Content-Security-Policy violation: " + v))
                .Concat(Unprotected.Select(u => "response without security headers: " + u))
        );

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
        var browser = new ConsoleBrowser(context, app.AdminUrl.GetLeftPart(UriPartial.Authority));
        await context.ExposeBindingAsync(
            ViolationBinding,
            (BindingSource _, string violation) => Record(browser.violations, violation)
        );
        await context.AddInitScriptAsync(ViolationListener);
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
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                Record(violations, $"{message.Type}: {message.Text}");
            }
        };
        page.Response += (_, response) =>
        {
            if (!response.Url.StartsWith(origin + "/", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            foreach (var header in SecurityHeaders)
            {
                if (!response.Headers.ContainsKey(header))
                {
                    Record(unprotected, $"{response.Status} {response.Url}: {header}");
                }
            }
        };
        return page;
    }

    /// <summary>The headers every response of the console carries (names as the browser reports them).</summary>
    private static readonly string[] SecurityHeaders =
    [
        "content-security-policy",
        "x-content-type-options",
        "referrer-policy",
    ];

    private static void Record(List<string> list, string entry)
    {
        lock (list)
        {
            list.Add(entry);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
