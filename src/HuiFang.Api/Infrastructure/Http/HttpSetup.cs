using System.Globalization;
using System.Text.Json.Serialization;
using FluentValidation;
using HuiFang.Api.Common;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;

namespace HuiFang.Api.Infrastructure.Http;

public static class HttpSetup
{
    public static readonly string[] SupportedCultures = ["en", "zh-CN", "zh"];

    /// <summary>
    /// JSON that refuses what it cannot read faithfully (integer enums, numbers in strings, unknown
    /// members, timestamps without an offset), and problem responses with a traceId for every failure.
    /// </summary>
    public static IServiceCollection AddHuiFangHttp(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Ours first: the service iterates its writers in order and the default one declines non-JSON Accepts.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails();

        services.AddRequestLocalization(o =>
        {
            o.SetDefaultCulture("en");
            o.AddSupportedCultures(SupportedCultures);
            o.AddSupportedUICultures(SupportedCultures);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.ApplyCurrentCultureToResponseHeaders = true;
            o.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });

        ConfigureValidationMessages();
        return services;
    }

    public static void ConfigureJson(System.Text.Json.JsonSerializerOptions options)
    {
        options.Converters.Add(new StrictEnumConverter());
        options.Converters.Add(new StrictDateTimeOffsetConverter());
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;

        // {"score":5,"score":1} is one caller saying two things; the reader would keep the last.
        options.AllowDuplicateProperties = false;
    }

    /// <summary>
    /// Field names in validation messages and error keys are the JSON names callers send
    /// (<c>customer.externalId</c>), and Chinese requests get FluentValidation's Chinese texts.
    /// </summary>
    private static void ConfigureValidationMessages()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonName(member.Name);
        ValidatorOptions.Global.LanguageManager = new ChineseAwareLanguageManager();
    }

    private static string JsonName(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>FluentValidation ships zh-CN texts; requests for plain "zh" (or zh-Hans) get them too.</summary>
    private sealed class ChineseAwareLanguageManager : FluentValidation.Resources.LanguageManager
    {
        private static readonly CultureInfo ZhCn = CultureInfo.GetCultureInfo("zh-CN");

        public override string GetString(string key, CultureInfo? culture = null)
        {
            culture ??= CultureInfo.CurrentUICulture;
            return base.GetString(key, Messages.IsChinese(culture) ? ZhCn : culture);
        }
    }
}
