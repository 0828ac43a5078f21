using System.ComponentModel.DataAnnotations;

namespace PHDB.Grains.RateBudgets;

/// <summary>What a rate budget assumes until the API tells it otherwise (section <c>Harvest:RateBudget</c>).</summary>
public sealed class RateBudgetOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Harvest:RateBudget";

    /// <summary>Points per window before the first response says (the live API: 6,250).</summary>
    [Range(1, 10_000_000)]
    public int DefaultLimit { get; set; } = 6_250;

    /// <summary>
    /// Points one request is assumed to cost until the budgets the API reports show what it charges (reported: a flat
    /// 100 on the live API; it may charge each query's complexity).
    /// </summary>
    [Range(1, 1_000_000)]
    public int CostPerRequest { get; set; } = 100;

    /// <summary>Window length before the first response of a window says (the live API: 15 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DefaultWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A slot whose outcome is not reported within this time is taken back.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SlotTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Waited after a reset before the next window's first request, for clock skew.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ResetMargin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How late a request may be sent after its slot opens (leasing and planning come between; a busy machine delays
    /// them); at most a quarter of the window. A request not sent by then gives its slot back and waits for another.
    /// A window's requests are never handed out within a window plus this, so requests sent late cannot crowd into
    /// one window of the API's.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan SendDelay { get; set; } = TimeSpan.FromSeconds(0.5);
}
