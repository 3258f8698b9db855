// ModelRegistry end to end on tiny models the tests write: import of every accepted
// kind, dedupe, refusals that leave the registry untouched, queries, tags, lineage,
// in-place checks, damaged databases and rebuild.

#include "model/modelinspection.h"
#include "registry/blobstore.h"
#include "registry/modelmanifest.h"
#include "registry/modelregistry.h"
#include "registry/registrylayout.h"
#include "registry/sha256hasher.h"
#include "registryfixtures.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <thread>
#include <tuple>

using namespace llmos;
using llmos::test::entriesIn;
using llmos::test::registryProblems;
using llmos::test::TempDir;
using llmos::test::TinyModelOptions;
using llmos::test::writeTinyAdapter;
using llmos::test::writeTinyGguf;
using llmos::test::writeTinyHfFolder;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

std::vector<std::string> names(const std::vector<ModelRecord> &models)
{
    std::vector<std::string> out;
    for (const auto &m : models)
        out.push_back(m.name);
    return out;
}

const ModelFile *fileNamed(const ModelRecord &m, const std::string &path)
{
    for (const auto &f : m.files)
        if (f.path == path)
            return &f;
    return nullptr;
}

// A registry home and a folder for sources, side by side in one temp folder.
class RegistryTest : public ::testing::Test {
protected:
    std::string home() const { return m_dir.file("home"); }
    std::string source(const std::string &name) const { return m_dir.file("src/" + name); }
    std::string tinyFolder(const std::string &name, const TinyModelOptions &options = {}) const
    {
        writeTinyHfFolder(source(name), options);
        return source(name);
    }
    void expectConsistent() const
    {
        const auto problems = registryProblems(home());
        EXPECT_TRUE(problems.empty()) << problems.front();
    }
    std::size_t blobCount() const { return BlobStore(RegistryLayout(home()).blobsFolder()).list().size(); }
    // Imports a tiny model through a registry that is closed again; returns its id.
    std::string importAndClose(const std::string &name) const
    {
        ModelRegistry registry(home());
        return registry.importModel(tinyFolder(name)).id;
    }

    TempDir m_dir;
};

} // namespace

TEST_F(RegistryTest, ImportsAHuggingFaceFolderWithItsCard)
{
    const std::string folder = tinyFolder("tiny");
    ModelRegistry registry(home());
    const ModelRecord m = registry.importModel(folder);
    EXPECT_TRUE(m.id.starts_with("m-")) << m.id;
    EXPECT_EQ(m.name, "tiny");
    EXPECT_EQ(m.format, ModelFormat::HuggingFace);
    EXPECT_EQ(m.origin, ModelOrigin::Imported);
    EXPECT_EQ(m.family, "llama");
    EXPECT_EQ(m.architecture, "LlamaForCausalLM");
    EXPECT_EQ(m.parameterCount, 10u);
    EXPECT_EQ(m.dtype, "F32");
    EXPECT_EQ(m.contextLength, 128u);
    EXPECT_EQ(m.license, "apache-2.0");
    EXPECT_FALSE(m.inPlace);
    EXPECT_EQ(m.sourcePath, fs::path(folder).lexically_normal().string());

    const ModelRecord stored = registry.get(m.id);
    EXPECT_EQ(registry.get("tiny"), stored);
    std::vector<std::string> paths;
    std::uint64_t total = 0;
    for (const auto &f : stored.files) {
        paths.push_back(f.path);
        total += f.size;
        EXPECT_EQ(f.sha256, sha256OfFile(folder + "/" + f.path)) << f.path;
        EXPECT_TRUE(f.sourcePath.empty());
    }
    EXPECT_EQ(paths, (std::vector<std::string>{"README.md", "config.json", "model.safetensors", "tokenizer.json"}));
    EXPECT_EQ(stored.sizeBytes, total);

    // Loaders get a folder with the same files under the same names.
    const std::string resolved = registry.resolve("tiny");
    EXPECT_EQ(resolved, RegistryLayout(home()).modelFolder(m.id));
    for (const auto &p : paths)
        EXPECT_EQ(llmos::test::readFile(resolved + "/" + p), llmos::test::readFile(folder + "/" + p)) << p;
    EXPECT_EQ(inspectModel(resolved).parameterCount, 10u);

    const auto card = registry.modelCard(m.id);
    ASSERT_TRUE(card.has_value());
    EXPECT_TRUE(contains(*card, "A model for tests."));
    EXPECT_EQ(m.metadata.at("model_card"), "README.md");
    expectConsistent();

    // Everything is still there for the next process.
    ModelRegistry reopened(home());
    EXPECT_FALSE(reopened.recovery().anything());
    EXPECT_EQ(reopened.get(m.id), stored);
}

