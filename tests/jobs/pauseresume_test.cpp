// Pause between steps, resume where the body saved, and start-up recovery of runs a dead
// process left running.

#include "errorof.h"
#include "jobsfixture.h"

#include <filesystem>
#include <fstream>

namespace llmos::test {

namespace {

// A ten-step job that saves its step in checkpoints/step.txt when asked to pause and
// reads it back when resuming. `gate`, when given, holds it after step 3.
struct SteppingJob {
    std::vector<std::int64_t> steps;         // every step the body ran, over all its starts
    std::vector<bool> resumedFlags;          // context.resuming() at each start
    Gate *atStepThree = nullptr;
    Gate *continueAfterThree = nullptr;

    JobBody body()
    {
        return [this](JobContext &context) {
            resumedFlags.push_back(context.resuming());
            const std::string saved = context.checkpointDirectory() + "/step.txt";
            std::int64_t first = 1;
            if (context.resuming()) {
                std::ifstream in(saved);
                in >> first;
                ++first;
            }
            for (std::int64_t step = first; step <= 10; ++step) {
                if (context.checkpoint() == StopRequest::Pause) {
                    std::ofstream(saved) << step - 1;
                    context.checkpointSaved(step - 1, saved);
                    return JobOutcome::Paused;
                }
                steps.push_back(step);
                context.reportStep(step, static_cast<double>(step) / 10, {{"loss", 10.0 / static_cast<double>(step)}});
                if (step == 3 && atStepThree) {
                    atStepThree->open();
                    if (!continueAfterThree->pass())
                        return JobOutcome::Cancelled;
                }
            }
            context.setFinalMetrics({{"loss", 1.0}});
            return JobOutcome::Succeeded;
        };
    }
};

} // namespace

TEST_F(JobsTest, PauseBetweenStepsThenResumeContinuesFromTheSavedStep)
{
    auto scheduler = makeScheduler(1);
    Gate atThree, goOn;
    SteppingJob job;
    job.atStepThree = &atThree;
    job.continueAfterThree = &goOn;
    const std::string id = scheduler->submit(spec("steps", job.body()));
    ASSERT_TRUE(atThree.pass());
    scheduler->pause(id);
    goOn.open();
    ASSERT_EQ(scheduler->wait(id), JobState::Paused);
    EXPECT_EQ(store().readState(id).state, JobState::Paused);
    EXPECT_EQ(store().checkpoints(id), std::vector<std::string>{"step.txt"});

    job.atStepThree = nullptr;
    scheduler->resume(id);
    ASSERT_EQ(scheduler->wait(id), JobState::Succeeded);
    EXPECT_EQ(job.resumedFlags, (std::vector<bool>{false, true}));
    EXPECT_EQ(job.steps, (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})) << "no step lost or repeated";
    const RunState done = store().readState(id);
    EXPECT_EQ(done.state, JobState::Succeeded);
    EXPECT_EQ(done.finalMetrics, (MetricValues{{"loss", 1.0}}));

    // The state events tell the whole story, in order.
    std::vector<std::pair<JobState, JobState>> transitions;
    for (const auto &e : store().readEvents(id).events)
        if (const auto *s = std::get_if<JobStateChanged>(&e.payload))
            transitions.emplace_back(s->from, s->to);
    using S = JobState;
    EXPECT_EQ(transitions, (std::vector<std::pair<S, S>>{{S::Queued, S::Queued},
                                                         {S::Queued, S::Running},
                                                         {S::Running, S::Paused},
                                                         {S::Paused, S::Queued},
                                                         {S::Queued, S::Running},
                                                         {S::Running, S::Succeeded}}));
}

TEST_F(JobsTest, RunLeftRunningByACrashIsInterruptedAtStartupAndCanBeResumed)
{
    // A dead process's run: state.json says running, the events end mid-training.
    const RunStore runs = store();
    RunState crashed;
    crashed.id = "r-crashed00000";
    crashed.name = "killed mid-run";
    crashed.kind = "test";
    crashed.state = JobState::Running;
    crashed.createdMs = 1'700'000'000'000;
    crashed.startedMs = 1'700'000'000'100;
    crashed.updatedMs = 1'700'000'000'100;
    runs.create(crashed, {{"steps", 10}});
    {
        EventLogWriter log(runs.eventsPath(crashed.id), 0);
        log.append({crashed.id, 1, 1'700'000'000'000, JobStateChanged{JobState::Queued, JobState::Queued, "submitted"}});
        log.append({crashed.id, 2, 1'700'000'000'100, JobStateChanged{JobState::Queued, JobState::Running, ""}});
        log.append({crashed.id, 3, 1'700'000'005'000, StepMetrics{1, 0.1, {{"loss", 10.0}}}});
        log.append({crashed.id, 4, 1'700'000'009'000, StepMetrics{2, 0.2, {{"loss", 5.0}}}});
    }
    std::filesystem::create_directories(runs.checkpointDirectory(crashed.id));
    std::ofstream(runs.checkpointDirectory(crashed.id) + "/step.txt") << 2;

    auto scheduler = makeScheduler(1);
    EXPECT_EQ(scheduler->startupRecovery().recovered, std::vector<std::string>{crashed.id});
    const RunState interrupted = runs.readState(crashed.id);
    EXPECT_EQ(interrupted.state, JobState::Interrupted);
    EXPECT_EQ(interrupted.finishedMs, 1'700'000'009'000) << "stamped with the time of the last event";
    EXPECT_NE(interrupted.reason.find("can be resumed"), std::string::npos);
    const auto lastEvent = runs.readEvents(crashed.id).events.back();
    EXPECT_EQ(lastEvent.sequence, 5u);
    EXPECT_EQ(std::get<JobStateChanged>(lastEvent.payload).to, JobState::Interrupted);

    SteppingJob job;
    scheduler->resume(crashed.id, job.body());
    ASSERT_EQ(scheduler->wait(crashed.id), JobState::Succeeded);
    EXPECT_EQ(job.resumedFlags, std::vector<bool>{true});
    EXPECT_EQ(job.steps.front(), 3);
    const auto events = runs.readEvents(crashed.id);
    EXPECT_TRUE(events.warnings.empty());
    for (std::size_t i = 0; i < events.events.size(); ++i)
        EXPECT_EQ(events.events[i].sequence, i + 1) << "sequence numbers go on across the crash";
}

TEST_F(JobsTest, RunOwnedByALiveSchedulerIsNotTakenForInterrupted)
{
    auto owner = makeScheduler(1);
    Gate started, release;
    const std::string id = owner->submit(spec("alive", [&](JobContext &) {
        started.open();
        return release.pass() ? JobOutcome::Succeeded : JobOutcome::Cancelled;
    }));
    ASSERT_TRUE(started.pass());
    // Another scheduler (the CLI next to the window) starts on the same folder.
    const auto recovery = store().recoverInterrupted();
    EXPECT_TRUE(recovery.recovered.empty());
    EXPECT_EQ(store().readState(id).state, JobState::Running);
    const Error busy = errorOf([&] { makeScheduler(1)->resume(id, [](JobContext &) { return JobOutcome::Succeeded; }); });
    EXPECT_EQ(busy.kind(), ErrorKind::InvalidInput);
    release.open();
    EXPECT_EQ(owner->wait(id), JobState::Succeeded);
}

} // namespace llmos::test
