using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PHDB.Admin.EndToEndTests;

/// <summary>What the tests do on a console page: open it, log in, wait for interactivity, read numbers.</summary>
public static partial class ConsolePages
{
    /// <summary>How long a page may take to load and become interactive.</summary>
    public static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The login page's address, with or without a query.</summary>
    public static Regex LoginUrl { get; } = LoginAddress();

    /// <summary>Opens <paramref name="path"/> and waits until its Blazor circuit is up.</summary>
    public static async Task<IResponse?> OpenAsync(this IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        if (response is { Status: >= 400 } failed)
        {
            throw new InvalidOperationException(
                $"{path} answered {failed.Status} {failed.StatusText}"
                    + (failed.Status == 404 ? " (the page is missing)." : " (the page failed to render).")
            );
        }

        await page.WaitUntilInteractiveAsync(path);
        return response;
    }

    /// <summary>Waits for the layout's <c>data-interactive="true"</c> marker: clicks before it get lost.</summary>
    public static Task WaitUntilInteractiveAsync(this IPage page, string what) =>
        Bounded.ExpectAsync(
            $"{what} interactive (the layout's data-interactive=\"true\" once the Blazor circuit is up)",
            () =>
                page.Locator("[data-interactive='true']")
                    .WaitForAsync(new LocatorWaitForOptions { Timeout = (float)PageTimeout.TotalMilliseconds })
        );

    /// <summary>Logs in on the login page (where <paramref name="page"/> must be) and waits for the Overview.</summary>
    public static async Task LogInAsync(this IPage page, string password)
    {
        await page.SubmitLoginAsync(password);
        await Bounded.ExpectAsync(
            "the Overview (/) after logging in",
            () =>
                Expect(page)
                    .ToHaveURLAsync(
                        new Regex("^https?://[^/]+/$"),
                        new PageAssertionsToHaveURLOptions { Timeout = (float)PageTimeout.TotalMilliseconds }
                    )
        );
        await page.WaitUntilInteractiveAsync("the Overview");
    }

    /// <summary>Fills the login form with <paramref name="password"/> and submits it.</summary>
    public static async Task SubmitLoginAsync(this IPage page, string password)
    {
        var form = page.GetByTestId("login-form");
        await Bounded.ExpectAsync(
            "the login form (data-testid=login-form)",
            () => Expect(form).ToBeVisibleAsync(new() { Timeout = (float)PageTimeout.TotalMilliseconds })
        );
        await form.Locator("#password").FillAsync(password);
        // The form posts and is redirected: wait for the page it lands on, not for the old one.
        await page.RunAndWaitForResponseAsync(
            () => form.Locator("[type=submit]").ClickAsync(),
            response => response.Request is { Method: "GET", ResourceType: "document" }
        );
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>The element with <paramref name="testId"/>, or the input inside it (component libraries wrap inputs).</summary>
    public static ILocator Input(this IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;

    /// <summary>The whole number an element shows (digits only: group separators are ignored).</summary>
    public static async Task<long> ReadNumberAsync(this ILocator element)
    {
        var text = await element.InnerTextAsync();
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        return digits.Length == 0
            ? throw new FormatException($"'{text}' shows no number.")
            : long.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>Saves a full-page screenshot as <c>screenshots/<paramref name="name"/>.png</c>.</summary>
    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(
            new PageScreenshotOptions
            {
                Path = Path.Combine(AdminConsoleApp.ScreenshotDirectory, name + ".png"),
                FullPage = true,
            }
        );

    /// <summary>
    /// Clicks <paramref name="testId"/> and, when the console asks for confirmation (a dialog with
    /// <c>data-testid="confirm"</c>), confirms; <paramref name="done"/> shows when no confirmation was asked.
    /// </summary>
    public static async Task ClickAndConfirmAsync(this IPage page, string testId, ILocator done)
    {
        await page.GetByTestId(testId).ClickAsync();
        var confirm = page.GetByTestId("confirm");
        await Bounded.ExpectAsync(
            $"after clicking {testId}: a confirmation (data-testid=confirm) or the outcome",
            () => Expect(confirm.Or(done).First).ToBeVisibleAsync(new() { Timeout = 15_000 })
        );
        if (await confirm.IsVisibleAsync())
        {
            await confirm.ClickAsync();
        }
    }

    [GeneratedRegex("/account/login(\\?.*)?$")]
    private static partial Regex LoginAddress();
}
