using System.Diagnostics;
using System.Text;

namespace PHDB.Testing;

/// <summary>What a started process prints on stdout and stderr, kept line by line as it comes, for failure messages.</summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder text = new();

    /// <summary>Keeps what <paramref name="process"/> prints; call before it starts, then begin both reads.</summary>
    public void Follow(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
    }

    /// <summary>Everything kept so far.</summary>
    public override string ToString()
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    private void Append(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is not null)
        {
            lock (text)
            {
                text.AppendLine(e.Data);
            }
        }
    }
}
