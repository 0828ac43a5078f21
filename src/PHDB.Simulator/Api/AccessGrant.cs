namespace PHDB.Simulator.Api;

/// <summary>A token's meaning: which application it belongs to and whether it has only the public scope.</summary>
internal sealed record AccessGrant(ClientApplication Application, bool PublicScope);