TEST_F(RegistryTest, ImportsAShardedFolderAGgufFileAndALoneSafetensorsFile)
{
    ModelRegistry registry(home());
    TinyModelOptions sharded;
    sharded.sharded = true;
    const auto a = registry.importModel(tinyFolder("sharded", sharded));
    EXPECT_EQ(registry.get(a.id).files.size(), 6u); // 2 shards, index, config, tokenizer, card
    EXPECT_EQ(a.parameterCount, 10u);

    const std::string gguf = source("tiny.gguf");
    fs::create_directories(fs::path(gguf).parent_path());
    writeTinyGguf(gguf);
    const auto g = registry.importModel(gguf);
    EXPECT_EQ(g.format, ModelFormat::Gguf);
    EXPECT_EQ(g.name, "tiny-gguf"); // general.name
    EXPECT_EQ(g.family, "llama");
    EXPECT_EQ(g.contextLength, 2048u);
    EXPECT_EQ(g.license, "mit");
    EXPECT_EQ(g.dtype, "F16");
    EXPECT_EQ(g.parameterCount, 128u + 32u);
    const std::string resolved = registry.resolve(g.id);
    EXPECT_TRUE(resolved.ends_with("/tiny.gguf")) << resolved;
    EXPECT_EQ(llmos::test::readFile(resolved), llmos::test::readFile(gguf));

    const std::string lone = tinyFolder("lone") + "/model.safetensors";
    std::ofstream(source("lone") + "/notes.txt") << "not a companion file";
    const auto s = registry.importModel(lone, {.name = "lone-file"});
    std::vector<std::string> paths;
    for (const auto &f : registry.get(s.id).files)
        paths.push_back(f.path);
    EXPECT_EQ(paths, (std::vector<std::string>{"README.md", "config.json", "model.safetensors", "tokenizer.json"}));
    EXPECT_EQ(inspectModel(registry.resolve(s.id)).parameterCount, 10u);
    expectConsistent();
}

TEST_F(RegistryTest, AdapterIsLinkedToItsRegisteredBaseModel)
{
    ModelRegistry registry(home());
    const auto base = registry.importModel(tinyFolder("base"), {.name = "org/tiny-base"});
    writeTinyAdapter(source("adapter"), "org/tiny-base");
    const auto adapter = registry.importModel(source("adapter"));
    EXPECT_EQ(adapter.format, ModelFormat::Peft);
    EXPECT_EQ(adapter.origin, ModelOrigin::Adapter);
    EXPECT_EQ(adapter.family, "llama"); // from the base
    EXPECT_EQ(adapter.parameterCount, 8u);
    EXPECT_EQ(adapter.metadata.at("peft_type"), "LORA");
    EXPECT_EQ(adapter.metadata.at("base_model"), "org/tiny-base");

    const auto up = registry.lineage(adapter.id);
    ASSERT_EQ(up.ancestors.size(), 1u);
    EXPECT_EQ(up.ancestors[0].fromId, base.id);
    EXPECT_EQ(up.ancestors[0].kind, LineageKind::Lora);
    const auto down = registry.lineage(base.id);
    ASSERT_EQ(down.descendants.size(), 1u);
    EXPECT_EQ(down.descendants[0].toName, "adapter");

    // A base that is not registered is only named.
    writeTinyAdapter(source("stray"), "someone/unknown-model");
    const auto stray = registry.importModel(source("stray"));
    EXPECT_EQ(stray.metadata.at("base_model"), "someone/unknown-model");
    EXPECT_TRUE(registry.lineage(stray.id).ancestors.empty());
    expectConsistent();
}

TEST_F(RegistryTest, IdenticalFilesAreStoredOnceAndRemovalKeepsSharedBlobs)
{
    ModelRegistry registry(home());
    const std::string folder = tinyFolder("same");
    const auto a = registry.importModel(folder, {.name = "copy-a"});
    const auto b = registry.importModel(folder, {.name = "copy-b"});
    EXPECT_EQ(blobCount(), 4u);
    const auto removed = registry.remove(a.id);
    EXPECT_EQ(removed.bytesFreed, 0u); // b still uses every blob
    EXPECT_EQ(blobCount(), 4u);
    EXPECT_FALSE(registry.find(a.id));
    EXPECT_FALSE(fs::exists(RegistryLayout(home()).modelFolder(a.id)));
    EXPECT_EQ(inspectModel(registry.resolve(b.id)).parameterCount, 10u);
    expectConsistent();
    const auto last = registry.remove("copy-b");
    EXPECT_EQ(last.bytesFreed, b.sizeBytes);
    EXPECT_EQ(blobCount(), 0u);
    EXPECT_EQ(entriesIn(RegistryLayout(home()).manifestsFolder()), 0u);
    EXPECT_EQ(entriesIn(RegistryLayout(home()).modelsFolder()), 0u);
    EXPECT_TRUE(fs::exists(folder + "/model.safetensors")); // sources are never touched
}

