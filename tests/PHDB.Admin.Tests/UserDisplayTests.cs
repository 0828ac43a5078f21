using PHDB.Admin.Data;
using PHDB.Storage;

namespace PHDB.Admin.Tests;

public sealed class UserDisplayTests
{
    [Fact]
    public void A_user_is_named_by_name_then_username_then_id()
    {
        Assert.Equal("Ada", UserDisplay.Name(new UserSummary(1, "Ada", "ada", null), redacted: false));
        Assert.Equal("@ada", UserDisplay.Name(new UserSummary(1, null, "ada", null), redacted: false));
        Assert.Equal("user 1", UserDisplay.Name(new UserSummary(1, null, null, null), redacted: false));
        Assert.Equal("unknown user", UserDisplay.Name(null, redacted: false));
        Assert.Equal("redacted user", UserDisplay.Name(null, redacted: true));
    }

    [Fact]
    public void Makers_list_the_disclosed_then_count_the_redacted()
    {
        Assert.Equal("none stored", UserDisplay.Makers([], 0));
        Assert.Equal("1 redacted user", UserDisplay.Makers([], 1));
        Assert.Equal(
            "Ada, @grace, 2 redacted users",
            UserDisplay.Makers([new(1, "Ada", "ada", null), new(2, null, "grace", null)], 2)
        );
    }
}
