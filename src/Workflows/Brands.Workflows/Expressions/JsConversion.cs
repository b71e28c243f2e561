using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;

namespace Brands.Workflows.Expressions;

/// <summary>Converts between stored JSON variables and JavaScript values, without exposing any CLR object.</summary>
internal static class JsConversion
{
    public static JsValue ToJs(Engine engine, JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonObject obj:
                var instance = new JsObject(engine);
                foreach (var (key, value) in obj)
                {
                    instance.Set(key, ToJs(engine, value));
                }

                return instance;
            case JsonArray array:
                var items = new JsValue[array.Count];
                for (var i = 0; i < array.Count; i++)
                {
                    items[i] = ToJs(engine, array[i]);
                }

                return new JsArray(engine, items);
            default:
                var element = node.AsValue();
                return element.GetValueKind() switch
                {
                    JsonValueKind.True => JsBoolean.True,
                    JsonValueKind.False => JsBoolean.False,
                    JsonValueKind.Number => JsNumber.Create(JsonNumbers.ToDouble(element)),
                    JsonValueKind.String => new JsString(element.GetValue<string>()),
                    _ => JsValue.Null,
                };
        }
    }

    public static JsonNode? ToJson(JsValue value, int depth = 0)
    {
        if (depth > 64)
        {
            throw new ScriptFailedException("the value is nested too deeply to be stored");
        }

        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        if (value.IsBoolean())
        {
            return JsonValue.Create(value.AsBoolean());
        }

        if (value.IsNumber())
        {
            var number = value.AsNumber();
            if (double.IsNaN(number) || double.IsInfinity(number))
            {
                return null;
            }

            return Math.Floor(number) == number && Math.Abs(number) < 9e15 ? JsonValue.Create((long)number) : JsonValue.Create(number);
        }

        if (value.IsBigInt())
        {
            // JSON has no BigInt: a value a double holds exactly is stored as a number, a larger one as its digits.
            var big = Jint.Runtime.TypeConverter.ToBigInt(value);
            return System.Numerics.BigInteger.Abs(big) < 9_000_000_000_000_000
                ? JsonValue.Create((long)big)
                : JsonValue.Create(big.ToString(CultureInfo.InvariantCulture));
        }

        if (value.IsString())
        {
            return JsonValue.Create(value.AsString());
        }

        if (value is JsDate date)
        {
            // An invalid date (new Date('x')) has no instant to store.
            return double.IsNaN(date.DateValue)
                ? null
                : JsonValue.Create(date.ToDateTime().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        }

        if (value is JsArray array)
        {
            var result = new JsonArray();
            for (uint i = 0; i < array.Length; i++)
            {
                result.Add(ToJson(array.Get(i), depth + 1));
            }

            return result;
        }

        if (value is ObjectInstance obj)
        {
            if (obj is Function)
            {
                return null;
            }

            var result = new JsonObject();
            foreach (var (key, descriptor) in obj.GetOwnProperties())
            {
                if (key.IsString() && descriptor.Enumerable && descriptor.Value is { } v and not Function)
                {
                    result[key.AsString()] = ToJson(v, depth + 1);
                }
            }

            return result;
        }

        return null;
    }

    /// <summary>JavaScript truthiness, for conditions.</summary>
    public static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonNumbers.ToDouble(v) != 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length > 0,
        _ => true,
    };

    /// <summary>How a value reads when it is part of a text, as JavaScript's String() would write it.</summary>
    public static string ToText(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonNumbers.ToDouble(v).ToString(CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };


}

/// <summary>An expression or script failed at run time: an error, a limit, or a value that cannot be stored.</summary>
internal sealed class ScriptFailedException(string message) : Exception(message);
