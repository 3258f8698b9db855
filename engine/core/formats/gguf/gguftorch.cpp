#include "formats/gguf/gguftorch.h"

#include "formats/gguf/ggmlconvert.h"
#include "formats/gguf/gguffile.h"
#include "formats/gguf/ggufwriter.h"
#include "util/error.h"

#include <fmt/format.h>
#include <torch/torch.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <span>

namespace llmos {

namespace {

// The torch dtype that holds a type's elements unchanged, if there is one.
std::optional<at::ScalarType> nativeDtype(GgmlType type)
{
    switch (type) {
    case GgmlType::F32: return at::kFloat;
    case GgmlType::F16: return at::kHalf;
    case GgmlType::BF16: return at::kBFloat16;
    case GgmlType::F64: return at::kDouble;
    case GgmlType::I8: return at::kChar;
    case GgmlType::I16: return at::kShort;
    case GgmlType::I32: return at::kInt;
    case GgmlType::I64: return at::kLong;
    default: return std::nullopt;
    }
}

void byteSwapElements(std::uint8_t *data, std::size_t bytes, std::size_t elementSize)
{
    for (std::size_t i = 0; i < bytes; i += elementSize)
        std::reverse(data + i, data + i + elementSize);
}

} // namespace

at::Tensor ggufTensorToTorch(const GgufFile &file, const GgufTensorInfo &tensor)
{
    const std::vector<std::int64_t> &shape = tensor.shape;
    if (const auto dtype = nativeDtype(tensor.type)) {
        at::Tensor out = torch::empty(shape, torch::TensorOptions().dtype(*dtype));
        const auto data = file.tensorData(tensor);
        auto *dst = static_cast<std::uint8_t *>(out.data_ptr());
        std::memcpy(dst, data.data(), data.size());
        if (file.isByteSwapped())
            byteSwapElements(dst, data.size(), ggmlTypeTraits(tensor.type).bytesPerBlock);
        return out;
    }
    if (!canDequantize(tensor.type))
        throw Error(ErrorKind::Unsupported, file.sourceName(),
                    fmt::format("tensor '{}' is stored as {}, which cannot be converted to a torch tensor yet",
                                tensor.name, ggmlTypeName(tensor.type)));
    at::Tensor out = torch::empty(shape, torch::TensorOptions().dtype(at::kFloat));
    dequantizeGgml(tensor.type, file.tensorData(tensor),
                   std::span<float>(out.data_ptr<float>(), static_cast<std::size_t>(out.numel())),
                   file.isByteSwapped());
    return out;
}

void addTorchTensor(GgufWriter &writer, std::string name, const at::Tensor &tensor, GgmlType storeAs)
{
    if (!at::isFloatingType(tensor.scalar_type()))
        throw Error(ErrorKind::InvalidInput, name,
                    fmt::format("only floating-point tensors can be written, not {}",
                                c10::toString(tensor.scalar_type())));
    const at::Tensor values = tensor.detach().to(torch::kCPU, torch::kFloat).contiguous();
    writer.addTensor(std::move(name), values.sizes().vec(),
                     std::span<const float>(values.data_ptr<float>(), static_cast<std::size_t>(values.numel())),
                     storeAs);
}

} // namespace llmos