TEST_F(RegistryTest, TakenNamesAndIdShapedNamesAreRefused)
{
    ModelRegistry registry(home());
    const auto first = registry.importModel(tinyFolder("dup"));
    try {
        registry.importModel(tinyFolder("other"), {.name = "dup"});
        FAIL() << "a second model named dup was registered";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
        EXPECT_TRUE(contains(e.what(), first.id)) << e.what();
    }
    EXPECT_THROW(registry.importModel(source("other"), {.name = "m-0123456789ab"}), Error);
    EXPECT_THROW(registry.importModel(source("other"), {.name = "two\nlines"}), Error);
    EXPECT_EQ(registry.count(), 1u);
    EXPECT_EQ(blobCount(), 4u);
    expectConsistent();
}

// Each refused source: what to write, the kind of error, and a word the message has.
struct RefusedSource {
    const char *name;
    std::function<std::string(const std::string &)> make; // writes under the folder, returns the path to import
    ErrorKind kind;
    const char *says;
};

class RefusedImport : public RegistryTest, public ::testing::WithParamInterface<RefusedSource> {};

TEST_P(RefusedImport, LeavesTheRegistryUntouched)
{
    const auto &param = GetParam();
    ModelRegistry registry(home());
    registry.importModel(tinyFolder("keep"), {.name = "keep"});
    const std::string path = param.make(source(param.name));
    try {
        registry.importModel(path);
        FAIL() << param.name << " was imported";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), param.kind) << e.what();
        EXPECT_TRUE(contains(e.what(), param.says)) << e.what();
    }
    EXPECT_EQ(names(registry.list()), std::vector<std::string>{"keep"});
    EXPECT_EQ(blobCount(), 4u);
    EXPECT_EQ(entriesIn(RegistryLayout(home()).manifestsFolder()), 1u);
    EXPECT_EQ(entriesIn(RegistryLayout(home()).modelsFolder()), 1u);
    expectConsistent();
}

