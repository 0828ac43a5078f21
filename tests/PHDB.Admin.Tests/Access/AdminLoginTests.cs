using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PHDB.Admin.Access;

namespace PHDB.Admin.Tests.Access;

public sealed class AdminLoginTests
{
    private const string Password = "correct horse battery";
    private const string Client = "192.0.2.1";
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private AdminLogin Login(int threshold = 3) =>
        new(
            Options.Create(
                new AdminAccessOptions
                {
                    Password = Password,
                    LockoutThreshold = threshold,
                    LockoutDuration = TimeSpan.FromMinutes(5),
                }
            ),
            time,
            NullLogger<AdminLogin>.Instance
        );

    [Fact]
    public void The_right_password_logs_in_and_a_wrong_one_or_none_does_not()
    {
        var login = Login();
        Assert.Equal(LoginOutcome.WrongPassword, login.Attempt("correct horse battery ", Client));
        Assert.Equal(LoginOutcome.WrongPassword, login.Attempt(null, Client));
        Assert.Equal(LoginOutcome.Succeeded, login.Attempt(Password, Client));
        Assert.Null(login.LockedUntil(Client));
    }

    [Fact]
    public void Repeated_failures_lock_even_the_right_password_out_until_the_lockout_ends()
    {
        var login = Login(threshold: 3);
        Assert.Equal(LoginOutcome.WrongPassword, login.Attempt("a", Client));
        Assert.Equal(LoginOutcome.WrongPassword, login.Attempt("b", Client));
        Assert.Equal(LoginOutcome.LockedOut, login.Attempt("c", Client));
        Assert.Equal(time.GetUtcNow().AddMinutes(5), login.LockedUntil(Client));

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(LoginOutcome.LockedOut, login.Attempt(Password, Client));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(login.LockedUntil(Client));
        Assert.Equal(LoginOutcome.Succeeded, login.Attempt(Password, Client));
    }

    [Fact]
    public void A_success_forgets_earlier_failures()
    {
        var login = Login(threshold: 3);
        login.Attempt("a", Client);
        login.Attempt("b", Client);
        Assert.Equal(LoginOutcome.Succeeded, login.Attempt(Password, Client));
        Assert.Equal(LoginOutcome.WrongPassword, login.Attempt("c", Client));
        Assert.Equal(LoginOutcome.WrongPassword, login.Attempt("d", Client));
        Assert.Null(login.LockedUntil(Client));
    }

    [Fact]
    public void One_clients_failures_lock_only_that_client()
    {
        var login = Login(threshold: 3);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            login.Attempt($"wrong {attempt}", Client);
        }

        Assert.NotNull(login.LockedUntil(Client));
        Assert.Equal(LoginOutcome.LockedOut, login.Attempt(Password, Client));
        Assert.Null(login.LockedUntil("192.0.2.2"));
        Assert.Equal(LoginOutcome.Succeeded, login.Attempt(Password, "192.0.2.2"));
    }

    [Fact]
    public void Idle_clients_are_forgotten_when_many_have_failed()
    {
        var login = Login(threshold: 2);
        Assert.Equal(LoginOutcome.WrongPassword, login.Attempt("a", Client));
        time.Advance(TimeSpan.FromMinutes(6));
        for (var client = 0; client < AdminLogin.PruneAbove; client++)
        {
            login.Attempt("b", $"client {client}");
        }

        // The first client's failure was forgotten with the idle ones: its next failure is its first again.
        Assert.Equal(LoginOutcome.WrongPassword, login.Attempt("c", Client));
        Assert.Equal(LoginOutcome.LockedOut, login.Attempt("d", Client));
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64")]
    public void A_client_is_its_ipv4_address_or_its_ipv6_network(string address, string client) =>
        Assert.Equal(client, LoginClient.Of(System.Net.IPAddress.Parse(address)));
}
