using System.Text;
using System.Text.Json;

namespace PHDB.ProductHunt.Tests;

/// <summary>What answers' bodies mean, without a server.</summary>
public sealed class ApiErrorClassifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("""{"data":{"a0":{"id":"1"}}}""")]
    [InlineData("""{"data":{"a0":null},"errors":[{"message":"Not found","path":["a1"]}]}""")]
    public void An_answer_with_data_is_the_callers_to_map(string json)
    {
        using var document = JsonDocument.Parse(json);

        ApiErrorClassifier.Classify(document, 200);
    }

    [Fact]
    public void An_answer_over_the_complexity_cap_names_both_numbers()
    {
        using var document = JsonDocument.Parse(
            """{"errors":[{"message":"Query has complexity of 1450, which exceeds max complexity of 1000"}]}"""
        );

        var refusal = Assert.Throws<ProductHuntComplexityException>(() => ApiErrorClassifier.Classify(document, 200));

        Assert.Equal((1_450, 1_000), (refusal.Complexity, refusal.MaxComplexity));
    }

    [Fact]
    public void Errors_with_a_path_refuse_the_aliases_they_name_and_errors_without_one_are_transient()
    {
        using var located = JsonDocument.Parse(
            """{"data":{},"errors":[{"message":"Invalid cursor","path":["a2","votes"]}]}"""
        );
        using var unlocated = JsonDocument.Parse("""{"errors":[{"message":"Internal error"}]}""");

        var refused = Assert.Throws<ProductHuntQueryRejectedException>(() => ApiErrorClassifier.Classify(located, 200));
        Assert.Equal(["a2"], refused.Aliases);
        Assert.Throws<ProductHuntTransientException>(() => ApiErrorClassifier.Classify(unlocated, 200));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"data":null}""")]
    public void An_answer_with_neither_data_nor_errors_is_transient(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Throws<ProductHuntTransientException>(() => ApiErrorClassifier.Classify(document, 200));
    }

    [Fact]
    public void A_429_body_completes_the_budget_its_headers_gave()
    {
        var headers = new RateLimitSnapshot(6_250, null, TimeSpan.FromSeconds(30), Now);
        var body = Encoding.UTF8.GetBytes(
            """{"errors":[{"error":"rate_limit_reached","details":{"limit":6250,"remaining":-50,"reset_in":712}}]}"""
        );

        var budget = ApiErrorClassifier.RateLimitDetails(body, headers);

        Assert.Equal((6_250, -50, TimeSpan.FromSeconds(712)), (budget.Limit, budget.Remaining, budget.ResetIn));
        Assert.Equal(headers, ApiErrorClassifier.RateLimitDetails("not json"u8.ToArray(), headers));
        Assert.Equal(headers, ApiErrorClassifier.RateLimitDetails("""{"errors":["odd"]}"""u8.ToArray(), headers));
    }

    [Fact]
    public void A_refusals_code_is_named_only_when_it_is_a_code_like_word()
    {
        Assert.Equal(
            "invalid_oauth_token",
            ApiErrorClassifier.ErrorCodeOf("""{"errors":[{"error":"invalid_oauth_token"}]}"""u8.ToArray())
        );
        Assert.Null(ApiErrorClassifier.ErrorCodeOf("""{"errors":[{"error":"token abc123 is bad"}]}"""u8.ToArray()));
        Assert.Equal(
            ["Bad request", "\"odd\""],
            ApiErrorClassifier.ErrorTexts("""{"errors":[{"error_description":"Bad request"},"odd"]}"""u8.ToArray())
        );
        Assert.Empty(ApiErrorClassifier.ErrorTexts("[1]"u8.ToArray()));
        Assert.Null(ApiErrorClassifier.ErrorCodeOf("[1]"u8.ToArray()));
    }
}
