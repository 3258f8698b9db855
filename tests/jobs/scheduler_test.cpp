// The scheduler: order, admission by memory, cancel, failures, shutdown.

#include "errorof.h"
#include "jobsfixture.h"

#include <stdexcept>

namespace llmos::test {

namespace {

using Order = std::vector<std::string>;

// A body that records its name in `order` and succeeds.
JobBody recordStart(std::mutex &mutex, Order &order, std::string name)
{
    return [&mutex, &order, name](JobContext &) {
        std::lock_guard lock(mutex);
        order.push_back(name);
        return JobOutcome::Succeeded;
    };
}

} // namespace

TEST_F(JobsTest, HigherPriorityFirstThenSubmissionOrder)
{
    auto scheduler = makeScheduler(1);
    Gate blockerStarted, releaseBlocker;
    const std::string blocker = scheduler->submit(spec("blocker", [&](JobContext &) {
        blockerStarted.open();
        return releaseBlocker.pass() ? JobOutcome::Succeeded : JobOutcome::Cancelled;
    }));
    ASSERT_TRUE(blockerStarted.pass());

    // The only worker is busy: all of these queue.
    std::mutex mutex;
    Order order;
    std::vector<std::string> ids;
    ids.push_back(scheduler->submit(spec("low", recordStart(mutex, order, "low"), 0)));
    ids.push_back(scheduler->submit(spec("high-1", recordStart(mutex, order, "high-1"), 10)));
    ids.push_back(scheduler->submit(spec("mid", recordStart(mutex, order, "mid"), 5)));
    ids.push_back(scheduler->submit(spec("high-2", recordStart(mutex, order, "high-2"), 10)));
    for (const auto &id : ids)
        EXPECT_EQ(scheduler->state(id), JobState::Queued);
    releaseBlocker.open();
    for (const auto &id : ids)
        EXPECT_EQ(scheduler->wait(id), JobState::Succeeded);
    EXPECT_EQ(scheduler->wait(blocker), JobState::Succeeded);
    EXPECT_EQ(order, (Order{"high-1", "high-2", "mid", "low"}));
}

TEST_F(JobsTest, JobBiggerThanTheDeviceIsRefusedWithBothFigures)
{
    auto scheduler = makeScheduler(1, 4ull << 30);
    const Error e = errorOf([&] {
        scheduler->submit(spec("too big", [](JobContext &) { return JobOutcome::Succeeded; }, 0, 6ull << 30));
    });
    EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
    const std::string text = e.what();
    EXPECT_NE(text.find("too big"), std::string::npos) << text;
    EXPECT_NE(text.find("6.0 GiB (6442450944 bytes)"), std::string::npos) << text;
    EXPECT_NE(text.find("cpu has 4.0 GiB (4294967296 bytes)"), std::string::npos) << text;
    EXPECT_TRUE(store().list().empty()) << "a refused job leaves no run folder";

    const Error threads = errorOf([&] {
        JobSpec s = spec("many threads", [](JobContext &) { return JobOutcome::Succeeded; });
        s.threads = 65;
        scheduler->submit(std::move(s));
    });
    EXPECT_NE(std::string(threads.what()).find("asks for 65 threads but cpu has 64"), std::string::npos) << threads.what();
}

TEST_F(JobsTest, JobThatDoesNotFitNextToRunningOnesWaitsUntilMemoryFrees)
{
    auto scheduler = makeScheduler(2, 100);
    EventRecorder recorder;
    auto subscription = scheduler->subscribe(std::ref(recorder));

    std::mutex mutex;
    Order order;
    Gate firstStarted, releaseFirst;
    const std::string first = scheduler->submit(spec("first", [&](JobContext &) {
        firstStarted.open();
        const bool released = releaseFirst.pass();
        std::lock_guard lock(mutex);
        order.push_back("first ends");
        return released ? JobOutcome::Succeeded : JobOutcome::Cancelled;
    }, 0, 60));
    ASSERT_TRUE(firstStarted.pass());

    // A second worker is idle, but 60 + 60 > 100: the second job waits, and a small job
    // submitted after it does not overtake it.
    const std::string second = scheduler->submit(spec("second", recordStart(mutex, order, "second starts"), 0, 60));
    const std::string small = scheduler->submit(spec("small", recordStart(mutex, order, "small starts"), 0, 10));
    ASSERT_TRUE(recorder.waitFor(second, [](const JobEvent &e) {
        const auto *log = std::get_if<LogLine>(&e.payload);
        return log && log->text.starts_with("waiting for memory: needs 60 B; 60 B of 100 B is held by running jobs");
    }));
    EXPECT_EQ(scheduler->state(second), JobState::Queued);
    EXPECT_EQ(scheduler->state(small), JobState::Queued);

    releaseFirst.open();
    EXPECT_EQ(scheduler->wait(first), JobState::Succeeded);
    EXPECT_EQ(scheduler->wait(second), JobState::Succeeded);
    EXPECT_EQ(scheduler->wait(small), JobState::Succeeded);
    // Neither started before the first ended: the small one did not overtake the big one
    // (once the first ends, both fit and run side by side).
    ASSERT_EQ(order.size(), 3u);
    EXPECT_EQ(order[0], "first ends");
}

TEST_F(JobsTest, CancelStopsARunningJobBetweenStepsAndAQueuedOneAtOnce)
{
    auto scheduler = makeScheduler(1);
    Gate atStepThree;
    std::atomic<int> stepsRun = 0;
    const std::string running = scheduler->submit(spec("loop", [&](JobContext &context) {
        for (int step = 1;; ++step) {
            if (context.checkpoint() == StopRequest::Cancel)
                return JobOutcome::Cancelled;
            stepsRun = step;
            context.reportStep(step, 0, {{"loss", 1.0 / step}});
            if (step == 3)
                atStepThree.open();
            if (step > 1'000'000)
                return JobOutcome::Succeeded; // a cancel that never arrives fails the test below
        }
    }));
    bool queuedBodyRan = false;
    const std::string queued = scheduler->submit(spec("never", [&](JobContext &) {
        queuedBodyRan = true;
        return JobOutcome::Succeeded;
    }));
    ASSERT_TRUE(atStepThree.pass());
    scheduler->cancel(queued);
    EXPECT_EQ(scheduler->state(queued), JobState::Cancelled);
    scheduler->cancel(running);
    // Twice: still one terminal state. The run may have ended on the first already (the
    // body returns at its next step), and then the second says so.
    try {
        scheduler->cancel(running);
    } catch (const Error &e) {
        EXPECT_NE(std::string(e.what()).find("has already been cancelled"), std::string::npos) << e.what();
    }
    EXPECT_EQ(scheduler->wait(running), JobState::Cancelled);
    EXPECT_LT(stepsRun.load(), 1'000'000);
    EXPECT_FALSE(queuedBodyRan);
    EXPECT_EQ(scheduler->snapshot(running).reason, "cancelled by request");
    EXPECT_EQ(store().readState(running).state, JobState::Cancelled);
    EXPECT_EQ(store().readState(queued).state, JobState::Cancelled);

    const Error again = errorOf([&] { scheduler->cancel(running); });
    EXPECT_NE(std::string(again.what()).find("has already been cancelled"), std::string::npos) << again.what();
}

TEST_F(JobsTest, ThrowingBodiesFailWithTheReasonAndTheSchedulerGoesOn)
{
    auto scheduler = makeScheduler(1);
    const std::string plain = scheduler->submit(spec("std", [](JobContext &context) -> JobOutcome {
        context.reportStep(1, 0, {{"loss", 2.0}});
        throw std::runtime_error("shape mismatch at step 2: [4, 8] vs [4, 9]");
    }));
    const std::string typed = scheduler->submit(spec("typed", [](JobContext &) -> JobOutcome {
        throw Error(ErrorKind::Io, "checkpoints/step-2", "fsync failed: No space left on device");
    }));
    const std::string alien = scheduler->submit(spec("alien", [](JobContext &) -> JobOutcome { throw 42; }));
    const std::string fine = scheduler->submit(spec("fine", [](JobContext &) { return JobOutcome::Succeeded; }));

    EXPECT_EQ(scheduler->wait(plain), JobState::Failed);
    EXPECT_EQ(scheduler->snapshot(plain).reason, "shape mismatch at step 2: [4, 8] vs [4, 9]");
    EXPECT_EQ(scheduler->wait(typed), JobState::Failed);
    EXPECT_EQ(scheduler->snapshot(typed).reason, "checkpoints/step-2: fsync failed: No space left on device");
    EXPECT_EQ(scheduler->wait(alien), JobState::Failed);
    EXPECT_NE(scheduler->snapshot(alien).reason.find("not a std::exception"), std::string::npos);
    EXPECT_EQ(scheduler->wait(fine), JobState::Succeeded);

    const RunState persisted = store().readState(plain);
    EXPECT_EQ(persisted.state, JobState::Failed);
    EXPECT_EQ(persisted.reason, "shape mismatch at step 2: [4, 8] vs [4, 9]");
    EXPECT_GT(persisted.finishedMs, 0);
}

TEST_F(JobsTest, ShutdownPausesRunningAndQueuedJobs)
{
    auto scheduler = makeScheduler(1);
    Gate started;
    const std::string running = scheduler->submit(spec("long", [&](JobContext &context) {
        started.open();
        // Steps until asked to pause; the deadline only keeps a broken shutdown from hanging.
        const auto giveUp = std::chrono::steady_clock::now() + kGiveUp;
        while (std::chrono::steady_clock::now() < giveUp)
            if (context.checkpoint() == StopRequest::Pause)
                return JobOutcome::Paused;
        return JobOutcome::Succeeded;
    }));
    const std::string queued = scheduler->submit(spec("waiting", [](JobContext &) { return JobOutcome::Succeeded; }));
    ASSERT_TRUE(started.pass());
    scheduler->shutdown(ShutdownPolicy::Pause);
    EXPECT_EQ(store().readState(running).state, JobState::Paused);
    EXPECT_EQ(store().readState(queued).state, JobState::Paused);
    const Error refused = errorOf([&] { scheduler->submit(spec("late", [](JobContext &) { return JobOutcome::Succeeded; })); });
    EXPECT_NE(std::string(refused.what()).find("shutting down"), std::string::npos);
}

TEST_F(JobsTest, IllegalTransitionsAreRefused)
{
    EXPECT_TRUE(isLegalTransition(JobState::Queued, JobState::Running));
    EXPECT_TRUE(isLegalTransition(JobState::Running, JobState::Paused));
    EXPECT_TRUE(isLegalTransition(JobState::Paused, JobState::Queued));
    EXPECT_TRUE(isLegalTransition(JobState::Interrupted, JobState::Queued));
    EXPECT_FALSE(isLegalTransition(JobState::Succeeded, JobState::Running));
    EXPECT_FALSE(isLegalTransition(JobState::Failed, JobState::Queued));
    EXPECT_FALSE(isLegalTransition(JobState::Cancelled, JobState::Cancelled));
    EXPECT_FALSE(isLegalTransition(JobState::Paused, JobState::Running)); // a resume queues first

    auto scheduler = makeScheduler(1);
    const std::string done = scheduler->submit(spec("done", [](JobContext &) { return JobOutcome::Succeeded; }));
    ASSERT_EQ(scheduler->wait(done), JobState::Succeeded);
    EXPECT_EQ(errorOf([&] { scheduler->pause(done); }).kind(), ErrorKind::InvalidInput);
    EXPECT_EQ(errorOf([&] { scheduler->resume(done); }).kind(), ErrorKind::InvalidInput);
    EXPECT_EQ(errorOf([&] { scheduler->pause("r-unknown"); }).kind(), ErrorKind::NotFound);
}

} // namespace llmos::test
