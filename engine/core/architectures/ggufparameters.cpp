#include "architectures/ggufparameters.h"

#include "formats/gguf/gguffile.h"
#include "formats/gguf/gguftorch.h"
#include "util/error.h"
#include "util/shapetext.h"

namespace llmos {

namespace {

// ggufTensorToTorch gives these as integer tensors: ids or counts, never weights.
bool storesIntegers(GgmlType type)
{
    return type == GgmlType::I8 || type == GgmlType::I16 || type == GgmlType::I32 || type == GgmlType::I64;
}

} // namespace

const GgufTensorInfo &ggufTensorFor(const GgufFile &file, const GgufParameterLayout &layout,
                                    const std::string &parameter, const std::vector<std::int64_t> &shape)
{
    const auto name = layout.tensorName(parameter);
    if (!name)
        throw Error(ErrorKind::Internal, parameter, "has no GGUF name in the layout of a " + layout.description);
    const auto expected = layout.storedShape ? layout.storedShape(parameter, shape) : shape;
    const auto *info = file.findTensor(*name);
    const auto where = file.sourceName() + ": " + *name;
    if (!info)
        throw Error(ErrorKind::NotFound, where,
                    "is missing; a " + layout.description + " needs it with shape " + shapeText(expected));
    if (info->shape != expected)
        throw Error(ErrorKind::Format, where,
                    "has shape " + shapeText(info->shape) + " (row-major) but the file's metadata implies " +
                        shapeText(expected));
    if (storesIntegers(info->type))
        throw Error(ErrorKind::Unsupported, where,
                    "is stored as " + std::string(ggmlTypeName(info->type)) + "; model weights must be floats");
    return *info;
}

torch::Tensor ggufParameterValue(const GgufFile &file, const GgufParameterLayout &layout,
                                 const std::string &parameter, const std::vector<std::int64_t> &shape)
{
    const auto &info = ggufTensorFor(file, layout, parameter, shape);
    auto tensor = ggufTensorToTorch(file, info).to(torch::kFloat);
    if (layout.fromStored)
        tensor = layout.fromStored(parameter, tensor);
    return tensor.contiguous();
}

void checkGgufParameters(const torch::nn::Module &module, const GgufFile &file, const GgufParameterLayout &layout)
{
    std::set<std::string, std::less<>> used(layout.otherTensors.begin(), layout.otherTensors.end());
    for (const auto &item : module.named_parameters(/*recurse=*/true))
        used.insert(ggufTensorFor(file, layout, item.key(), item.value().sizes().vec()).name);
    for (const auto &info : file.tensors())
        if (!used.contains(info.name))
            throw Error(ErrorKind::Format, file.sourceName() + ": " + info.name,
                        "is not part of a " + layout.description + " as the metadata describes it (check " +
                            layout.layerCountKey + ")");
}

void loadGgufParameters(torch::nn::Module &module, const GgufFile &file, const GgufParameterLayout &layout,
                        const GgufLoadProgress &progress)
{
    torch::NoGradGuard noGrad;
    checkGgufParameters(module, file, layout);
    auto parameters = module.named_parameters(/*recurse=*/true);
    std::size_t done = 0;
    for (auto &item : parameters) {
        item.value().set_data(ggufParameterValue(file, layout, item.key(), item.value().sizes().vec()));
        if (progress && !progress(++done, parameters.size()))
            throw Error(ErrorKind::Cancelled, file.sourceName(), "loading the model was cancelled");
    }
}

} // namespace llmos
