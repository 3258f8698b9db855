#include "architectures/ggufparameters.h"

#include "formats/gguf/gguffile.h"
#include "formats/gguf/gguftorch.h"
#include "util/error.h"
#include "util/shapetext.h"

namespace llmos {

void loadGgufParameters(torch::nn::Module &module, const GgufFile &file, const GgufParameterLayout &layout,
                        const GgufLoadProgress &progress)
{
    torch::NoGradGuard noGrad;
    std::set<std::string, std::less<>> used(layout.otherTensors.begin(), layout.otherTensors.end());
    auto parameters = module.named_parameters(/*recurse=*/true);
    std::size_t done = 0;
    for (auto &item : parameters) {
        const auto &parameter = item.key();
        auto &value = item.value();
        const auto name = layout.tensorName(parameter);
        if (!name)
            throw Error(ErrorKind::Internal, parameter, "has no GGUF name in the layout of a " + layout.description);
        std::vector<std::int64_t> expected(value.sizes().begin(), value.sizes().end());
        if (layout.storedShape)
            expected = layout.storedShape(parameter, expected);
        const auto *info = file.findTensor(*name);
        const auto where = file.sourceName() + ": " + *name;
        if (!info)
            throw Error(ErrorKind::NotFound, where,
                        "is missing; a " + layout.description + " needs it with shape " + shapeText(expected));
        if (info->shape != expected)
            throw Error(ErrorKind::Format, where,
                        "has shape " + shapeText(info->shape) + " (row-major) but the file's metadata implies " +
                            shapeText(expected));
        auto tensor = ggufTensorToTorch(file, *info);
        if (!tensor.is_floating_point())
            throw Error(ErrorKind::Unsupported, where,
                        "is stored as " + std::string(ggmlTypeName(info->type)) + "; model weights must be floats");
        tensor = tensor.to(torch::kFloat);
        if (layout.fromStored)
            tensor = layout.fromStored(parameter, tensor);
        value.set_data(tensor.contiguous());
        used.insert(*name);
        if (progress && !progress(++done, parameters.size()))
            throw Error(ErrorKind::Cancelled, file.sourceName(), "loading the model was cancelled");
    }
    for (const auto &info : file.tensors())
        if (!used.contains(info.name))
            throw Error(ErrorKind::Format, file.sourceName() + ": " + info.name,
                        "is not part of a " + layout.description + " as the metadata describes it (check " +
                            layout.layerCountKey + ")");
}

} // namespace llmos
