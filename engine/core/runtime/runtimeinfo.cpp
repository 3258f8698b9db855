#include "runtime/runtimeinfo.h"

#include <torch/torch.h>

#include <chrono>
#include <fstream>
#include <thread>

namespace llmos {

namespace {

// The BLAS libtorch uses is whatever libblas.so.3 resolves to (Debian's alternatives):
// read the process's own mappings to see which file that really is.
std::string mappedBlasLibrary()
{
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        const auto slash = line.find('/');
        if (slash == std::string::npos)
            continue;
        const std::string path = line.substr(slash);
        const auto name = path.substr(path.rfind('/') + 1);
        if (name.find("blas") != std::string::npos && name.find("cublas") == std::string::npos)
            return path;
    }
    return {};
}

double measureMatmulGflops()
{
    constexpr int64_t n = 1024;
    torch::NoGradGuard noGrad;
    const auto a = torch::randn({n, n});
    const auto b = torch::randn({n, n});
    auto c = torch::matmul(a, b); // warm-up
    int reps = 0;
    const auto start = std::chrono::steady_clock::now();
    double seconds = 0;
    while (reps < 20 && seconds < 0.5) {
        c = torch::matmul(a, b);
        ++reps;
        seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    return 2.0 * n * n * n * reps / seconds / 1e9;
}

} // namespace

void configureTorchThreads(int n)
{
    const int hw = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(n > 0 ? n : hw);
}

RuntimeInfo collectRuntimeInfo(bool measureMatmul)
{
    RuntimeInfo info;
    info.torchVersion = TORCH_VERSION;
    info.hardwareThreads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    info.threads = torch::get_num_threads();
    if (measureMatmul)
        info.matmulGflops = measureMatmulGflops();
    info.blasLibrary = mappedBlasLibrary();
    info.referenceBlas = info.blasLibrary.find("/blas/") != std::string::npos
                         && info.blasLibrary.find("openblas") == std::string::npos;
    if (torch::cuda::is_available()) {
        for (int64_t i = 0; i < static_cast<int64_t>(torch::cuda::device_count()); ++i)
            info.cudaDevices.push_back("cuda:" + std::to_string(i));
    }
    return info;
}

} // namespace llmos
