#pragma once

#include <string>
#include <vector>

namespace llmos {

// What the compute engine runs on, as `llmos doctor` and the workbench show it.
struct RuntimeInfo {
    std::string torchVersion;
    std::string blasLibrary;     // the BLAS shared object actually mapped into the process
    bool referenceBlas = false;  // Debian's netlib reference BLAS: about 30x slower than OpenBLAS
    int threads = 1;             // intra-op threads libtorch uses
    int hardwareThreads = 1;
    std::vector<std::string> cudaDevices;
    double matmulGflops = 0;     // measured fp32 matmul throughput, 0 when not measured
};

// Sets libtorch's intra-op threads; n <= 0 means one per hardware thread. libtorch
// starts with one thread on some systems, so the app calls this at start-up.
void configureTorchThreads(int n);

// Gathers the facts; with measureMatmul it times a 1024² fp32 matmul (about 0.1 s with
// OpenBLAS, a few seconds with the reference BLAS).
RuntimeInfo collectRuntimeInfo(bool measureMatmul);

} // namespace llmos
