#include "training/computeplacement.h"

#include "runtime/torchdevice.h"
#include "util/error.h"

#include <ATen/autocast_mode.h>

namespace llmos {

std::string ComputePlacement::describe() const
{
    return device.str() + (bf16 ? ", bf16 autocast" : ", fp32");
}

ComputePlacement resolveComputePlacement(const TrainingSettings &settings)
{
    ComputePlacement placement;
    try {
        placement.device = resolveTorchDevice(settings.device);
    } catch (const Error &e) {
        throw Error(e.kind(), "recipe: training.device", e.detail());
    }
    placement.bf16 = settings.precision == "bf16" || (settings.precision == "auto" && placement.device.is_cuda());
    return placement;
}

AutocastScope::AutocastScope(const ComputePlacement &placement)
    : m_active(placement.bf16)
    , m_cuda(placement.device.is_cuda())
{
    if (!m_active)
        return;
    if (m_cuda) {
        m_wasEnabled = at::autocast::is_enabled();
        m_previousType = at::autocast::get_autocast_gpu_dtype();
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
        at::autocast::set_enabled(true);
    } else {
        m_wasEnabled = at::autocast::is_cpu_enabled();
        m_previousType = at::autocast::get_autocast_cpu_dtype();
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        at::autocast::set_cpu_enabled(true);
    }
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope()
{
    if (!m_active)
        return;
    // The cache of bf16 weight copies lives until the outermost scope ends.
    if (at::autocast::decrement_nesting() == 0)
        at::autocast::clear_cache();
    if (m_cuda) {
        at::autocast::set_enabled(m_wasEnabled);
        at::autocast::set_autocast_gpu_dtype(m_previousType);
    } else {
        at::autocast::set_cpu_enabled(m_wasEnabled);
        at::autocast::set_autocast_cpu_dtype(m_previousType);
    }
}

} // namespace llmos
