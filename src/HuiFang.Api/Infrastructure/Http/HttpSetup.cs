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
        AddCompression(services);
        return services;
    }

    /// <summary>
    /// Brotli or gzip, as the caller accepts, for what is worth compressing: JSON (the 600 KB OpenAPI
    /// document on every Swagger UI load, lists, reports), problems, CSV exports and Swagger UI's own files.
    /// Levels for a service's CPU: gzip's fastest, Brotli's "optimal" (quality 4 — its fastest, quality 1, left
    /// the OpenAPI document at a quarter of its size, where gzip's fastest reaches a sixth).
    /// Also over HTTPS: the compression side channels (BREACH) need credentials a browser adds by itself, a
    /// cookie; this API's credentials are headers the caller sets, which a third-party page cannot make it send.
    /// </summary>
    private static void AddCompression(IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            o.MimeTypes =
            [
                "application/json", "application/problem+json", "application/openapi+json", "application/yaml",
                "text/csv", "text/plain", "text/html", "text/css", "text/javascript", "application/javascript",
            ];
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
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
