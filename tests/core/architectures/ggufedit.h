#pragma once

// A GGUF file rewritten with some metadata and tensors changed: how the architecture
// tests make hostile or unusual files out of a valid export.

#include "formats/gguf/gguffile.h"
#include "formats/gguf/gguftorch.h"
#include "formats/gguf/ggufwriter.h"
#include "tempdir.h"

#include <torch/torch.h>

#include <map>
#include <optional>
#include <set>
#include <string>

namespace llmos::test {

struct GgufEdit {
    std::map<std::string, std::optional<GgufValue>> metadata; // nullopt removes the key
    std::set<std::string> removeTensors = {};
    std::map<std::string, torch::Tensor> tensors = {}; // added or replaced, stored as tensorType
    GgmlType tensorType = GgmlType::F32;
};

// `source` with `edit` applied, written as `name` in `dir`.
inline std::string rewritten(const TempDir &dir, const std::string &source, const GgufEdit &edit,
                             const std::string &name = "edited.gguf")
{
    const auto file = GgufFile::open(source);
    GgufWriter writer;
    std::set<std::string> seen;
    for (const auto &kv : file.metadata()) {
        seen.insert(kv.key);
        const auto it = edit.metadata.find(kv.key);
        if (it == edit.metadata.end())
            writer.addMetadata(kv.key, kv.value);
        else if (it->second)
            writer.addMetadata(kv.key, *it->second);
    }
    for (const auto &[key, value] : edit.metadata)
        if (!seen.contains(key) && value)
            writer.addMetadata(key, *value);
    for (const auto &t : file.tensors())
        if (!edit.removeTensors.contains(t.name) && !edit.tensors.contains(t.name))
            writer.addEncodedTensor(t.name, t.shape, t.type, file.tensorData(t));
    for (const auto &[tensorName, tensor] : edit.tensors)
        addTorchTensor(writer, tensorName, tensor, edit.tensorType);
    const auto path = dir.file(name);
    writer.write(path);
    return path;
}

} // namespace llmos::test
