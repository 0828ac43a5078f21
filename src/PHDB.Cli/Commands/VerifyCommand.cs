using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PHDB.Cli.Connection;
using PHDB.Operations;
using PHDB.ProductHunt;
using Spectre.Console;

namespace PHDB.Cli.Commands;

/// <summary>
/// <c>phdb verify</c>: checks a Product Hunt token against the configured API (owner, scope, budget left and its
/// reset). The token is the configured one or read from stdin, never an argument, and is never printed.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CommandFactory factory)
    {
        var json = GlobalOptions.Json();
        var fromStdin = new Option<bool>("--token-stdin")
        {
            Description = "Read the token to check from standard input (never pass a token as an argument)",
        };
        var api = new Option<Uri?>("--api")
        {
            Description = "The API host (default: the running AppHost's, else https://api.producthunt.com/)",
            HelpName = "url",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return uri;
                }

                result.AddError($"--api must be an absolute http(s) URL; it is '{text}'.");
                return null;
            },
        };
        var command = new Command("verify", "Check a Product Hunt token: its owner, scope, budget left and reset")
        {
            json,
            fromStdin,
            api,
        };
        factory.AddExamples(
            command,
            "phdb verify",
            "pass show producthunt | phdb verify --token-stdin --api https://api.producthunt.com/"
        );
        factory.SetAction(
            command,
            async (context, cancellationToken) =>
            {
                var stdinToken = context.Parse.GetValue(fromStdin)
                    ? await Console.In.ReadLineAsync(cancellationToken)
                    : null;
                if (context.Parse.GetValue(fromStdin) && string.IsNullOrWhiteSpace(stdinToken))
                {
                    throw CliException.Usage("--token-stdin was given but standard input held no token.");
                }

                var access = ApiAccess.Resolve(context.Parse.GetValue(api), stdinToken, context.DataDirectory);
                var report = await CheckAsync(access, cancellationToken);
                if (context.Parse.GetValue(json))
                {
                    context.Output.Json(report);
                    return ExitCodes.Ok;
                }

                var table = context.Output.Table("Token", report.Token);
                table.AddRow("API", Markup.Escape(report.Api));
                table.AddRow("Token from", Markup.Escape(report.TokenSource));
                table.AddRow("Owner", Markup.Escape(report.Owner ?? "none (a public-scope token)"));
                table.AddRow("Scope", report.Scope);
                table.AddRow(
                    "Budget left",
                    report.Remaining is { } r
                        ? $"{HarvestText.Count(r)} of {HarvestText.Count(report.Limit)} points"
                        : "not reported"
                );
                table.AddRow(
                    "Resets in",
                    report.ResetInSeconds is { } s ? HarvestText.Duration(TimeSpan.FromSeconds(s)) : "–"
                );
                context.Output.Console.Write(table);
                return ExitCodes.Ok;
            }
        );
        return command;
    }

    /// <summary>The shape of <c>phdb verify --json</c>.</summary>
    internal sealed record VerifyReport(
        string Api,
        string Token,
        string TokenSource,
        string? Owner,
        string Scope,
        int? Limit,
        int? Remaining,
        double? ResetInSeconds
    );

    /// <summary>Runs the viewer query with <paramref name="access"/>.</summary>
    /// <exception cref="CliException">No token (78), refused (77), rate limited (75), unreachable (69).</exception>
    public static async Task<VerifyReport> CheckAsync(ApiAccess access, CancellationToken cancellationToken)
    {
        if (access.Token is null)
        {
            throw ApiAccess.NoToken();
        }

        await using var services = access.CreateClient();
        ViewerInfo viewer;
        try
        {
            viewer = await services.GetRequiredService<IProductHuntClient>().VerifyAsync(cancellationToken);
        }
        catch (Exception e)
            when (e is ProductHuntApiException or HttpRequestException or TaskCanceledException
                && !cancellationToken.IsCancellationRequested
            )
        {
            throw access.Explain(e);
        }

        return new VerifyReport(
            access.BaseAddress.ToString(),
            access.TokenHint,
            access.TokenSource,
            viewer.User is { } user ? $"{user.Name} (@{user.Username})" : null,
            viewer.User is null ? "public" : "private (acts for its owner)",
            viewer.Budget.Limit,
            viewer.Budget.Remaining,
            viewer.Budget.ResetIn?.TotalSeconds
        );
    }
}
