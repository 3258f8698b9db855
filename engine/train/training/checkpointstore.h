#pragma once

#include "training/trainingoptimizer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace llmos {

// Everything a run needs to continue exactly where it was.
struct TrainingCheckpoint {
    std::int64_t step = 0;  // optimizer steps done
    nlohmann::json state;   // the trainer's progress: data position, early stopping, ...
    NamedTensors weights;   // the trainable parameters
    NamedTensors optimizer; // optimizerState()
    NamedTensors extra;     // RNG states, the method's checkpointState()
};

struct LoadedCheckpoint {
    std::int64_t step = 0;
    nlohmann::json state;
    std::map<std::string, torch::Tensor> weights;
    std::map<std::string, torch::Tensor> optimizer;
    std::map<std::string, torch::Tensor> extra;
    std::filesystem::path folder;
};

// The checkpoints of one run, in <run>/checkpoints/step-NNNNNNNN/: weights.safetensors,
// optimizer.safetensors, extra.safetensors, state.json and, written last, COMPLETE
// (the SHA-256 of every other file). A checkpoint is written into a hidden temporary
// folder next to the others, every file fsync'ed, the marker last, then the folder is
// renamed into place and the parent fsync'ed; only then are older checkpoints removed.
// A crash at any point leaves the previous complete checkpoint as the newest one.
class CheckpointStore {
public:
    explicit CheckpointStore(const std::filesystem::path &runDirectory);

    // Writes `checkpoint` and keeps the newest `keep` complete ones. A failed write (full
    // disk, I/O error, failed fsync) throws Error(Io) saying the checkpoint was not
    // written; the temporary folder is removed and no older checkpoint is touched. A
    // complete checkpoint of the same step is kept as it is.
    std::filesystem::path save(const TrainingCheckpoint &checkpoint, std::int64_t keep);

    // The newest checkpoint that is complete, whose files match their hashes and whose
    // state.json "fingerprint" equals `fingerprint` (checkpoints of another recipe are
    // never resumed). Damaged ones are renamed damaged-step-N and skipped, folders of
    // interrupted writes removed; `log` hears of both.
    std::optional<LoadedCheckpoint> loadLatest(const std::string &fingerprint,
                                               const std::function<void(const std::string &)> &log = {});

    // Steps of the complete checkpoints, oldest first (files not verified).
    std::vector<std::int64_t> completeSteps() const;
    const std::filesystem::path &folder() const noexcept { return m_folder; }
    static std::string folderName(std::int64_t step);

private:
    void rotate(std::int64_t keep);

    std::filesystem::path m_folder;
};

} // namespace llmos
