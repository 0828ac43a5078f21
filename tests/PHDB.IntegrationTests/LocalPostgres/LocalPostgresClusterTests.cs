using PHDB.LocalPostgres;
using PHDB.Testing;

namespace PHDB.IntegrationTests.LocalPostgres;

public sealed class LocalPostgresClusterTests : IDisposable
{
    private readonly TemporaryDirectory root = new("phdb-cluster-test-");

    [Fact]
    public void A_folder_the_server_account_cannot_enter_is_refused_with_a_hint()
    {
        if (PostgresServiceAccount.ForCurrentProcess().SwitchToUser is null)
        {
            Assert.Skip("Only a root process runs the server under another account.");
        }

        File.SetUnixFileMode(root.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var error = Assert.Throws<UnauthorizedAccessException>(() => NewCluster().Prepare());

        Assert.Contains("Phdb:DataDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_server_binaries_of_this_machine_are_found()
    {
        var installation = PostgresInstallation.Locate();

        Assert.True(File.Exists(installation.Initdb));
        Assert.True(File.Exists(installation.Server));
    }

    [Fact]
    public void A_configured_folder_without_the_server_is_refused_by_name()
    {
        var error = Assert.Throws<PostgresNotInstalledException>(() => PostgresInstallation.Locate(root.Path));

        Assert.Contains(root.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preparing_again_keeps_the_password_and_the_folders_belong_to_the_server_account()
    {
        var cluster = NewCluster();

        var first = cluster.Prepare();
        var second = NewCluster().Prepare();

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        Assert.False(cluster.IsInitialized);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cluster.PasswordFile));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(cluster.DataDirectory)
        );
    }

    [Fact]
    public void An_initialised_cluster_without_its_password_file_is_not_silently_given_a_new_one()
    {
        var cluster = NewCluster();
        cluster.Prepare();
        File.WriteAllText(Path.Combine(cluster.DataDirectory, "PG_VERSION"), "15");
        File.Delete(cluster.PasswordFile);

        var error = Assert.Throws<InvalidOperationException>(() => NewCluster().Prepare());

        Assert.Contains("password file", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(cluster.PasswordFile));
    }

    public void Dispose() => root.Dispose();

    private LocalPostgresCluster NewCluster() =>
        new(
            Path.Combine(root.Path, "postgres"),
            PostgresInstallation.Locate(),
            PostgresServiceAccount.ForCurrentProcess()
        );
}