namespace {

std::string writeFile(const std::string &path, const std::string &bytes)
{
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

const std::string kPickle("\x80\x02}q\x00.", 6);

std::string withFile(const std::string &folder, const std::string &name, const std::string &bytes)
{
    writeTinyHfFolder(folder);
    writeFile(folder + "/" + name, bytes);
    return folder;
}

} // namespace

INSTANTIATE_TEST_SUITE_P(
    Registry, RefusedImport,
    ::testing::Values(
        RefusedSource{"pickle_folder",
                      [](const std::string &f) {
                          writeFile(f + "/config.json", R"({"model_type":"llama"})");
                          writeFile(f + "/pytorch_model.bin", kPickle);
                          return f;
                      },
                      ErrorKind::Unsupported, "pickle"},
        RefusedSource{"pickle_file", [](const std::string &f) { return writeFile(f + "/model.pt", kPickle); },
                      ErrorKind::Unsupported, "pickle"},
        RefusedSource{"escaping_link",
                      [](const std::string &f) {
                          writeTinyHfFolder(f);
                          writeFile(f + "/../secret.json", "{}");
                          fs::remove(f + "/tokenizer.json");
                          fs::create_symlink("../secret.json", f + "/tokenizer.json");
                          return f;
                      },
                      ErrorKind::Format, "leads out of the model folder"},
        RefusedSource{"malformed_safetensors",
                      [](const std::string &f) {
                          writeTinyHfFolder(f);
                          std::string bytes(16, '\0');
                          bytes[0] = '\xff'; // header length far past the end of the file
                          bytes[5] = '\x7f';
                          writeFile(f + "/model.safetensors", bytes);
                          return f;
                      },
                      ErrorKind::Format, "model.safetensors"},
        RefusedSource{"extra_malformed_safetensors",
                      [](const std::string &f) { return withFile(f, "consolidated.safetensors", "garbage!"); },
                      ErrorKind::Format, "consolidated.safetensors"},
        RefusedSource{"index_escaping_folder",
                      [](const std::string &f) {
                          writeTinyHfFolder(f);
                          writeFile(f + "/model.safetensors.index.json",
                                    R"({"weight_map":{"model.norm.weight":"../outside.safetensors"}})");
                          return f;
                      },
                      ErrorKind::Format, "out of the model folder"},
        RefusedSource{"bad_config",
                      [](const std::string &f) {
                          writeTinyHfFolder(f);
                          writeFile(f + "/config.json", R"({"model_type":"llama","vocab_size":4,"hidden_size":2,)"
                                                        R"("intermediate_size":4,"num_hidden_layers":1,"num_attention_heads":0})");
                          return f;
                      },
                      ErrorKind::Format, "num_attention_heads"},
        RefusedSource{"bad_tokenizer_json", [](const std::string &f) { return withFile(f, "tokenizer.json", "{\"a\":1,\"a\":2}"); },
                      ErrorKind::Format, "tokenizer.json"},
        RefusedSource{"no_config",
                      [](const std::string &f) {
                          writeTinyHfFolder(f);
                          fs::remove(f + "/config.json");
                          return f;
                      },
                      ErrorKind::NotFound, "config.json"},
        RefusedSource{"newline_in_file_name", [](const std::string &f) { return withFile(f, "evil\nname.txt", "x"); },
                      ErrorKind::Format, "control character"},
        RefusedSource{"fifo_in_folder",
                      [](const std::string &f) {
                          writeTinyHfFolder(f);
                          ::mkfifo((f + "/pipe").c_str(), 0600);
                          return f;
                      },
                      ErrorKind::InvalidInput, "not a regular file"},
        RefusedSource{"truncated_gguf",
                      [](const std::string &f) {
                          fs::create_directories(f);
                          writeTinyGguf(f + "/m.gguf");
                          fs::resize_file(f + "/m.gguf", 100);
                          return f + "/m.gguf";
                      },
                      ErrorKind::Format, "m.gguf"},
        RefusedSource{"missing_path", [](const std::string &f) { return f + "/nothing-here"; }, ErrorKind::NotFound,
                      "does not exist"}),
    [](const auto &info) { return std::string(info.param.name); });

TEST_F(RegistryTest, PickleBesideSafetensorsIsLeftOutWithAWarning)
{
    ModelRegistry registry(home());
    const std::string folder = withFile(source("mixed"), "pytorch_model.bin", kPickle);
    const auto m = registry.importModel(folder);
    EXPECT_EQ(fileNamed(registry.get(m.id), "pytorch_model.bin"), nullptr);
    EXPECT_TRUE(contains(m.metadata.at("warnings"), "pytorch_model.bin was left out")) << m.metadata.at("warnings");
}

TEST_F(RegistryTest, ListFiltersSortsAndPages)
{
    ModelRegistry registry(home());
    auto add = [&](const std::string &name, std::uint64_t extra, const std::string &family, std::vector<std::string> tags) {
        TinyModelOptions o;
        o.extraBytes = extra;
        o.seed = static_cast<std::uint32_t>(extra + 1);
        o.family = family;
        return registry.importModel(tinyFolder(name, o), {.name = name, .description = "about " + name, .tags = tags});
    };
    add("alpha", 4000, "llama", {"chat"});
    add("Beta-BIG", 40000, "gpt2", {"chat", "base"});
    add("gamma", 0, "llama", {});
    add("delta_1", 400, "gpt2", {"base"});
    writeTinyAdapter(source("lora"), "alpha");
    registry.importModel(source("lora"), {.name = "lora"});

    EXPECT_EQ(names(registry.list()), (std::vector<std::string>{"alpha", "Beta-BIG", "delta_1", "gamma", "lora"}));
    EXPECT_EQ(names(registry.list({.sort = ModelQuery::Sort::Size, .descending = true})).front(), "Beta-BIG");
    EXPECT_EQ(names(registry.list({.family = "gpt2"})), (std::vector<std::string>{"Beta-BIG", "delta_1"}));
    EXPECT_EQ(names(registry.list({.text = "big"})), std::vector<std::string>{"Beta-BIG"});
    EXPECT_EQ(names(registry.list({.text = "about gam"})), std::vector<std::string>{"gamma"}); // description
    EXPECT_EQ(names(registry.list({.text = "_"})), std::vector<std::string>{"delta_1"}); // not a LIKE wildcard
    EXPECT_TRUE(registry.list({.text = "%"}).empty());
    EXPECT_EQ(names(registry.list({.tag = "chat"})), (std::vector<std::string>{"alpha", "Beta-BIG"}));
    EXPECT_EQ(names(registry.list({.family = "gpt2", .tag = "chat"})), std::vector<std::string>{"Beta-BIG"});
    EXPECT_EQ(names(registry.list({.origin = ModelOrigin::Adapter})), std::vector<std::string>{"lora"});
    EXPECT_EQ(names(registry.list({.format = ModelFormat::Peft})), std::vector<std::string>{"lora"});
    const auto gamma = registry.get("gamma");
    EXPECT_EQ(names(registry.list({.minSize = gamma.sizeBytes + 1, .maxSize = gamma.sizeBytes + 1000})),
              std::vector<std::string>{"delta_1"});
    EXPECT_EQ(names(registry.list({.limit = 2, .offset = 1})), (std::vector<std::string>{"Beta-BIG", "delta_1"}));
    EXPECT_EQ(registry.count({.tag = "base"}), 2u);
    EXPECT_EQ(registry.families(), (std::vector<std::string>{"gpt2", "llama"}));
    const auto listed = registry.list({.tag = "base", .sort = ModelQuery::Sort::Name});
    EXPECT_EQ(listed[0].tags, (std::vector<std::string>{"base", "chat"}));
    EXPECT_TRUE(listed[0].files.empty()); // list() leaves files to get()
}

TEST_F(RegistryTest, TagsChangeTheRowAndTheManifest)
{
    ModelRegistry registry(home());
    const auto m = registry.importModel(tinyFolder("tagged"), {.tags = {"b", "a", "b"}});
    EXPECT_EQ(m.tags, (std::vector<std::string>{"a", "b"}));
    registry.addTag(m.id, "chat");
    registry.addTag("tagged", "chat"); // again: no change, no error
    registry.removeTag(m.id, "a");
    EXPECT_EQ(registry.get(m.id).tags, (std::vector<std::string>{"b", "chat"}));
    EXPECT_EQ(readModelManifest(RegistryLayout(home()).manifestFile(m.id)).model.tags, (std::vector<std::string>{"b", "chat"}));
    try {
        registry.removeTag(m.id, "nope");
        FAIL();
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    }
    EXPECT_THROW(registry.addTag(m.id, "bad\x1ftag"), Error);
    EXPECT_THROW(registry.addTag(m.id, ""), Error);
    EXPECT_THROW(registry.addTag("m-000000000000", "x"), Error);
}

TEST_F(RegistryTest, DatasetsAreFoundByContentAndPathAndRunsKeepTheirFolderIdAndMetrics)
{
    ModelRegistry registry(home());
    const DatasetRecord data{.name = "train.jsonl", .format = "alpaca", .sourcePath = "/a/train.jsonl",
                             .sha256 = std::string(64, 'a'), .sizeBytes = 10};
    const auto first = registry.recordDataset(data);
    EXPECT_EQ(registry.recordDataset(data).id, first.id) << "the same content at the same path is one dataset";
    auto changed = data;
    changed.sha256 = std::string(64, 'b');
    const auto second = registry.recordDataset(changed);
    EXPECT_NE(second.id, first.id);
    EXPECT_EQ(second.name, "train.jsonl (2)") << "names stay unique";
    EXPECT_EQ(registry.findDataset("train.jsonl (2)")->sha256, changed.sha256);
    EXPECT_EQ(registry.datasets().size(), 2u);
    EXPECT_FALSE(registry.findDataset("nothing"));

    registry.recordRun("r-0123456789ab", "train", "{}", "running");
    registry.recordRun("r-0123456789ab", "train", "{}", "paused"); // a resume records it again
    registry.setRunMetrics("r-0123456789ab", R"({"eval_loss": 1.5})");
    EXPECT_EQ(registry.runMetrics("r-0123456789ab"), R"({"eval_loss": 1.5})");
    EXPECT_THROW(registry.recordRun("../etc", "train", "{}", "running"), Error);
    EXPECT_THROW(registry.setRunMetrics("r-0123456789ab", "[1]"), Error);
    EXPECT_THROW(registry.setRunStatus("r-zzzzzzzzzzzz", "failed"), Error);
}

TEST_F(RegistryTest, LineageAncestorsDescendantsCyclesAndForcedRemoval)
{
    ModelRegistry registry(home());
    const std::string folder = tinyFolder("family"); // one set of blobs for all
    auto add = [&](const char *name) { return registry.importModel(folder, {.name = name}).id; };
    const auto a = add("A"), b = add("B"), c = add("C"), d = add("D"), e = add("E");
    const auto run = registry.addRun("fine-tune", R"({"lr":0.001})", "succeeded");
    const auto data = registry.recordDataset({.name = "alpaca-mini", .sourcePath = "/data/alpaca.jsonl",
                                              .sha256 = std::string(64, '0'), .sizeBytes = 1234}).id;
    registry.addLineage("A", "B", LineageKind::FineTune, run, data);
    registry.addLineage(b, c, LineageKind::Quantize);
    registry.addLineage(a, d, LineageKind::Lora);
    registry.addLineage(c, e, LineageKind::Merge);
    registry.addLineage(d, e, LineageKind::Merge);

    // Nearest first; A shows twice, as D's parent (depth 2) and as B's (depth 3).
    const auto up = registry.lineage(e).ancestors;
    ASSERT_EQ(up.size(), 5u);
    const std::vector<std::tuple<std::string, std::string, LineageKind, int>> expected{
        {"C", "E", LineageKind::Merge, 1},    {"D", "E", LineageKind::Merge, 1}, {"B", "C", LineageKind::Quantize, 2},
        {"A", "D", LineageKind::Lora, 2},     {"A", "B", LineageKind::FineTune, 3}};
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_EQ(std::tuple(up[i].fromName, up[i].toName, up[i].kind, up[i].depth), expected[i]) << i;
    const auto down = registry.lineage(a).descendants;
    ASSERT_EQ(down.size(), 5u); // A->B, A->D, B->C, D->E, C->E
    EXPECT_EQ(down[0].runId, run);
    EXPECT_EQ(down[0].datasetId, data);

    for (auto [from, to] : {std::pair{e, a}, std::pair{c, b}, std::pair{a, a}}) {
        try {
            registry.addLineage(from, to, LineageKind::FineTune);
            FAIL() << "cycle accepted";
        } catch (const Error &err) {
            EXPECT_EQ(err.kind(), ErrorKind::InvalidInput) << err.what();
        }
    }
    EXPECT_THROW(registry.addLineage(a, b, LineageKind::Merge, "r-000000000000"), Error);

    try {
        registry.remove("B");
        FAIL() << "B was removed although C was made from it";
    } catch (const Error &err) {
        EXPECT_EQ(err.kind(), ErrorKind::InvalidInput);
        EXPECT_TRUE(contains(err.what(), "C (quantize)")) << err.what();
    }
    EXPECT_TRUE(registry.find("B"));
    const auto report = registry.remove("B", true);
    EXPECT_EQ(report.orphaned, std::vector<std::string>{"C"});
    const auto cUp = registry.lineage(c).ancestors;
    ASSERT_EQ(cUp.size(), 1u);
    EXPECT_EQ(cUp[0].fromId, "");
    EXPECT_EQ(cUp[0].fromName, "B");
    EXPECT_EQ(readModelManifest(RegistryLayout(home()).manifestFile(c)).parents.at(0).fromId, "");
    expectConsistent();
}

TEST_F(RegistryTest, InPlaceModelsAreReferencedAndTheirChangesNoticed)
{
    ModelRegistry registry(home());
    const std::string folder = tinyFolder("inplace");
    const auto m = registry.importModel(folder, {.inPlace = true});
    EXPECT_TRUE(m.inPlace);
    EXPECT_EQ(blobCount(), 0u);
    EXPECT_FALSE(fs::exists(RegistryLayout(home()).modelFolder(m.id)));
    EXPECT_EQ(registry.resolve(m.id), fs::path(folder).lexically_normal().string());
    EXPECT_EQ(fileNamed(registry.get(m.id), "config.json")->sourcePath, folder + "/config.json");
    EXPECT_EQ(registry.verifyInPlace(m.id).status, ModelStatus::Ready);
    expectConsistent();

    // A newer time with the same bytes is not a change.
    const auto later = fs::last_write_time(folder + "/config.json") + std::chrono::seconds(5);
    fs::last_write_time(folder + "/config.json", later);
    auto check = registry.verifyInPlace(m.id);
    EXPECT_EQ(check.status, ModelStatus::Ready);
    EXPECT_EQ(check.touched, std::vector<std::string>{"config.json"});

    // Same size, other bytes.
    std::string card = llmos::test::readFile(folder + "/README.md");
    card.back() = '?';
    std::ofstream(folder + "/README.md", std::ios::binary | std::ios::trunc) << card;
    check = registry.verifyInPlace(m.id);
    EXPECT_EQ(check.status, ModelStatus::Changed);
    EXPECT_EQ(check.changed, std::vector<std::string>{"README.md"});
    EXPECT_EQ(registry.get(m.id).status, ModelStatus::Changed);

    fs::remove(folder + "/tokenizer.json");
    check = registry.verifyInPlace(m.id);
    EXPECT_EQ(check.status, ModelStatus::Missing);
    EXPECT_EQ(check.missing, std::vector<std::string>{"tokenizer.json"});
    EXPECT_EQ(registry.list({.text = "inplace"}).at(0).status, ModelStatus::Missing);

    registry.remove(m.id);
    EXPECT_TRUE(fs::exists(folder + "/model.safetensors")); // never deleted
}

TEST_F(RegistryTest, ResolveRemakesADamagedModelFolder)
{
    ModelRegistry registry(home());
    const auto m = registry.importModel(tinyFolder("fragile"));
    const std::string folder = registry.resolve(m.id);
    fs::remove(folder + "/config.json");
    EXPECT_EQ(registry.resolve(m.id), folder);
    EXPECT_TRUE(fs::exists(folder + "/config.json"));
    expectConsistent();
}

TEST_F(RegistryTest, ProgressComesInStagesAndCancelLeavesNothing)
{
    ModelRegistry registry(home());
    TinyModelOptions big;
    big.extraBytes = 3 << 20;
    const std::string folder = tinyFolder("big", big);
    std::vector<ImportProgress> seen;
    const auto m = registry.importModel(folder, {.progress = [&](const ImportProgress &p) { seen.push_back(p); }});
    ASSERT_GE(seen.size(), 8u);
    EXPECT_EQ(seen.front().stage, ImportStage::Verified);
    EXPECT_EQ(seen.back().stage, ImportStage::Done);
    EXPECT_EQ(seen.back().bytesDone, m.sizeBytes);
    EXPECT_EQ(seen.back().bytesTotal, m.sizeBytes);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end(), [](const auto &x, const auto &y) {
        return x.stage < y.stage || (x.stage == y.stage && x.bytesDone < y.bytesDone);
    }));
    EXPECT_EQ(std::count_if(seen.begin(), seen.end(), [](const auto &p) { return p.stage == ImportStage::Storing; }), 4);

    std::stop_source stop;
    const auto blobsBefore = blobCount();
    try {
        registry.importModel(tinyFolder("big2", {.extraBytes = 3 << 20, .seed = 7}),
                             {.progress = [&](const ImportProgress &p) {
                                  if (p.stage == ImportStage::Copying && p.bytesDone > (1 << 20))
                                      stop.request_stop();
                              },
                              .stop = stop.get_token()});
        FAIL() << "not cancelled";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Cancelled);
    }
    EXPECT_EQ(blobCount(), blobsBefore);
    EXPECT_EQ(registry.count(), 1u);
    expectConsistent();
}

