#include "models/demoregistry.h"

#include "formats/gguf/ggufwriter.h"
#include "formats/safetensorswriter.h"
#include "registry/modelregistry.h"

#include <cmath>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace llmos {

namespace {

constexpr const char *kBaseCard = R"(---
license: apache-2.0
tags:
- demo
---
# Aurora 1M

A **tiny Llama-architecture model** registered to show the model browser. Its weights
are zeros: it is here to be looked at, not run.

## Intended use

- trying the browser: search, filters, tags and lineage
- a base for the *chat* fine-tune and the *SQL* LoRA adapter next to it

| Setting | Value |
| --- | --- |
| Context | 2,048 tokens |
| Vocabulary | 2,048 tokens |

More about the format in the [Hugging Face documentation](https://huggingface.co/docs).
)";

constexpr const char *kChatCard = R"(---
license: apache-2.0
---
# Aurora 1M chat

Aurora 1M, fine-tuned to follow instructions in a chat template.

- base model: `aurora-1m`
- data: a small instruction set
)";

void writeText(const fs::path &path, const std::string &text)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// Zero-filled weights of the given shape in BF16 (2 bytes each) or F32.
void writeWeights(const fs::path &file, const std::vector<std::pair<std::string, std::vector<std::uint64_t>>> &tensors,
                  DType dtype)
{
    const std::size_t width = dtype == DType::F32 ? 4 : 2;
    std::vector<std::vector<std::uint8_t>> buffers;
    std::vector<SafetensorsWriteEntry> entries;
    for (const auto &[name, shape] : tensors) {
        std::size_t count = 1;
        for (const auto d : shape)
            count *= d;
        buffers.emplace_back(count * width, std::uint8_t(0));
        entries.push_back({name, dtype, shape, buffers.back()});
    }
    writeSafetensors(file.string(), entries);
}

fs::path llamaFolder(const fs::path &root, const std::string &name, const char *card)
{
    const fs::path dir = root / name;
    fs::create_directories(dir);
    writeText(dir / "config.json",
              R"({"model_type":"llama","architectures":["LlamaForCausalLM"],"vocab_size":2048,"hidden_size":256,)"
              R"("intermediate_size":688,"num_hidden_layers":2,"num_attention_heads":4,"max_position_embeddings":2048,)"
              R"("torch_dtype":"bfloat16"})");
    writeWeights(
        dir / "model.safetensors",
        {{"model.embed_tokens.weight", {2048, 256}}, {"lm_head.weight", {2048, 256}}, {"model.norm.weight", {256}}},
        DType::BF16);
    if (card)
        writeText(dir / "README.md", card);
    return dir;
}

fs::path adapterFolder(const fs::path &root)
{
    const fs::path dir = root / "aurora-1m-sql-lora";
    fs::create_directories(dir);
    writeText(dir / "adapter_config.json",
              R"({"peft_type":"LORA","base_model_name_or_path":"aurora-1m","r":8,"lora_alpha":16,)"
              R"("target_modules":["q_proj","v_proj"]})");
    writeWeights(dir / "adapter_model.safetensors",
                 {{"base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight", {8, 256}},
                  {"base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight", {256, 8}}},
                 DType::F32);
    return dir;
}

fs::path quantizedFile(const fs::path &root)
{
    GgufWriter w;
    w.addMetadata("general.architecture", GgufValue("llama"));
    w.addMetadata("general.name", GgufValue("aurora-1m-chat-q8_0"));
    w.addMetadata("general.license", GgufValue("apache-2.0"));
    w.addMetadata("llama.context_length", GgufValue(std::uint32_t(2048)));
    w.addMetadata("llama.block_count", GgufValue(std::uint32_t(2)));
    std::vector<float> values(2048 * 256);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = static_cast<float>(std::sin(static_cast<double>(i) * 0.01) * 0.1);
    w.addTensor("token_embd.weight", {2048, 256}, values, GgmlType::Q8_0);
    w.addTensor("output_norm.weight", {256}, std::span(values).first(256), GgmlType::F32);
    const fs::path file = root / "aurora-1m-chat-q8_0.gguf";
    w.write(file.string());
    return file;
}

fs::path gpt2Folder(const fs::path &root)
{
    const fs::path dir = root / "gpt2-demo";
    fs::create_directories(dir);
    writeText(dir / "config.json",
              R"({"model_type":"gpt2","architectures":["GPT2LMHeadModel"],"vocab_size":1024,"n_embd":128,"n_layer":2,)"
              R"("n_head":2,"n_positions":1024})");
    writeWeights(dir / "model.safetensors", {{"wte.weight", {1024, 128}}, {"wpe.weight", {1024, 128}}}, DType::F32);
    return dir;
}

fs::path bertFolder(const fs::path &root)
{
    const fs::path dir = root / "minilm-demo";
    fs::create_directories(dir);
    writeText(
        dir / "config.json",
        R"({"model_type":"bert","architectures":["BertModel"],"vocab_size":1024,"hidden_size":128,)"
        R"("intermediate_size":512,"num_hidden_layers":2,"num_attention_heads":2,"max_position_embeddings":512})");
    writeWeights(
        dir / "model.safetensors",
        {{"embeddings.word_embeddings.weight", {1024, 128}}, {"embeddings.position_embeddings.weight", {512, 128}}},
        DType::F32);
    writeText(dir / "README.md", "---\nlicense: mit\n---\n# MiniLM demo\n\nA small sentence-embedding encoder.\n");
    return dir;
}

} // namespace

void seedDemoRegistry(const std::string &home)
{
    const fs::path sources = fs::path(home) / "demo-sources";
    fs::create_directories(sources);
    ModelRegistry registry(home);
    auto import = [&](const fs::path &path, ModelOrigin origin, std::vector<std::string> tags,
                      const char *description) {
        ImportOptions options;
        options.origin = origin;
        options.tags = std::move(tags);
        options.description = description;
        return registry.importModel(path.string(), options);
    };
    const ModelRecord base = import(llamaFolder(sources, "aurora-1m", kBaseCard), ModelOrigin::Imported,
                                    {"base", "demo"}, "A tiny Llama-architecture base model");
    const ModelRecord chat = import(llamaFolder(sources, "aurora-1m-chat", kChatCard), ModelOrigin::FineTuned,
                                    {"chat", "demo"}, "The base model fine-tuned for chat");
    registry.addLineage(base.id, chat.id, LineageKind::FineTune);
    import(adapterFolder(sources), ModelOrigin::Adapter, {"sql"}, "A LoRA adapter that writes SQL");
    const ModelRecord quantized = import(quantizedFile(sources), ModelOrigin::Quantized, {"chat", "gguf"},
                                         "The chat model in 8-bit for llama.cpp");
    registry.addLineage(chat.id, quantized.id, LineageKind::Quantize);
    import(gpt2Folder(sources), ModelOrigin::Imported, {}, "A small GPT-2");
    import(bertFolder(sources), ModelOrigin::Imported, {"embeddings"}, "A small sentence-embedding encoder");
    fs::remove_all(sources); // the registry holds copies
}

} // namespace llmos
