#pragma once

#include "architectures/projection.h"

#include <cstdint>
#include <string>

namespace llmos {

// A Houlsby bottleneck adapter (Houlsby et al. 2019) on a projection's output:
// y + up(act(down(y))), down [size, out] and up [out, size] with biases. up starts at
// zero, so the model starts unchanged (the paper's near-identity initialisation).
// Parameter names: adapter_down.{weight,bias}, adapter_up.{weight,bias} (flat, as
// "adapter_down_weight" etc. inside the hook; see BottleneckAdapters for the saved names).
class BottleneckHookImpl : public ProjectionHookImpl {
public:
    BottleneckHookImpl(std::int64_t width, std::int64_t size, std::string activation,
                       const torch::TensorOptions &options);
    torch::Tensor forward(const torch::Tensor &x, const torch::Tensor &y) override;

    torch::Tensor down_weight;
    torch::Tensor down_bias;
    torch::Tensor up_weight;
    torch::Tensor up_bias;

private:
    std::string m_activation;
};

} // namespace llmos
