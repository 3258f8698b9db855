#pragma once

#include "generation/textgenerator.h"

#include <nlohmann/json_fwd.hpp>

class QCommandLineParser;

namespace llmos::cli {

class CommandContext;

// The options generate and chat share: the model, its device and threads, and how to
// sample (--max-tokens, --temperature, --top-k, --top-p, --min-p, --repetition-penalty,
// --seed, --stop).
void addGenerationOptions(QCommandLineParser &parser);

// Opens --model (or `modelPath`, when given) on --device after setting --threads.
TextGenerator openGenerator(CommandContext &ctx, const std::string &modelPath = {});

// A request for `promptIds` from the options, on top of the model's generation_config.json
// (greedy unless it says do_sample; --temperature 0 is greedy).
GenerationRequest requestFromOptions(CommandContext &ctx, const TextGenerator &generator,
                                     std::vector<std::int32_t> promptIds);

// The --json fields both verbs print for a result.
nlohmann::json resultJson(const GenerationResult &result);

// "12 tokens in 0.40 s (30.1 tokens/s), stopped: eos" on stderr, after streamed text.
void printResultSummary(const GenerationResult &result);

} // namespace llmos::cli
