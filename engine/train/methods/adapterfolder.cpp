#include "methods/adapterfolder.h"

#include "formats/tensorload.h"
#include "methods/trainability.h"
#include "util/atomicfile.h"
#include "util/error.h"
#include "util/shapetext.h"

#include <fstream>
#include <sstream>

namespace llmos {

namespace fs = std::filesystem;

nlohmann::json peftConfigBase(const std::string &peftType, const TrainingTarget &target,
                              const std::string &baseModelNameOrPath)
{
    nlohmann::json config;
    config["peft_type"] = peftType;
    config["task_type"] = target.alwaysTrained.empty() ? "CAUSAL_LM" : "SEQ_CLS";
    config["base_model_name_or_path"] = baseModelNameOrPath;
    config["inference_mode"] = true;
    config["revision"] = nullptr;
    config["modules_to_save"] = modulesToSave(target);
    return config;
}

nlohmann::json modulesToSave(const TrainingTarget &target)
{
    if (target.alwaysTrained.empty())
        return nullptr;
    auto names = nlohmann::json::array();
    for (auto prefix : target.alwaysTrained) {
        if (prefix.ends_with("."))
            prefix.pop_back();
        names.push_back(prefix);
    }
    return names;
}

void appendTaskHead(const TrainingTarget &target, std::vector<std::pair<std::string, torch::Tensor>> &tensors)
{
    for (const auto &item : target.model.named_parameters(/*recurse=*/true))
        if (startsWithAny(item.key(), target.alwaysTrained))
            tensors.emplace_back(kPeftModelPrefix + item.key(), item.value());
}

nlohmann::json layersToTransformJson(const std::vector<std::int64_t> &layers)
{
    return layers.empty() ? nlohmann::json(nullptr) : nlohmann::json(layers);
}

void writeAdapterFolder(const fs::path &folder, const nlohmann::json &config,
                        const std::vector<std::pair<std::string, torch::Tensor>> &tensors)
{
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec || !fs::is_directory(folder))
        throw Error(ErrorKind::Io, folder.string(), "cannot create the adapter folder: " + ec.message());
    std::vector<std::pair<std::string, torch::Tensor>> cpu;
    cpu.reserve(tensors.size());
    for (const auto &[name, tensor] : tensors)
        cpu.emplace_back(name, tensor.detach().to(torch::kCPU, torch::kFloat).contiguous());
    writeSafetensors((folder / kAdapterWeightsFile).string(), cpu, {{"format", "pt"}});
    writeFileAtomically((folder / kAdapterConfigFile).string(), config.dump(2) + "\n");
}

AdapterFolder::AdapterFolder(const fs::path &folder)
    : m_folder(folder)
{
    const auto configPath = folder / kAdapterConfigFile;
    const auto weightsPath = folder / kAdapterWeightsFile;
    if (!fs::is_directory(folder))
        throw Error(ErrorKind::NotFound, folder.string(), "no such adapter folder");
    if (!fs::is_regular_file(configPath))
        throw Error(ErrorKind::NotFound, configPath.string(),
                    "missing: an adapter folder holds adapter_config.json and adapter_model.safetensors");
    if (!fs::is_regular_file(weightsPath))
        throw Error(ErrorKind::NotFound, weightsPath.string(),
                    fs::is_regular_file(folder / "adapter_model.bin")
                        ? "missing; adapter_model.bin (pickle) is not read for safety: convert it to safetensors"
                        : "missing: an adapter folder holds adapter_config.json and adapter_model.safetensors");
    std::ifstream in(configPath);
    std::stringstream text;
    text << in.rdbuf();
    m_config = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
    if (!m_config.is_object())
        throw Error(ErrorKind::Format, configPath.string(), "is not a JSON object");
    const auto type = m_config.find("peft_type");
    if (type == m_config.end() || !type->is_string())
        throw Error(ErrorKind::Format, configPath.string() + ": peft_type", "missing or not a string");
    m_peftType = type->get<std::string>();
    m_weights = SafetensorsWeights::openFile(weightsPath.string());
}

