using Bunit;
using Microsoft.Extensions.Time.Testing;
using PHDB.Admin.Components.Live;
using PHDB.Grains.RateBudgets;

namespace PHDB.Admin.Tests.Live;

public sealed class BudgetListTests : MudComponentTest
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static RateBudgetStatus Budget(
        string hint,
        DateTimeOffset? lastUsed,
        DateTimeOffset? windowEndsAt = null
    ) => new(6_250, 4_000, windowEndsAt, null, 0, 20, 0, hint, TimeSpan.FromMinutes(15), 100, lastUsed);

    [Fact]
    public void A_budget_unused_for_a_day_is_folded_behind_a_toggle_and_shown_idle_on_request()
    {
        var clock = new FakeTimeProvider(Start);
        var budgets = new Dictionary<string, RateBudgetStatus>
        {
            ["current"] = Budget("…cur1", clock.GetUtcNow(), clock.GetUtcNow().AddMinutes(10)),
            ["earlier-run"] = Budget("…old2", clock.GetUtcNow().AddDays(-3)),
        };

        var list = Render<BudgetList>(p => p.Add(x => x.Budgets, budgets).Add(x => x.Now, clock.GetUtcNow()));

        var active = Assert.Single(list.FindAll("[data-testid=budget]"));
        Assert.Contains("token …cur1", active.TextContent, StringComparison.Ordinal);
        Assert.Contains("resets in 10 min 00 s", active.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("…old2", list.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("window not open", list.Markup, StringComparison.Ordinal);
        var toggle = list.Find("[data-testid=toggle-idle-budgets]");
        Assert.Contains("Show idle budgets (1)", toggle.TextContent, StringComparison.Ordinal);
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));

        toggle.Click();

        var idle = Assert.Single(list.FindAll("[data-testid=idle-budget]"));
        Assert.Contains("token …old2", idle.TextContent, StringComparison.Ordinal);
        Assert.Contains("idle: last used 3 d 00 h ago", idle.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", list.Find("[data-testid=toggle-idle-budgets]").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void The_current_budget_goes_idle_once_the_clock_passes_the_idle_period()
    {
        var clock = new FakeTimeProvider(Start);
        var budgets = new Dictionary<string, RateBudgetStatus>
        {
            ["current"] = Budget("…cur1", clock.GetUtcNow(), clock.GetUtcNow().AddMinutes(10)),
        };
        var list = Render<BudgetList>(p =>
            p.Add(x => x.Budgets, budgets)
                .Add(x => x.Now, clock.GetUtcNow())
                .Add(x => x.IdleAfter, TimeSpan.FromHours(6))
        );
        Assert.Single(list.FindAll("[data-testid=budget]"));
        Assert.Empty(list.FindAll("[data-testid=toggle-idle-budgets]"));

        clock.Advance(TimeSpan.FromHours(6));
        list.Render(p => p.Add(x => x.Now, clock.GetUtcNow()));

        Assert.Empty(list.FindAll("[data-testid=budget]"));
        Assert.Contains(
            "No budget is in use",
            list.Find("[data-testid=no-active-budget]").TextContent,
            StringComparison.Ordinal
        );
        list.Find("[data-testid=toggle-idle-budgets]").Click();
        Assert.Contains(
            "idle: last used 6 h 00 min ago",
            list.Find("[data-testid=idle-budget]").TextContent,
            StringComparison.Ordinal
        );
    }
}
