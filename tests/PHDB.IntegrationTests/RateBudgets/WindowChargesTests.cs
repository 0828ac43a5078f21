using PHDB.Grains.RateBudgets;

namespace PHDB.IntegrationTests.RateBudgets;

public sealed class WindowChargesTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_spend_shows_no_price()
    {
        var charges = new WindowCharges();
        Record(charges, 0, 0, 0.3);
        Record(charges, 0, 1, 1.3);

        Assert.Null(charges.Price(smallestFlatPrice: 50, underWay: 0));
    }

    [Fact]
    public void A_flat_price_is_the_common_divisor_of_spends_even_with_many_requests_under_way()
    {
        // 100 points charged as each request arrives; ten requests sent 0.1 s apart, answered 2 s later: no answer
        // is back before the last is sent, and the answers come back out of order.
        var charges = new WindowCharges();
        foreach (var arrived in new[] { 0, 2, 1, 4, 3, 6, 5, 9, 8, 7 })
        {
            Record(charges, arrived * 100, arrived * 0.1, 2 + arrived * 0.1);
        }

        Assert.Equal(100, charges.Price(smallestFlatPrice: 50, underWay: 0));
    }

    [Fact]
    public void A_complexity_charged_once_the_query_ran_is_the_spend_per_answer_back_before_the_request_was_sent()
    {
        // Requests of 960, 980 and 1,000 points, each charged as its answer leaves; the second was sent before the
        // first came back, so its answer shows nothing spent; the third was sent after both came back (1,940 for
        // two answers), the fourth after three (2,940 for three).
        var charges = new WindowCharges();
        Record(charges, 0, 0, 0.5);
        Record(charges, 0, 0.2, 0.9);
        Record(charges, 960 + 980, 1, 1.5);
        Record(charges, 960 + 980 + 1_000, 2, 2.5);

        Assert.Equal(975, charges.Price(smallestFlatPrice: 50, underWay: 0));
    }

    [Theory]
    [InlineData(960, 1_920)]
    [InlineData(1_000, 500)]
    public void Spends_that_share_a_divisor_by_chance_are_not_taken_for_a_flat_price(int first, int second)
    {
        // Two requests charged once they ran, one after the other: the answers show 0, the first's price, then the
        // sum of both, which share a divisor (960 and 2,880; 1,000 and 1,500). No flat price makes the sum so many
        // of that divisor after two requests: per answer back, the first cost what it did, both what they did.
        var charges = new WindowCharges();
        Record(charges, 0, 0, 0.2);
        Record(charges, first, 1, 1.2);
        Record(charges, first + second, 2, 2.2);

        Assert.Equal((first + (first + second) / 2.0) / 2, charges.Price(smallestFlatPrice: 50, underWay: 0));
    }

    [Fact]
    public void A_flat_price_may_be_shown_by_spends_of_requests_still_under_way()
    {
        // 100 points as each arrives: the answers of the first and the fifth are back, the three between are not.
        var charges = new WindowCharges();
        Record(charges, 100, 0.1, 1.1);
        Record(charges, 400, 0.4, 1.4);

        Assert.Null(charges.Price(smallestFlatPrice: 50, underWay: 0));
        Assert.Equal(100, charges.Price(smallestFlatPrice: 50, underWay: 3));
    }

    [Fact]
    public void A_divisor_below_the_smallest_flat_price_is_no_flat_price()
    {
        var charges = new WindowCharges();
        Record(charges, 0, 0, 0.2);
        Record(charges, 30, 1, 1.2);
        Record(charges, 60, 2, 2.2);

        // 30 points a request, shown per answer back, not as a flat price below 50.
        Assert.Equal(30, charges.Price(smallestFlatPrice: 50, underWay: 0));
        Assert.Equal(30, charges.Price(smallestFlatPrice: 10, underWay: 0));
    }

    [Fact]
    public void An_answer_of_another_window_is_left_out()
    {
        // An answer of the window before came back late, beside this window's first answers: its reset, reckoned from
        // when it was sent, ends a window 3 s earlier. Counted, it would halve the price shown.
        var charges = new WindowCharges();
        Record(charges, 0, 60, 60.3);
        charges.Record(960, At(57.5), TimeSpan.FromSeconds(3), At(60.4), SameWindow);
        Record(charges, 1_000, 61, 61.3);

        Assert.Equal(1_000, charges.Price(smallestFlatPrice: 50, underWay: 0));
        Assert.Equal(2, charges.Answered.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_window_of_thousands_of_requests_keeps_a_bounded_sample_and_tells_the_same_price(bool complexity)
    {
        // A token whose window pays for 5,000 requests, sent one after another, each once the one before came back:
        // a flat 100 points each, or 960, 980 and 1,000 points in turn charged once they ran.
        var charges = new WindowCharges();
        var spent = 0;
        for (var i = 0; i < 5_000; i++)
        {
            Record(charges, spent, i * 0.01, i * 0.01 + 0.005);
            spent += complexity ? 960 + 20 * (i % 3) : 100;
        }

        var price = charges.Price(smallestFlatPrice: 50, underWay: 0);
        Assert.True(
            charges.Answered.Count <= WindowCharges.MostKept,
            $"{charges.Answered.Count} answers kept of 5,000"
        );
        Assert.Equal(WindowCharges.Samples, charges.SpendPerAnswerBefore.Count);
        Assert.Equal(5_000, charges.AnswerCount);
        if (complexity)
        {
            Assert.InRange(price!.Value, 960, 1_000);
        }
        else
        {
            Assert.Equal(100, price);
        }
    }

    /// <summary>Takes in an answer of the window that ends at <see cref="WindowEnd"/>, its reset rounded up.</summary>
    private static void Record(WindowCharges charges, int spend, double sent, double answered) =>
        charges.Record(
            spend,
            At(sent),
            TimeSpan.FromSeconds(Math.Ceiling((WindowEnd - At(sent)).TotalSeconds)),
            At(answered),
            SameWindow
        );

    private static readonly DateTimeOffset WindowEnd = At(63);

    private static readonly TimeSpan SameWindow = TimeSpan.FromSeconds(1.5);

    private static DateTimeOffset At(double seconds) => Start + TimeSpan.FromSeconds(seconds);
}
