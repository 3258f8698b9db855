#pragma once

#include "datasets/datasetspec.h"
#include "evaluation/evaluationreport.h"

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

namespace llmos {

struct EvaluationOptions {
    EvaluationTask task = EvaluationTask::Perplexity;
    // The data: its path, and for classification the text and label fields (the kind and
    // the split are the task's: every row evaluates).
    DatasetSpec data;
    std::int64_t maxExamples = 0;  // 0: every row
    std::size_t blockTokens = 512; // perplexity: tokens per scored block (at most the model's context)
    std::int64_t maxNewTokens = 128; // generation: the longest answer
    std::size_t samplesKept = 5;   // generation: answers kept in the report to read
    // Rows (or blocks) done of the total, after each batch.
    std::function<void(std::int64_t done, std::int64_t total)> onProgress;
    std::stop_token stop;
};

// Evaluates a model (a Hugging Face folder) on a dataset:
//  - perplexity: the text packed into blocks as training packs it (documents joined by the
//    end-of-text token), each block scored by the model; perplexity = exp(mean negative
//    log-likelihood over every predicted token);
//  - classification: each row's text through the classifier, its label matched to the
//    model's by name (or by index, for numeric labels); rows with a label the model does
//    not have are skipped and counted; accuracy, macro-F1 and the confusion matrix;
//  - generation: instruction or chat rows (alpaca, openai, sharegpt); the turns before the
//    last answer are the prompt (with the model's chat template), the last answer the
//    reference; greedy answers scored with corpus BLEU (sacreBLEU's 13a, or its zh
//    tokenizer when the references are Chinese) and mean ROUGE-L F1.
// The report has no id or model identity yet (the caller registers it). Throws the
// loaders' and readers' llmos::Error, Error(InvalidInput) when no row can be evaluated,
// Error(Cancelled) on stop.
EvaluationReport evaluateModel(const std::string &modelPath, const EvaluationOptions &options);

// An ensemble of classifiers (two or more, knowing the same labels in any order) on a
// labelled dataset: each text through every member, their probabilities averaged, the
// most likely label the ensemble's answer. Returns one classification report per member,
// in order, then the ensemble's, so the ensemble is reported against each member.
// Error(InvalidInput) for fewer than two models, another task, or members whose labels
// differ (naming both lists).
std::vector<EvaluationReport> evaluateEnsemble(const std::vector<std::string> &modelPaths, const EvaluationOptions &options);

} // namespace llmos
