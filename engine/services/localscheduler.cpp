#include "services/localscheduler.h"

#include <algorithm>

namespace llmos {

JobSchedulerOptions localSchedulerOptions(int threads, int workers)
{
    JobSchedulerOptions options;
    options.workers = std::max(1, workers);
    options.capacity = cpuCapacity(kReservedForTheMachineBytes);
    options.capacity.threads = std::max(options.capacity.threads, threads);
    return options;
}

} // namespace llmos
