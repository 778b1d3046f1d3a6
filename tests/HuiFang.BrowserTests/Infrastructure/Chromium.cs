using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(HuiFang.BrowserTests.Infrastructure.Chromium))]

namespace HuiFang.BrowserTests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole run, driven by Playwright. It is Debian's <c>chromium</c> package
/// (<see cref="PathVariable"/> names another executable): Playwright's own browser download is never used.
/// A missing executable skips the browser tests with the reason — or fails them when
/// <c>HUIFANG_TEST_REQUIRE_INFRA=1</c>, as CI sets; a browser that is there but does not start always fails.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string PathVariable = "HUIFANG_TEST_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>A phone: the viewport of a 6.1-inch handset in CSS pixels.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ExecutablePath => TestEnvironment.FromEnvironment(PathVariable) ?? DefaultPath;

    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Unavailable = $"Chromium is not available: {ExecutablePath} does not exist (apt-get install chromium, or set {PathVariable}).";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        // --no-sandbox: CI runs as root, where Chromium refuses its sandbox.
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Args = ["--no-sandbox"] });
    }

    /// <summary>A fresh context (cookies, storage, settings of its own): a phone, in <paramref name="locale"/>.</summary>
    public async Task<IBrowserContext> NewPhoneContextAsync(string locale, bool javaScript = true, string? baseUrl = null)
    {
        if (Unavailable is not null)
        {
            TestEnvironment.SkipOrFail(Unavailable);
        }

        var context = await _browser!.NewContextAsync(new()
        {
            ViewportSize = Phone,
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 1,
            Locale = locale,
            JavaScriptEnabled = javaScript,
            BaseURL = baseUrl,
        });

        // A page that never answers fails the test within seconds instead of holding the run.
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        if (!javaScript)
        {
            _withoutJavaScript.Add(context, null);
        }

        return context;
    }

    /// <summary>A desktop screen: a supervisor's laptop in CSS pixels.</summary>
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    /// <summary>A fresh context on a desktop screen (no touch), in <paramref name="locale"/>.</summary>
    public async Task<IBrowserContext> NewDesktopContextAsync(string locale, bool javaScript = true, string? baseUrl = null)
    {
        if (Unavailable is not null)
        {
            TestEnvironment.SkipOrFail(Unavailable);
        }

        var context = await _browser!.NewContextAsync(new()
        {
            ViewportSize = Desktop,
            DeviceScaleFactor = 1,
            Locale = locale,
            JavaScriptEnabled = javaScript,
            BaseURL = baseUrl,
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        if (!javaScript)
        {
            _withoutJavaScript.Add(context, null);
        }

        return context;
    }

    /// <summary>Whether pages of <paramref name="context"/> run scripts (Playwright cannot tell once the context exists).</summary>
    public bool HasJavaScript(IBrowserContext context) => !_withoutJavaScript.TryGetValue(context, out _);

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IBrowserContext, object?> _withoutJavaScript = new();

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
