#pragma once

#include <cstdint>
#include <string>
#include <vector>

// Tiny models the registry tests write themselves, and the invariants every test (and
// the crash test after each kill) checks on a registry home.
namespace llmos::test {

struct TinyModelOptions {
    // Bytes of an extra F32 tensor, to make a model of some size (rounded down to 4).
    std::uint64_t extraBytes = 0;
    // Seeds the extra tensor's bytes: equal seeds give identical weight files.
    std::uint32_t seed = 1;
    bool tokenizer = true;
    bool card = true;
    // Splits the weights over two shards with model.safetensors.index.json.
    bool sharded = false;
    // "llama" or "gpt2" (config.json's model_type).
    std::string family = "llama";
};

// A Llama-family Hugging Face folder (config.json, safetensors, tokenizer.json, README.md
// with "license: apache-2.0") in `folder`, which is created.
void writeTinyHfFolder(const std::string &folder, const TinyModelOptions &options = {});
// A Hugging Face hub cache repository folder (normally <cache>/models--<org>--<name>)
// holding one snapshot of a tiny model as the hub client lays it out: every file once in
// <repository>/blobs/<sha256>, and <repository>/snapshots/<commit>/<file> a relative
// link to ../../blobs/<sha256>. Returns the snapshot folder.
std::string writeTinyHubCacheSnapshot(const std::string &repository, const TinyModelOptions &options = {});
// A GGUF file with general.architecture llama, general.name and a context length.
void writeTinyGguf(const std::string &path, const std::string &name = "tiny-gguf");
// A PEFT LoRA adapter folder whose base_model_name_or_path is `baseName`.
void writeTinyAdapter(const std::string &folder, const std::string &baseName);

// Manifests of `count` more models for the registry in `home`, sharing the files of the
// registered model `templateId`; ModelRegistry::rebuild(home) then registers them all
// in one transaction, the fast way to get thousands of models. Model i is named
// "model-%05d", of family llama, gpt2, bert, llama (by i % 4), with sizeBytes i * 1000,
// createdAt 1,700,000,000 + i, and the tag "chat" when i % 10 == 0.
void writeManyManifests(const std::string &home, const std::string &templateId, int count);

// Everything wrong with the registry in `home` ("" entries never appear): a row without
// its files or with a file of another hash, a blob no row uses, a temp file, a model
// folder or manifest without a row, a manifest that says other than its row, what a
// rebuild leaves while it runs, a failed integrity check. Empty when consistent.
std::vector<std::string> registryProblems(const std::string &home);

// Number of entries in a folder (0 when it does not exist).
std::size_t entriesIn(const std::string &folder);

} // namespace llmos::test
