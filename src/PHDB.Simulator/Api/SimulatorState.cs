using System.Collections.Concurrent;
using GraphQL.Types;
using PHDB.Simulator.Clock;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.Control;
using PHDB.Simulator.World;

namespace PHDB.Simulator.Api;

/// <summary>Everything a running simulator holds: the world, its listings, clock, applications, counters, faults and schema.</summary>
internal sealed class SimulatorState
{
    public SimulatorState(
        SimulatorOptions options,
        ProductHuntWorld world,
        SimulatedClock clock,
        TimeProvider time,
        ISchema schema
    )
    {
        Options = options;
        World = world;
        Clock = clock;
        Schema = schema;
        Listing = new PostListing(world);
        Registry = new ApplicationRegistry(options, world, time);
        Faults = new FaultPlan(SeedMix.Hash(world.Seed, 701), options.Faults);
    }

    public SimulatorOptions Options { get; }

    public ProductHuntWorld World { get; }

    public SimulatedClock Clock { get; }

    public ISchema Schema { get; }

    public PostListing Listing { get; }

    public ApplicationRegistry Registry { get; }

    public SimulatorStats Stats { get; } = new();

    public FaultPlan Faults { get; }

    /// <summary>Cached collection listings per (arguments, instant).</summary>
    public ConcurrentDictionary<
        (bool Featured, int Post, int User, string Order, int Now),
        int[]
    > CollectionListings { get; } = new();
}
