// Fine-tuning methods on tiny GPT-2 and Llama models: what each trains, that the model
// starts as specified, that training moves only the method's parameters, and that
// adapters save, load and merge to the same logits.
#include "methods_fixture.h"

#include "architectures/causallmsaver.h"
#include "architectures/causallmloader.h"
#include "errorof.h"
#include "formats/safetensorsweights.h"
#include "formats/tensorload.h"
#include "methods/adalorafinetuning.h"
#include "methods/adapterloader.h"
#include "methods/lorafinetuning.h"
#include "methods/methodfactory.h"
#include "methods/prompttuning.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace llmos::test {
namespace {

nlohmann::json spec(const std::string &text) { return nlohmann::json::parse(text); }

void expectClose(const torch::Tensor &a, const torch::Tensor &b, double tolerance = 1e-5)
{
    ASSERT_EQ(a.sizes(), b.sizes());
    const double scale = std::max(1.0, a.abs().max().item<double>());
    EXPECT_LE((a - b).abs().max().item<double>(), tolerance * scale);
}

// ---------------------------------------------------------------- the recipe's "method"

TEST(MethodFactory, MakesEveryKind)
{
    for (const auto *kind : {"full", "bitfit", "lora", "adalora", "adapter", "prefix", "prompt"})
        EXPECT_EQ(makeFineTuningMethod({{"kind", kind}})->kind(), kind);
    EXPECT_EQ(makeFineTuningMethod(spec(R"({"kind":"freeze","layers":1})"))->kind(), "freeze");
    EXPECT_TRUE(makeFineTuningMethod({{"kind", "lora"}})->producesAdapter());
    EXPECT_FALSE(makeFineTuningMethod({{"kind", "full"}})->producesAdapter());
}

TEST(MethodFactory, ErrorsNameTheField)
{
    EXPECT_EQ(errorOf([] { makeFineTuningMethod(spec(R"({"kind":"lorra"})")); }).where(), "method.kind");
    const auto rank = errorOf([] { makeFineTuningMethod(spec(R"({"kind":"lora","rank":0})")); });
    EXPECT_EQ(rank.where(), "method.rank");
    EXPECT_NE(rank.detail().find("1..4096"), std::string::npos);
    EXPECT_EQ(errorOf([] { makeFineTuningMethod(spec(R"({"kind":"lora","rnak":8})")); }).where(), "method.rnak");
    EXPECT_EQ(errorOf([] { makeFineTuningMethod(spec(R"({"kind":"lora","alpha":"16"})")); }).where(), "method.alpha");
    EXPECT_EQ(errorOf([] { makeFineTuningMethod(spec(R"({"kind":"lora","target_modules":[1]})")); }).where(),
              "method.target_modules[0]");
    EXPECT_EQ(errorOf([] { makeFineTuningMethod(spec(R"({"kind":"adalora","init_rank":4,"target_rank":8})")); })
                  .where(),
              "method.target_rank");
    EXPECT_EQ(errorOf([] { makeFineTuningMethod(spec(R"({"kind":"adapter","activation":"swish"})")); }).where(),
              "method.activation");
    EXPECT_EQ(errorOf([] { makeFineTuningMethod(spec(R"({"kind":"freeze"})")); }).where(), "method");
    EXPECT_EQ(errorOf([] { makeFineTuningMethod(spec(R"({"kind":"lora","layers_to_transform":"all"})")); }).where(),
              "method.layers_to_transform");
    EXPECT_EQ(errorOf([] { makeFineTuningMethod(spec(R"({"kind":"lora","layers_to_transform":[0,-1]})")); }).where(),
              "method.layers_to_transform[1]");
    EXPECT_EQ(errorOf([] { makeFineTuningMethod(spec(R"({"kind":"prompt","init":"text","init_token_ids":"7"})")); })
                  .where(),
              "method.init_token_ids");
    EXPECT_EQ(errorOf([] { makeFineTuningMethod(spec(R"(["lora"])")); }).kind(), ErrorKind::InvalidInput);
}

// ---------------------------------------------------------------- every method, both families

struct Case {
    Family family;
    const char *method;
};

std::string caseName(const testing::TestParamInfo<Case> &info)
{
    return std::string(familyName(info.param.family)) + "_" + info.param.method;
}

class EveryMethod : public testing::TestWithParam<Case> {
protected:
    nlohmann::json methodSpec() const
    {
        const std::string kind = GetParam().method;
        if (kind == "freeze")
            return {{"kind", "freeze"}, {"layers", 1}, {"modules", {"embeddings"}}};
        if (kind == "lora")
            return {{"kind", "lora"}, {"rank", 4}, {"alpha", 8}};
        if (kind == "adalora")
            return {{"kind", "adalora"}, {"init_rank", 6}, {"target_rank", 2}, {"tinit", 1}, {"tfinal", 1}};
        if (kind == "adapter")
            return {{"kind", "adapter"}, {"size", 8}};
        if (kind == "prefix")
            return {{"kind", "prefix"}, {"virtual_tokens", 3}};
        if (kind == "prompt")
            return {{"kind", "prompt"}, {"virtual_tokens", 3}};
        return {{"kind", kind}};
    }
};

TEST_P(EveryMethod, StartsAsSpecifiedAndTrainsOnlyItsParameters)
{
    torch::manual_seed(1);
    MethodsModel base(GetParam().family);
    auto attached = attachedModel(base);
    const auto ids = sampleIds();
    const auto before = logitsOf(*attached.model, ids);
    const auto baseParameters = snapshot(*attached.model);

    auto method = makeFineTuningMethod(methodSpec());
    auto target = attached.target();
    method->attach(target);
    const auto trainable = countTrainableParameters(*attached.model);
    EXPECT_GT(trainable, 0);

    const std::string kind = GetParam().method;
    const auto start = logitsOf(*attached.model, ids);
    if (kind == "prompt") {
        // The outputs gain the virtual positions in front of the input's.
        EXPECT_EQ(start.size(1), ids.size(1) + 3);
        EXPECT_EQ(method->virtualTokens(), 3);
    } else if (kind == "prefix") {
        EXPECT_GT((start - before).abs().max().item<double>(), 1e-4); // prefixes start random, as PEFT's
    } else {
        // The model starts unchanged; a hook on q/k/v only turns the fused q/k/v product
        // (the loader fuses) into three, which rounds differently.
        expectClose(start, before, 1e-5);
    }
    if (kind == "full")
        EXPECT_EQ(trainable, [&] {
            std::int64_t n = 0;
            for (const auto &p : attached.model->parameters())
                n += p.numel();
            return n;
        }());

    const auto initial = snapshot(*attached.model);
    std::map<std::string, bool> trained;
    for (const auto &item : attached.model->named_parameters(true))
        trained[item.key()] = item.value().requires_grad();
    trainSteps(*attached.model, *method, 3);
    for (const auto &item : attached.model->named_parameters(true)) {
        const bool changed = !torch::equal(item.value().detach(), initial.at(item.key()));
        if (!trained[item.key()])
            EXPECT_FALSE(changed) << item.key() << " is frozen but changed";
        // Gradients reach only what is trained.
        if (!trained[item.key()])
            EXPECT_FALSE(item.value().grad().defined()) << item.key();
    }
    bool anyChanged = false;
    for (const auto &item : attached.model->named_parameters(true))
        anyChanged = anyChanged || (trained[item.key()] && !torch::equal(item.value().detach(), initial.at(item.key())));
    EXPECT_TRUE(anyChanged);
    // The base weights of the adapter methods are exactly as loaded.
    if (method->producesAdapter())
        for (const auto &[name, value] : baseParameters)
            EXPECT_TRUE(torch::equal(initial.at(name), value)) << name;
}

INSTANTIATE_TEST_SUITE_P(Methods, EveryMethod,
                         testing::ValuesIn(std::vector<Case>{
                             {Family::Llama, "full"}, {Family::Gpt2, "full"}, {Family::Llama, "freeze"},
                             {Family::Gpt2, "freeze"}, {Family::Llama, "bitfit"}, {Family::Gpt2, "bitfit"},
                             {Family::Llama, "lora"}, {Family::Gpt2, "lora"}, {Family::Llama, "adalora"},
                             {Family::Gpt2, "adalora"}, {Family::Llama, "adapter"}, {Family::Gpt2, "adapter"},
                             {Family::Llama, "prefix"}, {Family::Gpt2, "prefix"}, {Family::Llama, "prompt"},
                             {Family::Gpt2, "prompt"}}),
                         caseName);

// ---------------------------------------------------------------- specific methods

TEST(Freeze, FreezesTheFirstLayersAndNamedModules)
{
    MethodsModel base(Family::Llama);
    auto attached = attachedModel(base);
    auto method = makeFineTuningMethod(spec(R"({"kind":"freeze","layers":1,"modules":["embeddings","lm_head"]})"));
    method->attach(attached.target());
    for (const auto &item : attached.model->named_parameters(true)) {
        const auto &name = item.key();
        const bool frozen = name.starts_with("model.layers.0.") || name == "model.embed_tokens.weight"
            || name == "lm_head.weight";
        EXPECT_EQ(item.value().requires_grad(), !frozen) << name;
    }
    EXPECT_EQ(errorOf([&] {
                  makeFineTuningMethod(spec(R"({"kind":"freeze","modules":["encoder"]})"))->attach(attached.target());
              }).where(),
              "method.modules");
}

TEST(Lora, CountsAndTargetsLikePeft)
{
    MethodsModel base(Family::Llama);
    auto attached = attachedModel(base);
    auto method = makeFineTuningMethod(spec(R"({"kind":"lora","rank":4})"));
    method->attach(attached.target());
    // Default targets q_proj and v_proj: q 32->32, v 32->16 (2 kv heads of 8) in 2 layers.
    EXPECT_EQ(countTrainableParameters(*attached.model), 2 * (4 * (32 + 32) + 4 * (32 + 16)));
    auto &lora = dynamic_cast<LoraFineTuning &>(*method);
    ASSERT_EQ(lora.layers().size(), 4u);
    EXPECT_EQ(lora.layers()[0].name(), "model.layers.0.self_attn.q_proj");

    auto other = attachedModel(base);
    EXPECT_EQ(errorOf([&] {
                  makeFineTuningMethod(spec(R"({"kind":"lora","target_modules":["c_attn"]})"))->attach(other.target());
              }).where(),
              "method.target_modules");
}

TEST(Lora, LayersToTransformHooksOnlyThoseLayersAndSavesThemForPeft)
{
    MethodsModel base(Family::Llama);
    auto attached = attachedModel(base);
    auto method = makeFineTuningMethod(spec(R"({"kind":"lora","rank":4,"layers_to_transform":[1]})"));
    method->attach(attached.target());
    auto &lora = dynamic_cast<LoraFineTuning &>(*method);
    ASSERT_EQ(lora.layers().size(), 2u); // q_proj and v_proj of layer 1 only
    EXPECT_EQ(lora.layers()[0].name(), "model.layers.1.self_attn.q_proj");
    EXPECT_EQ(countTrainableParameters(*attached.model), 4 * (32 + 32) + 4 * (32 + 16));
    randomizeTrainable(*attached.model, 0.1);
    const auto trained = logitsOf(*attached.model, sampleIds());

    TempDir out;
    method->saveAdapter(attached.target(), out.file("a"), "base/llama");
    const auto config = nlohmann::json::parse(readFile(out.file("a/adapter_config.json")));
    EXPECT_EQ(config["layers_to_transform"], nlohmann::json({1}));
    auto fresh = attachedModel(base);
    auto loaded = loadAdapter(fresh.target(), out.file("a"));
    EXPECT_EQ(dynamic_cast<LoraFineTuning &>(*loaded).layers().size(), 2u);
    expectClose(logitsOf(*fresh.model, sampleIds()), trained, 1e-6);

    auto other = attachedModel(base);
    const auto outside = errorOf([&] {
        makeFineTuningMethod(spec(R"({"kind":"lora","layers_to_transform":[2]})"))->attach(other.target());
    });
    EXPECT_EQ(outside.where(), "method.layers_to_transform");
    EXPECT_NE(outside.detail().find("0..1"), std::string::npos) << outside.detail();
}

TEST(Lora, MergedWeightIsWPlusScaledBA)
{
    for (const auto family : {Family::Llama, Family::Gpt2}) {
        MethodsModel base(family);
        auto attached = attachedModel(base);
        auto method = makeFineTuningMethod(spec(R"({"kind":"lora","rank":2,"alpha":6,"target_modules":"all-linear"})"));
        method->attach(attached.target());
        randomizeTrainable(*attached.model, 0.2);
        auto &lora = dynamic_cast<LoraFineTuning &>(*method);
        const auto layer = lora.layers().front();
        const auto w = layer.weight().detach().clone();
        const auto byHand = w + torch::matmul(lora.hooks().front()->lora_B, lora.hooks().front()->lora_A).detach() * 3.0;
        const auto ids = sampleIds();
        const auto hooked = logitsOf(*attached.model, ids);

        method->mergeIntoBase(attached.target());
        expectClose(layer.weight(), byHand, 1e-6);
        EXPECT_FALSE(layer.hooked());
        const auto merged = logitsOf(*attached.model, ids);
        expectClose(merged, hooked);

        // The merged model is a plain Hugging Face model: saved, reloaded, same logits.
        TempDir out;
        saveCausalLm(*attached.model, out.file("merged"));
        auto reloaded = loadCausalLm(out.file("merged"));
        expectClose(logitsOf(*reloaded, ids), merged, 0);
    }
}

TEST(BitFit, AddsLlamaBiasesThatSaveAndLoad)
{
    MethodsModel base(Family::Llama);
    auto attached = attachedModel(base);
    auto method = makeFineTuningMethod({{"kind", "bitfit"}});
    method->attach(attached.target());
    EXPECT_TRUE(attached.config.attentionBias);
    EXPECT_TRUE(attached.config.mlpBias);
    EXPECT_TRUE(attached.model->config().mlpBias);
    // q 32 + k 16 + v 16 + o 32 + gate 64 + up 64 + down 32, two layers.
    EXPECT_EQ(countTrainableParameters(*attached.model), 2 * (32 + 16 + 16 + 32 + 64 + 64 + 32));
    randomizeTrainable(*attached.model);
    const auto ids = sampleIds();
    const auto trained = logitsOf(*attached.model, ids);
    method->mergeIntoBase(attached.target());
    TempDir out;
    saveCausalLm(*attached.model, out.file("bitfit"));
    auto reloaded = loadCausalLm(out.file("bitfit"));
    EXPECT_TRUE(reloaded->config().attentionBias);
    // Reloaded, the projections are fused again: the same sums in another order.
    expectClose(logitsOf(*reloaded, ids), trained, 1e-5);
    // Row decoding (fused projections with the new biases) agrees with the tensor path.
    reloaded->fuseProjections();
    torch::NoGradGuard noGrad;
    auto cache = reloaded->makeCache();
    reloaded->forward(ids.narrow(0, 0, 1).narrow(1, 0, 6), {}, &cache);
    EXPECT_TRUE(reloaded->rowDecodeReady());
    const auto step = reloaded->forward(ids.narrow(0, 0, 1).narrow(1, 6, 1), {}, &cache);
    expectClose(step[0][0], trained[0][6], 1e-5);
}

TEST(Hooks, RowDecodingFallsBackWhileAHookIsAttached)
{
    MethodsModel base(Family::Llama);
    auto attached = attachedModel(base);
    attached.model->fuseProjections();
    {
        torch::NoGradGuard noGrad;
        EXPECT_TRUE(attached.model->rowDecodeReady());
    }
    auto method = makeFineTuningMethod(spec(R"({"kind":"lora","rank":2,"target_modules":["q_proj","down_proj"]})"));
    method->attach(attached.target());
    randomizeTrainable(*attached.model, 0.2);
    const auto ids = sampleIds().narrow(0, 0, 1);
    const auto full = logitsOf(*attached.model, ids);
    torch::NoGradGuard noGrad;
    EXPECT_FALSE(attached.model->rowDecodeReady());
    auto cache = attached.model->makeCache();
    attached.model->forward(ids.narrow(1, 0, 6), {}, &cache);
    const auto step = attached.model->forward(ids.narrow(1, 6, 1), {}, &cache);
    expectClose(step[0][0], full[0][6], 1e-5);
}

// Decoding token by token with a cache gives the logits of one full pass: the prefix
// and the prompt are attended by every step and never cached twice.
TEST(PromptAndPrefix, CachedDecodingMatchesAFullPass)
{
    for (const auto family : {Family::Llama, Family::Gpt2})
        for (const auto *kind : {"prefix", "prompt"}) {
            SCOPED_TRACE(std::string(familyName(family)) + " " + kind);
            MethodsModel base(family);
            auto attached = attachedModel(base);
            auto method = makeFineTuningMethod({{"kind", kind}, {"virtual_tokens", 4}});
            method->attach(attached.target());
            const auto ids = sampleIds().narrow(0, 0, 1);
            const auto full = logitsOf(*attached.model, ids);
            const auto shift = method->virtualTokens();
            torch::NoGradGuard noGrad;
            auto cache = attached.model->makeCache();
            const auto first = attached.model->forward(ids.narrow(1, 0, 5), {}, &cache);
            expectClose(first.narrow(1, shift, 5), full.narrow(1, shift, 5), 1e-5);
            for (int i = 5; i < 7; ++i) {
                const auto step = attached.model->forward(ids.narrow(1, i, 1), {}, &cache);
                expectClose(step[0][0], full[0][shift + i], 1e-5);
            }
            // A mask over the real tokens only gives the same as no mask.
            const auto masked = attached.model->forward(ids, torch::ones({1, 7}, torch::kLong));
            expectClose(masked, full, 1e-5);
        }
}

TEST(PromptTuning, StartsFromTheEmbeddingsOfAText)
{
    MethodsModel base(Family::Gpt2);
    auto attached = attachedModel(base);
    auto target = attached.target();
    target.tokenize = [](const std::string &text) {
        std::vector<std::int64_t> ids;
        for (const unsigned char c : text)
            ids.push_back(c);
        return ids;
    };
    auto method = makeFineTuningMethod(spec(R"({"kind":"prompt","virtual_tokens":5,"init":"text","init_text":"ab"})"));
    method->attach(target);
    const auto &prompt = dynamic_cast<PromptTuning &>(*method).prompt()->embedding;
    torch::Tensor table;
    for (const auto &item : attached.model->named_parameters(true))
        if (item.key() == "transformer.wte.weight")
            table = item.value();
    EXPECT_TRUE(torch::equal(prompt[0], table[std::int64_t{'a'}]));
    EXPECT_TRUE(torch::equal(prompt[1], table[std::int64_t{'b'}]));
    EXPECT_TRUE(torch::equal(prompt[4], table[std::int64_t{'a'}])); // repeated to fill
}

TEST(AdaLora, BudgetFallsCubicallyAndPrunesToTheTarget)
{
    MethodsModel base(Family::Llama);
    auto attached = attachedModel(base);
    auto method = makeFineTuningMethod(
        spec(R"({"kind":"adalora","init_rank":6,"target_rank":2,"tinit":2,"tfinal":2,"delta_t":1})"));
    method->attach(attached.target());
    auto &adalora = dynamic_cast<AdaLoraFineTuning &>(*method);
    const auto layers = static_cast<std::int64_t>(adalora.layers().size()); // q and v of 2 layers
    ASSERT_EQ(layers, 4);
    const auto &allocator = adalora.allocator();
    // 10 steps: full budget until tinit, target from total - tfinal, a cubic between.
    EXPECT_EQ(allocator.budget(2, 10), std::make_pair(std::int64_t{24}, false));
    EXPECT_EQ(allocator.budget(9, 10), std::make_pair(std::int64_t{8}, true));
    EXPECT_EQ(allocator.budget(5, 10).first, 16 / 8 + 8); // halfway: (24 - 8) · 0.5³ + 8
    // The orthogonality regulariser is part of the loss.
    const auto regulariser = method->extraLoss();
    ASSERT_TRUE(regulariser.defined());
    EXPECT_GT(regulariser.item<double>(), 0);

    trainSteps(*attached.model, *method, 10);
    std::int64_t kept = 0;
    for (const auto rank : allocator.keptRanks())
        kept += rank;
    EXPECT_EQ(kept, 2 * layers);

    // The EMAs and the final pattern are checkpoint state: restoring them elsewhere
    // reproduces them.
    const auto state = method->checkpointState();
    ASSERT_FALSE(state.empty());
    auto other = attachedModel(base);
    auto second = makeFineTuningMethod(
        spec(R"({"kind":"adalora","init_rank":6,"target_rank":2,"tinit":2,"tfinal":2,"delta_t":1})"));
    second->attach(other.target());
    second->restoreCheckpointState(state);
    const auto restored = second->checkpointState();
    ASSERT_EQ(restored.size(), state.size());
    for (std::size_t i = 0; i < state.size(); ++i) {
        EXPECT_EQ(restored[i].first, state[i].first);
        EXPECT_TRUE(torch::equal(restored[i].second, state[i].second)) << state[i].first;
    }
}

// ---------------------------------------------------------------- adapter folders

class AdapterFolders : public testing::TestWithParam<Case> {};

TEST_P(AdapterFolders, SaveAndLoadGiveIdenticalLogits)
{
    const std::string kind = GetParam().method;
    MethodsModel base(GetParam().family);
    auto attached = attachedModel(base);
    nlohmann::json methodSpec{{"kind", kind}};
    if (kind == "prefix" || kind == "prompt")
        methodSpec["virtual_tokens"] = 3;
    if (kind == "prefix")
        methodSpec["projection"] = true, methodSpec["encoder_hidden"] = 16;
    auto method = makeFineTuningMethod(methodSpec);
    method->attach(attached.target());
    randomizeTrainable(*attached.model, 0.1);
    const auto ids = sampleIds();
    const auto trained = logitsOf(*attached.model, ids);

    TempDir out;
    const auto folder = out.file("adapter");
    method->saveAdapter(attached.target(), folder, "tiny-base");
    const auto config = nlohmann::json::parse(readFile(folder + "/adapter_config.json"));
    EXPECT_EQ(config["base_model_name_or_path"], "tiny-base");
    EXPECT_EQ(config["task_type"], "CAUSAL_LM");

    auto fresh = attachedModel(base);
    auto loaded = loadAdapter(fresh.target(), folder);
    EXPECT_EQ(loaded->kind(), kind);
    EXPECT_EQ(countTrainableParameters(*fresh.model), 0);
    expectClose(logitsOf(*fresh.model, ids), trained, 1e-6);
}

INSTANTIATE_TEST_SUITE_P(Methods, AdapterFolders,
                         testing::ValuesIn(std::vector<Case>{
                             {Family::Llama, "lora"}, {Family::Gpt2, "lora"}, {Family::Llama, "adalora"},
                             {Family::Gpt2, "adalora"}, {Family::Llama, "adapter"}, {Family::Gpt2, "adapter"},
                             {Family::Llama, "prefix"}, {Family::Gpt2, "prefix"}, {Family::Llama, "prompt"},
                             {Family::Gpt2, "prompt"}}),
                         caseName);

TEST(AdapterFolder, UsesPeftNamesAndConfig)
{
    MethodsModel base(Family::Llama);
    auto attached = attachedModel(base);
    auto method = makeFineTuningMethod(spec(R"({"kind":"lora","rank":4,"alpha":16,"dropout":0.05})"));
    method->attach(attached.target());
    TempDir out;
    method->saveAdapter(attached.target(), out.file("a"), "base/llama");
    const auto config = nlohmann::json::parse(readFile(out.file("a/adapter_config.json")));
    EXPECT_EQ(config["peft_type"], "LORA");
    EXPECT_EQ(config["r"], 4);
    EXPECT_EQ(config["lora_alpha"], 16.0);
    EXPECT_EQ(config["lora_dropout"], 0.05);
    EXPECT_EQ(config["target_modules"], nlohmann::json({"q_proj", "v_proj"}));
    const auto weights = SafetensorsWeights::openFile(out.file("a/adapter_model.safetensors"));
    EXPECT_EQ(weights.tensors().size(), 8u);
    const auto *a = weights.find("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->info->shape, (std::vector<std::uint64_t>{4, 32}));
    ASSERT_NE(weights.find("base_model.model.model.layers.1.self_attn.v_proj.lora_B.weight"), nullptr);

    // Full, freeze and BitFit produce models, not adapters; adapters and prompts do not merge.
    EXPECT_EQ(errorOf([&] { makeFineTuningMethod({{"kind", "full"}})->saveAdapter(attached.target(), out.file("b"), "x"); })
                  .kind(),
              ErrorKind::Unsupported);
    EXPECT_EQ(errorOf([&] { makeFineTuningMethod({{"kind", "prompt"}})->mergeIntoBase(attached.target()); }).kind(),
              ErrorKind::Unsupported);
}

TEST(AdapterFolder, RefusesAnAdapterForAnotherModel)
{
    MethodsModel llama(Family::Llama);
    MethodsModel gpt2(Family::Gpt2);
    TempDir out;
    {
        auto attached = attachedModel(llama);
        auto method = makeFineTuningMethod(spec(R"({"kind":"lora","target_modules":["q_proj","v_proj","o_proj"]})"));
        method->attach(attached.target());
        method->saveAdapter(attached.target(), out.file("a"), "llama");
    }
    // Another family: the adapter's target modules are not there.
    auto other = attachedModel(gpt2);
    EXPECT_EQ(errorOf([&] { loadAdapter(other.target(), out.file("a")); }).kind(), ErrorKind::InvalidInput);

    // A tensor of the wrong shape, a tensor too many, a missing file.
    auto tensors = std::vector<std::pair<std::string, at::Tensor>>{};
    const auto weights = SafetensorsWeights::openFile(out.file("a/adapter_model.safetensors"));
    for (const auto &[name, entry] : weights.tensors())
        tensors.emplace_back(name, toTorch(entry).clone());
    auto wrongShape = tensors;
    wrongShape[0].second = torch::zeros({3, 3});
    writeSafetensors(out.file("a/adapter_model.safetensors"), wrongShape);
    auto fresh = attachedModel(llama);
    const auto shapeError = errorOf([&] { loadAdapter(fresh.target(), out.file("a")); });
    EXPECT_EQ(shapeError.kind(), ErrorKind::Format);
    EXPECT_NE(shapeError.where().find(tensors[0].first), std::string::npos);

    auto extra = tensors;
    extra.emplace_back("base_model.model.model.layers.7.self_attn.q_proj.lora_A.weight", torch::zeros({8, 32}));
    writeSafetensors(out.file("a/adapter_model.safetensors"), extra);
    auto fresh2 = attachedModel(llama);
    EXPECT_NE(errorOf([&] { loadAdapter(fresh2.target(), out.file("a")); }).where().find("layers.7"), std::string::npos);

    std::filesystem::remove(out.file("a/adapter_model.safetensors"));
    auto fresh3 = attachedModel(llama);
    EXPECT_EQ(errorOf([&] { loadAdapter(fresh3.target(), out.file("a")); }).kind(), ErrorKind::NotFound);
}

} // namespace
} // namespace llmos::test
