namespace PHDB.Simulator.GraphQL;

/// <summary>A mutation payload.</summary>
internal sealed record FollowPayload(string? ClientMutationId, UserNode? Node);