TEST_F(RegistryTest, OtherThreadsReadThroughTheirOwnConnection)
{
    ModelRegistry registry(home());
    registry.importModel(tinyFolder("shared"));
    std::size_t seenByThread = 0;
    std::thread reader([&] {
        ModelRegistry own(home());
        seenByThread = own.list().size();
    });
    reader.join();
    EXPECT_EQ(seenByThread, 1u);
}

TEST_F(RegistryTest, DamagedDatabaseIsReportedAndRebuiltFromManifests)
{
    std::string aId, bId;
    {
        ModelRegistry registry(home());
        aId = registry.importModel(tinyFolder("one"), {.tags = {"keep-me"}}).id;
        bId = registry.importModel(tinyFolder("two", {.extraBytes = 100}), {.inPlace = true}).id;
        registry.addLineage(aId, bId, LineageKind::FineTune, registry.addRun("train", "{}", "succeeded"));
    }
    const std::string db = RegistryLayout(home()).databaseFile();
    std::ofstream(db, std::ios::binary | std::ios::trunc) << std::string(8192, '\x17');
    try {
        ModelRegistry broken(home());
        FAIL() << "a damaged database opened";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Format);
        EXPECT_TRUE(contains(e.where(), "registry.sqlite")) << e.what();
        EXPECT_TRUE(contains(e.detail(), "rebuilt")) << e.what();
    }
    // A manifest that is itself damaged is set aside, not fatal.
    std::ofstream(RegistryLayout(home()).manifestFile("m-zzzzzzzzzzzz")) << "{not json";

    const RebuildReport report = ModelRegistry::rebuild(home());
    EXPECT_EQ(report.modelsRestored, 2u);
    EXPECT_TRUE(fs::exists(report.movedAside)) << report.movedAside;
    ASSERT_EQ(report.skipped.size(), 1u);
    EXPECT_TRUE(contains(report.skipped[0], "m-zzzzzzzzzzzz.json")) << report.skipped[0];
    EXPECT_TRUE(fs::exists(RegistryLayout(home()).manifestFile("m-zzzzzzzzzzzz") + ".damaged"));

    ModelRegistry registry(home());
    EXPECT_EQ(registry.get(aId).tags, std::vector<std::string>{"keep-me"});
    EXPECT_TRUE(registry.get(bId).inPlace);
    const auto up = registry.lineage(bId).ancestors;
    ASSERT_EQ(up.size(), 1u);
    EXPECT_EQ(up[0].fromId, aId);
    EXPECT_FALSE(up[0].runId.empty()); // a placeholder run keeps the reference
    EXPECT_EQ(inspectModel(registry.resolve(aId)).parameterCount, 10u);
    expectConsistent();
}

