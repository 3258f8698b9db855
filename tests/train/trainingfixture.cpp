#include "trainingfixture.h"

#include "tinymodel.h"

#include <filesystem>
#include <fstream>

namespace llmos::test {

TrainingFixture::TrainingFixture()
{
    writeTinyModel(modelPath(), TinyFamily::Llama);
    m_dir.write("model/tokenizer_config.json", R"({"eos_token": "<|endoftext|>", "bos_token": null})");
    std::string text;
    for (int i = 0; i < 6; ++i)
        text += "the quick brown fox jumps over the lazy dog. pack my box with five dozen liquor jugs.\n\n";
    m_dir.write("text.txt", text);
    std::string topics = "text,label\n";
    for (int i = 0; i < 12; ++i) {
        topics += std::to_string(i) + " aaaa aaa,vowels\n";
        topics += std::to_string(i) + " zzzz zzz,buzz\n";
    }
    m_dir.write("topics.csv", topics);
}

std::string TrainingFixture::newRunDirectory()
{
    const auto path = m_dir.file("run-" + std::to_string(++m_runs));
    std::filesystem::create_directories(path);
    return path;
}

nlohmann::json TrainingFixture::causalRecipe() const
{
    return {{"model", {{"path", modelPath()}}},
            {"dataset", {{"path", textPath()}, {"kind", "text"}, {"validation_fraction", 0.2}}},
            {"task", {{"kind", "causal_lm"}, {"max_seq_len", 32}}},
            {"optimizer", {{"name", "adamw"}, {"lr", 1e-2}}},
            {"schedule", {{"name", "constant"}}},
            {"training", {{"max_steps", 8}, {"batch_size", 4}, {"checkpoint_every", 0}, {"seed", 3}}}};
}

nlohmann::json TrainingFixture::classificationRecipe() const
{
    return {{"model", {{"path", modelPath()}}},
            {"dataset", {{"path", topicsPath()}, {"kind", "classification"}, {"validation_fraction", 0.25}}},
            {"task", {{"kind", "classification"}, {"max_seq_len", 24}}},
            {"optimizer", {{"name", "adamw"}, {"lr", 3e-3}}},
            {"schedule", {{"name", "constant"}}},
            {"training", {{"epochs", 6}, {"batch_size", 6}, {"checkpoint_every", 0}, {"seed", 5}}}};
}

} // namespace llmos::test
