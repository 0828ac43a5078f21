using Microsoft.Extensions.Time.Testing;
using PHDB.Grains.RateBudgets;
using PHDB.Operations;

namespace PHDB.Admin.Tests.Live;

public sealed class BudgetActivityTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static RateBudgetStatus Used(DateTimeOffset? at) =>
        new(6_250, 6_250, null, null, 0, 0, 0, "…abcd", TimeSpan.FromMinutes(15), 100, at);

    [Fact]
    public void A_budget_goes_idle_a_day_after_its_last_request_and_busy_again_with_the_next()
    {
        var clock = new FakeTimeProvider(Start);
        var budget = Used(clock.GetUtcNow());
        Assert.False(BudgetActivity.IsIdle(budget, clock.GetUtcNow(), BudgetActivity.DefaultIdleAfter));

        clock.Advance(TimeSpan.FromHours(23));
        Assert.False(BudgetActivity.IsIdle(budget, clock.GetUtcNow(), BudgetActivity.DefaultIdleAfter));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(BudgetActivity.IsIdle(budget, clock.GetUtcNow(), BudgetActivity.DefaultIdleAfter));
        Assert.False(BudgetActivity.IsIdle(budget, clock.GetUtcNow(), TimeSpan.FromDays(2)));

        Assert.False(
            BudgetActivity.IsIdle(Used(clock.GetUtcNow()), clock.GetUtcNow(), BudgetActivity.DefaultIdleAfter)
        );
    }

    [Fact]
    public void A_budget_never_used_is_idle_unless_its_window_is_open_or_a_request_is_in_flight()
    {
        var idleAfter = BudgetActivity.DefaultIdleAfter;
        Assert.True(BudgetActivity.IsIdle(Used(null), Start, idleAfter));
        Assert.False(BudgetActivity.IsIdle(Used(null) with { WindowEndsAt = Start.AddMinutes(3) }, Start, idleAfter));
        Assert.True(BudgetActivity.IsIdle(Used(null) with { WindowEndsAt = Start.AddMinutes(-3) }, Start, idleAfter));
        Assert.False(BudgetActivity.IsIdle(Used(null) with { InFlight = 1 }, Start, idleAfter));
        Assert.False(
            BudgetActivity.IsIdle(Used(null) with { RateLimitedUntil = Start.AddMinutes(1) }, Start, idleAfter)
        );
    }

    [Fact]
    public void The_idle_period_is_validated_on_start()
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var options = new HarvestFeedOptions { IdleBudgetAfter = TimeSpan.Zero };
        Assert.False(
            System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
                options,
                new System.ComponentModel.DataAnnotations.ValidationContext(options),
                results,
                validateAllProperties: true
            )
        );
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(HarvestFeedOptions.IdleBudgetAfter)));
        Assert.Equal(TimeSpan.FromHours(24), new HarvestFeedOptions().IdleBudgetAfter);
    }
}
