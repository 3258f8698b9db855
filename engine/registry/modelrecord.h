#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

// How a model came to be in the registry.
enum class ModelOrigin { Imported, FineTuned, Quantized, Merged, Adapter, Exported };
// What its files are: a Hugging Face folder, one GGUF file, or a PEFT adapter folder.
enum class ModelFormat { HuggingFace, Gguf, Peft };
// Whether its files are as registered: in-place files can change or vanish.
enum class ModelStatus { Ready, Changed, Missing };

// The names stored in the database and shown in JSON: "fine-tuned", "hf", "missing"...
const char *modelOriginName(ModelOrigin origin) noexcept;
const char *modelFormatName(ModelFormat format) noexcept;
const char *modelStatusName(ModelStatus status) noexcept;
std::optional<ModelOrigin> parseModelOrigin(std::string_view name) noexcept;
std::optional<ModelFormat> parseModelFormat(std::string_view name) noexcept;
std::optional<ModelStatus> parseModelStatus(std::string_view name) noexcept;

// One file of a model. A stored file's bytes are the blob named by sha256; an in-place
// file stays at sourcePath, and size/mtime tell whether it was touched since.
struct ModelFile {
    std::string path; // relative to the model folder ("model.safetensors", "README.md")
    std::uint64_t size = 0;
    std::string sha256;
    std::string sourcePath; // absolute, in-place files only
    std::int64_t mtimeNs = 0;

    bool operator==(const ModelFile &) const = default;
};

// A registered model: one row of `models` with its tags and (from get()) its files.
struct ModelRecord {
    std::string id; // "m-" + 12 base-32 characters
    std::string name;
    std::string family;       // gpt2 / llama / bert, when known
    std::string architecture; // "LlamaForCausalLM", GGUF general.architecture
    std::uint64_t parameterCount = 0;
    std::string dtype;        // the type most of the weights' bytes are in: BF16, Q8_0, ...; I8 / I4 for
                              // a quantized (compressed-tensors) folder
    std::uint64_t contextLength = 0;
    std::uint64_t sizeBytes = 0; // all files together
    std::string license;
    std::string description;
    std::int64_t createdAt = 0; // Unix seconds
    ModelStatus status = ModelStatus::Ready;
    ModelOrigin origin = ModelOrigin::Imported;
    ModelFormat format = ModelFormat::HuggingFace;
    bool inPlace = false;
    std::string sourcePath; // the folder or file it was imported from (absolute)
    // What loaders are handed, relative to the model's folder: "" for the folder itself,
    // or a file name (a GGUF file). In-place models use it relative to sourcePath's folder.
    std::string loadPath;
    // Free-form facts that have no column: "base_model" of an adapter whose base is not
    // registered, "model_card" (the README's file name), "warnings" of the import.
    std::map<std::string, std::string> metadata;
    std::vector<std::string> tags;  // sorted
    std::vector<ModelFile> files;   // sorted by path; empty in list() results

    bool operator==(const ModelRecord &) const = default;
};

// The JSON the CLI prints and manifests store (snake_case keys; times also as ISO text).
nlohmann::json toJson(const ModelRecord &model);
nlohmann::json toJson(const ModelFile &file);
// The reverse of toJson, checking every field's type and the enums' names; throws
// Error(Format) with `where` = sourceName + the key.
ModelRecord modelRecordFromJson(const nlohmann::json &json, const std::string &where);

} // namespace llmos

namespace llmos {

// Throws Error(Format) naming `where` unless `path` is a relative path that stays inside
// its folder: not empty, not absolute, no "." or ".." parts, no backslash, NUL or other
// control character. Every file name that reaches the disk through the registry passes
// here, whether it came from a folder, a manifest or the database.
void checkModelFilePath(std::string_view path, const std::string &where);

} // namespace llmos

namespace llmos {

// Names and tags a person gives: valid UTF-8 without control characters, of a sane
// length, and (for names) not shaped like a model id. Throw Error(InvalidInput).
void checkModelName(std::string_view name);
// The same rules for any name `what` ("dataset name"), up to maxBytes.
void checkDisplayText(std::string_view text, std::size_t maxBytes, const char *what);
void checkTag(std::string_view tag);

} // namespace llmos
