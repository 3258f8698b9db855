// The run store: listing, damaged folders, ids that are not folder names.

#include "errorof.h"
#include "jobsfixture.h"

#include "jobs/devicecapacity.h"
#include "jobs/runid.h"

#include <filesystem>

namespace llmos::test {

TEST_F(JobsTest, DamagedRunFoldersAreListedAsDamaged)
{
    auto scheduler = makeScheduler(1);
    const std::string good = scheduler->submit(spec("good", [](JobContext &) { return JobOutcome::Succeeded; }));
    ASSERT_EQ(scheduler->wait(good), JobState::Succeeded);
    std::filesystem::create_directories(runsRoot() + "/r-nostate00000");
    m_dir.write("runs/r-brokenjson00/state.json", "{\"id\": \"r-brokenjson00\", \"state\": ");
    m_dir.write("runs/r-badstate000/state.json",
                R"({"id":"r-badstate000","name":"x","kind":"test","priority":0,"memory_estimate_bytes":0,"threads":1,)"
                R"("state":"exploded","created_ms":0,"started_ms":0,"finished_ms":0,"updated_ms":0,"reason":""})");

    const auto runs = store().list();
    ASSERT_EQ(runs.size(), 4u);
    std::map<std::string, RunListing> byId;
    for (const auto &r : runs)
        byId[r.id] = r;
    ASSERT_TRUE(byId.at(good).state);
    EXPECT_EQ(byId.at(good).state->state, JobState::Succeeded);
    EXPECT_FALSE(byId.at("r-nostate00000").state);
    EXPECT_NE(byId.at("r-nostate00000").damage.find("state.json: missing"), std::string::npos) << byId.at("r-nostate00000").damage;
    EXPECT_FALSE(byId.at("r-brokenjson00").state);
    EXPECT_NE(byId.at("r-brokenjson00").damage.find("not valid JSON"), std::string::npos) << byId.at("r-brokenjson00").damage;
    EXPECT_FALSE(byId.at("r-badstate000").state);
    EXPECT_NE(byId.at("r-badstate000").damage.find("'exploded' is not a job state"), std::string::npos);

    // A scheduler starting over damaged folders recovers what it can and does not crash.
    EXPECT_TRUE(makeScheduler(1)->startupRecovery().problems.empty());
}

TEST_F(JobsTest, RunIdsThatAreNotFolderNamesAreRefused)
{
    const RunStore runs = store();
    for (const std::string &bad : std::vector<std::string>{"../etc", "/etc/passwd", "", ".hidden", "a/b", std::string(65, 'a')})
        EXPECT_EQ(errorOf([&] { runs.readState(bad); }).kind(), ErrorKind::InvalidInput) << bad;
    EXPECT_EQ(errorOf([&] { runs.readState("r-doesnotexist"); }).kind(), ErrorKind::NotFound);
    EXPECT_TRUE(newRunId().starts_with("r-"));
    EXPECT_EQ(newRunId().size(), 14u);
    EXPECT_TRUE(isSafeRunIdText(newRunId()));
}

TEST_F(JobsTest, RecipeAndStateRoundTrip)
{
    auto scheduler = makeScheduler(1);
    JobSpec s = spec("round trip", [](JobContext &context) {
        context.setFinalMetrics({{"accuracy", 0.875}, {"loss", std::nan("")}});
        return JobOutcome::Succeeded;
    }, 3, 12345);
    s.threads = 2;
    s.recipe = {{"method", "lora"}, {"rank", 8}, {"targets", {"q_proj", "v_proj"}}};
    const std::string id = scheduler->submit(std::move(s));
    ASSERT_EQ(scheduler->wait(id), JobState::Succeeded);
    EXPECT_EQ(store().readRecipe(id), (nlohmann::json{{"method", "lora"}, {"rank", 8}, {"targets", {"q_proj", "v_proj"}}}));
    const RunState state = store().readState(id);
    EXPECT_EQ(state.name, "round trip");
    EXPECT_EQ(state.priority, 3);
    EXPECT_EQ(state.memoryEstimateBytes, 12345u);
    EXPECT_EQ(state.threads, 2);
    EXPECT_EQ(state.finalMetrics.at("accuracy"), 0.875);
    EXPECT_TRUE(std::isnan(state.finalMetrics.at("loss")));
    EXPECT_LE(state.createdMs, state.startedMs);
    EXPECT_LE(state.startedMs, state.finishedMs);
}

TEST(DeviceCapacity, MemAvailableLessTheReserve)
{
    EXPECT_EQ(availableMemoryFromMeminfo("MemTotal:       16000000 kB\nMemFree:  1000 kB\nMemAvailable:    8000000 kB\n"),
              8000000ull * 1024);
    EXPECT_EQ(availableMemoryFromMeminfo("MemTotal: 16 kB\nMemFree: 4 kB\n"), 4096u) << "old kernels: MemFree";
    EXPECT_EQ(availableMemoryFromMeminfo("garbage"), std::nullopt);
    const DeviceCapacity cpu = cpuCapacity(0);
    EXPECT_GT(cpu.memoryBytes, 0u);
    EXPECT_GE(cpu.threads, 1);
    EXPECT_EQ(cpuCapacity(UINT64_MAX).memoryBytes, 0u);
}

} // namespace llmos::test
