namespace PHDB.ProductHunt.Tests;

/// <summary>The complexity cap the client learns from the server's answers, and the budget it leaves a request.</summary>
public sealed class ComplexityModelTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void An_unknown_cap_leaves_the_budget_unbounded(int assumedCap)
    {
        var model = new ComplexityModel(assumedCap);

        Assert.Equal(assumedCap, model.Cap);
        Assert.Equal(int.MaxValue, model.Budget);
    }

    [Fact]
    public void Before_any_refusal_the_budget_is_the_assumed_cap()
    {
        var model = new ComplexityModel(1_000);

        Assert.Equal(1_000, model.Cap);
        Assert.Equal(1.0, model.Calibration);
        Assert.Equal(1_000, model.Budget);
        Assert.Equal(0, model.LargestAccepted);
    }

    [Fact]
    public void A_refusal_states_the_cap_and_scales_the_budget_down_by_how_far_the_estimate_fell_short()
    {
        var model = new ComplexityModel(0);

        model.Refused(estimate: 600, serverComplexity: 900, serverCap: 1_000);

        Assert.Equal(1_000, model.Cap);
        Assert.Equal(1.5, model.Calibration);
        // 1000 / 1.5 = 666.67, rounded down so a request estimated at the budget stays under the cap.
        Assert.Equal(666, model.Budget);
    }

    [Fact]
    public void The_calibration_keeps_the_worst_shortfall_seen()
    {
        var model = new ComplexityModel(1_000);

        model.Refused(estimate: 500, serverComplexity: 1_000, serverCap: 800);
        model.Refused(estimate: 500, serverComplexity: 600, serverCap: 900);

        Assert.Equal(2.0, model.Calibration);
        Assert.Equal(900, model.Cap);
        Assert.Equal(450, model.Budget);
    }

    [Theory]
    [InlineData(1_200, 1_000)]
    [InlineData(1_200, 1_200)]
    public void An_estimate_at_or_above_the_server_count_leaves_the_calibration_alone(
        int estimate,
        int serverComplexity
    )
    {
        var model = new ComplexityModel(2_000);

        model.Refused(estimate, serverComplexity, serverCap: 900);

        Assert.Equal(1.0, model.Calibration);
        Assert.Equal(900, model.Cap);
        Assert.Equal(900, model.Budget);
    }

    [Fact]
    public void A_refusal_without_an_estimate_states_the_cap_but_calibrates_nothing()
    {
        var model = new ComplexityModel(2_000);

        model.Refused(estimate: 0, serverComplexity: 1_500, serverCap: 1_000);

        Assert.Equal(1.0, model.Calibration);
        Assert.Equal(1_000, model.Budget);
    }

    [Fact]
    public void The_budget_never_falls_below_one()
    {
        var model = new ComplexityModel(0);

        model.Refused(estimate: 1, serverComplexity: 10, serverCap: 5);

        Assert.Equal(10.0, model.Calibration);
        Assert.Equal(1, model.Budget);
    }

    [Fact]
    public void The_largest_accepted_estimate_is_kept()
    {
        var model = new ComplexityModel(1_000);

        model.Accepted(300);
        model.Accepted(120);

        Assert.Equal(300, model.LargestAccepted);

        model.Accepted(450);

        Assert.Equal(450, model.LargestAccepted);
    }
}
