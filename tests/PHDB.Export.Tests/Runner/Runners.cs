using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace PHDB.Export.Tests.Runner;

/// <summary>Export runners as a host builds them: every format, the default options over a given exports directory.</summary>
internal static class Runners
{
    public static ExportRunner Create(NpgsqlDataSource dataSource, string exportsDirectory, int keep = 10) =>
        new(
            dataSource,
            ExportFormatRegistry.All,
            new ExportOptions { Directory = exportsDirectory, Keep = keep },
            NullLogger<ExportRunner>.Instance
        );
}
