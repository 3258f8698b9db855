#include "formats/safetensorsweights.h"

#include "formats/modelfolderlinks.h"
#include "formats/picklerefusal.h"
#include "formats/strictjson.h"
#include "util/error.h"
#include "util/mappedfile.h"

#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace llmos {

namespace {

constexpr const char *kIndexName = "model.safetensors.index.json";

void checkShardName(const std::string &name, const std::string &where, const ModelFolderLinks &links)
{
    auto refuse = [&](const std::string &why) {
        throw Error(ErrorKind::Format, where, "shard name \"" + name + "\" " + why + "; refusing to open any shard");
    };
    if (name.empty())
        refuse("is empty");
    if (name.find('\\') != std::string::npos)
        refuse("contains a backslash");
    if (name.front() == '/')
        refuse("is an absolute path");
    if (name.size() >= 2 && name[1] == ':')
        refuse("starts with a drive letter");
    if (name.find('\0') != std::string::npos)
        refuse("contains a NUL byte");
    for (const auto &part : fs::path(name))
        if (part == "..")
            refuse("leads out of the model folder");
    // A link may still lead elsewhere: compare the resolved path when the file exists
    // (a missing shard is reported by name when the shards are opened).
    std::error_code ec;
    const fs::path resolved = fs::weakly_canonical(links.root() / name, ec);
    if (!ec && !links.allows(resolved))
        refuse("resolves (through a link) outside " + links.allowedPlaces());
}

} // namespace

ShardIndex parseShardIndex(std::string_view text, const std::string &sourceName, const std::string &folder)
{
    const auto doc = parseJsonStrict(text, sourceName);
    if (!doc.is_object())
        throw Error(ErrorKind::Format, sourceName, "must be a JSON object with a weight_map");
    ShardIndex index;
    if (auto meta = doc.find("metadata"); meta != doc.end() && meta->is_object()) {
        if (auto total = meta->find("total_size"); total != meta->end()) {
            if (!total->is_number_unsigned())
                throw Error(ErrorKind::Format, sourceName + ": metadata.total_size", "must be a non-negative integer");
            index.totalSize = total->get<std::uint64_t>();
        }
    }
    const auto map = doc.find("weight_map");
    if (map == doc.end() || !map->is_object())
        throw Error(ErrorKind::Format, sourceName, "has no weight_map object");
    if (map->empty())
        throw Error(ErrorKind::Format, sourceName + ": weight_map", "is empty");
    const ModelFolderLinks links(folder);
    for (const auto &[tensor, shard] : map->items()) {
        const std::string where = sourceName + ": weight_map[\"" + tensor + "\"]";
        if (!shard.is_string())
            throw Error(ErrorKind::Format, where, "must be a file name");
        checkShardName(shard.get<std::string>(), where, links);
        index.weightMap.emplace(tensor, shard.get<std::string>());
    }
    return index;
}

SafetensorsWeights SafetensorsWeights::openFolder(const std::string &folder)
{
    SafetensorsWeights weights;
    const fs::path dir(folder);
    const fs::path indexPath = dir / kIndexName;
    if (fs::exists(indexPath)) {
        const ShardIndex index = parseShardIndex(readWholeFile(indexPath.string()), indexPath.string(), folder);
        std::set<std::string> shards;
        for (const auto &[_, shard] : index.weightMap)
            shards.insert(shard);
        // All shards must exist before any is opened.
        for (const auto &shard : shards)
            if (!fs::exists(dir / shard))
                throw Error(ErrorKind::NotFound, indexPath.string(),
                            "lists shard \"" + shard + "\", which is missing from the folder");
        for (const auto &shard : shards)
            weights.addFile(SafetensorsFile::open((dir / shard).string()), &index, shard);
        for (const auto &[tensor, shard] : index.weightMap)
            if (!weights.find(tensor))
                throw Error(ErrorKind::Format, (dir / shard).string(),
                            "does not hold tensor \"" + tensor + "\" that " + kIndexName + " assigns to it");
        return weights;
    }

    std::vector<fs::path> candidates;
    std::vector<fs::path> pickles;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".safetensors")
            candidates.push_back(entry.path());
        else if (entry.is_regular_file() && isPickleCheckpoint(entry.path()))
            pickles.push_back(entry.path());
    }
    if (ec)
        throw Error(ErrorKind::Io, folder, "cannot list the folder: " + ec.message());
    const fs::path single = dir / "model.safetensors";
    if (fs::exists(single)) {
        candidates = {single};
    } else if (candidates.size() > 1) {
        throw Error(ErrorKind::Format, folder,
                    "holds several .safetensors files but no " + std::string(kIndexName) + " saying which tensor is where");
    }
    if (candidates.empty()) {
        if (!pickles.empty())
            refusePickleCheckpoint(pickles.front().string());
        throw Error(ErrorKind::NotFound, folder, "holds no .safetensors weights");
    }
    weights.addFile(SafetensorsFile::open(candidates.front().string()), nullptr, {});
    return weights;
}

SafetensorsWeights SafetensorsWeights::openFile(const std::string &path)
{
    SafetensorsWeights weights;
    weights.addFile(SafetensorsFile::open(path), nullptr, {});
    return weights;
}

void SafetensorsWeights::addFile(std::shared_ptr<const SafetensorsFile> file, const ShardIndex *index,
                                 const std::string &shardName)
{
    for (const auto &info : file->tensors()) {
        if (index) {
            const auto assigned = index->weightMap.find(info.name);
            if (assigned == index->weightMap.end())
                throw Error(ErrorKind::Format, file->path(),
                            "holds tensor \"" + info.name + "\" that " + kIndexName + " does not list");
            if (assigned->second != shardName)
                throw Error(ErrorKind::Format, file->path(),
                            "holds tensor \"" + info.name + "\" that " + kIndexName + " assigns to \""
                                + assigned->second + "\" (a tensor in two shards)");
        }
        if (auto existing = m_tensors.find(info.name); existing != m_tensors.end())
            throw Error(ErrorKind::Format, file->path(),
                        "tensor \"" + info.name + "\" is also in " + existing->second.file->path());
        m_tensors.emplace(info.name, Entry{file, &info});
    }
    m_files.push_back(std::move(file));
}

const SafetensorsWeights::Entry *SafetensorsWeights::find(std::string_view name) const
{
    auto it = m_tensors.find(name);
    return it == m_tensors.end() ? nullptr : &it->second;
}

const SafetensorsWeights::Entry &SafetensorsWeights::at(std::string_view name) const
{
    if (const auto *e = find(name))
        return *e;
    throw Error(ErrorKind::NotFound, m_files.empty() ? std::string() : m_files.front()->path(),
                "the model has no tensor \"" + std::string(name) + "\"");
}

std::uint64_t SafetensorsWeights::totalBytes() const noexcept
{
    std::uint64_t total = 0;
    for (const auto &[_, e] : m_tensors)
        total += e.info->byteSize();
    return total;
}

std::uint64_t SafetensorsWeights::parameterCount() const noexcept
{
    std::uint64_t total = 0;
    for (const auto &[_, e] : m_tensors)
        total += e.info->elementCount();
    return total;
}

} // namespace llmos
