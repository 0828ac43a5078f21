using System.Collections.Concurrent;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.World;

namespace PHDB.Simulator.Api;

/// <summary>The configured applications, their developer tokens and the public-scope tokens issued by the OAuth endpoint.</summary>
internal sealed class ApplicationRegistry
{
    private readonly Dictionary<string, AccessGrant> _developerTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AccessGrant> _issuedTokens = new(StringComparer.Ordinal);
    private readonly ulong _seed;
    private long _issued;

    public ApplicationRegistry(SimulatorOptions options, ProductHuntWorld world, TimeProvider time)
    {
        _seed = SeedMix.Hash(world.Seed, 900);
        var window = TimeSpan.FromSeconds(options.RateLimit.WindowSeconds);
        var rank = 0;
        foreach (var settings in options.EffectiveApplications)
        {
            int owner;
            if (settings.OwnerUserId is int ownerId)
            {
                owner = world.UserIndexOfId(ownerId);
                if (owner < 0)
                {
                    throw new InvalidOperationException(
                        $"Simulator application '{settings.Name}': user {ownerId} does not exist in this world."
                    );
                }
            }
            else
            {
                owner = world.MakerOfRank(rank);
            }

            rank++;
            var application = new ClientApplication(
                settings,
                owner,
                world.UserId(owner),
                new RateBudget(settings.Points ?? options.RateLimit.Points, window, time)
            );
            Applications.Add(application);
            if (!_developerTokens.TryAdd(settings.DeveloperToken, new AccessGrant(application, PublicScope: false)))
            {
                throw new InvalidOperationException(
                    $"Simulator application '{settings.Name}': its developer token is not unique."
                );
            }
        }
    }

    public List<ClientApplication> Applications { get; } = [];

    public AccessGrant? Find(string token) =>
        _developerTokens.TryGetValue(token, out var grant) ? grant : _issuedTokens.GetValueOrDefault(token);

    /// <summary>Client-credentials exchange: a new public-scope token for the application, or null for unknown credentials.</summary>
    public string? IssuePublicToken(string clientId, string clientSecret)
    {
        var application = Applications.FirstOrDefault(a =>
            a.Options.ClientId is not null
            && string.Equals(a.Options.ClientId, clientId, StringComparison.Ordinal)
            && string.Equals(a.Options.ClientSecret, clientSecret, StringComparison.Ordinal)
        );
        if (application is null)
        {
            return null;
        }

        var serial = Interlocked.Increment(ref _issued);
        var token =
            ProductCopy.Code(SeedMix.Hash(_seed, serial, 1), 12)
            + ProductCopy.Code(SeedMix.Hash(_seed, serial, 2), 12)
            + ProductCopy.Code(SeedMix.Hash(_seed, serial, 3), 12);
        _issuedTokens[token] = new AccessGrant(application, PublicScope: true);
        return token;
    }
}
