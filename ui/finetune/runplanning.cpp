#include "finetune/runplanning.h"

#include "jobs/devicecapacity.h"
#include "runtime/runtimeinfo.h"
#include "services/localscheduler.h"

#include <algorithm>

namespace llmos {

namespace {

double measuredFlopsPerSecond()
{
    static const double flops = std::max(1.0, collectRuntimeInfo(true).matmulGflops * 1e9);
    return flops;
}

} // namespace

PlannedRun planRunOnThisMachine(const std::string &registryHome, const TrainingRecipe &recipe)
{
    return planRun(registryHome, recipe, kPreviewRows, measuredFlopsPerSecond(),
                   cpuCapacity(kReservedForTheMachineBytes).memoryBytes);
}

TrainablePreview previewTrainableOnThisMachine(const std::string &registryHome, const TrainingRecipe &recipe)
{
    return previewTrainable(registryHome, recipe, cpuCapacity(kReservedForTheMachineBytes).memoryBytes);
}

} // namespace llmos
