using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mediator;

namespace HuiFang.Api.Common;

/// <summary>
/// Rules every message obeys, whatever its validator says, so that both storage providers see the same input:
/// no text PostgreSQL cannot store (U+0000, a lone surrogate — SQLite stores both, PostgreSQL answered
/// 22021 and a 500), no timestamp or date outside <see cref="Earliest"/>–<see cref="Latest"/> (date
/// arithmetic near year 1 or 9999 throws), no enum value that is not one of the named members, no null
/// item in a list, no list longer than <see cref="MaxItems"/>. Checked by walking the message the request
/// became, so that a new message is covered without a rule of its own.
/// </summary>
public static class InputRules
{
    /// <summary>The earliest instant or date a caller may send.</summary>
    public static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest instant or date a caller may send (exclusive).</summary>
    public static readonly DateTimeOffset Latest = new(3000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Longest list a message may hold; a batch's own limit is lower.</summary>
    public const int MaxItems = 1000;

    private const int MaxDepth = 16;

    private static readonly ConcurrentDictionary<Type, (string Name, Func<object, object?> Get)[]> Members = new();

    /// <summary>The problems of <paramref name="message"/>, keyed by JSON path; null when there are none.</summary>
    public static Dictionary<string, string[]>? Check(object message)
    {
        Dictionary<string, string[]>? errors = null;
        Walk(message, "", 0, ref errors);
        return errors;
    }

    /// <summary>Why <paramref name="text"/> cannot be stored as it is on every provider, or null.</summary>
    public static string? TextProblem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return Messages.Get("validation.nulCharacter", i);
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return Messages.Get("validation.loneSurrogate", i);
            }
        }

        return null;
    }

    public static bool InRange(DateTimeOffset at) => at >= Earliest && at < Latest;

    public static bool InRange(DateOnly date) => date.Year >= Earliest.Year && date.Year < Latest.Year;

    public static string RangeMessage() => Messages.Get("validation.dateRange", Earliest.Year, Latest.Year - 1);

    /// <summary>
    /// Reads one member's name (any letter case) and nothing else: no digits, no combinations, which
    /// <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> accepts.
    /// </summary>
    public static bool TryParseName<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        if (text is not null && EnumMembers.Of(typeof(TEnum)).ByName.TryGetValue(text, out var member))
        {
            value = (TEnum)member;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Whether <paramref name="text"/> is the name of one member of <paramref name="enumType"/> (any letter case).</summary>
    public static bool IsMemberName(Type enumType, string? text) => text is not null && EnumMembers.Of(enumType).ByName.ContainsKey(text);

    /// <summary>"Use exactly one of: …" for <paramref name="enumType"/>.</summary>
    public static string EnumMessage(Type enumType) => Messages.Get("validation.enumValue", string.Join(", ", EnumMembers.Of(enumType).Names));

    /// <summary>Whether <paramref name="value"/> is exactly one named member of its enum type.</summary>
    public static bool IsNamed(Enum value) => Enum.IsDefined(value.GetType(), value) || value.GetType().IsDefined(typeof(FlagsAttribute));

    private static void Walk(object? value, string path, int depth, ref Dictionary<string, string[]>? errors)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (TextProblem(text) is { } problem)
                {
                    Add(ref errors, path, problem);
                }

                return;
            case DateTimeOffset at:
                if (!InRange(at))
                {
                    Add(ref errors, path, RangeMessage());
                }

                return;
            case DateOnly date:
                if (!InRange(date))
                {
                    Add(ref errors, path, RangeMessage());
                }

                return;
            case Enum member:
                if (!IsNamed(member))
                {
                    Add(ref errors, path, EnumMessage(member.GetType()));
                }

                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || value is decimal or Guid or TimeSpan or TimeOnly or DateTime or JsonElement || depth > MaxDepth)
        {
            return;
        }

        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                var key = entry.Key.ToString() ?? "";
                Walk(entry.Key, Join(path, key), depth + 1, ref errors);
                Walk(entry.Value, Join(path, key), depth + 1, ref errors);
            }

            return;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                if (index == MaxItems)
                {
                    Add(ref errors, path, Messages.Get("validation.tooManyItems", MaxItems));
                    return;
                }

                // A batch's items are messages of their own: each is checked when it is sent, and refused alone.
                if (item is IMessage)
                {
                    index++;
                    continue;
                }

                if (item is null)
                {
                    Add(ref errors, $"{path}[{index}]", Messages.Get("validation.nullItem"));
                }
                else
                {
                    Walk(item, $"{path}[{index}]", depth + 1, ref errors);
                }

                index++;
            }

            return;
        }

        if (type.Assembly != typeof(InputRules).Assembly)
        {
            return;
        }

        foreach (var (name, get) in Members.GetOrAdd(type, MembersOf))
        {
            Walk(get(value), Join(path, name), depth + 1, ref errors);
        }
    }

    private static (string Name, Func<object, object?> Get)[] MembersOf(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && !p.IsDefined(typeof(JsonIgnoreAttribute)))
            .Select(p => (p.IsDefined(typeof(RequestBodyAttribute)) ? "" : p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), (Func<object, object?>)p.GetValue))];

    private static string Join(string path, string name) => path.Length == 0 ? name : name.Length == 0 ? path : path + "." + name;

    /// <summary>Adds <paramref name="message"/> under <paramref name="path"/> ("$" for the whole body), creating the dictionary on first use.</summary>
    internal static void Add(ref Dictionary<string, string[]>? errors, string path, string message)
    {
        errors ??= [];
        var key = path.Length == 0 ? "$" : path;
        errors[key] = [.. errors.GetValueOrDefault(key, []), message];
    }
}

/// <summary>
/// Marks a message's property that holds the whole request body, so that <see cref="InputRules"/> names
/// its members from the body's root (<c>rules[0].name</c>, not <c>settings.rules[0].name</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class RequestBodyAttribute : Attribute;

/// <summary>An enum's member names, read once per type: what the JSON converter, the query check and the documents share.</summary>
public sealed class EnumMembers
{
    private static readonly ConcurrentDictionary<Type, EnumMembers> Cache = new();

    private EnumMembers(Type type)
    {
        Names = Enum.GetNames(type);
        ByName = Names.ToFrozenDictionary(n => n, n => Enum.Parse(type, n), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The members' names in declaration order, as they travel.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Each member by its name, in any letter case.</summary>
    public FrozenDictionary<string, object> ByName { get; }

    public static EnumMembers Of(Type enumType) => Cache.GetOrAdd(enumType, t => new EnumMembers(t));
}
