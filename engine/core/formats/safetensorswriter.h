#pragma once

#include "formats/dtype.h"
#include "util/atomicfile.h"

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace llmos {

struct SafetensorsTensorSpec {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::uint64_t> shape;
};

struct SafetensorsWriteEntry {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::uint64_t> shape;
    std::span<const std::uint8_t> bytes; // row-major, little-endian
};

// A .safetensors file written one tensor at a time, so a model larger than the memory
// left can be saved: the header is written first from the tensors' names, dtypes and
// shapes, then each tensor's bytes in the order given. The file is atomic (temp file in
// the destination folder, fsync, rename, fsync the folder): it appears only on commit(),
// and a writer destroyed before that leaves nothing. Header keys are sorted and the
// header is padded with spaces to a multiple of 8 bytes so the data section is aligned.
class SafetensorsStreamWriter {
public:
    // Throws InvalidInput for a repeated or reserved name or a shape too large to address.
    SafetensorsStreamWriter(std::string path, std::vector<SafetensorsTensorSpec> tensors,
                            const std::map<std::string, std::string> &metadata = {});

    // The next tensor's bytes; InvalidInput when they are not its size (nothing more can
    // be written then) or when every tensor is written already.
    void write(std::span<const std::uint8_t> bytes);
    // The tensor write() expects next, or null when all are written.
    const SafetensorsTensorSpec *next() const;
    // Throws Internal when a tensor is missing.
    void commit();

private:
    std::string m_path;
    std::vector<SafetensorsTensorSpec> m_tensors;
    std::vector<std::uint64_t> m_sizes;
    std::size_t m_next = 0;
    AtomicFileWriter m_out;
};

// Writes a whole .safetensors file from tensors in memory (SafetensorsStreamWriter's
// layout). Writing what was read gives the same bytes.
void writeSafetensors(const std::string &path, const std::vector<SafetensorsWriteEntry> &tensors,
                      const std::map<std::string, std::string> &metadata = {});

} // namespace llmos
