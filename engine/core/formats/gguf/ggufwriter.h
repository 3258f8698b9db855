#pragma once

#include "formats/gguf/ggmltype.h"
#include "formats/gguf/gguffile.h"
#include "formats/gguf/ggufvalue.h"

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace llmos {

// Builds a GGUF v3 little-endian file laid out exactly as llama.cpp's gguf.c writes it:
// header, metadata in insertion order, tensor infos in insertion order, zero padding to
// the alignment, then each tensor's data padded with zeros to the alignment, with
// offsets relative to the start of the data section. Tensors are encoded when added and
// held in memory until written.
class GgufWriter {
public:
    // llama.cpp refuses tensor names of 64 bytes or more, and more than 4 dimensions.
    static constexpr std::size_t kMaxTensorNameLength = 63;
    static constexpr std::size_t kMaxTensorDims = 4;

    GgufWriter() = default;

    // Adds a metadata entry; a duplicate key is an Error(InvalidInput). Setting
    // "general.alignment" (a u32 power of two) changes the alignment. Arrays of arrays
    // are valid GGUF (gguf-py reads them) but llama.cpp's gguf.c refuses them.
    void addMetadata(std::string key, GgufValue value);
    // Sets general.alignment (default 32); the key is written when it differs from 32 or
    // was set explicitly.
    void setAlignment(std::uint32_t alignment);
    std::uint32_t alignment() const noexcept { return m_alignment; }

    // Adds a tensor from row-major float data of the given (torch-order) shape, stored as
    // F32, F16, BF16 or Q8_0 (Q8_0 needs the last dimension to be a multiple of 32 and
    // finite values).
    void addTensor(std::string name, std::vector<std::int64_t> shape, std::span<const float> data,
                   GgmlType storeAs);
    // Adds a tensor already encoded as `type` (for example blocks copied from another
    // GGUF file). bytes.size() must match the shape.
    void addEncodedTensor(std::string name, std::vector<std::int64_t> shape, GgmlType type,
                          std::span<const std::uint8_t> bytes);

    std::size_t tensorCount() const noexcept { return m_tensors.size(); }

    // Writes the file atomically (temp file, fsync, rename): readers see the old file or
    // the complete new one.
    void write(const std::string &path) const;
    // The file's bytes, for tests and fuzz seeds.
    std::vector<std::uint8_t> toBytes() const;

private:
    struct PendingTensor {
        std::string name;
        std::vector<std::uint64_t> ggufDims; // innermost first
        GgmlType type;
        std::uint64_t elementCount;
        std::vector<std::uint8_t> bytes;
    };

    // Validates name, shape and type and allocates the tensor's bytes; the caller fills
    // them and appends the tensor only when everything succeeded.
    PendingTensor makeTensor(std::string name, const std::vector<std::int64_t> &shape, GgmlType type) const;
    void emit(const std::function<void(std::span<const std::uint8_t>)> &sink) const;

    std::vector<GgufKeyValue> m_metadata;
    std::map<std::string, std::size_t, std::less<>> m_keyIndex;
    std::vector<PendingTensor> m_tensors;
    std::map<std::string, std::size_t, std::less<>> m_tensorIndex;
    std::uint32_t m_alignment = GgufFile::kDefaultAlignment;
};

} // namespace llmos
