#pragma once

#include <torch/torch.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

class GgufFile;
struct GgufTensorInfo;

// Called after each parameter is filled with (parameters done, parameters in all);
// returning false stops the load with Error(Cancelled).
using GgufLoadProgress = std::function<bool(std::size_t done, std::size_t total)>;

// How one architecture's module parameters are stored in a GGUF file: the tensor names
// of llama.cpp's converter and any change of layout it makes (llama's permuted q/k rows,
// GPT-2's transposed Conv1D weights).
struct GgufParameterLayout {
    // For messages: "gpt2 model with 2 layers".
    std::string description;
    // The key to check when the file holds a tensor the module does not have.
    std::string layerCountKey;
    // The GGUF name of a parameter, or nothing when the layout does not know it.
    std::function<std::optional<std::string>(std::string_view parameter)> tensorName;
    // The stored (row-major) shape of a parameter of shape `shape`; the shape itself when unset.
    std::function<std::vector<std::int64_t>(std::string_view parameter, std::vector<std::int64_t> shape)> storedShape;
    // The stored tensor (fp32, of storedShape) -> the parameter's values; as is when unset.
    std::function<torch::Tensor(std::string_view parameter, torch::Tensor stored)> fromStored;
    // Tensors the file may hold that are not parameters (rope_freqs.weight).
    std::set<std::string, std::less<>> otherTensors;
};

// The tensor of `file` holding `parameter` (of `shape` in the module), checked: missing is
// Error(NotFound), a shape other than the module's Error(Format), an integer type
// Error(Unsupported), each naming the tensor and the file. Reads no value.
const GgufTensorInfo &ggufTensorFor(const GgufFile &file, const GgufParameterLayout &layout,
                                    const std::string &parameter, const std::vector<std::int64_t> &shape);
// That tensor's values as the parameter's, in fp32 (dequantized, put back in the module's
// layout), contiguous.
torch::Tensor ggufParameterValue(const GgufFile &file, const GgufParameterLayout &layout,
                                 const std::string &parameter, const std::vector<std::int64_t> &shape);
// Every parameter of `module` checked with ggufTensorFor, and no tensor in `file` that
// the module does not have (Error(Format) naming it). Reads no value.
void checkGgufParameters(const torch::nn::Module &module, const GgufFile &file, const GgufParameterLayout &layout);

// Fills every parameter of `module` from `file` in fp32 (quantized tensors dequantized),
// checking each tensor before it is used: a missing one is Error(NotFound), a shape other
// than the module's Error(Format), a non-float type Error(Unsupported), each naming the
// tensor and the file; a tensor the module does not have is Error(Format) naming it.
void loadGgufParameters(torch::nn::Module &module, const GgufFile &file, const GgufParameterLayout &layout,
                        const GgufLoadProgress &progress = {});

} // namespace llmos
