using System.Text.RegularExpressions;
using Greenhouse.Dashboard.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Greenhouse.Dashboard.Tests;

/// <summary>
/// The dashboard in a real Chromium against the demo: the simulated houses are the real controller core on the house
/// model, talking MQTT to the embedded broker, so every ack and retained value shown here came from a device.
/// </summary>
[TestClass]
public class BrowserTests
{
    public TestContext TestContext { get; set; } = null!;

    private static ILocator Card(IPage page, string house) => page.Locator($"section.house[data-house=\"{house}\"]");

    [TestMethod]
    public async Task AGrowerLogsInAndSeesTheirDemoHousesLive()
    {
        DemoLogin grower = await DemoFixture.GrowerAsync(1);
        IPage page = await DemoFixture.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/login"));
        await DemoFixture.LoginAsync(page, grower.User, grower.Password);
        await Expect(page.Locator("h1")).ToHaveTextAsync("我的大棚");
        foreach (string house in grower.Houses)
        {
            await Expect(Card(page, house).Locator(".pill")).ToHaveTextAsync("在线");
            await Expect(Card(page, house).Locator(".zone[data-zone=\"1\"] .rh")).ToHaveTextAsync(new Regex(@"^\d{2,3}\.\d%$"));
        }

        await Expect(page.Locator("section.house")).ToHaveCountAsync(grower.Houses.Count);

        // Live: the server pushes re-rendered cards (server-sent events); a marked card gets replaced without a reload.
        await page.EvalOnSelectorAsync($"section.house[data-house=\"{grower.Houses[0]}\"]", "e => e.dataset.marker = 'old'");
        await page.WaitForFunctionAsync($"() => {{ const e = document.querySelector('section.house[data-house=\"{grower.Houses[0]}\"]'); return e && !e.dataset.marker; }}",
            null, new PageWaitForFunctionOptions { Timeout = 20000 });
    }

