using System.Text.Json.Nodes;

namespace HuiFang.IntegrationTests.Questionnaires;

/// <summary>Request bodies of the questionnaire API.</summary>
internal static class QuestionnaireRequests
{
    internal static JsonObject Text(string zh, string en) => new() { ["zhCn"] = zh, ["en"] = en };

    internal static JsonObject Question(string key, string kind, bool required = false, JsonObject? extra = null)
    {
        var question = new JsonObject { ["key"] = key, ["kind"] = kind, ["required"] = required, ["text"] = Text("问题" + key, "Question " + key) };
        foreach (var (name, value) in extra ?? [])
        {
            question[name] = value?.DeepClone();
        }

        return question;
    }

    /// <summary>A valid questionnaire: the overall score, plus whatever questions are given.</summary>
    internal static JsonObject Questionnaire(string name = "Repairs", string purpose = "AfterSales", string? serviceType = null, string? channel = null, params JsonObject[] questions) => new()
    {
        ["name"] = name,
        ["purpose"] = purpose,
        ["serviceType"] = serviceType,
        ["channel"] = channel,
        ["title"] = Text("回访问卷 " + name, "Questionnaire " + name),
        ["questions"] = new JsonArray([Question("score", "OverallScore", true), .. questions]),
        ["script"] = new JsonObject
        {
            ["opening"] = Text("您好，{customer}，关于{serviceDate}的{serviceType}服务想占用您 2 分钟。", "Hello {customer}, two minutes about the {serviceType} service on {serviceDate}?"),
            ["closing"] = Text("谢谢，再见！", "Thank you, goodbye!"),
        },
    };
}
