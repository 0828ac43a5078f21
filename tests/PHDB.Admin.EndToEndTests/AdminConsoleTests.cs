using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PHDB.Testing;
using PHDB.Testing.Admin;
using static Microsoft.Playwright.Assertions;

namespace PHDB.Admin.EndToEndTests;

/// <summary>
/// The admin console in Chromium against the whole app. The tests run in the order declared here: the lockout
/// test last, because a lockout refuses every login from the tests' address for minutes.
/// </summary>
[TestMethodOrderer(typeof(DeclarationOrder))]
public sealed partial class AdminConsoleTests(AdminConsoleApp app)
{
    private static readonly TimeSpan HarvestTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LiveUpdateTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Every console page with the elements its readers rely on (each entry a selector; a comma lists alternatives,
    /// such as a table or its empty state).
    /// </summary>
    private static readonly (string Path, string Name, string[] Shows)[] Pages =
    [
        ("/", "overview", [TestIds("harvest-phase"), TestIds("posts-harvested"), TestIds("partitions-progress")]),
        (
            "/harvest",
            "harvest",
            [
                TestIds("harvest-phase"),
                TestIds("start-full"),
                TestIds("start-incremental"),
                TestIds("pause"),
                TestIds("resume"),
                TestIds("cancel"),
                TestIds("partitions"),
            ]
        ),
        ("/runs", "runs", [TestIds("runs", "runs-empty")]),
        ("/posts", "posts", [TestIds("post-search"), TestIds("posts", "posts-empty")]),
        ("/topics", "topics", [TestIds("topics", "topics-empty"), TestIds("topic-chart", "topics-empty")]),
        ("/quality", "quality", [TestIds("findings", "quality-empty", "findings-empty")]),
        ("/plugins", "plugins", [TestIds("plugins", "plugins-empty")]),
        ("/webhooks", "webhooks", [TestIds("webhooks", "webhooks-empty")]),
        ("/cluster", "cluster", [TestIds("active-silos"), TestIds("silos")]),
        ("/exports", "exports", [TestIds("export-start")]),
        (
            "/publishing",
            "publishing",
            [
                TestIds("publisher"),
                TestIds("publication-schedule"),
                TestIds("publish-now"),
                TestIds("dry-run"),
                TestIds("publications", "publications-empty"),
            ]
        ),
    ];

    [Fact]
    public async Task An_operator_logs_in_watches_and_steers_the_harvest_reads_posts_safely_and_logs_out()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var browser = await ConsoleBrowser.OpenAsync(app);
        var page = browser.Page;

        // 1. Anonymous: the console sends to the login page; health endpoints answer without a login.
        using (var anonymous = AdminSession.CreateClient(app.AdminUrl))
        {
            await AssertRedirectsToLoginAsync(anonymous, "/", cancellation);
            foreach (var probe in new[] { "/health", "/alive" })
            {
                using var response = await anonymous.GetAsync(new Uri(probe, UriKind.Relative), cancellation);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{probe} answered {response.StatusCode}.");
            }
        }

        await page.GotoAsync("/");
        await Bounded.ExpectAsync(
            "/ redirecting an anonymous browser to /account/login",
            () => Expect(page).ToHaveURLAsync(ConsolePages.LoginUrl)
        );

        // 2. Log in.
        await page.LogInAsync(app.Password);

        // 3. The full harvest the AppHost started by itself completes, as the Overview shows.
        var phase = page.GetByTestId("harvest-phase");
        await Bounded.ExpectAsync(
            "the Overview showing the harvest phase (data-testid=harvest-phase)",
            () => Expect(phase).ToBeVisibleAsync()
        );
        var waited = Stopwatch.StartNew();
        await Bounded.ExpectAsync(
            $"the Overview showing the initial full harvest Completed within {HarvestTimeout.TotalMinutes} min",
            () =>
                Expect(phase)
                    .ToContainTextAsync("Completed", new() { Timeout = (float)HarvestTimeout.TotalMilliseconds })
        );
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Full harvest: Completed on the Overview after {waited.Elapsed.TotalSeconds:F0} s of waiting; "
                + $"the run took {(await ConsoleDatabase.LastFullRunDurationAsync(app.Database))?.TotalSeconds:F0} s."
        );

        // 4–6. New posts appear in the API; an incremental run is started, paused and resumed on the Harvest page
        // while the Overview, open in another tab and never reloaded, counts the new posts as they are stored.
        var harvested = page.GetByTestId("posts-harvested");
        await Bounded.ExpectAsync(
            "the Overview showing the posts harvested (data-testid=posts-harvested)",
            () => Expect(harvested).ToBeVisibleAsync()
        );
        var before = await harvested.ReadNumberAsync();
        var overviewLoads = 0;
        page.Load += (_, _) => overviewLoads++;

