#pragma once

#include "formats/safetensorsweights.h"
#include "methods/finetuningmethod.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace llmos {

// PEFT's adapter folder: adapter_config.json and adapter_model.safetensors, whose tensor
// names are the PEFT model's ("base_model.model." + the base model's module path +
// the method's part, e.g. ".lora_A.weight"), the adapter name left out.
inline constexpr const char *kAdapterConfigFile = "adapter_config.json";
inline constexpr const char *kAdapterWeightsFile = "adapter_model.safetensors";
inline constexpr const char *kPeftModelPrefix = "base_model.model.";

// The fields every PEFT config has; task_type is SEQ_CLS when the target trains a task
// head, CAUSAL_LM otherwise.
nlohmann::json peftConfigBase(const std::string &peftType, const TrainingTarget &target,
                              const std::string &baseModelNameOrPath);

// The task head's parameters (target.alwaysTrained), under PEFT's modules_to_save names.
void appendTaskHead(const TrainingTarget &target, std::vector<std::pair<std::string, torch::Tensor>> &tensors);
// The names of the task head's modules, for the config's modules_to_save (null when none).
nlohmann::json modulesToSave(const TrainingTarget &target);

// PEFT's layers_to_transform: the list, or null for every layer.
nlohmann::json layersToTransformJson(const std::vector<std::int64_t> &layers);

// Writes the folder (created if needed), weights first, each file atomically; tensors go
// to the CPU as float32.
void writeAdapterFolder(const std::filesystem::path &folder, const nlohmann::json &config,
                        const std::vector<std::pair<std::string, torch::Tensor>> &tensors);

// A folder read back with every tensor checked as it is taken.
class AdapterFolder {
public:
    // Throws NotFound for a missing folder or file, Format for a config that is not a JSON
    // object or a weights file that does not parse.
    explicit AdapterFolder(const std::filesystem::path &folder);

    const nlohmann::json &config() const noexcept { return m_config; }
    const std::string &peftType() const noexcept { return m_peftType; }
    const std::filesystem::path &path() const noexcept { return m_folder; }

    // Config fields with their type checked (Error(Format) naming the field).
    std::int64_t integer(const std::string &field) const;
    std::int64_t integerOr(const std::string &field, std::int64_t fallback) const;
    double number(const std::string &field, double fallback) const;
    bool flag(const std::string &field, bool fallback) const;
    std::vector<std::string> names(const std::string &field) const;
    // layers_to_transform: a list of layer numbers, one number, or null/absent (empty).
    std::vector<std::int64_t> layersToTransform() const;

    // The tensor `name` as float32 with exactly `shape`: missing -> NotFound, another
    // shape -> Format, a dtype other than F32/F16/BF16 -> Unsupported.
    torch::Tensor take(const std::string &name, const std::vector<std::int64_t> &shape);
    // Whether the file has `name` (for optional tensors such as a task head).
    bool has(const std::string &name) const { return m_weights.find(name) != nullptr; }
    // Throws Format naming the first tensor no take() asked for: an adapter for another
    // model or layout must not load half-way.
    void checkAllTaken() const;

private:
    std::filesystem::path m_folder;
    nlohmann::json m_config;
    std::string m_peftType;
    SafetensorsWeights m_weights;
    std::set<std::string> m_taken;
};

} // namespace llmos
