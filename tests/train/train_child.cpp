// A training run in its own process, for the tests that kill it or starve its disk:
//   train_child RECIPE.json RUN_DIR [--limit-file-size-after STEP BYTES]
// prints one JSON line per step ({"step":N,"loss":"<hex float>"}), flushed, so the
// parent can follow it and SIGKILL it at a chosen step. Losses are written as hex floats
// so the parent compares them bit for bit. Exit status: 0 finished, 3 a training error
// (its message on a {"error":...} line).

#include "recipe/trainingrecipe.h"
#include "training/trainer.h"
#include "util/error.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <sys/resource.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 6) {
        std::fprintf(stderr, "usage: train_child RECIPE.json RUN_DIR [--limit-file-size-after STEP BYTES]\n");
        return 2;
    }
    torch::set_num_threads(1);
    const std::int64_t limitAfter = argc == 6 ? std::atoll(argv[4]) : -1;
    const rlim_t limitBytes = argc == 6 ? static_cast<rlim_t>(std::atoll(argv[5])) : 0;
    try {
        llmos::TrainerOptions options;
        options.runDirectory = argv[2];
        options.callbacks.onStep = [&](const llmos::TrainingStepEvent &event) {
            std::printf("{\"step\":%lld,\"loss\":\"%a\"}\n", static_cast<long long>(event.step), event.loss);
            std::fflush(stdout);
            if (event.step == limitAfter) {
                // A full disk from here on: writes fail with EFBIG instead of killing us.
                std::signal(SIGXFSZ, SIG_IGN);
                const rlimit limit{limitBytes, limitBytes};
                setrlimit(RLIMIT_FSIZE, &limit);
            }
        };
        llmos::Trainer trainer(llmos::loadTrainingRecipe(argv[1]), options);
        const auto result = trainer.run();
        std::printf("{\"done\":%lld,\"resumed_from\":%lld}\n", static_cast<long long>(result.steps),
                    static_cast<long long>(result.resumedFromStep));
        return 0;
    } catch (const std::exception &e) {
        std::printf("%s\n", nlohmann::json({{"error", e.what()}}).dump().c_str());
        return 3;
    }
}
