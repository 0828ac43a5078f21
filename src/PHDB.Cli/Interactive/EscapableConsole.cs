using Spectre.Console;
using Spectre.Console.Rendering;

namespace PHDB.Cli.Interactive;

/// <summary>A console whose prompts end with <see cref="EscapePressedException"/> when the user presses Esc.</summary>
internal sealed class EscapableConsole(IAnsiConsole inner) : IAnsiConsole
{
    private readonly EscapableInput input = new(inner.Input);

    public Profile Profile => inner.Profile;

    public IAnsiConsoleCursor Cursor => inner.Cursor;

    public IAnsiConsoleInput Input => input;

    public IExclusivityMode ExclusivityMode => inner.ExclusivityMode;

    public RenderPipeline Pipeline => inner.Pipeline;

    public void Clear(bool home) => inner.Clear(home);

    public void Write(IRenderable renderable) => inner.Write(renderable);

    public void WriteAnsi(Action<AnsiWriter> action) => inner.WriteAnsi(action);

    private sealed class EscapableInput(IAnsiConsoleInput inner) : IAnsiConsoleInput
    {
        public bool IsKeyAvailable() => inner.IsKeyAvailable();

        public ConsoleKeyInfo? ReadKey(bool intercept) => Checked(inner.ReadKey(intercept));

        public async Task<ConsoleKeyInfo?> ReadKeyAsync(bool intercept, CancellationToken cancellationToken) =>
            Checked(await inner.ReadKeyAsync(intercept, cancellationToken));

        private static ConsoleKeyInfo? Checked(ConsoleKeyInfo? key) =>
            key?.Key == ConsoleKey.Escape ? throw new EscapePressedException() : key;
    }
}
