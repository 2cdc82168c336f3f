using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace FuncAuth.IntegrationTests.Deployment;

/// <summary>
/// A parsed ARM template language expression (the text inside the brackets of <c>"[...]"</c>): function calls,
/// string and integer literals, property access and indexing; the part of the grammar Bicep emits for infra/.
/// </summary>
public abstract record ArmExpression
{
    public static ArmExpression Parse(string text)
    {
        var parser = new Parser(text);
        var expression = parser.Expression();
        parser.End();
        return expression;
    }

    /// <summary>A string, integer, or other constant.</summary>
    public sealed record Literal(JsonNode? Value) : ArmExpression;

    /// <summary><c>name(arguments)</c>.</summary>
    public sealed record FunctionCall(string Function, IReadOnlyList<ArmExpression> Arguments) : ArmExpression;

    /// <summary><c>target.name</c>.</summary>
    public sealed record Member(ArmExpression Target, string Name) : ArmExpression;

    /// <summary><c>target[key]</c>.</summary>
    public sealed record Index(ArmExpression Target, ArmExpression Key) : ArmExpression;

    private sealed class Parser(string text)
    {
        private int _at;

        public ArmExpression Expression()
        {
            var expression = Primary();
            while (true)
            {
                SkipSpace();
                if (TryTake('.'))
                {
                    expression = new Member(expression, Identifier());
                }
                else if (TryTake('['))
                {
                    var key = Expression();
                    Expect(']');
                    expression = new Index(expression, key);
                }
                else
                {
                    return expression;
                }
            }
        }

        public void End()
        {
            SkipSpace();
            if (_at != text.Length)
            {
                throw Error("end of expression");
            }
        }

        private ArmExpression Primary()
        {
            SkipSpace();
            if (TryTake('\''))
            {
                return new Literal(JsonValue.Create(StringBody()));
            }

            if (_at < text.Length && (char.IsAsciiDigit(text[_at]) || text[_at] == '-'))
            {
                var start = _at++;
                while (_at < text.Length && char.IsAsciiDigit(text[_at]))
                {
                    _at++;
                }

                return new Literal(JsonValue.Create(long.Parse(text[start.._at], CultureInfo.InvariantCulture)));
            }

            var name = Identifier();
            Expect('(');
            var arguments = new List<ArmExpression>();
            SkipSpace();
            if (!TryTake(')'))
            {
                do
                {
                    arguments.Add(Expression());
                    SkipSpace();
                }
                while (TryTake(','));
                Expect(')');
            }

            return new FunctionCall(name, arguments);
        }

        // After the opening quote; '' is an escaped quote.
        private string StringBody()
        {
            var value = new StringBuilder();
            while (_at < text.Length)
            {
                var c = text[_at++];
                if (c != '\'')
                {
                    value.Append(c);
                }
                else if (_at < text.Length && text[_at] == '\'')
                {
                    value.Append('\'');
                    _at++;
                }
                else
                {
                    return value.ToString();
                }
            }

            throw Error("closing quote");
        }

        private string Identifier()
        {
            SkipSpace();
            var start = _at;
            while (_at < text.Length && (char.IsAsciiLetterOrDigit(text[_at]) || text[_at] == '_'))
            {
                _at++;
            }

            return _at > start ? text[start.._at] : throw Error("a name");
        }

        private bool TryTake(char c)
        {
            SkipSpace();
            if (_at < text.Length && text[_at] == c)
            {
                _at++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (!TryTake(c))
            {
                throw Error($"'{c}'");
            }
        }

        private void SkipSpace()
        {
            while (_at < text.Length && text[_at] == ' ')
            {
                _at++;
            }
        }

        private FormatException Error(string expected) =>
            new($"Expected {expected} at {_at} in ARM expression: {text}");
    }
}
