#pragma once

#include "bytetokenizer.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>

namespace llmos::test {

// A tiny random causal LM written as a Hugging Face folder: config.json (EOS
// <|endoftext|>, context 96), model.safetensors and the byte tokenizer of
// bytetokenizer.h. Weights are seeded, so the same call makes the same model.
enum class TinyFamily { Llama, Gpt2 };

constexpr std::int64_t kTinyVocab = kByteVocab;

void writeTinyModel(const std::string &folder, TinyFamily family, std::uint64_t seed = 7);

// config.json and model.safetensors of a random model of any `config` the engine runs,
// weighted as writeTinyModel weights its models; no tokenizer. The folder is created.
void writeTinyModelWeights(const std::string &folder, const nlohmann::json &config, std::uint64_t seed = 7);

// tokenizer_config.json with a ChatML template ending turns with <|im_end|>.
void writeChatMlTokenizerConfig(const std::string &folder);

// A Llama and a GPT-2 tiny model, written once per test process into a temporary folder.
std::string sharedTinyModel(TinyFamily family);

} // namespace llmos::test