    [TestMethod]
    public async Task ChangingTheTargetShowsTheDevicesAckAndTheRetainedValue()
    {
        DemoLogin grower = await DemoFixture.GrowerAsync(1);
        string house = grower.Houses[0];
        IPage page = await DemoFixture.NewPageAsync();
        await DemoFixture.LoginAsync(page, grower.User, grower.Password);
        await page.GotoAsync("/house/" + house);
        await page.FillAsync("form.target input[name=value]", "91.5");
        await page.ClickAsync("form.target button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex(@"\?r=[0-9a-f]+"));
        await Expect(page.Locator(".outcome.ok")).ToContainTextAsync("设备已执行：目标湿度 = 91.5");
        // The retained zone/1/target_rh the device publishes after applying it.
        await Expect(Card(page, house).Locator(".zone[data-zone=\"1\"] .target-value")).ToHaveTextAsync("91.5");

        await page.GotoAsync("/log");
        await Expect(page.Locator("table.log tbody tr").First).ToContainTextAsync("zone/1/target_rh/set = 91.5");
        await Expect(page.Locator("table.log tbody tr").First).ToContainTextAsync("已执行: 91.5");
        await Expect(page.Locator("table.log tbody tr").First).ToContainTextAsync(grower.User);
    }

    [TestMethod]
    public async Task ARefusedCommandShowsTheDevicesRefusalText()
    {
        DemoLogin grower = await DemoFixture.GrowerAsync(1);
        string house = grower.Houses[1];
        IPage page = await DemoFixture.NewPageAsync();
        await DemoFixture.LoginAsync(page, grower.User, grower.Password);
        await page.GotoAsync("/house/" + house);
        await page.SelectOptionAsync("form.mode select[name=value]", "off");
        await page.ClickAsync("form.mode button[type=submit]");
        await Expect(page.Locator(".outcome.ok")).ToContainTextAsync("设备已执行：模式 = 关闭");

        // Mist-now asks for seconds and confirms; the device refuses a zone whose mode is off, in its own words.
        await page.FillAsync("form.mist input[name=value]", "15");
        await page.ClickAsync("form.mist button[type=submit]");
        await Expect(page.Locator("p.confirm")).ToContainTextAsync("马上喷雾 15 秒？");
        await page.ClickAsync("button.mist");
        await Expect(page.Locator(".outcome.bad")).ToContainTextAsync("设备拒绝了：1区已关闭");
        await Expect(page.Locator(".outcome.bad .device-words")).ToContainTextAsync("zone 1 is off");

        await page.SelectOptionAsync("form.mode select[name=value]", "auto");
        await page.ClickAsync("form.mode button[type=submit]");
        await Expect(page.Locator(".outcome.ok")).ToContainTextAsync("模式 = 自动");
    }

    [TestMethod]
    public async Task AStoppedDeviceTurnsOfflineAndTakesNoCommand()
    {
        DemoLogin grower = await DemoFixture.GrowerAsync(2);
        string house = grower.Houses[0];
        IPage growerPage = await DemoFixture.NewPageAsync();
        await DemoFixture.LoginAsync(growerPage, grower.User, grower.Password);
        await growerPage.GotoAsync("/house/" + house);
        await Expect(Card(growerPage, house).Locator(".pill")).ToHaveTextAsync("在线");
        await Expect(growerPage.Locator("#commands form.target button[type=submit]").First).ToBeEnabledAsync();

        IPage admin = await DemoFixture.NewPageAsync();
        await DemoFixture.LoginAdminAsync(admin);
        await admin.GotoAsync("/admin");
        await admin.ClickAsync($".demo-house[data-house=\"{house}\"] button[type=submit]");
        try
        {
            // The broker's last will reaches the dashboard, which pushes the change to the open page.
            await Expect(Card(growerPage, house).Locator(".pill")).ToHaveTextAsync("离线");
            await Expect(growerPage.Locator("#commands form.target button[type=submit]").First).ToBeDisabledAsync();
            await Expect(growerPage.Locator("#commands .offline-note")).ToBeVisibleAsync();

            // Forced past the disabled form, the server still refuses to send.
            await growerPage.EvaluateAsync("() => { document.getElementById('commands').disabled = false; }");
            await growerPage.Locator("form.target input[name=value]").First.FillAsync("88");
            await growerPage.Locator("form.target button[type=submit]").First.ClickAsync();
            await Expect(growerPage.Locator(".outcome.bad")).ToContainTextAsync("设备离线，命令没有发送。");
        }
        finally
        {
            await admin.GotoAsync("/admin");
            await admin.ClickAsync($".demo-house[data-house=\"{house}\"] button[type=submit]");
        }

        await growerPage.GotoAsync("/house/" + house);
        await Expect(Card(growerPage, house).Locator(".pill")).ToHaveTextAsync("在线", new() { Timeout = 30000 });
    }

    [TestMethod]
    public async Task AGrowerCannotSeeAnotherGrowersHouseByUiOrByUrl()
    {
        DemoLogin grower = await DemoFixture.GrowerAsync(1);
        string other = (await DemoFixture.GrowerAsync(2)).Houses[0];
        IPage page = await DemoFixture.NewPageAsync();
        await DemoFixture.LoginAsync(page, grower.User, grower.Password);
        await Expect(Card(page, grower.Houses[0])).ToBeVisibleAsync();
        await Expect(Card(page, other)).ToHaveCountAsync(0);
        Assert.IsFalse((await page.ContentAsync()).Contains(other), "the other grower's house id appears on the list page");

        foreach (string url in new[] { "/house/" + other, "/house/" + other + "/charts", "/admin" })
        {
            IResponse? response = await page.GotoAsync(url);
            Assert.AreEqual(404, response!.Status, url);
            Assert.IsFalse((await page.ContentAsync()).Contains("data-house=\"" + other + "\""), url);
        }

        // A forged post with a valid token of the grower's own page reaches nothing either.
        await page.GotoAsync("/house/" + grower.Houses[0]);
        string token = await page.GetAttributeAsync("form.target input[name=__RequestVerificationToken]", "value") ?? "";
        IAPIResponse post = await page.APIRequest.PostAsync("/house/" + other + "/zone/1/target_rh",
            new() { Form = page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token).Set("value", "90") });
        Assert.AreEqual(404, post.Status);
        var db = (await DemoFixture.AppAsync()).Services.GetRequiredService<Database>();
        Assert.IsFalse(db.Commands(1000, null).Any(c => c.User == grower.User && c.HouseId == other));
    }

