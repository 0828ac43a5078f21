using System.Net;
using System.Net.Http.Headers;

namespace PHDB.Kaggle.StandIn.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task Missing_or_wrong_credentials_and_refused_credentials_answer_401_in_Kaggles_error_shape()
    {
        await using var standIn = await KaggleStandIn.StartAsync(ct: TestContext.Current.CancellationToken);
        using var client = new StandInClient(standIn);
        var body = new { ownerSlug = "phdb-tester", datasetSlug = "anything" };

        var attempts = new AuthenticationHeaderValue?[]
        {
            null,
            new("Bearer", "KGAT_wrong"),
            StandInClient.Basic(standIn.Options.Username, "wrong-key"),
            StandInClient.Basic("someone-else", standIn.Options.Key),
            new("Token", standIn.Options.ApiToken),
        };
        foreach (var authorization in attempts)
        {
            client.Authorization = authorization;
            var (status, error) = await client.CallAsync("GetDatasetStatus", body);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal(401, error.GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        }

        client.Authorization = new AuthenticationHeaderValue("Bearer", standIn.Options.ApiToken);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await client.CallAsync("GetDatasetStatus", body, prefix: "api/v1")).Status
        );

        standIn.Faults.RefuseCredentials = true;
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.CallAsync("GetDatasetStatus", body)).Status);
        client.Authorization = StandInClient.Basic(standIn.Options.Username, standIn.Options.Key);
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await client.CallAsync("StartBlobUpload", new { type = "DATASET", name = "a.csv" })).Status
        );
        Assert.Equal([401, 401, 401, 401, 401, 404, 401, 401], standIn.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Introspection_answers_active_with_the_username_for_the_token_only()
    {
        await using var standIn = await KaggleStandIn.StartAsync(ct: TestContext.Current.CancellationToken);
        using var client = new StandInClient(
            standIn,
            new AuthenticationHeaderValue("Bearer", standIn.Options.ApiToken)
        );

        var (status, answer) = await client.CallAsync("IntrospectToken", new { token = standIn.Options.ApiToken });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(answer.GetProperty("active").GetBoolean());
        Assert.Equal(standIn.Options.Username, answer.GetProperty("username").GetString());

        var (_, inactive) = await client.CallAsync("IntrospectToken", new { token = "KGAT_other" });
        Assert.False(inactive.GetProperty("active").GetBoolean());
    }
}
