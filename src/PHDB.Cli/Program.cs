using PHDB.Cli;
using PHDB.Cli.Output;

return await PhdbCommandLine.RunAsync(args, CliOutput.ForProcess());
