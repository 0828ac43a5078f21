namespace PHDB.Simulator.Api;

/// <summary>The outcome of charging a request: the budget before it and whether it may be served.</summary>
internal readonly record struct RateDecision(int Limit, int Remaining, int ResetIn, bool Allowed);
