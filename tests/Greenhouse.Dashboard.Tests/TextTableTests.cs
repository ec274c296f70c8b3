using Greenhouse.Control;
using Greenhouse.Dashboard.Text;
using Greenhouse.Diagnostics;
using Greenhouse.Settings;

namespace Greenhouse.Dashboard.Tests;

/// <summary>The two resource tables: same keys, and every word the controller can send has a grower's translation.</summary>
[TestClass]
public class TextTableTests
{
    private static readonly TextTable Zh = TextTable.For("zh");
    private static readonly TextTable En = TextTable.For("en");

    [TestMethod]
    public void ChineseIsTheDefaultAndBothTablesHaveTheSameKeys()
    {
        Assert.AreEqual("zh", TextTable.For(null).Language);
        Assert.AreEqual("zh", TextTable.For("ko").Language);
        CollectionAssert.AreEquivalent(Zh.Keys.ToList(), En.Keys.ToList());
        foreach (string key in Zh.Keys.Where(k => k != "reason."))
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(Zh[key]), key);
            Assert.IsFalse(string.IsNullOrWhiteSpace(En[key]), key);
        }

        Assert.AreEqual("[[no.such.key]]", Zh["no.such.key"]);
    }

    [TestMethod]
    public void StagesUseTheGrowersFieldTerms()
    {
        string[] expected = { "复壮", "催耳", "出耳初期", "出耳", "采收前停水", "转茬" };
        for (int i = 0; i < CoreSettings.Stages.Length; i++)
        {
            Assert.AreEqual(expected[i], Zh.Stage(CoreSettings.Stages[i]));
            // The same words Home Assistant shows with ui.language zh.
            Assert.AreEqual(Greenhouse.Messaging.DiscoveryNames.Stage(CoreSettings.LanguageChinese, i), Zh.Stage(CoreSettings.Stages[i]));
            Assert.AreNotEqual(CoreSettings.Stages[i], En.Stage(CoreSettings.Stages[i]));
        }

        foreach (string mode in CoreSettings.Modes)
        {
            Assert.AreNotEqual(mode, Zh.Mode(mode));
        }
    }

    [TestMethod]
    public void EveryAlarmCodeHasPlainWordsAndWhatToDo()
    {
        foreach (string code in AlarmCodes.All)
        {
            foreach (TextTable t in new[] { Zh, En })
            {
                var (meaning, todo) = t.Alarm(code);
                Assert.IsTrue(meaning.Length > 3 && todo.Length > 3 && !meaning.Contains(code), $"{t.Language} {code}: {meaning} | {todo}");
            }
        }

        Assert.AreEqual("报警 new_code", Zh.Alarm("new_code").Meaning);
    }

    [TestMethod]
    public void EveryReasonTheControllerWritesIsTranslated()
    {
        // Each reason code with sample values, as the core formats it (ReasonCode.cs), and the mist refusals.
        var texts = Enum.GetValues<ReasonCode>().Where(c => c != ReasonCode.None && !c.ToString().StartsWith("Pump") && !c.ToString().StartsWith("Fan"))
            .Select(c => Reasons.Text(c, 29.4, 28)).ToList();
        texts.Add(Reasons.Text(ReasonCode.StageNoWater, 4, 0));
        texts.AddRange(new[] { "zone 2 is off", "blocked: dry phase", "blocked: water budget used" });
        foreach (string text in texts)
        {
            Assert.IsNotNull(Zh.Reason(text), "no Chinese for: " + text);
            Assert.IsNotNull(En.Reason(text), "no English for: " + text);
            Assert.IsFalse(Zh.Reason(text)!.Contains('{'), text);
        }

        Assert.AreEqual("正在喷：湿度 85.0 % 低于 87.0 %", Zh.Reason("mist on: rh 85.0 < 87.0"));
        Assert.AreEqual("不喷：现在是“采收前停水”阶段，不给水", Zh.Reason("blocked: stage pre_harvest"));
        Assert.AreEqual("2区已关闭", Zh.Reason("zone 2 is off"));
        Assert.IsNull(Zh.Reason("something new"));
    }
}
