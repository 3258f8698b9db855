#include "runtime/torchdevice.h"

#include "util/error.h"

#include <charconv>

namespace llmos {

torch::Device resolveTorchDevice(const std::string &spec)
{
    const char *where = "--device";
    if (spec.empty() || spec == "auto")
        return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    if (spec == "cpu")
        return torch::kCPU;
    if (spec == "cuda" || spec.starts_with("cuda:")) {
        int index = 0;
        if (spec.size() > 5) {
            const auto *first = spec.data() + 5;
            const auto *last = spec.data() + spec.size();
            const auto [end, ec] = std::from_chars(first, last, index);
            if (ec != std::errc() || end != last || index < 0)
                throw Error(ErrorKind::InvalidInput, where, "\"" + spec + "\" is not a device; use cuda or cuda:N");
        }
        if (!torch::cuda::is_available())
            throw Error(ErrorKind::Unsupported, where,
                        "CUDA was asked for, but this build of libtorch has no CUDA support or no NVIDIA GPU is "
                        "visible; use --device cpu (or auto)");
        const auto count = static_cast<int>(torch::cuda::device_count());
        if (index >= count)
            throw Error(ErrorKind::InvalidInput, where,
                        "there is no CUDA device " + std::to_string(index) + "; this machine has "
                            + std::to_string(count));
        return torch::Device(torch::kCUDA, static_cast<torch::DeviceIndex>(index));
    }
    throw Error(ErrorKind::InvalidInput, where, "\"" + spec + "\" is not a device; use auto, cpu, cuda or cuda:N");
}

torch::ScalarType computeDtype(const torch::Device &device)
{
    return device.is_cuda() ? torch::kBFloat16 : torch::kFloat;
}

} // namespace llmos
