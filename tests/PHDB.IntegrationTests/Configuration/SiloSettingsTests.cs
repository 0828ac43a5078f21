namespace PHDB.IntegrationTests.Configuration;

/// <summary>A silo refuses a bad harvest, export or connection setting in one line with exit 78, before it joins a cluster.</summary>
public sealed class SiloSettingsTests
{
    [Theory]
    [InlineData("Harvest__Window", "abc", "Harvest:Window", "='abc': a duration")]
    [InlineData("Telemetry__Traces__SampleRatio", "2", "Telemetry:Traces:SampleRatio", "='2': must be between 0 and 1")]
    [InlineData(
        "ProductHunt__BaseAddress",
        "notaurl",
        "ProductHunt:BaseAddress",
        "='notaurl': must be an absolute URL"
    )]
    [InlineData(
        "ConnectionStrings__phdb",
        "Host=127.0.0.1;Port=abc;Password=hunter2",
        "ConnectionStrings:phdb",
        "=(secret): "
    )]
    [InlineData(
        "Orleans__AdvertisedAddress",
        "silo-1",
        "Orleans:AdvertisedAddress",
        "='silo-1': must be an IP address"
    )]
    // Other hosts reach the silo: TLS is on unless turned off, and needs its files.
    [InlineData(
        "Orleans__AdvertisedAddress",
        "198.18.0.9",
        "Orleans:Tls:CertificatePath",
        " (not set): must name a PEM"
    )]
    [InlineData(
        "Orleans__Tls__CertificatePath",
        "/nowhere/silo.pem",
        "Orleans:Tls:KeyPath",
        " (not set): must name a PEM"
    )]
    [InlineData("Orleans__Tls__Enabled", "true", "Orleans:Tls:CertificatePath", " (not set): must name a PEM")]
    [InlineData(
        "Harvest__Plugins__Directory",
        "/nowhere/plugins",
        "Harvest:Plugins:Directory",
        "='/nowhere/plugins': '/nowhere/plugins' does not exist"
    )]
    [InlineData("Harvest__Plugins__Timeout", "00:00:00", "Harvest:Plugins:Timeout", "='00:00:00': must be above zero")]
    [InlineData(
        "Events__Webhooks__0__Url",
        "ftp://receiver.test/hooks",
        "Events:Webhooks:0:Url",
        "='ftp://receiver.test/hooks': must be an absolute http or https address"
    )]
    [InlineData(
        "Events__Webhooks__0__Events__0",
        "PostsSynced",
        "Events:Webhooks:0:Events:0",
        "='PostsSynced': must be HarvestCompleted, HarvestFailed, PartitionCompleted or *"
    )]
    [InlineData(
        "Events__Webhooks__0__Secret",
        "hunter2",
        "Events:Webhooks:0:Secret",
        "=(secret): must be at least 16 characters (it has 7)"
    )]
    [InlineData("Events__QueueCapacity", "0", "Events:QueueCapacity", "='0': ")]
    public async Task A_bad_setting_stops_the_silo_with_one_line_and_exit_78(
        string variable,
        string value,
        string key,
        string shown
    )
    {
        var environment = new Dictionary<string, string>
        {
            // Valid but unreachable: the silo must refuse its settings before it connects anywhere.
            ["ConnectionStrings__phdb"] = "Host=127.0.0.1;Port=1;Database=phdb;Username=phdb;Password=unused",
            ["Harvest__StartAutomatically"] = "false",
            ["ProductHunt__Token"] = "unused-token",
            // A valid webhook subscriber, which the Events cases spoil one setting of.
            ["Events__Webhooks__0__Url"] = "http://127.0.0.1:9/hooks",
            ["Events__Webhooks__0__Events__0"] = "HarvestCompleted",
            ["Events__Webhooks__0__Secret"] = "a-valid-secret-of-some-length",
            [variable] = value,
        };

        var result = await HostProcess.RunAsync("PHDB.Silo", environment, TestContext.Current.CancellationToken);

        var line = InvalidSettingLine.Assert(result, "silo", key, shown);
        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
        Assert.DoesNotContain("a-valid-secret", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_setting_from_a_credential_file_is_read_and_checked_like_any_other()
    {
        var credentials = Directory.CreateTempSubdirectory("phdb-silo-credentials-");
        try
        {
            await File.WriteAllTextAsync(
                Path.Join(credentials.FullName, "ConnectionStrings__phdb"),
                "Host=127.0.0.1;Port=abc;Password=hunter2\n",
                TestContext.Current.CancellationToken
            );
            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__phdb"] = "Host=127.0.0.1;Port=1;Database=phdb;Username=phdb;Password=unused",
                ["Harvest__StartAutomatically"] = "false",
                ["ProductHunt__Token"] = "unused-token",
                ["CREDENTIALS_DIRECTORY"] = credentials.FullName,
            };

            var result = await HostProcess.RunAsync("PHDB.Silo", environment, TestContext.Current.CancellationToken);

            var line = InvalidSettingLine.Assert(result, "silo", "ConnectionStrings:phdb", "=(secret): ");
            Assert.DoesNotContain("hunter2", result.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
        }
        finally
        {
            credentials.Delete(recursive: true);
        }
    }
}
