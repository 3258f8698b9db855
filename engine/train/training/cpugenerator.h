#pragma once

#include <torch/torch.h>

#include <mutex>

namespace llmos {

// Torch's default CPU generator is one for the whole process. A run seeds it and draws
// its new weights and dropout masks from it; a checkpoint keeps its state.

torch::Tensor cpuGeneratorState();
void setCpuGeneratorState(const torch::Tensor &state);

// Held while a run seeds the generator and initialises what its method adds, and by code
// that draws from it only as a side effect (see GeneratorStateRestorer), so that the one
// does not take the other's numbers.
std::mutex &seedingMutex();

// Puts the CPU generator back into the state it had when this was made.
class GeneratorStateRestorer {
public:
    GeneratorStateRestorer() : m_state(cpuGeneratorState()) {}
    ~GeneratorStateRestorer() { setCpuGeneratorState(m_state); }
    GeneratorStateRestorer(const GeneratorStateRestorer &) = delete;
    GeneratorStateRestorer &operator=(const GeneratorStateRestorer &) = delete;

private:
    torch::Tensor m_state;
};

} // namespace llmos
