#include "registryfixtures.h"

#include "formats/gguf/ggufwriter.h"
#include "formats/safetensorswriter.h"
#include "registry/blobstore.h"
#include "registry/lineagegraph.h"
#include "registry/modelcatalog.h"
#include "registry/modelmanifest.h"
#include "registry/registrydatabase.h"
#include "registry/registryid.h"
#include "registry/registrylayout.h"
#include "registry/sha256hasher.h"
#include "registry/sqlitestatement.h"
#include "util/error.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace llmos::test {

namespace {

void writeText(const fs::path &path, const std::string &text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

std::vector<std::uint8_t> floatBytes(const std::vector<float> &values)
{
    std::vector<std::uint8_t> bytes(values.size() * 4);
    std::memcpy(bytes.data(), values.data(), bytes.size());
    return bytes;
}

// What a rebuild from the manifests would make of each row differs from the row: the
// manifests, the only copy a damaged database leaves, have fallen behind.
void addManifestProblems(SqliteDatabase &db, const RegistryLayout &layout, const std::set<std::string> &ids,
                         std::vector<std::string> &problems)
{
    const ModelCatalog catalog(db);
    const LineageGraph lineage(db);
    for (const auto &id : ids) {
        ModelManifest manifest;
        try {
            manifest = readModelManifest(layout.manifestFile(id));
        } catch (const Error &e) {
            problems.push_back("manifest of model " + id + ": " + e.what());
            continue;
        }
        if (manifest.model != catalog.load(id))
            problems.push_back("manifest of model " + id + " disagrees with its row");
        // A parent removed after this manifest was written may still have its id here; a
        // rebuild keeps only the name of a parent it does not restore, as the row does.
        for (auto &edge : manifest.parents)
            if (!ids.contains(edge.fromId))
                edge.fromId.clear();
        if (manifest.parents != lineage.parents(id))
            problems.push_back("manifest of model " + id + " disagrees with its lineage rows");
    }
}

} // namespace

void writeTinyHfFolder(const std::string &folder, const TinyModelOptions &options)
{
    fs::create_directories(folder);
    const fs::path dir(folder);
    if (options.family == "gpt2")
        writeText(dir / "config.json",
                  R"({"model_type":"gpt2","architectures":["GPT2LMHeadModel"],"vocab_size":4,"n_embd":2,"n_layer":1,)"
                  R"("n_head":1,"n_positions":64})");
    else
        writeText(dir / "config.json",
                  R"({"model_type":"llama","architectures":["LlamaForCausalLM"],"vocab_size":4,"hidden_size":2,)"
                  R"("intermediate_size":4,"num_hidden_layers":1,"num_attention_heads":1,"max_position_embeddings":128,)"
                  R"("torch_dtype":"float32"})");
    const auto embedding = floatBytes({1, 2, 3, 4, 5, 6, 7, 8});
    const auto norm = floatBytes({1, 1});
    std::vector<std::uint8_t> extra(options.extraBytes / 4 * 4);
    std::mt19937 random(options.seed);
    for (auto &b : extra)
        b = static_cast<std::uint8_t>(random() & 0x3f); // small exponents: finite floats
    std::vector<SafetensorsWriteEntry> first{{"model.embed_tokens.weight", DType::F32, {4, 2}, embedding}};
    std::vector<SafetensorsWriteEntry> second{{"model.norm.weight", DType::F32, {2}, norm}};
    if (!extra.empty())
        second.push_back({"model.extra.weight", DType::F32, {extra.size() / 4}, extra});
    if (options.sharded) {
        writeSafetensors((dir / "model-00001-of-00002.safetensors").string(), first);
        writeSafetensors((dir / "model-00002-of-00002.safetensors").string(), second);
        std::string map = R"("model.embed_tokens.weight":"model-00001-of-00002.safetensors","model.norm.weight":"model-00002-of-00002.safetensors")";
        if (!extra.empty())
            map += R"(,"model.extra.weight":"model-00002-of-00002.safetensors")";
        writeText(dir / "model.safetensors.index.json", R"({"metadata":{"total_size":40},"weight_map":{)" + map + "}}");
    } else {
        first.insert(first.end(), second.begin(), second.end());
        writeSafetensors((dir / "model.safetensors").string(), first);
    }
    if (options.tokenizer)
        writeText(dir / "tokenizer.json",
                  R"({"version":"1.0","model":{"type":"WordLevel","vocab":{"a":0,"b":1,"c":2,"<unk>":3},"unk_token":"<unk>"}})");
    if (options.card)
        writeText(dir / "README.md", "---\nlicense: apache-2.0\ntags:\n- tiny\n---\n# Tiny\n\nA model for tests.\n");
}

std::string writeTinyHubCacheSnapshot(const std::string &repository, const TinyModelOptions &options)
{
    const fs::path repo(repository);
    const fs::path snapshot = repo / "snapshots" / "0123456789abcdef0123456789abcdef01234567";
    const fs::path staging = repo / ".staging";
    writeTinyHfFolder(staging.string(), options);
    fs::create_directories(repo / "blobs");
    fs::create_directories(snapshot);
    for (const auto &entry : fs::directory_iterator(staging)) {
        const std::string digest = sha256OfFile(entry.path().string());
        fs::rename(entry.path(), repo / "blobs" / digest);
        fs::create_symlink(fs::path("../../blobs") / digest, snapshot / entry.path().filename());
    }
    fs::remove(staging);
    fs::create_directories(repo / "refs");
    std::ofstream(repo / "refs" / "main") << snapshot.filename().string();
    return snapshot.string();
}

void writeTinyGguf(const std::string &path, const std::string &name)
{
    GgufWriter w;
    w.addMetadata("general.architecture", GgufValue("llama"));
    w.addMetadata("general.name", GgufValue(name));
    w.addMetadata("general.license", GgufValue("mit"));
    w.addMetadata("llama.context_length", GgufValue(std::uint32_t(2048)));
    w.addMetadata("llama.block_count", GgufValue(std::uint32_t(1)));
    const std::vector<float> data(128, 0.5f);
    w.addTensor("token_embd.weight", {4, 32}, data, GgmlType::F16); // 256 bytes: most of the file is F16
    w.addTensor("output_norm.weight", {32}, std::span(data).first(32), GgmlType::F32);
    w.write(path);
}

void writeTinyAdapter(const std::string &folder, const std::string &baseName)
{
    fs::create_directories(folder);
    const fs::path dir(folder);
    writeText(dir / "adapter_config.json",
              R"({"peft_type":"LORA","base_model_name_or_path":")" + baseName
                  + R"(","r":2,"lora_alpha":4,"target_modules":["q_proj"]})");
    const auto a = floatBytes({1, 2, 3, 4});
    writeSafetensors((dir / "adapter_model.safetensors").string(),
                     {{"base_model.model.layers.0.q_proj.lora_A.weight", DType::F32, {2, 2}, a},
                      {"base_model.model.layers.0.q_proj.lora_B.weight", DType::F32, {2, 2}, a}});
}

