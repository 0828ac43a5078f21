namespace PHDB.Export;

/// <summary>Which of an export's passes (one per format) a table is being written in, for its progress.</summary>
/// <param name="Pass">The pass, from 0.</param>
/// <param name="Passes">How many passes the export makes.</param>
/// <param name="PriorRows">Rows of the table written in the passes before.</param>
internal sealed record TablePass(int Pass, int Passes, long PriorRows = 0)
{
    /// <summary>Whether this is the table's last pass (its progress completes).</summary>
    public bool IsLast => Pass == Passes - 1;
}
