using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PHDB.Admin.Access;

namespace PHDB.Admin.Tests.Access;

public sealed class AdminLoginTests
{
    private const string Password = "correct horse battery";
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
        Assert.Equal(LoginOutcome.WrongPassword, login.Attempt("correct horse battery "));
        Assert.Equal(LoginOutcome.WrongPassword, login.Attempt(null));
        Assert.Equal(LoginOutcome.Succeeded, login.Attempt(Password));
        Assert.Null(login.LockedUntil);
    }

    [Fact]
    public void Repeated_failures_lock_even_the_right_password_out_until_the_lockout_ends()
    {
        var login = Login(threshold: 3);
        Assert.Equal(LoginOutcome.WrongPassword, login.Attempt("a"));
        Assert.Equal(LoginOutcome.WrongPassword, login.Attempt("b"));
        Assert.Equal(LoginOutcome.LockedOut, login.Attempt("c"));
        Assert.Equal(time.GetUtcNow().AddMinutes(5), login.LockedUntil);

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(LoginOutcome.LockedOut, login.Attempt(Password));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(login.LockedUntil);
        Assert.Equal(LoginOutcome.Succeeded, login.Attempt(Password));
    }

    [Fact]
    public void A_success_forgets_earlier_failures()
    {
        var login = Login(threshold: 3);
        login.Attempt("a");
        login.Attempt("b");
        Assert.Equal(LoginOutcome.Succeeded, login.Attempt(Password));
        Assert.Equal(LoginOutcome.WrongPassword, login.Attempt("c"));
        Assert.Equal(LoginOutcome.WrongPassword, login.Attempt("d"));
        Assert.Null(login.LockedUntil);
    }
}