void writeManyManifests(const std::string &home, const std::string &templateId, int count)
{
    const RegistryLayout layout(home);
    const ModelManifest base = readModelManifest(layout.manifestFile(templateId));
    const char *families[] = {"llama", "gpt2", "bert", "llama"};
    for (int i = 0; i < count; ++i) {
        ModelManifest m = base;
        m.model.id = newRegistryId('m');
        char name[32];
        std::snprintf(name, sizeof name, "model-%05d", i);
        m.model.name = name;
        m.model.family = families[i % 4];
        m.model.sizeBytes = static_cast<std::uint64_t>(i) * 1000;
        m.model.createdAt = 1'700'000'000 + i;
        m.model.tags = i % 10 == 0 ? std::vector<std::string>{"chat"} : std::vector<std::string>{};
        std::ofstream(layout.manifestFile(m.model.id)) << toJson(m).dump();
    }
}

std::vector<std::string> registryProblems(const std::string &home)
{
    std::vector<std::string> problems;
    const RegistryLayout layout(home);
    const BlobStore blobs(layout.blobsFolder());
    auto db = openRegistryDatabase(layout.databaseFile());
    if (const auto check = checkRegistryIntegrity(db); check != "ok")
        problems.push_back("integrity_check: " + check);

    std::set<std::string> ids;
    std::set<std::string> usedBlobs;
    auto rows = db.prepare("SELECT m.id, m.in_place, f.path, f.size, f.sha256, f.source_path FROM models m "
                           "LEFT JOIN model_files f ON f.model_id = m.id",
                           "test: reading files");
    while (rows.step()) {
        const std::string id = rows.columnText(0);
        ids.insert(id);
        if (rows.columnIsNull(2)) {
            problems.push_back("model " + id + " has no files");
            continue;
        }
        const std::string path = rows.columnText(2);
        const std::string sha = rows.columnText(4);
        const std::string file = rows.columnIsNull(5) ? blobs.pathOf(sha) : rows.columnText(5);
        if (rows.columnIsNull(5)) {
            usedBlobs.insert(sha);
            if (!fs::exists(layout.modelFolder(id) + "/" + path))
                problems.push_back("model " + id + ": " + path + " missing from its folder");
        }
        if (!fs::exists(file))
            problems.push_back("model " + id + ": " + path + " has no file at " + file);
        else if (sha256OfFile(file) != sha)
            problems.push_back("model " + id + ": " + path + " has another hash");
        if (!fs::exists(layout.manifestFile(id)))
            problems.push_back("model " + id + " has no manifest");
    }
    addManifestProblems(db, layout, ids, problems);
    for (const auto &digest : blobs.list())
        if (!usedBlobs.contains(digest))
            problems.push_back("blob " + digest + " is used by no row");
    for (const auto &leftover : {layout.rebuildMarkerFile(), layout.rebuiltDatabaseFile()})
        if (fs::exists(leftover))
            problems.push_back(leftover + " is left from a rebuild");
    if (const auto temps = entriesIn(blobs.tempFolder()); temps > 0)
        problems.push_back(std::to_string(temps) + " temp file(s) in blobs/tmp");
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(layout.modelsFolder(), ec))
        if (!ids.contains(entry.path().filename().string()))
            problems.push_back("folder models/" + entry.path().filename().string() + " has no row");
    for (const auto &entry : fs::directory_iterator(layout.manifestsFolder(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.ends_with(".json.damaged")) // set aside by rebuild() for a person to look at
            continue;
        if (!name.ends_with(".json") || !ids.contains(name.substr(0, name.size() - 5)))
            problems.push_back("manifests/" + name + " has no row");
    }
    return problems;
}

std::size_t entriesIn(const std::string &folder)
{
    std::error_code ec;
    std::size_t n = 0;
    for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); ++it)
        ++n;
    return n;
}

} // namespace llmos::test
