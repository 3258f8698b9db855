#include "formats/huggingfaceexport.h"

#include "formats/picklerefusal.h"
#include "formats/safetensorsweights.h"
#include "formats/safetensorswriter.h"
#include "util/atomicfile.h"
#include "util/error.h"
#include "util/partialfolder.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <vector>

namespace llmos {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kIndexName = "model.safetensors.index.json";
constexpr std::string_view kAdapterWeights = "adapter_model.safetensors";

struct TensorRef {
    const SafetensorsFile *file;
    const SafetensorsTensorInfo *info;
};

// Tensors in the order the source stores them: shard by shard, by offset. Keeping the
// order keeps layers together in a shard, as save_pretrained does.
std::vector<TensorRef> tensorsInStoredOrder(const SafetensorsWeights &weights)
{
    std::vector<TensorRef> tensors;
    for (const auto &file : weights.files()) {
        std::vector<TensorRef> ofFile;
        for (const auto &info : file->tensors())
            ofFile.push_back({file.get(), &info});
        std::sort(ofFile.begin(), ofFile.end(),
                  [](const TensorRef &a, const TensorRef &b) { return a.info->dataBegin < b.info->dataBegin; });
        tensors.insert(tensors.end(), ofFile.begin(), ofFile.end());
    }
    return tensors;
}

// Greedy: a shard takes tensors in order while they fit.
std::vector<std::vector<TensorRef>> shardsOf(const std::vector<TensorRef> &tensors, std::uint64_t maxShardBytes)
{
    std::vector<std::vector<TensorRef>> shards;
    std::uint64_t current = 0;
    for (const auto &tensor : tensors) {
        const auto size = tensor.info->byteSize();
        if (shards.empty() || (current > 0 && current + size > maxShardBytes)) {
            shards.emplace_back();
            current = 0;
        }
        shards.back().push_back(tensor);
        current += size;
    }
    return shards;
}

bool isWeightFile(const fs::path &relative)
{
    const auto name = relative.filename().string();
    return relative.extension() == ".safetensors" || name == kIndexName;
}

// Every file of `source` except the weights (and README.md when a card replaces it).
void copyOtherFiles(const fs::path &source, const fs::path &target, bool skipReadme)
{
    for (auto it = fs::recursive_directory_iterator(source); it != fs::recursive_directory_iterator(); ++it) {
        const fs::path relative = fs::relative(it->path(), source);
        if (relative.filename().string().starts_with(".")) { // .git, .cache, editor files
            if (it->is_directory())
                it.disable_recursion_pending();
            continue;
        }
        if (it->is_directory()) {
            fs::create_directories(target / relative);
            continue;
        }
        if (!it->is_regular_file()) // follows symlinks: a registry folder links to its blobs
            continue;
        if (isPickleCheckpoint(it->path()))
            refusePickleCheckpoint(it->path().string());
        if (isWeightFile(relative) || (skipReadme && relative == "README.md"))
            continue;
        fs::copy_file(it->path(), target / relative, fs::copy_options::overwrite_existing);
    }
}

} // namespace

void exportHuggingFaceFolder(const std::string &source, const std::string &destination,
                             const HuggingFaceExportOptions &options)
{
    std::error_code ec;
    const fs::path from(source);
    if (!fs::is_directory(from, ec))
        throw Error(ErrorKind::NotFound, source, "is not a folder; a Hugging Face model is exported from its folder");
    const fs::path to = PartialFolder::newDestination(destination);
    if (options.maxShardBytes == 0)
        throw Error(ErrorKind::InvalidInput, "export", "the largest shard size must be more than 0 bytes");

    const bool adapter = fs::is_regular_file(from / kAdapterWeights, ec);
    const auto weights = adapter ? SafetensorsWeights::openFile((from / kAdapterWeights).string())
                                 : SafetensorsWeights::openFolder(source);
    const auto tensors = tensorsInStoredOrder(weights);
    const auto shards = adapter ? std::vector<std::vector<TensorRef>>{tensors}
                                : shardsOf(tensors, options.maxShardBytes);
    const std::uint64_t total = weights.totalBytes();

    PartialFolder partial(to);
    copyOtherFiles(from, partial.path(), options.modelCard.has_value());
    if (options.modelCard)
        writeFileAtomically((partial.path() / "README.md").string(), *options.modelCard);

    nlohmann::json weightMap = nlohmann::json::object();
    std::uint64_t done = 0;
    for (std::size_t s = 0; s < shards.size(); ++s) {
        const std::string name = adapter              ? std::string(kAdapterWeights)
                                 : shards.size() == 1 ? std::string("model.safetensors")
                                                      : fmt::format("model-{:05}-of-{:05}.safetensors", s + 1,
                                                                    shards.size());
        std::vector<SafetensorsWriteEntry> entries;
        std::uint64_t shardBytes = 0;
        for (const auto &tensor : shards[s]) {
            entries.push_back({tensor.info->name, tensor.info->dtype, tensor.info->shape, tensor.file->bytes(*tensor.info)});
            weightMap[tensor.info->name] = name;
            shardBytes += tensor.info->byteSize();
        }
        // transformers reads "format" to know the tensors are PyTorch's layout.
        writeSafetensors((partial.path() / name).string(), entries, {{"format", "pt"}});
        done += shardBytes;
        if (options.progress && !options.progress(done, total))
            throw Error(ErrorKind::Cancelled, destination, "the export was cancelled; nothing was written");
    }
    if (!adapter && shards.size() > 1) {
        const nlohmann::json index = {{"metadata", {{"total_size", total}}}, {"weight_map", weightMap}};
        writeFileAtomically((partial.path() / kIndexName).string(), index.dump(2) + "\n");
    }
    partial.moveTo(to);
}

} // namespace llmos
