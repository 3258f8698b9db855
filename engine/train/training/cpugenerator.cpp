#include "training/cpugenerator.h"

#include <ATen/CPUGeneratorImpl.h>

namespace llmos {

torch::Tensor cpuGeneratorState()
{
    auto generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    return generator.get_state();
}

void setCpuGeneratorState(const torch::Tensor &state)
{
    auto generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    generator.set_state(state);
}

std::mutex &seedingMutex()
{
    static std::mutex mutex;
    return mutex;
}

} // namespace llmos
