#include "formats/tensorload.h"

#include "formats/safetensorswriter.h"
#include "util/error.h"

#include <torch/torch.h>

#include <optional>

namespace llmos {

namespace {

std::optional<c10::ScalarType> scalarTypeOf(DType type)
{
    switch (type) {
    case DType::Bool: return c10::kBool;
    case DType::U8: return c10::kByte;
    case DType::I8: return c10::kChar;
    case DType::I16: return c10::kShort;
    case DType::F16: return c10::kHalf;
    case DType::BF16: return c10::kBFloat16;
    case DType::I32: return c10::kInt;
    case DType::F32: return c10::kFloat;
    case DType::F64: return c10::kDouble;
    case DType::I64: return c10::kLong;
    case DType::C64: return c10::kComplexFloat;
    default: return std::nullopt;
    }
}

std::optional<DType> dtypeOf(c10::ScalarType type)
{
    for (DType d : {DType::Bool, DType::U8, DType::I8, DType::I16, DType::F16, DType::BF16, DType::I32,
                    DType::F32, DType::F64, DType::I64, DType::C64})
        if (scalarTypeOf(d) == type)
            return d;
    return std::nullopt;
}

} // namespace

at::Tensor toTorch(const std::shared_ptr<const SafetensorsFile> &file, const SafetensorsTensorInfo &info)
{
    const auto scalarType = scalarTypeOf(info.dtype);
    if (!scalarType)
        throw Error(ErrorKind::Unsupported, file->path() + ": tensor \"" + info.name + "\"",
                    "dtype " + std::string(dtypeName(info.dtype)) + " has no libtorch equivalent in this build");
    std::vector<int64_t> sizes;
    for (auto d : info.shape) {
        if (d > static_cast<std::uint64_t>(INT64_MAX))
            throw Error(ErrorKind::Format, file->path() + ": tensor \"" + info.name + "\"", "dimension too large");
        sizes.push_back(static_cast<int64_t>(d));
    }
    const auto options = torch::TensorOptions().dtype(*scalarType);
    const auto bytes = file->bytes(info);
    const std::size_t elementSize = dtypeBits(info.dtype) / 8;
    auto *data = const_cast<std::uint8_t *>(bytes.data());
    if (bytes.empty())
        return torch::empty(sizes, options);
    if (reinterpret_cast<std::uintptr_t>(data) % elementSize == 0) {
        // The deleter owns a reference to the file, so the mapping outlives the tensor.
        auto keepAlive = file;
        return torch::from_blob(data, sizes, [keepAlive](void *) {}, options);
    }
    auto tensor = torch::empty(sizes, options);
    std::memcpy(tensor.data_ptr(), data, bytes.size());
    return tensor;
}

at::Tensor toTorch(const SafetensorsWeights::Entry &entry)
{
    return toTorch(entry.file, *entry.info);
}

void writeSafetensors(const std::string &path, const std::vector<std::pair<std::string, at::Tensor>> &tensors,
                      const std::map<std::string, std::string> &metadata)
{
    std::vector<at::Tensor> contiguous;
    std::vector<SafetensorsWriteEntry> entries;
    contiguous.reserve(tensors.size());
    for (const auto &[name, t] : tensors) {
        const auto dtype = dtypeOf(t.scalar_type());
        if (!dtype)
            throw Error(ErrorKind::Unsupported, path + ": tensor \"" + name + "\"",
                        std::string("dtype ") + c10::toString(t.scalar_type()) + " cannot be stored in safetensors");
        contiguous.push_back(t.to(torch::kCPU).contiguous());
        const auto &c = contiguous.back();
        SafetensorsWriteEntry e;
        e.name = name;
        e.dtype = *dtype;
        for (auto s : c.sizes())
            e.shape.push_back(static_cast<std::uint64_t>(s));
        e.bytes = {static_cast<const std::uint8_t *>(c.data_ptr()), static_cast<std::size_t>(c.numel() * c.element_size())};
        entries.push_back(std::move(e));
    }
    writeSafetensors(path, entries, metadata);
}

} // namespace llmos
