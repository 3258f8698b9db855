#pragma once

#include "formats/safetensorsfile.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace llmos {

// model.safetensors.index.json: which shard holds each tensor.
struct ShardIndex {
    std::uint64_t totalSize = 0; // metadata.total_size when present
    std::map<std::string, std::string> weightMap; // tensor name -> shard file name
};

// Parses an index document and checks every shard name before any shard is opened:
// names that are absolute, contain backslashes, drive letters or ".." components are
// refused, as are names that resolve (through symlinks) outside `folder` - except, in a
// Hugging Face cache snapshot, links to files in its repository's blobs/ (see
// ModelFolderLinks).
ShardIndex parseShardIndex(std::string_view text, const std::string &sourceName, const std::string &folder);

// The weights of a model: one .safetensors file, or the shards of a Hugging Face folder.
// Every tensor name maps to exactly one shard; a tensor present in two shards, missing
// from its shard, or in a shard the index does not assign it to is an error.
class SafetensorsWeights {
public:
    struct Entry {
        std::shared_ptr<const SafetensorsFile> file;
        const SafetensorsTensorInfo *info = nullptr;
    };

    // A folder with model.safetensors.index.json, or model.safetensors, or exactly one *.safetensors.
    static SafetensorsWeights openFolder(const std::string &folder);
    static SafetensorsWeights openFile(const std::string &path);

    using TensorMap = std::map<std::string, Entry, std::less<>>;
    const TensorMap &tensors() const noexcept { return m_tensors; }
    const Entry *find(std::string_view name) const;
    const Entry &at(std::string_view name) const;
    const std::vector<std::shared_ptr<const SafetensorsFile>> &files() const noexcept { return m_files; }
    std::uint64_t totalBytes() const noexcept;
    std::uint64_t parameterCount() const noexcept;

private:
    // shardName: the file's name as the index lists it (unused without an index).
    void addFile(std::shared_ptr<const SafetensorsFile> file, const ShardIndex *index, const std::string &shardName);

    std::vector<std::shared_ptr<const SafetensorsFile>> m_files;
    TensorMap m_tensors;
};

} // namespace llmos
