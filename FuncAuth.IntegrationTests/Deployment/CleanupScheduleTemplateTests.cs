using FuncAuth.Cleanup;

namespace FuncAuth.IntegrationTests.Deployment;

/// <summary>The deployed app has a clean-up schedule, and one the worker accepts (the host has no default for it).</summary>
public sealed class CleanupScheduleTemplateTests(CompiledTemplates templates) : IClassFixture<CompiledTemplates>
{
    [Fact]
    public void The_app_settings_give_the_session_clean_up_timer_an_hourly_schedule_the_worker_accepts()
    {
        var schedule = templates.LiteralSettings[SessionCleanupOptions.ScheduleSetting];

        Assert.Equal(SessionCleanupOptions.DefaultSchedule, schedule);
        Assert.True(new NcrontabScheduleAttribute().IsValid(schedule));
    }
}