TEST_F(RegistryTest, ARebuildCutShortIsFinishedByTheNextOpen)
{
    const std::string id = importAndClose("kept");
    // What a rebuild killed part-way over a damaged database leaves (test_registry_crash
    // kills one before every change it makes): its marker and a half-built new database.
    const RegistryLayout layout(home());
    std::ofstream(layout.databaseFile(), std::ios::binary | std::ios::trunc) << std::string(8192, '\x17');
    writeFile(layout.rebuildMarkerFile(), "rebuilding\n");
    writeFile(layout.rebuiltDatabaseFile(), "half");

    ModelRegistry registry(home());
    EXPECT_NE(registry.recovery().rebuiltBecause.find("cut short"), std::string::npos) << registry.recovery().rebuiltBecause;
    EXPECT_EQ(registry.recovery().rebuild.modelsRestored, 1u);
    EXPECT_TRUE(fs::exists(registry.recovery().rebuild.movedAside)) << registry.recovery().rebuild.movedAside;
    EXPECT_EQ(registry.get(id).name, "kept");
    EXPECT_EQ(inspectModel(registry.resolve(id)).parameterCount, 10u);
    expectConsistent();
}

TEST_F(RegistryTest, ALostDatabaseIsRebuiltFromTheManifestsNotStartedEmpty)
{
    const std::string id = importAndClose("kept");
    const std::size_t blobs = blobCount();
    for (const char *suffix : {"", "-wal", "-shm"})
        fs::remove(RegistryLayout(home()).databaseFile() + suffix);

    // An empty database would make recovery delete every blob and manifest as unused.
    ModelRegistry registry(home());
    EXPECT_NE(registry.recovery().rebuiltBecause.find("database is gone"), std::string::npos)
        << registry.recovery().rebuiltBecause;
    EXPECT_TRUE(registry.recovery().rebuild.movedAside.empty());
    EXPECT_EQ(registry.get(id).name, "kept");
    EXPECT_EQ(blobCount(), blobs);
    expectConsistent();

    // An empty home is still just a new registry.
    ModelRegistry fresh(m_dir.file("fresh"));
    EXPECT_TRUE(fresh.recovery().rebuiltBecause.empty());
    EXPECT_EQ(fresh.count(), 0u);
}

