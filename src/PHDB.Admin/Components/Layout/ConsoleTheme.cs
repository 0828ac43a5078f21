using MudBlazor;

namespace PHDB.Admin.Components.Layout;

/// <summary>The console's colours: Product Hunt's orange as the accent, with text contrast of at least 4.5:1.</summary>
public static class ConsoleTheme
{
    /// <summary>The theme every page uses.</summary>
    public static MudTheme Value { get; } =
        new()
        {
            PaletteLight = new PaletteLight
            {
                Primary = "#b8390e",
                AppbarBackground = "#1f2937",
                AppbarText = "#ffffff",
                DrawerBackground = "#f9fafb",
                TextSecondary = "#4b5563",
            },
        };
}
