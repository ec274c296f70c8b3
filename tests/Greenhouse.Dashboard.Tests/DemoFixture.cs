using Microsoft.Playwright;

namespace Greenhouse.Dashboard.Tests;

/// <summary>
/// One dashboard demo for the whole test run (embedded broker on 127.0.0.1, three simulated houses running the real
/// core at 60x, a fresh database) and one Chromium. Started on first use, stopped after the last test.
/// </summary>
[TestClass]
public static class DemoFixture
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static DashboardApp? _app;
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static string? _adminPassword;

    public static async Task<DashboardApp> AppAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_app == null)
            {
                var options = new DashboardOptions { Demo = true, DemoSpeed = 60, DemoHouses = 3, Urls = "http://127.0.0.1:0", CommandsPerMinute = 40 };
                _app = await DashboardApp.StartAsync(options, TextWriter.Null);
                _adminPassword = _app.FirstAdminPassword;
            }

            return _app;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH), driven by Playwright; never a downloaded browser.
    /// Missing: inconclusive on a developer machine, a failure with CI=true (CI installs it).
    /// </summary>
    public static async Task<IBrowser> BrowserAsync()
    {
        string path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            string message = $"Chromium not found at {path} (sudo apt-get install -y chromium)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }

            Assert.Inconclusive(message);
        }

        await Gate.WaitAsync();
        try
        {
            if (_browser == null)
            {
                _playwright = await Playwright.CreateAsync();
                // The flags that work on the build machines (closed network: no background or update traffic).
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = path,
                    Headless = true,
                    Args = new[]
                    {
                        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                    },
                });
            }

            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh browser context (own cookies) at the demo's address; phone-sized when asked.</summary>
    public static async Task<IPage> NewPageAsync(bool phone = false)
    {
        DashboardApp app = await AppAsync();
        IBrowser browser = await BrowserAsync();
        var options = new BrowserNewContextOptions { BaseURL = app.Url, Locale = "zh-CN" };
        if (phone)
        {
            options.ViewportSize = new ViewportSize { Width = 360, Height = 740 };
            options.IsMobile = true;
            options.HasTouch = true;
            options.DeviceScaleFactor = 2;
        }

        IBrowserContext context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(20000);
        return await context.NewPageAsync();
    }

    public static async Task LoginAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=user]", user);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("form.stack button[type=submit]");
    }

    public static async Task<DemoLogin> GrowerAsync(int n) => (await AppAsync()).DemoLogins.Single(l => l.User == "grower" + n);

    /// <summary>Logs in as admin; the first time through the one-time password and the forced change.</summary>
    public static async Task LoginAdminAsync(IPage page)
    {
        await AppAsync();
        await Gate.WaitAsync();
        try
        {
            if (_adminPassword != null && _adminPassword == _app!.FirstAdminPassword)
            {
                await LoginAsync(page, "admin", _adminPassword);
                await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/password$"));
                const string fresh = "admin-password-1";
                await page.FillAsync("input[name=current]", _adminPassword);
                await page.FillAsync("input[name=new]", fresh);
                await page.FillAsync("input[name=repeat]", fresh);
                await page.ClickAsync("form.stack button[type=submit]");
                await Assertions.Expect(page.Locator(".notice.ok")).ToBeVisibleAsync();
                _adminPassword = fresh;
                return;
            }
        }
        finally
        {
            Gate.Release();
        }

        await LoginAsync(page, "admin", _adminPassword!);
    }

    [AssemblyCleanup]
    public static async Task Cleanup()
    {
        if (_browser != null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app != null)
        {
            await _app.DisposeAsync();
        }
    }
}