    [TestMethod]
    public async Task TheChinesePageFitsAPhone()
    {
        DemoLogin grower = await DemoFixture.GrowerAsync(1);
        IPage page = await DemoFixture.NewPageAsync(phone: true);
        await DemoFixture.LoginAsync(page, grower.User, grower.Password);
        foreach (string house in grower.Houses)
        {
            await Expect(Card(page, house).Locator(".pill")).ToHaveTextAsync("在线");
            await Expect(Card(page, house).Locator(".zone[data-zone=\"1\"] .fact.stage dd")).Not.ToHaveTextAsync("未知");
        }

        Assert.AreEqual("zh-CN", await page.GetAttributeAsync("html", "lang"));
        string text = await page.InnerTextAsync("body");
        foreach (string word in new[] { "我的大棚", "在线", "目标湿度", "温度", "饱和差", "耳片", "阶段", "干湿期", "模式", "今天用水", "现在", "报警" })
        {
            StringAssert.Contains(text, word);
        }

        // ears_wet is optional in the state document (a zone reports it while zoneN.film is on, the default). Absent,
        // the card says unknown in the grower's language; reported, wet or dry.
        var registry = (await DemoFixture.AppAsync()).Services.GetRequiredService<Greenhouse.Dashboard.Houses.HouseRegistry>();
        ILocator ears = Card(page, grower.Houses[0]).Locator(".zone[data-zone=\"1\"] .fact.ears dd");
        if (registry.Find(grower.Houses[0])?.Zone(1)?.EarsWet == null)
        {
            await Expect(ears).ToHaveTextAsync("未知");
        }
        else
        {
            await Expect(ears).ToHaveTextAsync(new Regex("^(湿润|干)$"));
        }
        Assert.IsFalse(text.Contains("[["), "a text is missing from the table: " + text);
        await AssertFitsPhone(page);
        string list = Artifact("dashboard-phone-zh.png");
        await page.ScreenshotAsync(new() { Path = list, FullPage = true });

        await page.GotoAsync("/house/" + grower.Houses[0]);
        await Expect(page.Locator("figure.chart svg polyline.rh").First).ToBeVisibleAsync();
        await AssertFitsPhone(page);
        await page.ScreenshotAsync(new() { Path = Artifact("dashboard-phone-house-zh.png"), FullPage = true });
    }

