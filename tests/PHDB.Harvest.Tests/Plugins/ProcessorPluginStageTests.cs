using PHDB.Domain;
using PHDB.Extensibility;
using PHDB.Harvest.Plugins;
using PHDB.Harvest.Processing;
using PHDB.Harvest.Tests.Processing;

namespace PHDB.Harvest.Tests.Plugins;

public sealed class ProcessorPluginStageTests
{
    private static readonly ProcessorPluginOptions Options = new()
    {
        Timeout = TimeSpan.FromMilliseconds(300),
        MaxConsecutiveFailures = 3,
    };

    private static readonly HarvestBatch Batch = new() { Posts = [Samples.Post(1), Samples.Post(2)] };

    private static ProcessorPluginStage Stage(IHarvestProcessor processor) =>
        new(new ProcessorPluginLoad(processor.Name, "2.1.0", processor.Priority, "test.dll", processor, null), Options);

    [Fact]
    public void Findings_about_the_batch_are_recorded_under_the_plugins_name_and_the_batch_is_left_as_it_was()
    {
        var stage = Stage(new Processor(b => [new(ProcessorFinding.Post, b.Posts[1].Id, "odd", "post two is odd")]));
        var context = new BatchProcessingContext();

        Assert.Same(Batch, stage.Process(Batch, context));

        Assert.Equal([new QualityFinding("post", 2, "test/odd", "post two is odd")], context.Findings);
        Assert.Equal(
            new ProcessorPluginStatus("test", "2.1.0", 42, ProcessorPluginState.Active, 1, 0, null),
            stage.Status
        );
    }

    [Fact]
    public void A_plugin_that_throws_loses_its_findings_and_is_switched_off_after_too_many_failures_in_a_row()
    {
        var calls = 0;
        var stage = Stage(
            new Processor(_ =>
            {
                calls++;
                throw new InvalidOperationException("broken");
            })
        );
        var failures = new List<(string, bool)>();
        stage.Failed += (_, error, off) => failures.Add((error, off));

        for (var i = 0; i < 5; i++)
        {
            var context = new BatchProcessingContext();
            Assert.Same(Batch, stage.Process(Batch, context));
            Assert.Empty(context.Findings);
        }

        Assert.Equal(3, calls);
        Assert.Equal(
            [
                ("threw InvalidOperationException: broken", false),
                ("threw InvalidOperationException: broken", false),
                ("threw InvalidOperationException: broken", true),
            ],
            failures
        );
        Assert.Equal(ProcessorPluginState.SwitchedOff, stage.Status.State);
        Assert.Equal(3, stage.Status.Failures);
    }

    [Fact]
    public void A_success_between_failures_starts_the_count_again()
    {
        var fail = true;
        var stage = Stage(new Processor(_ => fail ? throw new InvalidOperationException("no") : []));

        foreach (var failing in new[] { true, true, false, true, true })
        {
            fail = failing;
            stage.Process(Batch, new BatchProcessingContext());
        }

        Assert.Equal(ProcessorPluginState.Active, stage.Status.State);
        Assert.Equal(4, stage.Status.Failures);
        Assert.Equal(5, stage.Status.Batches);
    }

    [Fact]
    public async Task A_plugin_past_its_time_is_cancelled_and_the_batch_goes_on_without_it()
    {
        var cancelled = new TaskCompletionSource();
        var stage = Stage(
            new Processor(
                (_, token) =>
                {
                    token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                    if (token.IsCancellationRequested)
                    {
                        cancelled.SetResult();
                    }

                    return [new(ProcessorFinding.Post, 1, "late", "too late")];
                }
            )
        );
        var context = new BatchProcessingContext();

        Assert.Same(Batch, stage.Process(Batch, context));

        Assert.Empty(context.Findings);
        Assert.Equal("took longer than 0.3 s", stage.Status.LastError);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("post", 3, "check", "returned a finding about post 3, which is not in the batch")]
    [InlineData("comment", 1, "check", "returned a finding about comment 1, which is not in the batch")]
    [InlineData("user", 1, "check", "returned a finding about user 1, which is not in the batch")]
    [InlineData("post", 1, "", "returned a finding with an empty or too long check or detail ()")]
    public void A_finding_outside_the_contract_fails_the_whole_call(string entity, long id, string check, string error)
    {
        var stage = Stage(
            new Processor(_ => [new(ProcessorFinding.Post, 1, "fine", "fine"), new(entity, id, check, "detail")])
        );
        var context = new BatchProcessingContext();

        stage.Process(Batch, context);

        Assert.Empty(context.Findings);
        Assert.Equal(error, stage.Status.LastError);
    }

    [Fact]
    public void Plugins_run_among_the_built_in_processors_by_priority()
    {
        var order = new List<string>();
        var early = new Processor(_ =>
        {
            order.Add("early");
            return [];
        })
        {
            Priority = 10,
        };
        var late = new Processor(_ =>
        {
            order.Add("late");
            return [];
        })
        {
            Priority = 900,
        };
        var pipeline = new BatchPipeline(
            [new Sanitiser(), new QualityChecks()],
            [new Source(Stage(late), Stage(early))]
        );

        pipeline.Process(Batch);

        Assert.Equal(
            [10, Sanitiser.DefaultPriority, QualityChecks.DefaultPriority, 900],
            pipeline.Stages.Select(s => s.Priority)
        );
        Assert.Equal(["early", "late"], order);
    }

    private sealed class Source(params IBatchProcessor[] processors) : IBatchProcessorSource
    {
        public IReadOnlyList<IBatchProcessor> Processors => processors;
    }

    private sealed class Processor(Func<HarvestedBatch, CancellationToken, IReadOnlyList<ProcessorFinding>> process)
        : IHarvestProcessor
    {
        public Processor(Func<HarvestedBatch, IReadOnlyList<ProcessorFinding>> process)
            : this((batch, _) => process(batch)) { }

        public string Name => "test";

        public int Priority { get; init; } = 42;

        public IReadOnlyList<ProcessorFinding> Process(HarvestedBatch batch, CancellationToken cancellationToken) =>
            process(batch, cancellationToken);
    }
}
