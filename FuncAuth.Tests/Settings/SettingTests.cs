using FuncAuth.Auth;
using FuncAuth.Passwords;
using FuncAuth.Settings;

namespace FuncAuth.Tests.Settings;

public sealed class SettingTests
{
    [Fact]
    public void Name_NestedSection_IsTheEnvironmentVariable() =>
        Assert.Equal("Auth__Passwords__Argon2__MemoryKiB",
            Setting.Name(PasswordOptions.SectionName, nameof(PasswordOptions.Argon2), nameof(Argon2Options.MemoryKiB)));

    [Fact]
    public void Name_SectionOnly_ReplacesEveryColon() =>
        Assert.Equal("TableStorage__serviceUri", Setting.Name("TableStorage:serviceUri"));

    [Fact]
    public void Item_ListAndIndex_AppendsTheIndex() =>
        Assert.Equal("Auth__AllowedOrigins__12", Setting.Item(Setting.Name(AuthOptions.SectionName, nameof(AuthOptions.AllowedOrigins)), 12));
}
