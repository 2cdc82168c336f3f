using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using static FuncAuth.IntegrationTests.Deployment.ArmExpression;

namespace FuncAuth.IntegrationTests.Deployment;

/// <summary>
/// Evaluates the expressions of one compiled (nested) template for given parameter values, as ARM does at deployment,
/// so a test can see the app settings a deployment with those values would write. <c>reference(name)</c> answers from
/// <paramref name="references"/> (the properties of an already deployed resource). Only the functions Bicep emits for
/// infra/ are known; any other throws <see cref="NotSupportedException"/>, so a template change fails loudly instead
/// of evaluating wrongly.
/// </summary>
public sealed class ArmEvaluator(
    JsonObject template,
    IReadOnlyDictionary<string, JsonNode?> parameters,
    IReadOnlyDictionary<string, JsonNode?>? references = null)
{
    private readonly Dictionary<string, JsonNode?> _lambdaVariables = new(StringComparer.Ordinal);

    /// <summary>A template value: strings in brackets are expressions (<c>[[</c> escapes a bracket), objects and arrays recurse.</summary>
    public JsonNode? Evaluate(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => EvaluateString(value.GetValue<string>()),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Evaluate(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Evaluate)]),
        _ => node?.DeepClone(),
    };

    /// <summary>An output of the template.</summary>
    public JsonNode? Output(string name) => Evaluate(template["outputs"]?[name]?["value"] ?? throw new KeyNotFoundException($"output {name}"));

    private JsonNode? EvaluateString(string text) =>
        text.StartsWith("[[", StringComparison.Ordinal) ? JsonValue.Create(text[1..])
        : text.StartsWith('[') && text.EndsWith(']') ? Evaluate(Parse(text[1..^1]))
        : JsonValue.Create(text);

    private JsonNode? Evaluate(ArmExpression expression) => expression switch
    {
        Literal literal => literal.Value?.DeepClone(),
        Member member => Property(Evaluate(member.Target), member.Name),
        ArmExpression.Index index => Evaluate(index.Key) is JsonValue key && key.GetValueKind() == JsonValueKind.Number
            ? Evaluate(index.Target)!.AsArray()[(int)Number(key)]?.DeepClone()
            : Property(Evaluate(index.Target), Text(Evaluate(index.Key))),
        FunctionCall call => Invoke(call),
        _ => throw new NotSupportedException(expression.ToString()),
    };

    private JsonNode? Invoke(FunctionCall call)
    {
        var a = call.Arguments;
        JsonNode? Arg(int i) => Evaluate(a[i]);
        return call.Function.ToLowerInvariant() switch
        {
            "parameters" => Parameter(Text(Arg(0))),
            "variables" => Evaluate(template["variables"]?[Text(Arg(0))] ?? throw new KeyNotFoundException($"variable {Text(Arg(0))}")),
            "reference" => (references ?? new Dictionary<string, JsonNode?>()).TryGetValue(Text(Arg(0)), out var r)
                ? r?.DeepClone() : throw new KeyNotFoundException($"no reference given for {Text(Arg(0))}"),
            "lambdavariables" => _lambdaVariables[Text(Arg(0))]?.DeepClone(),
            "if" => Evaluate(Truth(Arg(0)) ? a[1] : a[2]),
            "equals" => JsonValue.Create(JsonNode.DeepEquals(Arg(0), Arg(1))),
            "not" => JsonValue.Create(!Truth(Arg(0))),
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" => null,
            "empty" => JsonValue.Create(Length(Arg(0)) == 0),
            "length" => JsonValue.Create((long)Length(Arg(0))),
            "sub" => JsonValue.Create(Number(Arg(0)) - Number(Arg(1))),
            "range" => new JsonArray([.. Enumerable.Range((int)Number(Arg(0)), (int)Number(Arg(1))).Select(i => (JsonNode?)JsonValue.Create((long)i))]),
            "format" => JsonValue.Create(string.Format(CultureInfo.InvariantCulture, Text(Arg(0)), [.. a.Skip(1).Select(x => Scalar(Evaluate(x)))])),
            "concat" => Concat([.. a.Select(Evaluate)]),
            "createarray" => new JsonArray([.. a.Select(Evaluate)]),
            "createobject" => new JsonObject(a.Chunk(2).Select(pair => KeyValuePair.Create(Text(Evaluate(pair[0])), Evaluate(pair[1])))),
            "union" => Union([.. a.Select(Evaluate)]),
            "split" => new JsonArray([.. Text(Arg(0)).Split(Text(Arg(1))).Select(s => (JsonNode?)JsonValue.Create(s))]),
            "trim" => JsonValue.Create(Text(Arg(0)).Trim()),
            "endswith" => JsonValue.Create(Text(Arg(0)).EndsWith(Text(Arg(1)), StringComparison.OrdinalIgnoreCase)),
            "take" => JsonValue.Create(Text(Arg(0))[..(int)Math.Min(Text(Arg(0)).Length, Number(Arg(1)))]),
            "map" => new JsonArray([.. Items(Arg(0)).Select(x => Apply(a[1], x))]),
            "filter" => new JsonArray([.. Items(Arg(0)).Where(x => Truth(Apply(a[1], x))).Select(x => x?.DeepClone())]),
            "toobject" => new JsonObject(Items(Arg(0)).Select(x => KeyValuePair.Create(
                Text(Apply(a[1], x)), a.Count > 2 ? Apply(a[2], x) : x?.DeepClone()))),
            _ => throw new NotSupportedException($"ARM function {call.Function} is not evaluated by {nameof(ArmEvaluator)}."),
        };
    }

    private JsonNode? Parameter(string name)
    {
        if (parameters.TryGetValue(name, out var value))
        {
            return value?.DeepClone();
        }

        var declared = template["parameters"]?[name] ?? throw new KeyNotFoundException($"parameter {name} is not declared");
        return declared["defaultValue"] is { } fallback ? Evaluate(fallback) : throw new KeyNotFoundException($"no value given for parameter {name}");
    }

    // lambda('x', body) applied to one item; the name is bound for the body only.
    private JsonNode? Apply(ArmExpression lambda, JsonNode? item)
    {
        if (lambda is not FunctionCall { Function: "lambda", Arguments: [Literal { Value: { } name }, var body] })
        {
            throw new NotSupportedException($"Expected a one-parameter lambda, got {lambda}.");
        }

        var variable = name.GetValue<string>();
        var shadowed = _lambdaVariables.Remove(variable, out var previous);
        _lambdaVariables[variable] = item?.DeepClone();
        try
        {
            return Evaluate(body);
        }
        finally
        {
            _lambdaVariables.Remove(variable);
            if (shadowed)
            {
                _lambdaVariables[variable] = previous;
            }
        }
    }

    // Property names are case-insensitive in ARM (reference(...).defaultHostName).
    private static JsonNode? Property(JsonNode? target, string name) =>
        target is JsonObject obj && obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } found
            ? found.Value?.DeepClone()
            : throw new KeyNotFoundException($"no property {name} in {target?.ToJsonString() ?? "null"}");

    private static JsonObject Union(JsonNode?[] values)
    {
        var result = new JsonObject();
        foreach (var (key, value) in values.SelectMany(v => v!.AsObject()))
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }

    private static JsonNode? Concat(JsonNode?[] values) =>
        values.All(v => v is JsonArray)
            ? new JsonArray([.. values.SelectMany(v => v!.AsArray()).Select(x => x?.DeepClone())])
            : JsonValue.Create(string.Concat(values.Select(Text)));

    private static JsonArray Items(JsonNode? array) => array?.AsArray() ?? throw new InvalidOperationException("Expected an array.");

    private static int Length(JsonNode? value) => value switch
    {
        null => 0,
        JsonArray array => array.Count,
        JsonObject obj => obj.Count,
        _ => Text(value).Length,
    };

    private static bool Truth(JsonNode? value) => value?.GetValue<bool>() ?? throw new InvalidOperationException("Expected a bool.");

    // Whatever backs the node (parsed JSON or a .NET number), its integer value.
    private static long Number(JsonNode? value) => value?.GetValueKind() == JsonValueKind.Number
        ? long.Parse(value.ToJsonString(), CultureInfo.InvariantCulture)
        : throw new InvalidOperationException($"Expected a number, got {value?.ToJsonString() ?? "null"}.");

    private static string Text(JsonNode? value) => value?.GetValue<string>() ?? throw new InvalidOperationException("Expected a string.");

    private static object? Scalar(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => Number(value),
        JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => throw new NotSupportedException($"format() of {value?.ToJsonString()}"),
    };
}
