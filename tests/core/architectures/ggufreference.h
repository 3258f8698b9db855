#pragma once

// The reference models as GGUF files, and what the GGUF tests compare them by: shared by
// test_gguf_models (Llama family) and test_gguf_families (GPT-2, BERT).

#include "architectures/causallm.h"
#include "architectures/ggufexport.h"
#include "formats/gguf/ggmltype.h"
#include "referencemodels.h"
#include "tempdir.h"

#include <torch/torch.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace llmos::test {

// Each (model, type) is exported once per run and shared by the tests that read it.
inline const std::string &exportedGguf(const std::string &model, GgmlType type)
{
    static TempDir dir;
    static std::map<std::pair<std::string, GgmlType>, std::string> files;
    const auto key = std::pair(model, type);
    if (!files.contains(key)) {
        const auto path = dir.file(model + "-" + std::string(ggmlTypeName(type)) + ".gguf");
        exportModelToGguf(reference().folder(model), path, type);
        files[key] = path;
    }
    return files.at(key);
}

inline std::vector<std::vector<std::int64_t>> referenceSequences(const std::string &model)
{
    std::vector<std::vector<std::int64_t>> out;
    for (const auto &sequence : reference().model(model).at("sequences"))
        out.push_back(sequence.at("ids").get<std::vector<std::int64_t>>());
    return out;
}

inline torch::Tensor logitsOf(CausalLm &model, const std::vector<std::int64_t> &ids)
{
    torch::NoGradGuard noGrad;
    return model->forward(idsTensor(ids))[0];
}

// The next `count` tokens a model picks greedily after `prompt`, through its KV cache.
inline std::vector<std::int64_t> greedyContinuation(CausalLm &model, const std::vector<std::int64_t> &prompt, int count)
{
    torch::NoGradGuard noGrad;
    auto cache = model->makeCache();
    auto logits = model->forward(idsTensor(prompt), {}, &cache);
    std::vector<std::int64_t> out;
    for (int i = 0; i < count; ++i) {
        out.push_back(logits[0][-1].argmax().item<std::int64_t>());
        logits = model->forward(idsTensor({out.back()}), {}, &cache);
    }
    return out;
}

} // namespace llmos::test
