using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using PHDB.Grains;
using PHDB.ProductHunt;
using PHDB.Testing.Harvest;
using Polly.CircuitBreaker;

namespace PHDB.Harvest.Tests.Faults;

/// <summary>
/// The client's errors cross grain calls: what it throws when the API times out or its circuit is open goes through
/// Orleans' serializer, configured as the silos and clients configure it, and comes back with its type and message.
/// Without PHDB's namespace among the serializable exceptions, or with Polly's exception inside (which a 5-minute
/// outage once showed as a failed grain call), it does not; nor, without the driver's, does a database error.
/// </summary>
public sealed class ClientErrorsAcrossGrainCallsTests
{
    [Fact]
    public async Task A_timeout_and_an_open_circuit_survive_orleans_serialization()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var simulator = await HarvestCluster.StartWorldAsync(10, cancellation);
        using var control = new HttpClient { BaseAddress = simulator.BaseAddress };
        await using var services = Services(simulator);
        var client = services.GetRequiredService<IProductHuntClient>();
        var serializer = services.GetRequiredService<Serializer>();

        await control.SetFaultsAsync(new { timeoutRate = 1.0 }, cancellation);
        var timeout = await Assert.ThrowsAsync<ProductHuntTransientException>(() => client.VerifyAsync(cancellation));
        Assert.Contains("No answer within", timeout.Message, StringComparison.Ordinal);
        await control.SetServerErrorRateAsync(1.0, cancellation);
        await Assert.ThrowsAsync<ProductHuntTransientException>(() => client.VerifyAsync(cancellation));
        var open = await Assert.ThrowsAsync<ProductHuntCircuitOpenException>(() => client.VerifyAsync(cancellation));

        foreach (Exception error in new Exception[] { timeout, open })
        {
            var copy = serializer.Deserialize<Exception>(serializer.SerializeToArray(error));
            Assert.IsType(error.GetType(), copy);
            Assert.Equal(error.Message, copy.Message);
        }
    }

    [Fact]
    public void A_database_error_a_grain_passes_on_keeps_its_type_and_the_servers_words()
    {
        using var services = new ServiceCollection()
            .AddSerializer()
            .AddPhdbExceptionSerialization()
            .BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var errors = new Exception[]
        {
            new PostgresException("permission denied for table posts", "ERROR", "ERROR", "42501"),
            new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111)),
        };

        foreach (var error in errors)
        {
            var copy = serializer.Deserialize<Exception>(serializer.SerializeToArray(error));
            Assert.IsType(error.GetType(), copy);
            Assert.Equal(error.Message, copy.Message);
        }
    }

    [Fact]
    public async Task Without_phdbs_namespace_or_with_pollys_exception_inside_it_would_not()
    {
        await using (var bare = new ServiceCollection().AddSerializer().BuildServiceProvider())
        {
            var plain = bare.GetRequiredService<Serializer>();
            Assert.ThrowsAny<Exception>(() =>
                plain.SerializeToArray<Exception>(new ProductHuntTransientException("No answer.", null))
            );
            Assert.ThrowsAny<Exception>(() =>
                plain.SerializeToArray<Exception>(new PostgresException("denied", "ERROR", "ERROR", "42501"))
            );
        }

        await using var services = new ServiceCollection()
            .AddSerializer()
            .AddPhdbExceptionSerialization()
            .BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var carrying = new ProductHuntCircuitOpenException(
            "The circuit is open.",
            TimeSpan.FromSeconds(30),
            new BrokenCircuitException("open")
        );

        Assert.ThrowsAny<Exception>(() =>
            serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(carrying))
        );
    }

    private static ServiceProvider Services(PHDB.Simulator.Hosting.SimulatorHost simulator)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["ProductHunt:BaseAddress"] = simulator.BaseAddress.ToString(),
                    ["ProductHunt:Token"] = simulator.DeveloperToken,
                    ["ProductHunt:MaxRetries"] = "0",
                    ["ProductHunt:AttemptTimeout"] = "00:00:00.200",
                    ["ProductHunt:BreakerMinimumThroughput"] = "2",
                    ["ProductHunt:BreakerFailureRatio"] = "0.5",
                    ["ProductHunt:BreakerBreakDuration"] = "00:00:30",
                }
            )
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddProductHuntClient(configuration);
        services.AddSerializer();
        services.AddPhdbExceptionSerialization();
        return services.BuildServiceProvider();
    }
}