namespace {
std::string fieldWhere(const fs::path &folder, const std::string &field)
{
    return (folder / kAdapterConfigFile).string() + ": " + field;
}
} // namespace

std::int64_t AdapterFolder::integer(const std::string &field) const
{
    const auto found = m_config.find(field);
    if (found == m_config.end() || !found->is_number_integer() || found->get<std::int64_t>() < 0)
        throw Error(ErrorKind::Format, fieldWhere(m_folder, field), "missing or not a non-negative whole number");
    return found->get<std::int64_t>();
}

std::int64_t AdapterFolder::integerOr(const std::string &field, std::int64_t fallback) const
{
    const auto found = m_config.find(field);
    return found == m_config.end() || found->is_null() ? fallback : integer(field);
}

double AdapterFolder::number(const std::string &field, double fallback) const
{
    const auto found = m_config.find(field);
    if (found == m_config.end() || found->is_null())
        return fallback;
    if (!found->is_number())
        throw Error(ErrorKind::Format, fieldWhere(m_folder, field), "not a number");
    return found->get<double>();
}

bool AdapterFolder::flag(const std::string &field, bool fallback) const
{
    const auto found = m_config.find(field);
    if (found == m_config.end() || found->is_null())
        return fallback;
    if (!found->is_boolean())
        throw Error(ErrorKind::Format, fieldWhere(m_folder, field), "not true or false");
    return found->get<bool>();
}

std::vector<std::string> AdapterFolder::names(const std::string &field) const
{
    const auto found = m_config.find(field);
    if (found != m_config.end() && found->is_string())
        return {found->get<std::string>()};
    if (found == m_config.end() || !found->is_array())
        throw Error(ErrorKind::Format, fieldWhere(m_folder, field), "missing or not a list of module names");
    std::vector<std::string> result;
    for (const auto &item : *found) {
        if (!item.is_string())
            throw Error(ErrorKind::Format, fieldWhere(m_folder, field), "holds something other than a name");
        result.push_back(item.get<std::string>());
    }
    return result;
}

std::vector<std::int64_t> AdapterFolder::layersToTransform() const
{
    const auto found = m_config.find("layers_to_transform");
    if (found == m_config.end() || found->is_null())
        return {};
    const auto wrong = [&] {
        return Error(ErrorKind::Format, fieldWhere(m_folder, "layers_to_transform"),
                     "must be a layer number or a list of layer numbers");
    };
    if (found->is_number_integer())
        return {found->get<std::int64_t>()};
    if (!found->is_array())
        throw wrong();
    std::vector<std::int64_t> result;
    for (const auto &item : *found) {
        if (!item.is_number_integer() || item.get<std::int64_t>() < 0)
            throw wrong();
        result.push_back(item.get<std::int64_t>());
    }
    return result;
}

torch::Tensor AdapterFolder::take(const std::string &name, const std::vector<std::int64_t> &shape)
{
    const auto where = (m_folder / kAdapterWeightsFile).string() + ": " + name;
    const auto *entry = m_weights.find(name);
    if (!entry)
        throw Error(ErrorKind::NotFound, where,
                    "missing; the adapter was made for another model or with other options");
    const auto dtype = entry->info->dtype;
    if (dtype != DType::F32 && dtype != DType::F16 && dtype != DType::BF16)
        throw Error(ErrorKind::Unsupported, where,
                    "has dtype " + std::string(dtypeName(dtype)) + "; adapters are read as F32, F16 or BF16");
    std::vector<std::int64_t> stored(entry->info->shape.begin(), entry->info->shape.end());
    if (stored != shape)
        throw Error(ErrorKind::Format, where,
                    "has shape " + shapeText(stored) + ", the model expects " + shapeText(shape));
    m_taken.insert(name);
    return toTorch(*entry).to(torch::kFloat).clone();
}

void AdapterFolder::checkAllTaken() const
{
    for (const auto &[name, entry] : m_weights.tensors())
        if (!m_taken.contains(name))
            throw Error(ErrorKind::Format, (m_folder / kAdapterWeightsFile).string() + ": " + name,
                        "is not part of this adapter for this model (another base model or other target modules?)");
}

} // namespace llmos
