namespace PHDB.Grains.RateBudgets;

/// <summary>
/// What the answers of one window showed of the price of a request. Each answer shows the budget before its own cost,
/// so its spend (the limit less that budget) is what the window's requests charged before it cost together. Two
/// prices fit those spends: a flat one, charged as a request arrives (every answer shows a spend of its own, a
/// multiple of the price), or each query's complexity, charged once it ran (an answer's spend holds the requests
/// that came back before it was sent, not those running beside it). Free of Orleans and clocks.
/// <para>It keeps what it needs whatever a window allows: the answers it compares are kept until
/// <see cref="Samples"/> of them told a price (or <see cref="MostKept"/> came without), then only counted. A budget
/// written with every slot it hands out stays small on a token whose window pays for thousands of requests.</para>
/// </summary>
[GenerateSerializer, Alias("phdb.WindowCharges")]
public sealed class WindowCharges
{
    /// <summary>Answers of a window sampled for the price: enough for a steady median of a per-query price.</summary>
    public const int Samples = 64;

    /// <summary>Answers kept to compare with the later ones, at most: past it, sampling ends with what it has.</summary>
    public const int MostKept = 4 * Samples;

    /// <summary>This window's answers taken in while the price was being sampled.</summary>
    [Id(0)]
    public List<WindowAnswer> Answered { get; set; } = [];

    /// <summary>The first positive spend shown; 0 before any.</summary>
    [Id(1)]
    public int FirstSpend { get; set; }

    /// <summary>Whether two answers showed different positive spends.</summary>
    [Id(2)]
    public bool SpendsDiffer { get; set; }

    /// <summary>The greatest common divisor of the positive spends shown; 0 before any.</summary>
    [Id(3)]
    public int SpendDivisor { get; set; }

    /// <summary>
    /// For each answer sent after others of the window came back: its spend per answer that came back before it.
    /// </summary>
    [Id(4)]
    public List<double> SpendPerAnswerBefore { get; set; } = [];

    /// <summary>
    /// When the window ends, reckoned from the moment its first answer's request was sent (the API reckons the reset
    /// it reports from the moment a request reaches it, which is a little later).
    /// </summary>
    [Id(5)]
    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>This window's answers, all counted.</summary>
    [Id(6)]
    public int AnswerCount { get; set; }

    /// <summary>The largest spend an answer of this window showed.</summary>
    [Id(7)]
    public int MostSpent { get; set; }

    /// <summary>Whether sampling ended: enough answers told a price, or too many came without.</summary>
    public bool SamplingEnded => SpendPerAnswerBefore.Count >= Samples || Answered.Count >= MostKept;

    /// <summary>
    /// Takes in one answer: the points the window had spent before its request (<paramref name="spend"/>), when it
    /// was sent, the reset it reported and when it arrived. An answer whose reset, reckoned from when it was sent,
    /// differs from the window's by <paramref name="sameWindow"/> or more is another window's (answers of two windows
    /// may arrive side by side), and is left out.
    /// </summary>
    public void Record(
        int spend,
        DateTimeOffset sentAt,
        TimeSpan resetIn,
        DateTimeOffset answeredAt,
        TimeSpan sameWindow
    )
    {
        var endsAt = sentAt + resetIn;
        EndsAt ??= endsAt;
        if ((endsAt - EndsAt.Value).Duration() >= sameWindow)
        {
            return;
        }

        if (spend > 0)
        {
            SpendDivisor = Divisor(SpendDivisor, spend);
            SpendsDiffer |= FirstSpend > 0 && spend != FirstSpend;
            FirstSpend = FirstSpend > 0 ? FirstSpend : spend;
        }

        AnswerCount++;
        MostSpent = Math.Max(MostSpent, spend);
        if (SamplingEnded)
        {
            return;
        }

        // An answer that came back before this request was sent, its own request charged before this one arrived,
        // showed a smaller spend than this one: an answer with a spend as large or larger was charged after this
        // request arrived.
        if (Answered.Count(answer => answer.At < sentAt && answer.Spend < spend) is var before and > 0)
        {
            SpendPerAnswerBefore.Add((double)spend / before);
        }

        Answered.Add(new WindowAnswer(answeredAt, spend));
    }

    /// <summary>
    /// The price of a request these answers show, or <see langword="null"/> while they show none.
    /// <para>A flat price gives every answer a spend of its own, a multiple of it by the requests that arrived before:
    /// the greatest common divisor of two different spends, when it is no lower than
    /// <paramref name="smallestFlatPrice"/> and no spend holds more of it than the window's requests answered and
    /// <paramref name="underWay"/> can have paid (sums of queries' complexities may share a divisor by chance).</para>
    /// <para>Otherwise a request costs what the answers that came back before it was sent had spent, per answer: the
    /// median over the window's answers, as an answer sent later than its slot shows a spend beside too few.</para>
    /// </summary>
    public double? Price(int smallestFlatPrice, int underWay)
    {
        if (FirstSpend == 0)
        {
            return null;
        }

        var flat =
            SpendsDiffer && SpendDivisor >= smallestFlatPrice && MostSpent / SpendDivisor <= AnswerCount - 1 + underWay;
        return flat ? SpendDivisor
            : SpendPerAnswerBefore.Count > 0 ? Median(SpendPerAnswerBefore)
            : null;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static int Divisor(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