        using var simulator = new SimulatorControl(app.SimulatorUrl);
        var launchedBefore = await simulator.LaunchedPostsAsync(cancellation);
        // A slow API keeps the run going long enough to pause it.
        await simulator.SlowDownAsync(TimeSpan.FromSeconds(4), cancellation);
        try
        {
            await simulator.AdvanceClockAsync(TimeSpan.FromDays(30), cancellation);
            var launchedAfter = await simulator.LaunchedPostsAsync(cancellation);
            Assert.True(
                launchedAfter > launchedBefore,
                $"Advancing the simulator's clock by 30 days launched no post ({launchedBefore} before and after)."
            );

            var harvest = await browser.NewPageAsync();
            await harvest.OpenAsync("/harvest");
            var harvestPhase = harvest.GetByTestId("harvest-phase");
            var running = harvestPhase.Filter(new() { HasTextString = "Running" });
            await harvest.ClickAndConfirmAsync("start-incremental", running);
            await Bounded.ExpectAsync(
                "the Harvest page showing the incremental run Running",
                () => Expect(harvestPhase).ToContainTextAsync("Running")
            );

            var paused = harvestPhase.Filter(new() { HasTextString = "Paused" });
            await harvest.ClickAndConfirmAsync("pause", paused);
            await Bounded.ExpectAsync(
                "the Harvest page showing the run Paused after pause and confirm",
                () => Expect(harvestPhase).ToContainTextAsync("Paused")
            );

            var resumed = harvestPhase.Filter(new() { HasTextRegex = RunningOrCompleted() });
            await harvest.ClickAndConfirmAsync("resume", resumed);
            await Bounded.ExpectAsync(
                "the Harvest page showing the run Running or Completed after resume",
                () => Expect(harvestPhase).ToContainTextAsync(RunningOrCompleted())
            );
            await harvest.ScreenshotAsync("harvest");
            await simulator.ClearFaultsAsync(cancellation);

            await Eventually.HoldsAsync(
                async () => await harvested.ReadNumberAsync() > before,
                LiveUpdateTimeout,
                $"the Overview (not reloaded) showing more than {before} posts harvested after "
                    + $"{launchedAfter - launchedBefore} new posts launched"
            );
            Assert.True(overviewLoads == 0, $"The Overview was reloaded {overviewLoads} time(s).");
            await page.ScreenshotAsync("overview");
            await harvest.CloseAsync();
        }
        finally
        {
            await simulator.ClearFaultsAsync(CancellationToken.None);
        }

