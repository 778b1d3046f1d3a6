using HuiFang.Api.Domain.Common;
using System.Collections.Concurrent;
using System.Reflection;
using HuiFang.Api.Common;
using Microsoft.AspNetCore.Mvc;

namespace HuiFang.Api.Infrastructure.Http;

/// <summary>
/// The <see cref="InputRules"/> for what does not arrive in a JSON body: query values, route values and
/// headers must be text every provider stores (a <c>?customerId=%00</c> was a 500 on PostgreSQL), and a query
/// parameter of an enum type must name exactly one member. The framework's binding uses
/// <see cref="Enum.TryParse(Type, string, out object)"/>, which also reads <c>Open,Closed</c> and digits.
/// A JSON body is scanned once, before it is bound, for escaped lone surrogates, which the JSON reader would
/// silently turn into U+FFFD. Runs after authorization, so that a stranger learns nothing about the routes.
/// </summary>
public static class RequestInputRules
{
    private static readonly ConcurrentDictionary<Endpoint, IReadOnlyDictionary<string, Type>> EnumQueries = new();

    public static IApplicationBuilder UseRequestInputRules(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if ((Check(context) ?? await CheckJsonBodyAsync(context)) is { } errors)
            {
                // An HTML page (the dashboard) answers with a page of its own rather than a JSON problem.
                await (context.GetEndpoint()?.Metadata.GetMetadata<InputProblemPage>() is { } page
                    ? page.WriteAsync(context, errors)
                    : Problems.WriteAsync(context, Error.Validation(errors)));
                return;
            }

            await next(context);
        });

    private static Dictionary<string, string[]>? Check(HttpContext context)
    {
        Dictionary<string, string[]>? errors = null;
        var request = context.Request;
        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text && InputRules.TextProblem(text) is { } problem)
            {
                InputRules.Add(ref errors, name, problem);
            }
        }

        var enums = context.GetEndpoint() is { } endpoint ? EnumQueries.GetOrAdd(endpoint, EnumQueriesOf) : null;
        foreach (var (name, values) in request.Query)
        {
            if (InputRules.TextProblem(name) is { } badName)
            {
                InputRules.Add(ref errors, "$query", badName);
            }

            foreach (var value in values)
            {
                if (value is null)
                {
                    continue;
                }

                if (InputRules.TextProblem(value) is { } problem)
                {
                    InputRules.Add(ref errors, name, problem);
                }
                else if (enums is not null && enums.TryGetValue(name, out var type) && value.Length > 0 && !InputRules.IsMemberName(type, value))
                {
                    InputRules.Add(ref errors, name, InputRules.EnumMessage(type));
                }
            }
        }

        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                if (value is not null && value.Contains('\0'))
                {
                    InputRules.Add(ref errors, name, Messages.Get("validation.nulCharacter", value.IndexOf('\0')));
                }
            }
        }

        return errors;
    }

    /// <summary>
    /// A JSON body's strings may not hold a lone surrogate. The JSON reader turns the escape <c>\ud800</c>
    /// into U+FFFD without a word, so what the caller sent would be stored changed; the escapes are found in
    /// the raw body, before it is read, and named by their JSON path.
    /// </summary>
    private static async Task<Dictionary<string, string[]>?> CheckJsonBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength == 0 || request.HasJsonContentType() is false || HttpMethods.IsGet(request.Method))
        {
            return null;
        }

        request.EnableBuffering();
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, context.RequestAborted);
        request.Body.Position = 0;
        var json = copy.GetBuffer().AsSpan(0, (int)copy.Length);
        return MayEscapeSurrogate(json) ? LoneSurrogates(json) : null;
    }

    /// <summary>Whether the raw body holds a <c>\uD800</c>–<c>\uDFFF</c> escape at all; almost no body does, and the path-tracking pass is skipped.</summary>
    private static bool MayEscapeSurrogate(ReadOnlySpan<byte> json)
    {
        int at;
        while ((at = json.IndexOf("\\u"u8)) >= 0 && at + 3 < json.Length)
        {
            if (json[at + 2] is (byte)'d' or (byte)'D' && json[at + 3] is (byte)'8' or (byte)'9' or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F'))
            {
                return true;
            }

            json = json[(at + 2)..];
        }

        return false;
    }

    private static Dictionary<string, string[]>? LoneSurrogates(ReadOnlySpan<byte> json)
    {
        Dictionary<string, string[]>? errors = null;
        var reader = new System.Text.Json.Utf8JsonReader(json, new System.Text.Json.JsonReaderOptions { MaxDepth = 256 });
        var path = new List<(string? Name, int Index)>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case System.Text.Json.JsonTokenType.PropertyName:
                        property = reader.GetString();
                        if (reader.ValueIsEscaped && HasLoneSurrogate(reader.ValueSpan))
                        {
                            InputRules.Add(ref errors, PathOf(path), Messages.Get("validation.loneSurrogate", 0));
                        }

                        continue;
                    case System.Text.Json.JsonTokenType.StartObject or System.Text.Json.JsonTokenType.StartArray:
                        Advance(path, ref property);
                        path.Add((reader.TokenType == System.Text.Json.JsonTokenType.StartArray ? null : "{}", -1));
                        continue;
                    case System.Text.Json.JsonTokenType.EndObject or System.Text.Json.JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        continue;
                    case System.Text.Json.JsonTokenType.String when reader.ValueIsEscaped && HasLoneSurrogate(reader.ValueSpan):
                        Advance(path, ref property);
                        InputRules.Add(ref errors, PathOf(path), Messages.Get("validation.loneSurrogate", 0));
                        continue;
                    default:
                        Advance(path, ref property);
                        continue;
                }
            }
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or System.Text.DecoderFallbackException)
        {
            // Malformed JSON or bytes that are not UTF-8 are the body reader's to answer, with the position it stopped at.
        }

        return errors;
    }

    /// <summary>Moves the innermost container's position to the value about to be read.</summary>
    private static void Advance(List<(string? Name, int Index)> path, ref string? property)
    {
        if (path.Count == 0)
        {
            return;
        }

        var (name, index) = path[^1];
        path[^1] = name is null ? (null, index + 1) : (property ?? "", -1);
        property = null;
    }

    private static string PathOf(List<(string? Name, int Index)> path)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (name, index) in path)
        {
            if (name is null)
            {
                text.Append('[').Append(index).Append(']');
            }
            else if (name != "{}")
            {
                text.Append(text.Length == 0 ? "" : ".").Append(name);
            }
        }

        return text.Length == 0 ? "$" : text.ToString();
    }

    /// <summary>Whether the raw (still escaped) JSON string holds a <c>\uD800</c>–<c>\uDFFF</c> escape that is not half of a pair.</summary>
    private static bool HasLoneSurrogate(ReadOnlySpan<byte> raw)
    {
        var pendingHigh = false;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\' || i + 1 >= raw.Length)
            {
                if (pendingHigh)
                {
                    return true;
                }

                continue;
            }

            if (raw[i + 1] != 'u' || i + 5 >= raw.Length)
            {
                if (pendingHigh)
                {
                    return true;
                }

                i++; // an escaped character such as \\ or \"
                continue;
            }

            // The reader has checked that four hex digits follow \u.
            System.Buffers.Text.Utf8Parser.TryParse(raw.Slice(i + 2, 4), out int unit, out _, 'X');
            var high = unit is >= 0xD800 and <= 0xDBFF;
            var low = unit is >= 0xDC00 and <= 0xDFFF;
            if ((pendingHigh && !low) || (!pendingHigh && low))
            {
                return true;
            }

            pendingHigh = high;
            i += 5;
        }

        return pendingHigh;
    }

    /// <summary>The endpoint's query parameters of an enum type, by the name they are sent under.</summary>
    private static IReadOnlyDictionary<string, Type> EnumQueriesOf(Endpoint endpoint)
    {
        var found = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } method)
        {
            return found;
        }

        foreach (var parameter in method.GetParameters())
        {
            IEnumerable<ParameterInfo> candidates = parameter.IsDefined(typeof(AsParametersAttribute))
                ? parameter.ParameterType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()?.GetParameters() ?? []
                : [parameter];
            foreach (var candidate in candidates)
            {
                var type = Nullable.GetUnderlyingType(candidate.ParameterType) ?? candidate.ParameterType;
                if (type.IsEnum && !candidate.IsDefined(typeof(FromRouteAttribute)) && !candidate.IsDefined(typeof(FromHeaderAttribute)))
                {
                    found[candidate.GetCustomAttribute<FromQueryAttribute>()?.Name ?? candidate.Name!] = type;
                }
            }
        }

        return found;
    }
}

/// <summary>Endpoint metadata of an HTML page: how it answers input the rules refuse (a 400 page instead of a problem).</summary>
public sealed class InputProblemPage(Func<HttpContext, IReadOnlyDictionary<string, string[]>, Task> write)
{
    public Task WriteAsync(HttpContext context, IReadOnlyDictionary<string, string[]> errors) => write(context, errors);
}
