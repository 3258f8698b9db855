#include "architectures/causallmsaver.h"

#include "architectures/causallm.h"
#include "formats/safetensorswriter.h"
#include "model/modelconfig.h"
#include "util/atomicfile.h"
#include "util/error.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <filesystem>
#include <map>

namespace llmos {

namespace {

namespace fs = std::filesystem;

constexpr const char *kWeightsFile = "model.safetensors";

// torch_dtype as transformers writes it.
std::pair<torch::ScalarType, const char *> torchDtypeOf(DType storeAs, const std::string &folder)
{
    switch (storeAs) {
    case DType::F32:
        return {torch::kFloat, "float32"};
    case DType::F16:
        return {torch::kHalf, "float16"};
    case DType::BF16:
        return {torch::kBFloat16, "bfloat16"};
    default:
        break;
    }
    throw Error(ErrorKind::InvalidInput, folder,
                "cannot save weights as " + std::string(dtypeName(storeAs)) + " (choose F32, F16 or BF16)");
}

// Other weights in the folder would be read together with ours (or instead of them).
void refuseOtherWeights(const std::string &folder)
{
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(folder, ec)) {
        const auto name = entry.path().filename().string();
        if (name == kWeightsFile)
            continue;
        if (name.ends_with(".safetensors") || name == "model.safetensors.index.json")
            throw Error(ErrorKind::InvalidInput, entry.path().string(),
                        "is already in the destination folder; save the model into an empty folder");
    }
}

} // namespace

void saveCausalLm(const CausalLmImpl &model, const std::string &folder, DType storeAs)
{
    saveModuleAsHuggingFace(model, modelConfigToJson(model.config()), folder, storeAs);
}

void saveModuleAsHuggingFace(const torch::nn::Module &model, nlohmann::json config, const std::string &folder,
                             DType storeAs)
{
    ParameterShapes shapes;
    std::map<std::string, at::Tensor> values;
    for (const auto &item : model.named_parameters(/*recurse=*/true)) {
        shapes.emplace_back(item.key(), item.value().sizes().vec());
        values.emplace(item.key(), item.value());
    }
    saveParametersAsHuggingFace(
        shapes, [&](const std::string &name) { return values.at(name); }, std::move(config), folder, storeAs);
}

void saveParametersAsHuggingFace(const ParameterShapes &parameters,
                                 const std::function<at::Tensor(const std::string &)> &valueOf,
                                 nlohmann::json config, const std::string &folder, DType storeAs,
                                 const std::function<bool(std::size_t done, std::size_t total)> &progress)
{
    const auto [dtype, torchDtypeName] = torchDtypeOf(storeAs, folder);
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec || !fs::is_directory(folder))
        throw Error(ErrorKind::Io, folder, "cannot create the folder: " + ec.message());
    refuseOtherWeights(folder);

    std::vector<SafetensorsTensorSpec> specs;
    for (const auto &[name, shape] : parameters)
        specs.push_back({name, storeAs, std::vector<std::uint64_t>(shape.begin(), shape.end())});
    const auto weights = (fs::path(folder) / kWeightsFile).string();
    SafetensorsStreamWriter out(weights, std::move(specs), {{"format", "pt"}});
    torch::NoGradGuard noGrad;
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        const auto &[name, shape] = parameters[i];
        const auto value = valueOf(name).detach().to(torch::kCPU, dtype).contiguous();
        if (value.sizes().vec() != shape)
            throw Error(ErrorKind::Internal, weights + ": " + name, "its value does not have the shape announced");
        out.write({static_cast<const std::uint8_t *>(value.data_ptr()), value.nbytes()});
        if (progress && !progress(i + 1, parameters.size()))
            throw Error(ErrorKind::Cancelled, folder, "saving the model was cancelled");
    }
    out.commit();

    config["torch_dtype"] = torchDtypeName;
    writeFileAtomically((fs::path(folder) / "config.json").string(), config.dump(2) + "\n");
}

} // namespace llmos