TEST_F(RegistryTest, RecoveryRemovesWhatADeadWriterLeft)
{
    const std::string id = importAndClose("survivor");
    const RegistryLayout layout(home());
    // Debris of a killed import: a temp blob, a committed blob without a row, a model
    // folder and a manifest without a row, a half-written manifest.
    writeFile(layout.blobsFolder() + "/tmp/blob-abcdef", "partial");
    const std::string orphan = std::string(64, 'e');
    writeFile(layout.blobsFolder() + "/sha256/ee/" + orphan, "orphan");
    writeFile(layout.modelFolder("m-000000000000") + "/config.json", "{}");
    writeFile(layout.manifestFile("m-000000000000"), "{}");
    writeFile(layout.manifestsFolder() + "/.m-111111111111.json.tmp-abcdef", "{");
    fs::remove(layout.manifestFile(id)); // and a row whose manifest went missing

    ModelRegistry registry(home());
    const RecoveryReport r = registry.recovery();
    EXPECT_EQ(r.tempFilesRemoved, 1u);
    EXPECT_EQ(r.blobsRemoved, 1u);
    EXPECT_EQ(r.foldersRemoved, 1u);
    EXPECT_EQ(r.manifestsRemoved, 2u);
    EXPECT_EQ(r.manifestsWritten, 1u);
    EXPECT_EQ(registry.get(id).name, "survivor");
    expectConsistent();
}