        // 7. Posts: search, open one, see its name, comments and votes chart.
        var sample = await ConsoleDatabase.PostWithCommentsAndVotesAsync(app.Database);
        await OpenPostThroughSearchAsync(page, sample);
        await Bounded.ExpectAsync(
            $"the post page naming post {sample.Id} (data-testid=post-name containing '{sample.Name}')",
            () => Expect(page.GetByTestId("post-name")).ToContainTextAsync(sample.Name)
        );
        await Bounded.ExpectAsync(
            "the post's comments (data-testid=comment inside data-testid=comments)",
            () => Expect(page.GetByTestId("comments").GetByTestId("comment").First).ToBeVisibleAsync()
        );
        var chart = page.GetByTestId("votes-chart");
        await Bounded.ExpectAsync(
            "the post's votes chart (data-testid=votes-chart)",
            () => Expect(chart).ToBeVisibleAsync()
        );
        if (sample.Snapshots >= 2)
        {
            await Bounded.ExpectAsync(
                $"a drawn votes chart (an svg in data-testid=votes-chart) for {sample.Snapshots} snapshots",
                () => Expect(chart.Locator("svg").First).ToBeVisibleAsync()
            );
        }
        else
        {
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"Post {sample.Id} has {sample.Snapshots} snapshot(s): its votes chart is text only."
            );
        }

        await page.ScreenshotAsync("post");

        // 8. Hostile text stored in the database shows as text and never runs.
        var found = await ConsoleDatabase.HostilePostAsync(app.Database);
        var hostile = found ?? await ConsoleDatabase.PlantHostileTextAsync(app.Database, excluding: sample.Id);
        TestContext.Current.TestOutputHelper?.WriteLine(
            found is null
                ? $"No harvested text holds markup (the sanitiser strips it); planted some into post {hostile.Id}."
                : $"Harvested hostile text found in post {hostile.Id}."
        );
        await OpenPostThroughSearchAsync(page, hostile);
        var main = page.Locator("main");
        if (found is null)
        {
            await Bounded.ExpectAsync(
                "the planted description shown as text, '<script>' included",
                () => Expect(page.GetByTestId("post-description")).ToContainTextAsync("<script>window.__phdbXss")
            );
            await Bounded.ExpectAsync(
                "the planted comments shown as text, 'onerror=' included",
                () => Expect(page.GetByTestId("comments")).ToContainTextAsync("onerror=alert('phdb comment')")
            );
        }
        else
        {
            await Bounded.ExpectAsync(
                "the hostile markup shown as text",
                () => Expect(main).ToContainTextAsync(HostileMarker())
            );
        }

        Assert.Equal(0, await main.Locator("script").CountAsync());
        Assert.Equal(0, await main.Locator("[onerror]").CountAsync());
        Assert.Equal(0, await main.Locator("[onload]").CountAsync());
        Assert.Equal(0, await main.Locator("a[href^='javascript:' i]").CountAsync());
        Assert.True(
            await page.EvaluateAsync<bool>("() => typeof window.__phdbXss === 'undefined'"),
            "Planted script ran: window.__phdbXss is set."
        );
        Assert.True(browser.Problems().Length == 0, browser.Problems());

        // 9. Log out: back at the login page, and the console asks for a login again.
        await page.Locator("[data-testid='logout-form'] [type=submit]").ClickAsync();
        await Bounded.ExpectAsync(
            "the login page after logging out",
            () => Expect(page).ToHaveURLAsync(ConsolePages.LoginUrl)
        );
        await page.GotoAsync("/");
        await Bounded.ExpectAsync(
            "/ redirecting to the login page after logging out",
            () => Expect(page).ToHaveURLAsync(ConsolePages.LoginUrl)
        );
        Assert.True(browser.Problems().Length == 0, browser.Problems());
    }

    [Fact]
    public async Task Every_page_passes_an_accessibility_scan_without_serious_or_critical_violations()
    {
        await Eventually.HoldsAsync(
            () => ConsoleDatabase.HasPostsAsync(app.Database),
            HarvestTimeout,
            "posts harvested into the database",
            TimeSpan.FromSeconds(1)
        );
        await using var browser = await ConsoleBrowser.OpenAsync(app);
        var page = browser.Page;
        var problems = new List<string>();

        await page.GotoAsync("/account/login");
        await Bounded.ExpectAsync(
            "the login form (data-testid=login-form)",
            () => Expect(page.GetByTestId("login-form")).ToBeVisibleAsync()
        );
        await page.ScreenshotAsync("login");
        problems.AddRange(await page.BlockingViolationsAsync("login"));

        await page.LogInAsync(app.Password);
        string? postPath = null;
        foreach (var (path, name, loaded) in Pages)
        {
            problems.AddRange(await VisitAsync(page, path, name, loaded));
            if (name == "posts" && await page.GetByTestId("post-link").CountAsync() > 0)
            {
                postPath = await page.GetByTestId("post-link").First.GetAttributeAsync("href");
            }
        }

        if (postPath is null)
        {
            problems.Add("post: no post page to scan (no data-testid=post-link on /posts)");
        }
        else
        {
            problems.AddRange(
                await VisitAsync(
                    page,
                    postPath,
                    "post",
                    [TestIds("post-name"), TestIds("post-description"), TestIds("comments"), TestIds("votes-chart")]
                )
            );
        }

        // A missing address answers 404, with the security headers of every response.
        var missing = await page.APIRequest.GetAsync("/no-such-page");
        if (missing.Status != 404)
        {
            problems.Add($"missing page: /no-such-page answers {missing.Status} instead of 404");
        }

        if (!missing.Headers.ContainsKey("content-security-policy"))
        {
            problems.Add("missing page: /no-such-page answers without a Content-Security-Policy");
        }

        Assert.True(
            problems.Count == 0,
            $"{problems.Count} problem(s):{Environment.NewLine}" + string.Join(Environment.NewLine, problems)
        );
        Assert.True(browser.Problems().Length == 0, browser.Problems());
    }

    [Fact]
    public async Task Pages_need_a_login_and_five_wrong_passwords_lock_logins_from_that_address()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using (var anonymous = AdminSession.CreateClient(app.AdminUrl))
        {
            foreach (var (path, _, _) in Pages)
            {
                await AssertRedirectsToLoginAsync(anonymous, path, cancellation);
            }

            using var login = await anonymous.GetAsync(new Uri(AdminSession.LoginPath, UriKind.Relative), cancellation);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        await using var browser = await ConsoleBrowser.OpenAsync(app);
        var page = browser.Page;
        var error = page.GetByTestId("login-error");
        await page.GotoAsync(AdminSession.LoginPath);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await page.SubmitLoginAsync($"wrong-password-{attempt}");
            await Bounded.ExpectAsync(
                $"a login error (data-testid=login-error) after wrong password {attempt}",
                () => Expect(error).ToBeVisibleAsync()
            );
            Assert.DoesNotContain("Too many", await error.InnerTextAsync(), StringComparison.Ordinal);
        }

        await page.SubmitLoginAsync("wrong-password-5");
        await Bounded.ExpectAsync(
            "the lockout message after the fifth wrong password",
            () => Expect(error).ToContainTextAsync("Too many failed logins")
        );

        // Locked: even the right password is refused now.
        await page.SubmitLoginAsync(app.Password);
        await Bounded.ExpectAsync(
            "the right password refused while logins are locked",
            () => Expect(error).ToContainTextAsync("Too many failed logins")
        );
        Assert.Matches(ConsolePages.LoginUrl, page.Url);
        using var locked = AdminSession.CreateClient(app.AdminUrl);
        var refused = await AdminSession.PostLoginAsync(locked, app.Password, "/", cancellation);
        Assert.StartsWith(AdminSession.LoginPath, refused, StringComparison.Ordinal);
        Assert.True(browser.Problems().Length == 0, browser.Problems());
    }

    private static async Task<List<string>> VisitAsync(IPage page, string path, string name, string[] shows)
    {
        var problems = new List<string>();
        var response = await page.GotoAsync(path);
        if (response is { Status: >= 400 } failed)
        {
            problems.Add(
                $"{name}: {path} answers {failed.Status}"
                    + (failed.Status == 404 ? " (the page is missing)" : " (the page failed to render)")
            );
            await page.ScreenshotAsync(name);
            return problems;
        }

        try
        {
            await page.WaitUntilInteractiveAsync(path);
        }
        catch (System.TimeoutException e)
        {
            problems.Add($"{name}: {path} {e.Message}");
        }

        foreach (var selector in shows)
        {
            try
            {
                await Expect(page.Locator(selector).First).ToBeAttachedAsync(new() { Timeout = 15_000 });
            }
            catch (Exception e) when (e is PlaywrightException or System.TimeoutException)
            {
                problems.Add($"{name}: {path} has no {selector}");
            }
        }

        await page.ScreenshotAsync(name);
        problems.AddRange(await page.BlockingViolationsAsync(name));
        if (await page.Locator("#blazor-error-ui").IsVisibleAsync())
        {
            problems.Add($"{name}: {path} shows the Blazor error banner (an unhandled error in the circuit)");
        }

        return problems;
    }

    private static string TestIds(params string[] ids) => string.Join(", ", ids.Select(id => $"[data-testid='{id}']"));

    private static async Task OpenPostThroughSearchAsync(IPage page, PostReference post)
    {
        await page.OpenAsync("/posts");
        var search = page.Input("post-search");
        await Bounded.ExpectAsync(
            "the posts search box (data-testid=post-search)",
            () => Expect(search).ToBeVisibleAsync()
        );
        await search.FillAsync(post.Name);
        await search.PressAsync("Enter");

        string? href = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                var links = await page.GetByTestId("post-link")
                    .EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href') ?? '')");
                href = links.FirstOrDefault(l =>
                    TrailingId().Match(l) is { Success: true } m && m.Value == $"{post.Id}"
                );
                return href is not null;
            },
            ConsolePages.PageTimeout,
            $"a post link (data-testid=post-link) to post {post.Id} after searching for '{post.Name}'"
        );
        await page.Locator($"[data-testid='post-link'][href='{href}']").First.ClickAsync();
        await Bounded.ExpectAsync(
            $"the page of post {post.Id}",
            () => Expect(page).ToHaveURLAsync(new Regex($"\\D{post.Id}(\\D.*)?$"))
        );
        await page.WaitUntilInteractiveAsync($"the page of post {post.Id}");
    }

    private static async Task AssertRedirectsToLoginAsync(
        HttpClient anonymous,
        string path,
        CancellationToken cancellation
    )
    {
        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative), cancellation);
        Assert.True(
            response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location?.OriginalString.Contains(
                    AdminSession.LoginPath,
                    StringComparison.OrdinalIgnoreCase
                ) == true,
            $"Anonymous GET {path} answered {(int)response.StatusCode} (location '{response.Headers.Location}') "
                + $"instead of a redirect to {AdminSession.LoginPath}."
        );
    }

    [GeneratedRegex("Running|Completed")]
    private static partial Regex RunningOrCompleted();

    [GeneratedRegex("<script|onerror=|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex HostileMarker();

    [GeneratedRegex("\\d+$")]
    private static partial Regex TrailingId();
}
