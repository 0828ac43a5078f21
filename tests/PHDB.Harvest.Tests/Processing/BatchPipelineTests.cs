using Microsoft.Extensions.DependencyInjection;
using PHDB.Domain;
using PHDB.Harvest.Processing;

namespace PHDB.Harvest.Tests.Processing;

public sealed class BatchPipelineTests
{
    private readonly BatchPipeline pipeline = new ServiceCollection()
        .AddBatchProcessing()
        .BuildServiceProvider()
        .GetRequiredService<BatchPipeline>();

    [Fact]
    public void The_shipped_stages_run_sanitiser_first_then_checks()
    {
        Assert.Collection(pipeline.Stages, s => Assert.IsType<Sanitiser>(s), s => Assert.IsType<QualityChecks>(s));
    }

    [Fact]
    public void Hostile_text_is_cleaned_and_tracking_parameters_removed()
    {
        var hostile = Samples.Post() with
        {
            Name = "  Acme\u00a0<script>steal()</script>",
            Description = "<p onclick=\"x()\">Hi &amp; welcome</p><script>document.cookie</script>",
        };

        var (batch, findings) = pipeline.Process(new HarvestBatch { Posts = [hostile] });

        var post = Assert.Single(batch.Posts);
        Assert.Equal("Acme", post.Name);
        Assert.Equal("Hi & welcome", post.Description);
        Assert.Equal("https://www.producthunt.com/posts/acme", post.Url);
        Assert.Equal("https://acme.example/?ref=ph", post.Website);
        Assert.Equal("https://acme.example/", Assert.Single(post.ProductLinks).Url);
        Assert.Empty(findings);
    }

    [Fact]
    public void Suspicious_posts_are_reported_and_kept()
    {
        var odd = Samples.Post(7) with
        {
            Tagline = " ",
            VotesCount = -3,
            FeaturedAt = Samples.Created.AddDays(-1),
            Website = "javascript:alert(1)",
        };

        var (batch, findings) = pipeline.Process(new HarvestBatch { Posts = [odd] });

        Assert.Single(batch.Posts);
        Assert.All(findings, f => Assert.Equal(("post", 7L), (f.Entity, f.EntityId)));
        Assert.Equal(
            ["featured-before-created", "invalid-url", "tagline-missing", "votes-out-of-bounds"],
            findings.Select(f => f.Check).Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public void Comment_bodies_become_text_and_out_of_bounds_votes_are_reported()
    {
        var comment = new Comment(
            3,
            PostId: 1,
            ParentId: null,
            Body: "<p>Nice!</p><img src=x onerror=alert(1)>",
            Url: "https://www.producthunt.com/posts/acme?comment=3&utm_source=phdb",
            CreatedAt: Samples.Created,
            VotesCount: -1,
            Author: UserRef.Redacted,
            ObservedAt: Samples.Created
        );

        var (batch, findings) = pipeline.Process(new HarvestBatch { Comments = [comment] });

        var cleaned = Assert.Single(batch.Comments);
        Assert.Equal("Nice!", cleaned.Body);
        Assert.Equal("https://www.producthunt.com/posts/acme?comment=3", cleaned.Url);
        Assert.Equal("votes-out-of-bounds", Assert.Single(findings).Check);
    }

    [Fact]
    public void A_registered_processor_runs_in_its_priority_slot()
    {
        var order = new List<string>();
        var services = new ServiceCollection()
            .AddBatchProcessing()
            .AddSingleton<IBatchProcessor>(new Probe(300, order));
        var custom = services.BuildServiceProvider().GetRequiredService<BatchPipeline>();

        Assert.IsType<Sanitiser>(custom.Stages[0]);
        Assert.IsType<Probe>(custom.Stages[1]);
        Assert.IsType<QualityChecks>(custom.Stages[2]);
        custom.Process(new HarvestBatch());
        Assert.Equal(["probe"], order);
    }

    private sealed class Probe(int priority, List<string> order) : IBatchProcessor
    {
        public int Priority => priority;

        public HarvestBatch Process(HarvestBatch batch, BatchProcessingContext context)
        {
            order.Add("probe");
            return batch;
        }
    }
}
