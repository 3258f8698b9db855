// Events: what subscribers see live is what events.jsonl holds, and a torn last line is
// survived.

#include "jobsfixture.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

namespace llmos::test {

TEST_F(JobsTest, EventsPersistedEqualEventsSeenLive)
{
    auto scheduler = makeScheduler(1);
    EventRecorder recorder;
    auto subscription = scheduler->subscribe(std::ref(recorder));
    const std::string id = scheduler->submit(spec("metrics", [](JobContext &context) {
        context.log(LogLevel::Info, "starting: 3 steps, \"quoted\" and ünïcode");
        for (int step = 1; step <= 3; ++step) {
            context.reportStep(step, step / 3.0, {{"loss", 1.0 / 3.0 / step}, {"lr", 1e-4 * step}});
            context.progress(step, 3);
        }
        context.reportStep(4, 4 / 3.0, {{"loss", std::nan("")}, {"grad_norm", HUGE_VAL}});
        context.reportEval(4, 4 / 3.0, {{"accuracy", 0.1 + 0.2}});
        return JobOutcome::Succeeded;
    }));
    ASSERT_EQ(scheduler->wait(id), JobState::Succeeded);
    // The terminal state event is the last one: once it arrived, every earlier one did.
    ASSERT_TRUE(recorder.waitForState(id, JobState::Succeeded));

    const std::vector<JobEvent> live = recorder.eventsOf(id);
    const EventLog persisted = store().readEvents(id);
    EXPECT_TRUE(persisted.warnings.empty());
    ASSERT_EQ(live.size(), 12u); // submitted, running, log, 3 x (step, progress), step, eval, succeeded
    ASSERT_EQ(persisted.events.size(), live.size());
    for (std::size_t i = 0; i < live.size(); ++i) {
        EXPECT_EQ(live[i].sequence, i + 1);
        EXPECT_TRUE(persisted.events[i] == live[i]) << "event " << i << ": " << toJson(persisted.events[i]).dump()
                                                    << " vs " << toJson(live[i]).dump();
    }
    const auto &withNan = std::get<StepMetrics>(persisted.events[9].payload);
    EXPECT_TRUE(std::isnan(withNan.values.at("loss")));
    EXPECT_EQ(withNan.values.at("grad_norm"), HUGE_VAL);
    EXPECT_EQ(std::get<EvalMetrics>(persisted.events[10].payload).values.at("accuracy"), 0.1 + 0.2) << "bit for bit";
}

TEST_F(JobsTest, TornLastLineIsIgnoredAndReportedAndCutBeforeTheNextAppend)
{
    const RunStore runs = store();
    RunState state;
    state.id = "r-torn00000000";
    state.name = "torn";
    state.kind = "test";
    state.state = JobState::Paused;
    runs.create(state, nlohmann::json::object());
    {
        EventLogWriter log(runs.eventsPath(state.id), 0);
        log.append({state.id, 1, 1000, StepMetrics{1, 0, {{"loss", 2.5}}}});
        log.append({state.id, 2, 2000, StepMetrics{2, 0, {{"loss", 2.25}}}});
    }
    std::ofstream(runs.eventsPath(state.id), std::ios::app) << R"({"seq":3,"time_ms":3000,"run":"r-torn00000000","type":"st)";

    const EventLog log = runs.readEvents(state.id);
    ASSERT_EQ(log.events.size(), 2u);
    EXPECT_EQ(log.lastSequence, 2u);
    ASSERT_EQ(log.warnings.size(), 1u);
    EXPECT_EQ(log.warnings[0], "events.jsonl: line 3 is incomplete (the process was stopped while writing it); it was ignored");

    // A writer reopening the log cuts the torn tail, so the next line is whole.
    {
        EventLogWriter writer(runs.eventsPath(state.id), log.completeBytes);
        writer.append({state.id, 3, 3000, LogLine{LogLevel::Info, "resumed"}});
    }
    const EventLog after = runs.readEvents(state.id);
    EXPECT_TRUE(after.warnings.empty());
    ASSERT_EQ(after.events.size(), 3u);
    EXPECT_EQ(std::get<LogLine>(after.events[2].payload).text, "resumed");
}

TEST_F(JobsTest, DamagedLineInTheMiddleIsSkippedWithItsLineNumber)
{
    const std::string path = m_dir.write("events.jsonl",
                                         R"({"seq":1,"time_ms":1,"run":"r-x","type":"log","level":"info","text":"a"})" "\n"
                                         R"({"seq":2,"time_ms":2,"run":"r-x","type":"step","step":"two","epoch":0,"values":{}})" "\n"
                                         "\n"
                                         R"({"seq":3,"time_ms":3,"run":"r-x","type":"progress","done":1,"total":2})" "\n");
    const EventLog log = readEventLog(path);
    ASSERT_EQ(log.events.size(), 2u);
    ASSERT_EQ(log.warnings.size(), 1u);
    EXPECT_NE(log.warnings[0].find("line 2 is not a valid event"), std::string::npos) << log.warnings[0];
    EXPECT_NE(log.warnings[0].find("'step' is not a whole number"), std::string::npos) << log.warnings[0];
}

TEST_F(JobsTest, SlowSubscriberDoesNotHoldUpTheJob)
{
    auto scheduler = makeScheduler(1);
    Gate releaseSubscriber;
    EventRecorder fast;
    auto slow = scheduler->subscribe([&](const JobEvent &) { releaseSubscriber.pass(); });
    auto quick = scheduler->subscribe(std::ref(fast));
    const std::string id = scheduler->submit(spec("many events", [](JobContext &context) {
        for (int step = 1; step <= 100; ++step)
            context.reportStep(step, 0, {{"loss", 1.0}});
        return JobOutcome::Succeeded;
    }));
    // The slow subscriber is stuck on the first event, yet the job finishes.
    EXPECT_EQ(scheduler->wait(id), JobState::Succeeded);
    EXPECT_TRUE(fast.waitForState(id, JobState::Succeeded));
    releaseSubscriber.open();
}

TEST(CheckpointLogLine, NamesItsStepAndOnlyCheckpointLinesDo)
{
    EXPECT_EQ(checkpointStepOf(checkpointSavedLine(1200, "/runs/x/checkpoints/step-00001200")), 1200);
    EXPECT_EQ(checkpointStepOf({LogLevel::Info, "checkpoint at step 7 saved: /p"}), 7);
    EXPECT_EQ(checkpointStepOf({LogLevel::Info, "checkpoint at step x saved: /p"}), std::nullopt);
    EXPECT_EQ(checkpointStepOf({LogLevel::Info, "checkpoint at step 7 was not saved"}), std::nullopt);
    EXPECT_EQ(checkpointStepOf({LogLevel::Error, "checkpoint at step 7 saved: /p"}), std::nullopt);
    EXPECT_EQ(checkpointStepOf({LogLevel::Info, "resumed from checkpoint step-7"}), std::nullopt);
}

} // namespace llmos::test
