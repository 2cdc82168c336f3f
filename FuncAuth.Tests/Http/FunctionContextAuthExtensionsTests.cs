using FuncAuth.Auth;
using FuncAuth.Http;

namespace FuncAuth.Tests.Http;

public sealed class FunctionContextAuthExtensionsTests
{
    [Fact]
    public void GetRequiredAuthenticatedUser_NoUserRecorded_ThrowsNamingTheAttribute()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HttpUnit.Context().GetRequiredAuthenticatedUser());

        Assert.Contains("[RequireAuthentication]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetRequiredAuthenticatedUser_UserRecorded_ReturnsIt()
    {
        var context = HttpUnit.Context();
        var user = new AuthenticatedUser("u", "s");
        context.SetAuthenticatedUser(user);

        Assert.Same(user, context.GetRequiredAuthenticatedUser());
    }
}
