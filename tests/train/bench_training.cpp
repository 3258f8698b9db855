// Training throughput of the real Trainer on the benchmark shapes (docs/PERFORMANCE.md,
// "Training (issue 5)"): for each shape and method it writes the benchmark model
// (generation/benchmarkmodel.h) and a text of random "tK" words (one token per word) into
// a temporary folder, runs a recipe through Trainer::run() and reads the input tokens per
// second of each optimizer step from the TrainingStepEvent callbacks. Warm-up steps are
// left out; the median and the best of the timed steps are reported. Loading the model
// and data, the final evaluation and the save are not steps: they are timed apart
// (load_s, finish_s). MFU = 6 · params · tokens/s over the fp32 matmul peak measured in
// the same process (2048² torch::mm, best of a few). One JSON object per (shape, method)
// on stdout; tests/tools/reference/compare_training_bench.py puts them beside PyTorch
// eager's (train_torch_eager.py).
//
// `--heap pooled` (the default, as the llmos executable runs) keeps freed tensor buffers
// in the process (util/heaptuning.h); `--heap system` leaves glibc's defaults, for the
// comparison.
//
//   build/bin/bench_training [--shapes tiny,small] [--methods full,lora] [--steps 20]
//                            [--warmup 3] [--batch 8] [--seq 128] [--threads N]
//                            [--heap pooled|system] [--device cpu|cuda|...] [--precision fp32|bf16]
//
// On a GPU (`--device cuda --precision bf16 --shapes gpt2-small`) the peak is a bf16
// 8192² matmul's on that device, so the MFU is the one the issue's target names.

#include "generation/benchmarkmodel.h"
#include "recipe/trainingrecipe.h"
#include "runtime/torchdevice.h"
#include "training/trainer.h"
#include "util/error.h"
#include "util/heaptuning.h"

#include "tempdir.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace llmos;
using Clock = std::chrono::steady_clock;

struct Protocol {
    std::vector<std::string> shapes{"tiny", "small"};
    std::vector<std::string> methods{"full", "lora"};
    std::int64_t steps = 20;
    std::int64_t warmup = 3;
    std::int64_t batch = 8;
    std::int64_t seq = 128;
    int threads = 0;
    bool pooledHeap = true;
    std::string device = "cpu";
    std::string precision = "fp32";
};

std::vector<std::string> splitList(const std::string &text)
{
    std::vector<std::string> items;
    std::stringstream stream(text);
    for (std::string item; std::getline(stream, item, ',');)
        if (!item.empty())
            items.push_back(item);
    return items;
}

std::int64_t positive(const std::string &option, const char *value)
{
    const auto number = std::atoll(value);
    if (number < 1)
        throw Error(ErrorKind::InvalidInput, option, "must be a whole number of at least 1");
    return number;
}

Protocol parseArguments(int argc, char **argv)
{
    Protocol p;
    for (int i = 1; i < argc; ++i) {
        const std::string option = argv[i];
        if (i + 1 >= argc)
            throw Error(ErrorKind::InvalidInput, option, "needs a value");
        const char *value = argv[++i];
        if (option == "--shapes") p.shapes = splitList(value);
        else if (option == "--methods") p.methods = splitList(value);
        else if (option == "--steps") p.steps = positive(option, value);
        else if (option == "--warmup") p.warmup = std::atoll(value);
        else if (option == "--batch") p.batch = positive(option, value);
        else if (option == "--seq") p.seq = positive(option, value);
        else if (option == "--threads") p.threads = static_cast<int>(positive(option, value));
        else if (option == "--heap" && (std::string(value) == "pooled" || std::string(value) == "system"))
            p.pooledHeap = std::string(value) == "pooled";
        else if (option == "--device") p.device = value;
        else if (option == "--precision" && (std::string(value) == "fp32" || std::string(value) == "bf16"))
            p.precision = value;
        else
            throw Error(ErrorKind::InvalidInput, option,
                        "unknown option or value (--shapes --methods --steps --warmup --batch --seq --threads "
                        "--heap pooled|system --device D --precision fp32|bf16)");
    }
    if (p.warmup < 0 || p.warmup >= p.steps)
        throw Error(ErrorKind::InvalidInput, "--warmup", "must be at least 0 and below --steps");
    for (const auto &method : p.methods)
        if (method != "full" && method != "lora")
            throw Error(ErrorKind::InvalidInput, "--methods", "\"" + method + "\" is not one of full, lora");
    return p;
}

// FLOP/s of a square torch::mm, the best of `repeat` (after one untimed warm-up): 2048²
// fp32 on the CPU, 8192² in the run's precision on a GPU (synchronised around each).
double measureMatmulPeak(const Protocol &p, int repeat = 5)
{
    torch::NoGradGuard noGrad;
    const auto device = resolveTorchDevice(p.device);
    const std::int64_t n = device.is_cuda() ? 8192 : 2048;
    const auto options = torch::TensorOptions(device).dtype(p.precision == "bf16" ? torch::kBFloat16 : torch::kFloat);
    const auto a = torch::randn({n, n}, options);
    const auto b = torch::randn({n, n}, options);
    auto c = torch::mm(a, b);
    const auto synchronise = [&] {
        if (device.is_cuda())
            (void)c.sum().item<double>();
    };
    double best = 0;
    for (int i = 0; i < repeat; ++i) {
        synchronise();
        const auto start = Clock::now();
        torch::mm_out(c, a, b);
        synchronise();
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        best = std::max(best, 2.0 * n * n * n / seconds);
    }
    return best;
}

