#include "tinymodel.h"

#include "bytetokenizer.h"
#include "tempdir.h"

#include "architectures/causallmloader.h"
#include "formats/tensorload.h"
#include "model/modelconfig.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <filesystem>
#include <fstream>

namespace llmos::test {

namespace {

void writeJson(const std::string &path, const nlohmann::json &value)
{
    std::ofstream(path) << value.dump(2);
}

nlohmann::json configJson(TinyFamily family)
{
    if (family == TinyFamily::Gpt2)
        return {{"architectures", {"GPT2LMHeadModel"}}, {"model_type", "gpt2"}, {"vocab_size", kTinyVocab},
                {"n_embd", 32},  {"n_layer", 2}, {"n_head", 4}, {"n_positions", 96}, {"n_ctx", 96},
                {"layer_norm_epsilon", 1e-5}, {"activation_function", "gelu_new"},
                {"bos_token_id", kEndOfText}, {"eos_token_id", kEndOfText}};
    return {{"architectures", {"LlamaForCausalLM"}}, {"model_type", "llama"}, {"vocab_size", kTinyVocab},
            {"hidden_size", 32}, {"intermediate_size", 64}, {"num_hidden_layers", 2},
            {"num_attention_heads", 4}, {"num_key_value_heads", 2}, {"hidden_act", "silu"},
            {"max_position_embeddings", 96}, {"rms_norm_eps", 1e-5}, {"rope_theta", 10000.0},
            {"tie_word_embeddings", false}, {"bos_token_id", kEndOfText}, {"eos_token_id", kEndOfText}};
}

} // namespace

void writeTinyModel(const std::string &folder, TinyFamily family, std::uint64_t seed)
{
    writeTinyModelWeights(folder, configJson(family), seed);
    std::ofstream(folder + "/tokenizer.json") << byteTokenizerJson();
}

void writeTinyModelWeights(const std::string &folder, const nlohmann::json &config, std::uint64_t seed)
{
    std::filesystem::create_directories(folder);
    writeJson(folder + "/config.json", config);

    auto model = buildCausalLm(parseModelConfig(config, "config.json"));
    torch::manual_seed(seed);
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    for (const auto &item : model->named_parameters()) {
        const auto &name = item.key();
        const auto shape = item.value().sizes();
        // Norm gains near 1, everything else large enough that the model has opinions
        // (greedy paths that differ by prompt), small enough to stay finite.
        const bool isNorm = name.find("norm") != std::string::npos || name.find("ln_") != std::string::npos;
        auto value = isNorm && name.ends_with("weight") ? 1 + 0.1 * torch::randn(shape) : 0.5 * torch::randn(shape);
        tensors.emplace_back(name, value.contiguous());
    }
    writeSafetensors(folder + "/model.safetensors", tensors);
}

void writeChatMlTokenizerConfig(const std::string &folder)
{
    const std::string chatml =
        "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + "
        "'<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";
    writeJson(folder + "/tokenizer_config.json",
              {{"bos_token", nullptr}, {"eos_token", "<|im_end|>"}, {"chat_template", chatml}});
}

std::string sharedTinyModel(TinyFamily family)
{
    struct Models {
        TempDir dir;
        std::string llama = dir.file("llama");
        std::string gpt2 = dir.file("gpt2");
        Models()
        {
            writeTinyModel(llama, TinyFamily::Llama);
            writeTinyModel(gpt2, TinyFamily::Gpt2);
        }
    };
    static const Models made;
    return family == TinyFamily::Llama ? made.llama : made.gpt2;
}

} // namespace llmos::test
