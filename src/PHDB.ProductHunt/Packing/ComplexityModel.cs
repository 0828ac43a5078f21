namespace PHDB.ProductHunt;

/// <summary>
/// What the client knows of the server's complexity cap: the cap assumed or stated by the server's last refusal, how
/// far its own estimates fell short of the server's count, and the largest request that was accepted.
/// </summary>
public sealed class ComplexityModel(int assumedCap)
{
    private readonly Lock _gate = new();
    private int _cap = assumedCap;
    private double _calibration = 1.0;
    private int _largestAccepted;

    /// <summary>The cap in force: assumed, or stated by the server; 0 while unknown.</summary>
    public int Cap
    {
        get
        {
            lock (_gate)
            {
                return _cap;
            }
        }
    }

    /// <summary>Server complexity ÷ own estimate, at worst, over the refusals seen (1 when the estimates were right).</summary>
    public double Calibration
    {
        get
        {
            lock (_gate)
            {
                return _calibration;
            }
        }
    }

    /// <summary>The largest estimated complexity of an accepted request.</summary>
    public int LargestAccepted
    {
        get
        {
            lock (_gate)
            {
                return _largestAccepted;
            }
        }
    }

    /// <summary>The largest estimate a request may have to pass.</summary>
    public int Budget
    {
        get
        {
            lock (_gate)
            {
                return _cap <= 0 ? int.MaxValue : Math.Max(1, (int)Math.Floor(_cap / _calibration));
            }
        }
    }

    internal void Accepted(int estimate)
    {
        lock (_gate)
        {
            _largestAccepted = Math.Max(_largestAccepted, estimate);
        }
    }

    internal void Refused(int estimate, int serverComplexity, int serverCap)
    {
        lock (_gate)
        {
            _cap = serverCap;
            if (estimate > 0 && serverComplexity > estimate)
            {
                _calibration = Math.Max(_calibration, serverComplexity / (double)estimate);
            }
        }
    }
}
