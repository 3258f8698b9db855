// A fake libnvidia-ml.so: the handful of NVML entry points NvmlGpuProbe uses, answering
// for two made-up GPUs, so the probe's loading and struct layouts are tested without a GPU.

#include <cstring>

namespace {

struct FakeDevice {
    const char *name;
    unsigned int utilization;
    unsigned long long total;
    unsigned long long used;
};

FakeDevice devices[] = {
    {"Fake GPU A", 37, 80ull << 30, 5ull << 30},
    {"Fake GPU B", 91, 80ull << 30, 70ull << 30},
};
bool initialized = false;

} // namespace

extern "C" {

struct nvmlUtilization_t {
    unsigned int gpu;
    unsigned int memory;
};
struct nvmlMemory_t {
    unsigned long long total;
    unsigned long long free;
    unsigned long long used;
};

int nvmlInit_v2()
{
    initialized = true;
    return 0;
}

int nvmlShutdown()
{
    initialized = false;
    return 0;
}

int nvmlDeviceGetCount_v2(unsigned int *count)
{
    if (!initialized)
        return 1; // NVML_ERROR_UNINITIALIZED
    *count = 2;
    return 0;
}

int nvmlDeviceGetHandleByIndex_v2(unsigned int index, void **device)
{
    if (index >= 2)
        return 2; // NVML_ERROR_INVALID_ARGUMENT
    *device = &devices[index];
    return 0;
}

int nvmlDeviceGetName(void *device, char *name, unsigned int length)
{
    std::strncpy(name, static_cast<FakeDevice *>(device)->name, length - 1);
    return 0;
}

int nvmlDeviceGetUtilizationRates(void *device, nvmlUtilization_t *rates)
{
    rates->gpu = static_cast<FakeDevice *>(device)->utilization;
    rates->memory = 0;
    return 0;
}

int nvmlDeviceGetMemoryInfo(void *device, nvmlMemory_t *memory)
{
    const auto *d = static_cast<FakeDevice *>(device);
    memory->total = d->total;
    memory->used = d->used;
    memory->free = d->total - d->used;
    return 0;
}

} // extern "C"
