// 10,000 registered models: the browser's queries must stay fast (indexes, no per-row
// work in C++). Timing is printed, not asserted - machines differ - but the counts are.
// The rows come from 10,000 manifests through rebuild(), which inserts in one
// transaction the way a bulk import would; 50 real imports give the per-import cost.

#include "registry/modelregistry.h"
#include "registryfixtures.h"
#include "tempdir.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

using namespace llmos;
using llmos::test::TempDir;

namespace {

constexpr int kModels = 10'000;

double millisecondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

template<typename F>
double timed(F &&f)
{
    const auto start = std::chrono::steady_clock::now();
    f();
    return millisecondsSince(start);
}

} // namespace

TEST(RegistryScale, TenThousandModelsAreListedAndFilteredQuickly)
{
    TempDir dir;
    const std::string home = dir.file("home");
    llmos::test::writeTinyHfFolder(dir.file("tiny"));
    std::string templateId;
    double importMs = 0;
    {
        ModelRegistry registry(home);
        templateId = registry.importModel(dir.file("tiny"), {.name = "template"}).id;
        importMs = timed([&] {
            for (int i = 0; i < 50; ++i)
                registry.importModel(dir.file("tiny"), {.name = "import-" + std::to_string(i)});
        });
    }

    // Manifests of 10,000 models sharing the template's blobs, with varied columns.
    llmos::test::writeManyManifests(home, templateId, kModels);

    RebuildReport report;
    const double rebuildMs = timed([&] { report = ModelRegistry::rebuild(home); });
    ASSERT_EQ(report.modelsRestored, static_cast<std::size_t>(kModels + 51));
    ASSERT_TRUE(report.skipped.empty()) << report.skipped.front();

    std::optional<ModelRegistry> opened;
    const double openMs = timed([&] { opened.emplace(home); });
    ModelRegistry &registry = *opened;
    EXPECT_FALSE(registry.recovery().anything());

    std::vector<ModelRecord> all, search, family, tagged, page;
    std::size_t counted = 0;
    const double listAllMs = timed([&] { all = registry.list(); });
    const double pageMs = timed([&] {
        page = registry.list({.sort = ModelQuery::Sort::Size, .descending = true, .limit = 50, .offset = 5000});
    });
    const double searchMs = timed([&] { search = registry.list({.text = "model-0999"}); });
    const double familyMs = timed([&] { family = registry.list({.family = "gpt2", .limit = 100}); });
    const double tagMs = timed([&] { tagged = registry.list({.tag = "chat"}); });
    const double countMs = timed([&] { counted = registry.count({.family = "llama", .minSize = 5'000'000}); });
    const double getMs = timed([&] { registry.get("model-04321"); });

    EXPECT_EQ(all.size(), static_cast<std::size_t>(kModels + 51));
    EXPECT_EQ(page.size(), 50u);
    EXPECT_EQ(page.front().sizeBytes, static_cast<std::uint64_t>(kModels - 1 - 5000) * 1000);
    EXPECT_EQ(search.size(), 10u); // model-09990 .. model-09999
    EXPECT_EQ(family.size(), 100u);
    EXPECT_EQ(tagged.size(), static_cast<std::size_t>(kModels / 10));
    EXPECT_EQ(counted, static_cast<std::size_t>(kModels / 2 / 2)); // i >= 5000, i % 4 in {0, 3}

    std::printf("[registry scale] %d models: rebuild (one transaction) %.0f ms = %.0f rows/s; open + recovery %.1f ms\n",
                kModels + 51, rebuildMs, (kModels + 51) / (rebuildMs / 1000), openMs);
    std::printf("[registry scale] list all %.1f ms, page of 50 by size %.2f ms, text search %.2f ms, family (100) %.2f ms, "
                "tag %.2f ms, count %.2f ms, get %.2f ms\n",
                listAllMs, pageMs, searchMs, familyMs, tagMs, countMs, getMs);
    std::printf("[registry scale] real imports of a 4-file model: %.1f ms each\n", importMs / 50);
    RecordProperty("rebuild_rows_per_second", static_cast<int>((kModels + 51) / (rebuildMs / 1000)));
    RecordProperty("list_all_ms", static_cast<int>(listAllMs));
}
