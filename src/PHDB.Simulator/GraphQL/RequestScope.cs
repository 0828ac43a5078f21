using GraphQL;
using PHDB.Simulator.Api;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.World;

namespace PHDB.Simulator.GraphQL;

/// <summary>What one GraphQL request sees: the world at one simulated instant, through one token.</summary>
internal sealed class RequestScope : Dictionary<string, object?>
{
    public RequestScope(SimulatorState state, AccessGrant grant, int now)
    {
        State = state;
        World = state.World;
        Grant = grant;
        Now = now;
        Viewer = grant.PublicScope ? -1 : grant.Application.OwnerIndex;
        Redaction = state.Options.Redaction;
        TotalCountMode = state.Options.TotalCount;
        MaxPageSize = state.Options.MaxPageSize;
    }

    public SimulatorState State { get; }

    public ProductHuntWorld World { get; }

    public AccessGrant Grant { get; }

    /// <summary>The simulated instant (world seconds) of this request.</summary>
    public int Now { get; }

    /// <summary>The viewer's user index, or -1 for a public-scope token.</summary>
    public int Viewer { get; }

    public bool Redaction { get; }

    public TotalCountMode TotalCountMode { get; }

    public int MaxPageSize { get; }

    /// <summary>The query's complexity, once validation counted it.</summary>
    public long? Complexity { get; set; }

    /// <summary>The query's complexity by the connection each root field reads (<c>post.votes</c>, <c>posts</c>).</summary>
    public IReadOnlyDictionary<string, long>? ComplexityByConnection { get; set; }

    public static RequestScope Of(IResolveFieldContext context) => (RequestScope)context.UserContext;

    /// <summary>Whether the user's identity may be shown to this token.</summary>
    public bool Reveals(int user) => !Redaction || user == Grant.Application.OwnerIndex;
}
