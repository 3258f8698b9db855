#pragma once

// Torch-facing GGUF helpers, in llmos_tensors (the rest of formats/gguf is torch-free).

#include "formats/gguf/ggmltype.h"

#include <ATen/core/Tensor.h>

#include <string>

namespace llmos {

class GgufFile;
class GgufWriter;
struct GgufTensorInfo;

// The tensor as a contiguous CPU torch tensor in row-major shape (GGUF's dims reversed).
// F32, F16, BF16, F64, I8, I16, I32 and I64 keep their dtype; quantized types (Q4_0, Q4_1,
// Q5_0, Q5_1, Q8_0, Q8_1, Q2_K..Q6_K) are dequantized to float32; other types throw
// Error(Unsupported). The data is copied (and byte-swapped for big-endian files), so the
// tensor does not depend on the file staying open.
at::Tensor ggufTensorToTorch(const GgufFile &file, const GgufTensorInfo &tensor);

// Adds a floating-point torch tensor (any device, any float dtype) to `writer`, stored as
// F32, F16, BF16 or Q8_0.
void addTorchTensor(GgufWriter &writer, std::string name, const at::Tensor &tensor, GgmlType storeAs);

} // namespace llmos
