// Reads the mutation reports under a folder (one subfolder per component) and prints each component's score:
// killed (and timed out) mutants over those that compiled and were not ignored. Survivors are listed by line.
using System.Globalization;
using System.Text.Json;

if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: dotnet run --file tools/mutation/MutationSummary.cs -- <mutation output folder>");
    return 64;
}

var culture = CultureInfo.InvariantCulture;
Console.WriteLine("| component | files | killed | survived | no coverage | timeout | compile errors | score |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
var survivors = new List<string>();
foreach (var component in Directory.GetDirectories(args[0]).Order(StringComparer.Ordinal))
{
    var report = Path.Join(component, "reports", "mutation-report.json");
    if (!File.Exists(report))
    {
        continue;
    }

    using var json = JsonDocument.Parse(File.ReadAllText(report));
    var counts = new Dictionary<string, int>(StringComparer.Ordinal);
    var files = new List<string>();
    foreach (var file in json.RootElement.GetProperty("files").EnumerateObject())
    {
        var tested = false;
        foreach (var mutant in file.Value.GetProperty("mutants").EnumerateArray())
        {
            var status = mutant.GetProperty("status").GetString() ?? "";
            counts[status] = counts.GetValueOrDefault(status) + 1;
            tested |= status is "Killed" or "Survived" or "NoCoverage" or "Timeout";
            if (status is "Survived" or "NoCoverage")
            {
                var line = mutant.GetProperty("location").GetProperty("start").GetProperty("line").GetInt32();
                survivors.Add(
                    string.Create(
                        culture,
                        $"- {Path.GetFileName(component)}: {Path.GetFileName(file.Name)}:{line} {mutant.GetProperty("mutatorName").GetString()} ({status})"
                    )
                );
            }
        }

        if (tested)
        {
            files.Add(Path.GetFileName(file.Name));
        }
    }

    int Count(string status) => counts.GetValueOrDefault(status);
    var detected = Count("Killed") + Count("Timeout");
    var valid = detected + Count("Survived") + Count("NoCoverage");
    var score = valid == 0 ? "–" : (100.0 * detected / valid).ToString("F1", culture) + " %";
    Console.WriteLine(
        string.Create(
            culture,
            $"| {Path.GetFileName(component)} | {string.Join(", ", files)} | {Count("Killed")} | {Count("Survived")} | {Count("NoCoverage")} | {Count("Timeout")} | {Count("CompileError")} | {score} |"
        )
    );
}

if (survivors.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine("Surviving mutants:");
    foreach (var survivor in survivors)
    {
        Console.WriteLine(survivor);
    }
}

return 0;
