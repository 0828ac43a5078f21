using Bunit;
using PHDB.Admin.Components.Data;
using PHDB.Admin.Data;
using PHDB.Storage;
using static PHDB.Admin.Tests.ReadModels;

namespace PHDB.Admin.Tests;

public sealed class ChartSeriesTests : MudComponentTest
{
    [Fact]
    public void Votes_over_time_need_two_snapshots()
    {
        Assert.Null(ChartSeriesBuilder.VotesOverTime([]));
        Assert.Null(ChartSeriesBuilder.VotesOverTime([Snapshot(T0, 5)]));
    }

    [Fact]
    public void Votes_over_time_follow_the_snapshots_in_time_order()
    {
        var series = ChartSeriesBuilder.VotesOverTime([
            Snapshot(T0.AddDays(2), 40),
            Snapshot(T0, 3),
            Snapshot(T0.AddDays(1), 25),
        ]);

        Assert.NotNull(series);
        Assert.Equal("Votes", series.Name);
        Assert.Equal([3d, 25d, 40d], series.Values);
        Assert.Equal(["2024-06-03", "2024-06-04", "2024-06-05"], series.Labels);
    }

    [Fact]
    public void Snapshots_minutes_apart_are_labelled_by_time()
    {
        var series = ChartSeriesBuilder.VotesOverTime([Snapshot(T0, 1), Snapshot(T0.AddSeconds(90), 2)]);

        Assert.Equal(["07:30:00", "07:31:30"], series!.Labels);
    }

    [Fact]
    public void Posts_per_month_fill_months_without_posts_with_zero()
    {
        var series = ChartSeriesBuilder.PostsPerMonth([
            new(new DateOnly(2023, 11, 1), 4),
            new(new DateOnly(2024, 2, 1), 7),
            new(new DateOnly(2023, 12, 1), 1),
        ]);

        Assert.Equal(["2023-11", "2023-12", "2024-01", "2024-02"], series.Labels);
        Assert.Equal([4d, 1d, 0d, 7d], series.Values);
    }

    [Fact]
    public void Many_labels_are_thinned_but_every_value_stays()
    {
        var months = Enumerable
            .Range(0, 120)
            .Select(i => new MonthlyCount(new DateOnly(2014, 1, 1).AddMonths(i), i))
            .ToList();

        var series = ChartSeriesBuilder.PostsPerMonth(months);

        Assert.Equal(120, series.Values.Count);
        Assert.Equal(120, series.Labels.Count);
        Assert.InRange(series.Labels.Count(l => l.Length > 0), 2, ChartSeriesBuilder.MaxLabels);
        Assert.Equal("2014-01", series.Labels[0]);
    }

    [Fact]
    public void The_votes_chart_draws_a_line_from_two_snapshots()
    {
        var chart = Render<VotesChart>(p =>
            p.Add(x => x.History, [Snapshot(T0, 3), Snapshot(T0.AddHours(5), 12), Snapshot(T0.AddDays(3), 30)])
        );

        var container = chart.Find("[data-testid=votes-chart]");
        Assert.NotNull(container.QuerySelector("svg"));
        Assert.NotNull(container.QuerySelector("path.mud-chart-line"));
        Assert.Contains("3 on 2024-06-03 07:30 UTC", container.TextContent, StringComparison.Ordinal);
        Assert.Contains("30 on 2024-06-06 07:30 UTC", container.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "No snapshots")]
    [InlineData(1, "Only one snapshot")]
    public void The_votes_chart_says_so_without_two_snapshots(int snapshots, string text)
    {
        var chart = Render<VotesChart>(p =>
            p.Add(x => x.History, [.. Enumerable.Range(0, snapshots).Select(i => Snapshot(T0, 3))])
        );

        var container = chart.Find("[data-testid=votes-chart]");
        Assert.Empty(chart.FindAll("svg"));
        Assert.StartsWith(text, container.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_topic_chart_draws_bars_per_month()
    {
        var chart = Render<TopicChart>(p =>
            p.Add(x => x.TopicName, "Developer Tools")
                .Add(x => x.Months, [new(new DateOnly(2024, 1, 1), 3), new(new DateOnly(2024, 3, 1), 5)])
        );

        var container = chart.Find("[data-testid=topic-chart]");
        Assert.NotNull(container.QuerySelector("svg"));
        Assert.Equal(3, container.QuerySelectorAll("path.mud-chart-bar").Length);
        Assert.Contains("8 posts over 3 months", container.TextContent, StringComparison.Ordinal);
        Assert.Contains("Developer Tools", chart.Find("h2").TextContent, StringComparison.Ordinal);
    }
}
