#pragma once

#include "recipe/trainingrecipe.h"

#include "tempdir.h"

#include <nlohmann/json.hpp>

#include <string>

namespace llmos::test {

// A tiny Llama (2 layers, hidden 32, byte vocabulary of 259) with its tokenizer, a short
// text to memorise and a separable two-topic CSV, in a temporary folder: the fixtures of
// the trainer tests, small enough that a run takes well under a second.
class TrainingFixture {
public:
    TrainingFixture();

    const TempDir &dir() const { return m_dir; }
    std::string modelPath() const { return m_dir.file("model"); }
    std::string textPath() const { return m_dir.file("text.txt"); }
    std::string topicsPath() const { return m_dir.file("topics.csv"); }
    // A fresh, empty run folder.
    std::string newRunDirectory();

    // Full fine-tuning of the causal LM on the text: AdamW, lr 1e-2, batch 4, 8 steps,
    // no periodic checkpoints.
    nlohmann::json causalRecipe() const;
    // Classification of the topics with a score head.
    nlohmann::json classificationRecipe() const;

private:
    TempDir m_dir;
    int m_runs = 0;
};

} // namespace llmos::test
