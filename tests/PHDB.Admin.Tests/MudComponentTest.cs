using Bunit;
using MudBlazor.Services;

namespace PHDB.Admin.Tests;

/// <summary>A bUnit context with MudBlazor's services; MudBlazor's JavaScript calls are answered loosely.</summary>
public abstract class MudComponentTest : BunitContext
{
    protected MudComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }
}
