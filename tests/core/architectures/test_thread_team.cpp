// ThreadTeam (runtime/threadteam.h): every item of a loop runs exactly once whatever the
// team size and chunking, jobs that follow each other quickly never hang (also with
// workers that sleep between jobs), two threads may share a team, and a team stops
// cleanly whether it is idle, asleep or was never used.
#include "runtime/threadteam.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>
#include <vector>

using namespace llmos;

namespace {

// Runs a loop of `items` on the team and checks each item ran once, in ranges aligned to
// `grain`.
void expectEachItemOnce(ThreadTeam &team, std::int64_t items, std::int64_t grain)
{
    std::vector<std::atomic<int>> runs(static_cast<std::size_t>(items));
    team.parallelFor(items, grain, [&](std::int64_t begin, std::int64_t end) {
        EXPECT_TRUE(begin % grain == 0 && (end % grain == 0 || end == items) && begin < end)
            << "[" << begin << ", " << end << ") of " << items << ", grain " << grain;
        for (auto i = begin; i < end; ++i)
            runs[static_cast<std::size_t>(i)].fetch_add(1, std::memory_order_relaxed);
    });
    for (std::int64_t i = 0; i < items; ++i)
        ASSERT_EQ(runs[static_cast<std::size_t>(i)].load(), 1)
            << "item " << i << " of " << items << ", grain " << grain << ", " << team.threads() << " threads";
}

std::int64_t sumOfIndices(ThreadTeam &team, std::int64_t items, std::int64_t grain)
{
    std::atomic<std::int64_t> sum{0};
    team.parallelFor(items, grain, [&](std::int64_t begin, std::int64_t end) {
        std::int64_t part = 0;
        for (auto i = begin; i < end; ++i)
            part += i;
        sum.fetch_add(part, std::memory_order_relaxed);
    });
    return sum.load();
}

constexpr std::int64_t triangle(std::int64_t n)
{
    return n * (n - 1) / 2;
}

} // namespace

TEST(ThreadTeam, RunsEveryItemOnceForAnyTeamSizeAndGrain)
{
    for (const int threads : {1, 2, 3, 4}) {
        ThreadTeam team(threads);
        EXPECT_EQ(team.threads(), threads);
        for (const std::int64_t items : {0, 1, 2, 7, 64, 1000, 4099})
            for (const std::int64_t grain : {1, 3, 64, 5000})
                expectEachItemOnce(team, items, grain);
    }
}

TEST(ThreadTeam, ManySmallJobsInARowAllComplete)
{
    ThreadTeam team(3);
    for (int job = 0; job < 20000; ++job)
        ASSERT_EQ(sumOfIndices(team, 64, 4), triangle(64)) << "job " << job;
}

// With no spinning, workers sleep on the futex before every job, and each job must wake
// one: both chunks of this loop wait until two threads are in it, so the caller alone
// cannot finish it. (The deadline only turns a hang into a failure.)
TEST(ThreadTeam, WorkersThatSleepBetweenJobsAreWokenByTheNext)
{
    ThreadTeam team(3, std::chrono::microseconds(0));
    for (int job = 0; job < 300; ++job) {
        std::atomic<int> entered{0};
        std::atomic<bool> together{true};
        team.parallelFor(2, 1, [&](std::int64_t, std::int64_t) {
            entered.fetch_add(1);
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
            while (entered.load() < 2)
                if (std::chrono::steady_clock::now() > deadline) {
                    together = false;
                    return;
                }
        });
        ASSERT_TRUE(together.load()) << "job " << job << ": no worker woke up";
        ASSERT_EQ(sumOfIndices(team, 256, 8), triangle(256)) << "job " << job;
    }
}

TEST(ThreadTeam, TwoThreadsCanShareATeam)
{
    ThreadTeam team(2);
    std::atomic<int> wrong{0};
    auto loop = [&] {
        for (int job = 0; job < 5000; ++job)
            if (sumOfIndices(team, 300, 16) != triangle(300))
                wrong.fetch_add(1);
    };
    std::thread other(loop);
    loop();
    other.join();
    EXPECT_EQ(wrong.load(), 0);
}

TEST(ThreadTeam, ResizingWhileAnotherThreadRunsJobsIsSafe)
{
    ThreadTeam team(2);
    std::atomic<bool> done{false};
    std::atomic<int> wrong{0};
    std::thread jobs([&] {
        while (!done.load())
            if (sumOfIndices(team, 500, 7) != triangle(500))
                wrong.fetch_add(1);
    });
    for (int i = 0; i < 50; ++i)
        team.resize(1 + i % 4);
    done = true;
    jobs.join();
    EXPECT_EQ(wrong.load(), 0);
    EXPECT_EQ(team.threads(), 1 + 49 % 4);
}

TEST(ThreadTeam, StopsCleanlyWhenIdleUnusedOrAsleep)
{
    { ThreadTeam unused(4); }
    {
        ThreadTeam used(3);
        EXPECT_EQ(sumOfIndices(used, 100, 10), triangle(100));
    }
    {
        ThreadTeam asleep(3, std::chrono::microseconds(0)); // workers go to sleep at once
        EXPECT_EQ(sumOfIndices(asleep, 100, 10), triangle(100));
    }
    {
        ThreadTeam shrunk(3);
        shrunk.resize(1);
        EXPECT_EQ(shrunk.threads(), 1);
        EXPECT_EQ(sumOfIndices(shrunk, 100, 10), triangle(100));
    }
}
