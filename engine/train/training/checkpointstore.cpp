#include "training/checkpointstore.h"

#include "datasets/sha256.h"
#include "formats/safetensorsweights.h"
#include "formats/strictjson.h"
#include "formats/tensorload.h"
#include "util/atomicfile.h"
#include "util/error.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>

namespace llmos {

namespace fs = std::filesystem;

namespace {

constexpr const char *kMarker = "COMPLETE";
constexpr const char *kPrefix = "step-";
const char *const kFiles[] = {"weights.safetensors", "optimizer.safetensors", "extra.safetensors", "state.json"};

void fsyncDirectory(const fs::path &folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        throw Error(ErrorKind::Io, folder.string(), std::string("cannot open the folder to fsync it: ") + std::strerror(errno));
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        throw Error(ErrorKind::Io, folder.string(), std::string("fsync of the folder failed: ") + std::strerror(err));
}

std::string fileSha256(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, path.string(), "cannot open the file");
    Sha256 hash;
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        hash.update(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    return hash.finishHex();
}

// The step of a "step-NNNNNNNN" folder name, or -1.
std::int64_t stepOf(const std::string &name)
{
    if (!name.starts_with(kPrefix) || name.size() == std::strlen(kPrefix) || name.size() > 25)
        return -1;
    std::int64_t step = 0;
    for (std::size_t i = std::strlen(kPrefix); i < name.size(); ++i) {
        if (name[i] < '0' || name[i] > '9')
            return -1;
        step = step * 10 + (name[i] - '0');
    }
    return step;
}

std::map<std::string, torch::Tensor> readTensors(const fs::path &path)
{
    std::map<std::string, torch::Tensor> tensors;
    const auto weights = SafetensorsWeights::openFile(path.string());
    for (const auto &[name, entry] : weights.tensors())
        tensors.emplace(name, toTorch(entry).clone()); // own the memory, not the mapping
    return tensors;
}

std::string readText(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, path.string(), "cannot open the file");
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Why a checkpoint folder cannot be resumed, or empty when its files match the marker.
std::string damage(const fs::path &folder)
{
    try {
        const auto marker = parseJsonStrict(readText(folder / kMarker), (folder / kMarker).string());
        for (const char *file : kFiles) {
            const auto expected = marker.at("files").at(file).get<std::string>();
            if (fileSha256(folder / file) != expected)
                return std::string(file) + " does not match its SHA-256 in COMPLETE";
        }
    } catch (const std::exception &e) {
        return e.what();
    }
    return {};
}

} // namespace

CheckpointStore::CheckpointStore(const fs::path &runDirectory)
    : m_folder(runDirectory / "checkpoints")
{
}

std::string CheckpointStore::folderName(std::int64_t step)
{
    auto digits = std::to_string(step);
    if (digits.size() < 8)
        digits.insert(0, 8 - digits.size(), '0');
    return kPrefix + digits;
}

fs::path CheckpointStore::save(const TrainingCheckpoint &checkpoint, std::int64_t keep)
{
    const auto destination = m_folder / folderName(checkpoint.step);
    if (fs::exists(destination / kMarker))
        return destination;
    fs::path temp;
    try {
        fs::create_directories(m_folder);
        std::random_device random;
        temp = m_folder / ("." + folderName(checkpoint.step) + ".partial-" + std::to_string(::getpid()) + "-"
                           + std::to_string(random()));
        fs::create_directory(temp);
        writeSafetensors((temp / "weights.safetensors").string(), checkpoint.weights);
        writeSafetensors((temp / "optimizer.safetensors").string(), checkpoint.optimizer);
        writeSafetensors((temp / "extra.safetensors").string(), checkpoint.extra);
        auto state = checkpoint.state;
        state["step"] = checkpoint.step;
        writeFileAtomically((temp / "state.json").string(), state.dump(2));
        nlohmann::json marker = {{"step", checkpoint.step}, {"files", nlohmann::json::object()}};
        for (const char *file : kFiles)
            marker["files"][file] = fileSha256(temp / file);
        writeFileAtomically((temp / kMarker).string(), marker.dump(2)); // last: the folder is complete
        if (fs::exists(destination))
            fs::remove_all(destination); // an incomplete folder of the same step
        fs::rename(temp, destination);
        fsyncDirectory(m_folder);
    } catch (const std::exception &e) {
        std::error_code ignored;
        if (!temp.empty())
            fs::remove_all(temp, ignored);
        throw Error(ErrorKind::Io, destination.string(),
                    "the checkpoint of step " + std::to_string(checkpoint.step) + " was not written (" + e.what()
                        + "); earlier checkpoints are kept. Free disk space or check the disk, then resume.");
    }
    rotate(keep);
    return destination;
}

void CheckpointStore::rotate(std::int64_t keep)
{
    auto steps = completeSteps();
    const auto excess = static_cast<std::int64_t>(steps.size()) - keep;
    for (std::int64_t i = 0; i < excess; ++i) {
        std::error_code ignored;
        fs::remove_all(m_folder / folderName(steps[i]), ignored);
    }
}

std::vector<std::int64_t> CheckpointStore::completeSteps() const
{
    std::vector<std::int64_t> steps;
    std::error_code error;
    for (const auto &entry : fs::directory_iterator(m_folder, error)) {
        const auto step = stepOf(entry.path().filename().string());
        if (step >= 0 && fs::exists(entry.path() / kMarker))
            steps.push_back(step);
    }
    std::sort(steps.begin(), steps.end());
    return steps;
}

std::optional<LoadedCheckpoint> CheckpointStore::loadLatest(const std::string &fingerprint,
                                                             const std::function<void(const std::string &)> &log)
{
    auto say = [&](const std::string &line) {
        if (log)
            log(line);
    };
    std::error_code error;
    std::vector<fs::path> partial;
    for (const auto &entry : fs::directory_iterator(m_folder, error)) {
        const auto name = entry.path().filename().string();
        if (name.starts_with(".step-") && name.find(".partial-") != std::string::npos)
            partial.push_back(entry.path());
    }
    for (const auto &path : partial) {
        say("removed an interrupted checkpoint write: " + path.filename().string());
        fs::remove_all(path, error);
    }

    auto steps = completeSteps();
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
        const auto folder = m_folder / folderName(*it);
        if (const auto problem = damage(folder); !problem.empty()) {
            say("checkpoint " + folder.filename().string() + " is damaged (" + problem + "); using an older one");
            fs::rename(folder, m_folder / ("damaged-" + folder.filename().string()), error);
            continue;
        }
        LoadedCheckpoint loaded;
        loaded.folder = folder;
        loaded.state = parseJsonStrict(readText(folder / "state.json"), (folder / "state.json").string());
        if (loaded.state.value("fingerprint", std::string()) != fingerprint) {
            say("checkpoint " + folder.filename().string() + " belongs to another recipe; not resumed");
            continue;
        }
        loaded.step = loaded.state.at("step").get<std::int64_t>();
        loaded.weights = readTensors(folder / "weights.safetensors");
        loaded.optimizer = readTensors(folder / "optimizer.safetensors");
        loaded.extra = readTensors(folder / "extra.safetensors");
        return loaded;
    }
    return std::nullopt;
}

} // namespace llmos
