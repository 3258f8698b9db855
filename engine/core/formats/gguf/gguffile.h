#pragma once

#include "formats/gguf/gguftensorinfo.h"
#include "formats/gguf/ggufvalue.h"
#include "util/mappedfile.h"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

struct GgufKeyValue {
    std::string key;
    GgufValue value;
};

// A parsed GGUF file (versions 2 and 3, little- or big-endian). Everything in the file is
// treated as hostile: every count, length and offset is checked against what remains
// before anything sized by it is allocated, and each failure is an llmos::Error of kind
// Format (or Unsupported) whose `where` names the file and byte offset, or the key or
// tensor. Tensor data is not copied: it stays in the mapped file until asked for.
class GgufFile {
public:
    static constexpr std::uint32_t kDefaultAlignment = 32;
    // Sanity caps. Real files have keys and tensor names of tens of bytes (llama.cpp
    // limits tensor names to 63) and chat templates of tens of kilobytes.
    static constexpr std::uint64_t kMaxNameLength = 64 * 1024;
    static constexpr std::uint64_t kMaxStringValueLength = 64ull * 1024 * 1024;
    static constexpr std::uint32_t kMaxArrayDepth = 8;
    static constexpr std::uint32_t kMaxDims = 8;
    static constexpr std::uint32_t kMaxAlignment = 1024 * 1024;

    // Maps and parses the file at `path` (which must be a regular file).
    static GgufFile open(const std::string &path);
    // Parses bytes held by the caller, who keeps them alive as long as the GgufFile;
    // `sourceName` stands for the file in messages. For tests and the fuzzer.
    static GgufFile fromBytes(std::span<const std::uint8_t> bytes, std::string sourceName);

    GgufFile(GgufFile &&) noexcept = default;
    GgufFile &operator=(GgufFile &&) noexcept = default;

    const std::string &sourceName() const noexcept { return m_source; }
    std::uint32_t version() const noexcept { return m_version; }
    // True for a big-endian file; all numbers were swapped while reading.
    bool isByteSwapped() const noexcept { return m_byteSwapped; }
    std::uint32_t alignment() const noexcept { return m_alignment; }
    // Absolute file offset of the data section (tensor offsets are relative to it).
    std::uint64_t dataOffset() const noexcept { return m_dataOffset; }
    std::uint64_t fileSize() const noexcept { return m_bytes.size(); }

    // ---- metadata -------------------------------------------------------------------
    // In file order.
    const std::vector<GgufKeyValue> &metadata() const noexcept { return m_metadata; }
    const GgufValue *find(std::string_view key) const noexcept;
    // These throw Error(NotFound) when the key is missing and Error(Format) naming the
    // key, the expected and the stored type when the value is of another kind.
    const GgufValue &get(std::string_view key) const;
    std::uint64_t getUInt(std::string_view key) const;  // any integer type, value >= 0
    std::int64_t getInt(std::string_view key) const;    // any integer type that fits
    double getFloat(std::string_view key) const;        // f32 or f64
    bool getBool(std::string_view key) const;
    const std::string &getString(std::string_view key) const;
    const GgufArray &getArray(std::string_view key) const;
    // An array whose elements are exactly T (std::string, float, std::int32_t, ...).
    template<typename T>
    const std::vector<T> &getArrayOf(std::string_view key) const
    {
        const GgufArray &array = getArray(key);
        if (const std::vector<T> *values = array.getIf<T>())
            return *values;
        throwArrayTypeMismatch(key, array, GgufValue(T{}).type());
    }
    // Optional forms: empty when the key is missing, still throwing on a type mismatch.
    std::optional<std::uint64_t> findUInt(std::string_view key) const;
    std::optional<std::string> findString(std::string_view key) const;

    // ---- tensors --------------------------------------------------------------------
    // In file order.
    const std::vector<GgufTensorInfo> &tensors() const noexcept { return m_tensors; }
    const GgufTensorInfo *findTensor(std::string_view name) const noexcept;
    const GgufTensorInfo &tensor(std::string_view name) const; // throws NotFound
    // The tensor's bytes as stored (in the file's byte order). `tensor` must be one of
    // this file's tensors().
    std::span<const std::uint8_t> tensorData(const GgufTensorInfo &tensor) const;
    // The tensor converted to float, in storage order (which is row-major for `shape`).
    // Throws Error(Unsupported) for types that cannot be dequantized yet.
    std::vector<float> dequantize(const GgufTensorInfo &tensor) const;

private:
    GgufFile() = default;
    void parse();
    std::string keyWhere(std::string_view key) const;
    [[noreturn]] void throwTypeMismatch(std::string_view key, const GgufValue &value,
                                        std::string_view expected) const;
    [[noreturn]] void throwArrayTypeMismatch(std::string_view key, const GgufArray &array,
                                             GgufValueType expected) const;

    std::string m_source;
    std::optional<MappedFile> m_map;
    std::span<const std::uint8_t> m_bytes;
    std::uint32_t m_version = 0;
    bool m_byteSwapped = false;
    std::uint32_t m_alignment = kDefaultAlignment;
    std::uint64_t m_dataOffset = 0;
    std::vector<GgufKeyValue> m_metadata;
    std::map<std::string, std::size_t, std::less<>> m_keyIndex;
    std::vector<GgufTensorInfo> m_tensors;
    std::map<std::string, std::size_t, std::less<>> m_tensorIndex;
};

} // namespace llmos
