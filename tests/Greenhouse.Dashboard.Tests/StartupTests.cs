using System.Net;
using System.Text.RegularExpressions;
using Greenhouse.Host;

namespace Greenhouse.Dashboard.Tests;

/// <summary>Starting without the demo: settings file, the first admin, and a broker that is not there.</summary>
[TestClass]
public class StartupTests
{
    [TestMethod]
    public async Task FirstStartPrintsTheAdminsOneTimePasswordOnceAndAMissingBrokerIsShown()
    {
        string folder = Directory.CreateTempSubdirectory("gh-dash-start-").FullName;
        try
        {
            // A loopback port where nothing listens: the dashboard keeps retrying and says so on its pages.
            string settings = Path.Combine(folder, "dashboard.json");
            File.WriteAllText(settings, $$"""
                { "Urls": "http://127.0.0.1:0", "DataFolder": "{{Path.Combine(folder, "data")}}",
                  // comments are allowed
                  "Mqtt": { "Host": "127.0.0.1", "Port": {{EmbeddedBroker.FreeTcpPort()}}, "Prefix": "houses" } }
                """);
            var output = new StringWriter();
            string password;
            await using (DashboardApp app = await DashboardApp.StartAsync(DashboardOptions.FromArgs(new[] { "--settings", settings }), output))
            {
                password = Regex.Match(output.ToString(), "user admin, one-time password ([A-Za-z0-9]{12})").Groups[1].Value;
                Assert.AreEqual(12, password.Length, output.ToString());
                StringAssert.Contains(output.ToString(), "prefix houses");

                using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = new Uri(app.Url) };
                string login = await client.GetStringAsync("/login");
                string token = Regex.Match(login, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
                HttpResponseMessage response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["user"] = "admin", ["password"] = password, ["back"] = "/",
                }));
                string page = await response.Content.ReadAsStringAsync();
                Assert.AreEqual("/password", response.RequestMessage!.RequestUri!.AbsolutePath, "the one-time password must be changed first");
                StringAssert.Contains(page, "这是一次性密码");
                StringAssert.Contains(page, "服务器现在没有连上 MQTT 服务器");
            }

            var again = new StringWriter();
            await using (DashboardApp app = await DashboardApp.StartAsync(DashboardOptions.FromArgs(new[] { "--settings", settings }), again))
            {
                Assert.IsNull(app.FirstAdminPassword);
                Assert.IsFalse(again.ToString().Contains("one-time"), again.ToString());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    [TestMethod]
    public void TheCommandLineAndSettingsFileAreChecked()
    {
        foreach (string[] args in new[]
                 {
                     Array.Empty<string>(), new[] { "--settings" }, new[] { "--settings", "/nonexistent/dashboard.json" }, new[] { "--demo", "--demo-speed", "0" },
                     new[] { "--bogus" },
                 })
        {
            Assert.ThrowsExactly<ArgumentException>(() => DashboardOptions.FromArgs(args), string.Join(" ", args));
        }

        string file = Path.GetTempFileName();
        try
        {
            foreach (string json in new[] { "{ \"Mqtt\": { \"Prefix\": \"a/b\" } }", "{ \"Mqtt\": { \"Port\": 0 } }", "{ \"CommandsPerMinute\": 0 }", "{ nope" })
            {
                File.WriteAllText(file, json);
                Assert.ThrowsExactly<ArgumentException>(() => DashboardOptions.FromArgs(new[] { "--settings", file }), json);
            }

            File.Copy(Path.Combine(RepoRoot(), "tools", "Greenhouse.Dashboard", "deploy", "dashboard.example.json"), file, true);
            DashboardOptions example = DashboardOptions.FromArgs(new[] { "--settings", file });
            Assert.AreEqual("greenhouse-dashboard", example.Mqtt.User);
            Assert.AreEqual("greenhouse", example.Mqtt.Prefix);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Controller.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}
