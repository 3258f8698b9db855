// Hugging Face hub cache snapshots (<cache>/models--org--name/snapshots/<commit>/, whose
// files are links into ../../blobs/): a sharded model there opens where it is and
// imports, stored or in place. Links anywhere else - out of the cache, into a sibling
// repository, to a file of its own repository that is not a blob - are refused by the
// importer and the shard loader alike, as is a link into blobs/ from a folder that only
// looks like a snapshot.

#include "formats/safetensorsweights.h"
#include "model/modelinspection.h"
#include "registry/modelregistry.h"
#include "registry/sha256hasher.h"
#include "registryfixtures.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

using namespace llmos;
using llmos::test::registryProblems;
using llmos::test::TempDir;
using llmos::test::writeTinyHubCacheSnapshot;
namespace fs = std::filesystem;

namespace {

constexpr const char *kSecondShard = "model-00002-of-00002.safetensors";

class HubCacheTest : public ::testing::Test {
protected:
    std::string home() const { return m_dir.file("home"); }
    // A tiny model sharded in two, as the cache repository `repository` holds it.
    std::string snapshot(const std::string &repository = "models--org--tiny", std::uint32_t seed = 1) const
    {
        return writeTinyHubCacheSnapshot(m_dir.file("hub/" + repository), {.seed = seed, .sharded = true});
    }
    void expectConsistent() const
    {
        const auto problems = registryProblems(home());
        EXPECT_TRUE(problems.empty()) << problems.front();
    }

    TempDir m_dir;
};

} // namespace

TEST_F(HubCacheTest, AShardedSnapshotOpensWhereItIsAndImports)
{
    const std::string folder = snapshot();
    ASSERT_TRUE(fs::is_symlink(folder + "/" + kSecondShard));

    // What `llmos generate --model <snapshot>` opens.
    const auto weights = SafetensorsWeights::openFolder(folder);
    EXPECT_EQ(weights.files().size(), 2u);
    EXPECT_EQ(weights.parameterCount(), 10u);
    EXPECT_EQ(inspectModel(folder).parameterCount, 10u);

    ModelRegistry registry(home());
    const ModelRecord stored = registry.importModel(folder);
    EXPECT_EQ(stored.name, "org/tiny");
    const ModelRecord row = registry.get(stored.id);
    EXPECT_EQ(row.files.size(), 6u); // 2 shards, index, config, tokenizer, card
    for (const auto &f : row.files)
        EXPECT_EQ(f.sha256, sha256OfFile(folder + "/" + f.path)) << f.path;
    EXPECT_EQ(inspectModel(registry.resolve(stored.id)).parameterCount, 10u);

    const ModelRecord inPlace = registry.importModel(folder, {.name = "org/tiny-in-place", .inPlace = true});
    EXPECT_EQ(registry.resolve(inPlace.id), folder);
    EXPECT_EQ(registry.verifyInPlace(inPlace.id).status, ModelStatus::Ready);
    EXPECT_EQ(SafetensorsWeights::openFolder(registry.resolve(inPlace.id)).parameterCount(), 10u);
    expectConsistent();
}

// A folder laid out as a snapshot in the cache repository `repository`, whose second
// shard is made a link to what `target` returns for the snapshot folder.
struct EscapingShard {
    const char *name;
    const char *repository;
    std::function<fs::path(const fs::path &snapshot)> target;
};

class EscapingShardLink : public HubCacheTest, public ::testing::WithParamInterface<EscapingShard> {};

TEST_P(EscapingShardLink, IsRefusedByTheLoaderAndTheImporter)
{
    const auto &param = GetParam();
    const fs::path folder = snapshot(param.repository);
    const fs::path target = param.target(folder);
    fs::remove(folder / kSecondShard);
    fs::create_symlink(target, folder / kSecondShard);

    try {
        SafetensorsWeights::openFolder(folder.string());
        FAIL() << "the loader followed the link to " << target;
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Format) << e.what();
        EXPECT_NE(e.detail().find("resolves (through a link) outside the model folder"), std::string::npos) << e.what();
    }

    ModelRegistry registry(home());
    try {
        registry.importModel(folder.string());
        FAIL() << "the importer followed the link to " << target;
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Format) << e.what();
        EXPECT_NE(e.detail().find("is a link that leads out of the model folder"), std::string::npos) << e.what();
    }
    EXPECT_EQ(registry.count(), 0u);
    expectConsistent();
}

namespace {

// The blob that `snapshot`'s second shard links to.
fs::path ownBlob(const fs::path &snapshot)
{
    return fs::canonical(snapshot / kSecondShard);
}

// The second shard of another repository in the same cache: a valid shard, so only the
// link check can refuse it.
fs::path siblingBlob(const fs::path &snapshot)
{
    const fs::path cache = snapshot.parent_path().parent_path().parent_path();
    return ownBlob(writeTinyHubCacheSnapshot((cache / "models--org--other").string(), {.seed = 2, .sharded = true}));
}

} // namespace

INSTANTIATE_TEST_SUITE_P(
    HubCache, EscapingShardLink,
    ::testing::Values(
        EscapingShard{"out_of_the_cache", "models--org--tiny", [](const fs::path &) { return fs::path("/etc/passwd"); }},
        EscapingShard{"into_a_sibling_repository", "models--org--tiny", siblingBlob},
        EscapingShard{"to_a_file_of_its_repository_that_is_no_blob", "models--org--tiny",
                      [](const fs::path &snapshot) { return snapshot.parent_path().parent_path() / "refs" / "main"; }},
        // Laid out like a snapshot, but in a repository folder the hub client does not
        // name so: its links into blobs/ lead out of the model folder like any other.
        EscapingShard{"into_blobs_from_a_folder_that_is_no_snapshot", "datasets--org--tiny", ownBlob}),
    [](const auto &info) { return std::string(info.param.name); });
