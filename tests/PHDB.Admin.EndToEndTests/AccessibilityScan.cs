using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PHDB.Admin.EndToEndTests;

/// <summary>An axe-core scan of a page, keeping the violations that block people: impact serious or critical.</summary>
public static class AccessibilityScan
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>Scans <paramref name="page"/>; each blocking violation as <c>page: rule (impact) help: targets</c>.</summary>
    public static async Task<IReadOnlyList<string>> BlockingViolationsAsync(this IPage page, string name)
    {
        AxeResult result = await page.RunAxe();
        return
        [
            .. result
                .Violations.Where(v => BlockingImpacts.Contains(v.Impact, StringComparer.OrdinalIgnoreCase))
                .Select(v =>
                    $"{name}: {v.Id} ({v.Impact}) {v.Help}: "
                    + string.Join(" | ", v.Nodes.Take(5).Select(n => n.Target?.ToString()))
                    + (v.Nodes.Length > 5 ? $" | … {v.Nodes.Length - 5} more" : "")
                ),
        ];
    }
}
