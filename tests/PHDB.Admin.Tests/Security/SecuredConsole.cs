using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using PHDB.Admin.Access;
using PHDB.Testing;
using PHDB.Testing.Admin;

namespace PHDB.Admin.Tests.Security;

/// <summary>
/// The console's access and security pipeline in an in-process host on a loopback port, in <c>Program.cs</c>'s order
/// (security first, then the exception handler, static files, authentication, authorization, antiforgery), with the
/// real login post and health endpoints, a static file, a page behind the login, an endpoint that throws, and the
/// login page reduced to its form's antiforgery token.
/// </summary>
internal sealed partial class SecuredConsole : IAsyncDisposable
{
    /// <summary>Path of the stand-in static file.</summary>
    public const string StaticFile = "/app.css";

    /// <summary>Path of the endpoint that throws (the exception handler answers 500).</summary>
    public const string Failing = "/boom";

    private readonly WebApplication app;
    private readonly TemporaryDirectory files;

    private readonly X509Certificate2? certificate;

    private SecuredConsole(WebApplication app, TemporaryDirectory files, string password, X509Certificate2? certificate)
    {
        this.app = app;
        this.certificate = certificate;
        this.files = files;
        Password = password;
        BaseAddress = new Uri(app.Urls.First());
    }

    public Uri BaseAddress { get; }

    public string Password { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<SecuredConsole> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        bool https = false
    )
    {
        var password = AdminPassword.Generate();
        var files = new TemporaryDirectory("phdb-console-static-");
        await File.WriteAllTextAsync(
            Path.Join(files.Path, "app.css"),
            "body { margin: 0; }",
            TestContext.Current.CancellationToken
        );
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(https ? "https://127.0.0.1:0" : "http://127.0.0.1:0");
        var certificate = https ? SelfSignedCertificate() : null;
        if (certificate is not null)
        {
            builder.WebHost.ConfigureKestrel(kestrel =>
                kestrel.ConfigureHttpsDefaults(options => options.ServerCertificate = certificate)
            );
        }

        var configuration = new Dictionary<string, string?> { ["Admin:Password"] = password };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks();
        builder.AddAdminAccess();

        var app = builder.Build();
        app.UseConsolePipeline(anonymous =>
            anonymous.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(files.Path) })
        );
        app.MapLoginForm();
        app.MapGet("/", () => "the overview");
        app.MapGet(Failing, string () => throw new InvalidOperationException("A failing page.")).AllowAnonymous();
        app.Map("/error", () => Results.Text("Something went wrong.", statusCode: 500)).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapDefaultEndpoints();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new SecuredConsole(app, files, password, certificate);
    }

    /// <summary>
    /// A client that keeps cookies, follows no redirect and connects from <paramref name="from"/> (a loopback
    /// address: the console tells clients apart by their address).
    /// </summary>
    public HttpClient Client(string from = "127.0.0.1")
    {
        var local = IPAddress.Parse(from);
        return new HttpClient(
            new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                CookieContainer = new CookieContainer(),
                SslOptions = new SslClientAuthenticationOptions
                {
                    // The host's own self-signed certificate, and no other.
                    RemoteCertificateValidationCallback = (_, presented, _, _) =>
                        certificate is not null
                        && presented is not null
                        && presented.GetCertHashString() == certificate.GetCertHashString(),
                },
                ConnectCallback = async (connection, cancellationToken) =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
                    {
                        NoDelay = true,
                    };
                    try
                    {
                        socket.Bind(new IPEndPoint(local, 0));
                        await socket.ConnectAsync(connection.DnsEndPoint, cancellationToken);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            }
        )
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>Fetches the login form's antiforgery token on <paramref name="client"/> (setting its cookie).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var form = await client.GetStringAsync(
            new Uri(AccountEndpoints.LoginPath, UriKind.Relative),
            TestContext.Current.CancellationToken
        );
        return WebUtility.HtmlDecode(TokenValue().Match(form).Groups[1].Value);
    }

    /// <summary>Posts the login form with <paramref name="password"/> and <paramref name="token"/>.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string token, string password)
    {
        using var content = new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["password"] = password,
                ["returnUrl"] = "/",
                ["__RequestVerificationToken"] = token,
            }
        );
        return await client.PostAsync(
            new Uri(AccountEndpoints.LoginPath, UriKind.Relative),
            content,
            TestContext.Current.CancellationToken
        );
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        files.Dispose();
        certificate?.Dispose();
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
    }

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex TokenValue();
}