// Documents of seq - 1 random words: with the EOS the packer adds, each is exactly one
// block of `seq` tokens, so every batch is full and carries no padding. Words avoid the
// two special ids (t0 = BOS, t1 = EOS) so the text tokenizes as plain words.
std::string randomText(std::int64_t documents, std::int64_t seq, std::int64_t vocab)
{
    std::mt19937_64 random(7);
    std::uniform_int_distribution<std::int64_t> word(2, vocab - 1);
    std::string text;
    for (std::int64_t d = 0; d < documents; ++d) {
        for (std::int64_t i = 0; i < seq - 1; ++i)
            text += (i ? " t" : "t") + std::to_string(word(random));
        text += "\n\n";
    }
    return text;
}

nlohmann::json recipeFor(const test::TempDir &dir, const std::string &method, const Protocol &p)
{
    nlohmann::json methodSection = {{"kind", method}};
    if (method == "lora")
        methodSection = {{"kind", "lora"}, {"rank", 8}, {"alpha", 8}, {"target_modules", {"q_proj", "v_proj"}}};
    return {{"model", {{"path", dir.file("model")}}},
            {"dataset", {{"path", dir.file("text.txt")}, {"kind", "text"}, {"validation_fraction", 0.05}}},
            {"task", {{"kind", "causal_lm"}, {"max_seq_len", p.seq}}},
            {"method", methodSection},
            {"optimizer", {{"name", "adamw"}, {"lr", 1e-4}, {"weight_decay", 0.01}}},
            {"schedule", {{"name", "constant"}}},
            {"training",
             {{"max_steps", p.steps}, {"batch_size", p.batch}, {"checkpoint_every", 0}, {"max_grad_norm", 1.0},
              {"seed", 1}, {"device", p.device}, {"precision", p.precision}}}};
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

nlohmann::json runOne(const test::TempDir &dir, const BenchmarkShape &shape, const std::string &method,
                      const Protocol &p, double peak)
{
    TrainerOptions options;
    options.runDirectory = dir.file("run-" + method);
    options.resume = false;
    std::filesystem::create_directories(options.runDirectory);
    std::vector<double> speeds;
    double stepSeconds = 0;
    double lastLoss = 0;
    double firstStepSeconds = 0;
    Clock::time_point firstStepEnd;
    Clock::time_point lastStepEnd;
    options.callbacks.onStep = [&](const TrainingStepEvent &event) {
        const auto now = Clock::now();
        if (event.step == 1)
            firstStepEnd = now;
        lastStepEnd = now;
        const double tokens = static_cast<double>(p.batch * p.seq);
        const double thisStep = tokens / event.tokensPerSecond;
        stepSeconds += thisStep;
        if (event.step == 1)
            firstStepSeconds = thisStep;
        if (event.step > p.warmup)
            speeds.push_back(event.tokensPerSecond);
        lastLoss = event.loss;
    };
    Trainer trainer(parseTrainingRecipe(recipeFor(dir, method, p), "bench"), options);
    const auto started = Clock::now();
    const auto result = trainer.run();
    const auto finished = Clock::now();
    if (static_cast<std::int64_t>(speeds.size()) != p.steps - p.warmup)
        throw Error(ErrorKind::Internal, "bench_training", "the trainer reported fewer steps than asked");

    const double tokensPerSecond = median(speeds);
    const auto seconds = [](Clock::time_point a, Clock::time_point b) {
        return std::chrono::duration<double>(b - a).count();
    };
    const auto params = static_cast<double>(result.totalParameters);
    return {{"engine", "llmos"},
            {"shape", shape.name},
            {"method", method},
            {"batch", p.batch},
            {"seq", p.seq},
            {"steps", p.steps},
            {"warmup", p.warmup},
            {"statistic", "median"},
            {"tokens_per_s", tokensPerSecond},
            {"tokens_per_s_best", *std::max_element(speeds.begin(), speeds.end())},
            {"params", result.totalParameters},
            {"trainable", result.trainableParameters},
            {"mfu", 6.0 * params * tokensPerSecond / peak},
            {"peak", peak},
            {"threads", torch::get_num_threads()},
            {"heap", p.pooledHeap ? "pooled" : "system"},
            {"device", p.device},
            {"precision", p.precision},
            {"final_loss", lastLoss},
            // Loading (model, tokenizer, dataset, method) up to the first step, the steps'
            // own time summed, and the end (final evaluation and save).
            {"load_s", seconds(started, firstStepEnd) - firstStepSeconds},
            {"steps_s", stepSeconds},
            {"finish_s", seconds(lastStepEnd, finished)},
            {"total_s", seconds(started, finished)}};
}

} // namespace

int main(int argc, char **argv)
{
    try {
        const auto p = parseArguments(argc, argv);
        if (p.pooledHeap && !keepFreedMemoryForReuse())
            throw Error(ErrorKind::Internal, "--heap pooled", "the C library refused the malloc settings");
        torch::set_num_threads(p.threads > 0 ? p.threads : static_cast<int>(std::thread::hardware_concurrency()));
        const double peak = measureMatmulPeak(p);
        for (const auto &name : p.shapes) {
            const auto &shape = benchmarkShape(name);
            test::TempDir dir;
            writeBenchmarkModel(dir.file("model"), shape);
            dir.write("model/tokenizer_config.json", R"({"bos_token": "t0", "eos_token": "t1"})");
            // Enough whole batches that no step reaches the end of an epoch (a short last
            // batch), with 5% of the documents held out.
            const auto documents = (p.steps + 2) * p.batch * 21 / 20 + 2;
            dir.write("text.txt", randomText(documents, p.seq, shape.vocab));
            for (const auto &method : p.methods)
                std::printf("%s\n", runOne(dir, shape, method, p, peak).dump().c_str());
            std::fflush(stdout);
        }
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_training: %s\n", e.what());
        return 1;
    }
}