    private async Task AssertFitsPhone(IPage page)
    {
        int width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.IsTrue(width <= 360, $"{page.Url}: the page is {width} px wide on a 360 px phone");
        // Touch targets: every button, link button, field and select at least 44 px high.
        string small = await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('main button, main a.button, main input:not([type=hidden]):not([type=checkbox]), main select, nav a, nav button')]" +
            ".filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44).map(e => e.outerHTML.slice(0, 80)).join('\\n')");
        Assert.AreEqual("", small, $"{page.Url}: touch targets under 44 px");
    }

    [TestMethod]
    public async Task EveryFieldIsValidatedOnTheServerAndBadInputSendsNothing()
    {
        DemoLogin grower = await DemoFixture.GrowerAsync(1);
        string house = grower.Houses[0];
        var db = (await DemoFixture.AppAsync()).Services.GetRequiredService<Database>();
        IPage page = await DemoFixture.NewPageAsync();
        await DemoFixture.LoginAsync(page, grower.User, grower.Password);
        int before = db.Commands(10000, null).Count;

        async Task Submit(string form, string value, string message)
        {
            await page.GotoAsync("/house/" + house);
            if (form == "stage")
            {
                // A tampered choice: the select offers only the stage words.
                await page.EvalOnSelectorAsync("form.stage select option", "(o, v) => o.value = v", value);
                await page.SelectOptionAsync("form.stage select", value);
            }
            else
            {
                await page.FillAsync($"form.{form} input[name=value]", value);
            }

            IResponse response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync($"form.{form} button[type=submit]"), r => r.Request.Method == "POST");
            Assert.AreEqual(422, response.Status, form + "=" + value);
            await Expect(page.Locator($"form.{form} .field-error")).ToHaveTextAsync(message);
        }

        await Submit("target", "abc", "请输入一个数字。");
        await Submit("target", "99", "目标湿度必须在 60 到 98 % 之间。");
        await Submit("target", "59.9", "目标湿度必须在 60 到 98 % 之间。");
        await Submit("target", "9e1", "请输入一个数字。");
        await Submit("mist", "0", "喷雾时间必须是 1 到 300 秒之间的整数。");
        await Submit("mist", "301", "喷雾时间必须是 1 到 300 秒之间的整数。");
        await Submit("mist", "2.5", "喷雾时间必须是 1 到 300 秒之间的整数。");
        await Submit("stage", "bogus", "请从列表里选择。");
        Assert.AreEqual(before, db.Commands(10000, null).Count, "a refused form reached the command log (and MQTT)");

        // No anti-forgery token: refused before anything is read.
        IAPIResponse forged = await page.APIRequest.PostAsync("/house/" + house + "/zone/1/target_rh",
            new() { Form = page.APIRequest.CreateFormData().Set("value", "90") });
        Assert.AreEqual(400, forged.Status);
        Assert.AreEqual(before, db.Commands(10000, null).Count);
    }

    [TestMethod]
    public async Task AnAdminCreatesAGrowerWhoMustChangeTheOneTimePasswordAndSeesOnlyTheAssignedHouse()
    {
        string house = (await DemoFixture.GrowerAsync(2)).Houses[0];
        IPage admin = await DemoFixture.NewPageAsync();
        await DemoFixture.LoginAdminAsync(admin);
        await admin.GotoAsync("/admin");
        string name = "grower-new" + Environment.TickCount64 % 100000;
        await admin.FillAsync("input[name=user]", name);
        await admin.ClickAsync("form[action=\"/admin/users\"] button[type=submit]");
        string notice = await admin.InnerTextAsync(".notice.ok");
        string password = Regex.Match(notice, "一次性密码：([A-Za-z0-9]{12})").Groups[1].Value;
        Assert.AreEqual(12, password.Length, notice);
        ILocator userCard = admin.Locator($".card.user[data-user=\"{name}\"]");
        await userCard.Locator($"input[name=house][value=\"{house}\"]").CheckAsync();
        await userCard.Locator("form[action$=\"/houses\"] button[type=submit]").ClickAsync();
        await Expect(admin.Locator(".notice.ok")).ToHaveTextAsync("已保存。");

        IPage page = await DemoFixture.NewPageAsync();
        await DemoFixture.LoginAsync(page, name, password);
        await Expect(page).ToHaveURLAsync(new Regex("/password$"));
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/password$"));
        await page.FillAsync("input[name=current]", password);
        await page.FillAsync("input[name=new]", "short");
        await page.FillAsync("input[name=repeat]", "short");
        await page.ClickAsync("form.stack button[type=submit]");
        await Expect(page.Locator(".notice.bad").Last).ToHaveTextAsync("新密码至少要 10 个字符。");
        await page.FillAsync("input[name=current]", password);
        await page.FillAsync("input[name=new]", "mushrooms-2026");
        await page.FillAsync("input[name=repeat]", "mushrooms-2026");
        await page.ClickAsync("form.stack button[type=submit]");
        await Expect(page.Locator(".notice.ok")).ToHaveTextAsync("密码已修改。");
        await page.GotoAsync("/");
        await Expect(page.Locator("section.house")).ToHaveCountAsync(1);
        await Expect(Card(page, house)).ToBeVisibleAsync();
    }

    [TestMethod]
    public async Task EnglishIsOneTapAwayAndStaysWithTheUser()
    {
        DemoLogin grower = await DemoFixture.GrowerAsync(2);
        IPage page = await DemoFixture.NewPageAsync();
        await DemoFixture.LoginAsync(page, grower.User, grower.Password);
        await Expect(page.Locator("h1")).ToHaveTextAsync("我的大棚");
        await page.ClickAsync("nav form[action=\"/language\"] button");
        await Expect(page.Locator("h1")).ToHaveTextAsync("My houses");
        // The demo controllers report ears_wet (the ears' water balance is on by default): wet or dry, in English.
        await Expect(page.Locator(".fact.ears dd").First).ToHaveTextAsync(new Regex("^(wet|dry)$"));
        Assert.AreEqual("en", await page.GetAttributeAsync("html", "lang"));
        Assert.IsFalse((await page.InnerTextAsync("body")).Contains("[["));

        IPage again = await DemoFixture.NewPageAsync();
        await DemoFixture.LoginAsync(again, grower.User, grower.Password);
        await Expect(again.Locator("h1")).ToHaveTextAsync("My houses");
        await again.ClickAsync("nav form[action=\"/language\"] button");
        await Expect(again.Locator("h1")).ToHaveTextAsync("我的大棚");
    }

    [TestMethod]
    public async Task CommandsAreRateLimitedPerUser()
    {
        DashboardApp app = await DemoFixture.AppAsync();
        string house = (await DemoFixture.GrowerAsync(1)).Houses[0];
        var accounts = app.Services.GetRequiredService<Greenhouse.Dashboard.Security.Accounts>();
        var db = app.Services.GetRequiredService<Database>();
        string name = "rate-" + Environment.TickCount64 % 100000;
        Assert.IsTrue(accounts.Create(name, "rate-limit-test", UserRecord.GrowerRole, mustChange: false));
        db.Assign(db.FindUser(name)!.Id, new[] { house });

        IPage page = await DemoFixture.NewPageAsync();
        await DemoFixture.LoginAsync(page, name, "rate-limit-test");
        await page.GotoAsync("/house/" + house);
        string token = await page.Locator("form.target input[name=__RequestVerificationToken]").First.GetAttributeAsync("value") ?? "";
        int limit = app.Services.GetRequiredService<DashboardOptions>().CommandsPerMinute;
        for (int i = 0; i < limit; i++)
        {
            // Refused values are cheap (nothing is sent) and count like any other command post.
            IAPIResponse post = await page.APIRequest.PostAsync("/house/" + house + "/zone/1/target_rh",
                new() { Form = page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token).Set("value", "abc"), MaxRedirects = 0 });
            Assert.AreEqual(422, post.Status, "post " + i);
        }

        IAPIResponse limited = await page.APIRequest.PostAsync("/house/" + house + "/zone/1/target_rh",
            new() { Form = page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token).Set("value", "90"), MaxRedirects = 0 });
        Assert.AreEqual(429, limited.Status);
        StringAssert.Contains(await limited.TextAsync(), "操作太频繁，请一分钟后再试。");
        Assert.IsFalse(db.Commands(1000, null).Any(c => c.User == name), "a limited command was sent");

        // Another grower is not slowed by it.
        IPage other = await DemoFixture.NewPageAsync();
        DemoLogin grower = await DemoFixture.GrowerAsync(1);
        await DemoFixture.LoginAsync(other, grower.User, grower.Password);
        await other.GotoAsync("/house/" + house);
        await other.FillAsync("form.target input[name=value]", "90");
        await other.ClickAsync("form.target button[type=submit]");
        await Expect(other.Locator(".outcome.ok")).ToContainTextAsync("目标湿度 = 90");
    }

    private string Artifact(string name)
    {
        // TestResults/ (git-ignored) at the top of the checkout: kept as a test artifact, never committed.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root.Parent != null && !File.Exists(Path.Combine(root.FullName, "Controller.sln")))
        {
            root = root.Parent;
        }

        string folder = Path.Combine(root.FullName, "TestResults", "dashboard");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        TestContext.AddResultFile(path);
        return path;
    }
}
