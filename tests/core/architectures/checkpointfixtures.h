#pragma once

// Small helpers the architecture tests share for writing checkpoints by hand and for
// catching the error a loader throws.

#include "errorof.h"
#include "formats/tensorload.h"
#include "tempdir.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace llmos::test {

using Tensors = std::vector<std::pair<std::string, at::Tensor>>;

// config.json and model.safetensors in `dir`.
inline void writeModel(const TempDir &dir, const nlohmann::json &config, const Tensors &tensors)
{
    dir.write("config.json", config.dump());
    writeSafetensors(dir.file("model.safetensors"), tensors);
}

inline Tensors without(Tensors tensors, const std::string &name)
{
    std::erase_if(tensors, [&](const auto &t) { return t.first == name; });
    return tensors;
}

inline Tensors replaced(Tensors tensors, const std::string &name, const at::Tensor &value)
{
    for (auto &t : tensors)
        if (t.first == name)
            t.second = value;
    return tensors;
}

} // namespace llmos::test
