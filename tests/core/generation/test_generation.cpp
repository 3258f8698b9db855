// TextGenerator on tiny random models: the KV-cache decode loop gives what full
// recomputation gives, batches equal single runs, seeds reproduce, stops and EOS end
// where they should, and cancellation takes effect within one step.
#include "architectures/causallmloader.h"
#include "generation/textgenerator.h"
#include "tempdir.h"
#include "tinymodel.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <fstream>
#include <stop_token>

using namespace llmos;

namespace {


// Greedy decoding the slow, obviously right way: the whole sequence through the model
// at every step, no cache, no mask.
std::vector<std::int32_t> referenceGreedy(const std::string &folder, std::vector<std::int32_t> prompt, int count)
{
    auto model = loadCausalLm(folder);
    torch::NoGradGuard noGrad;
    std::vector<std::int64_t> ids(prompt.begin(), prompt.end());
    std::vector<std::int32_t> out;
    for (int i = 0; i < count; ++i) {
        const auto logits = model->forward(torch::tensor(ids, torch::kLong).unsqueeze(0));
        const auto next = logits[0][-1].argmax().item<std::int64_t>();
        out.push_back(static_cast<std::int32_t>(next));
        ids.push_back(next);
    }
    return out;
}

GenerationRequest greedyRequest(const TextGenerator &generator, const std::string &prompt, std::int64_t maxNewTokens)
{
    GenerationRequest request;
    request.promptIds = generator.encode(prompt);
    request.maxNewTokens = maxNewTokens;
    request.sampling.temperature = 0;
    request.ignoreEos = true;
    return request;
}

class GeneratorFamilies : public ::testing::TestWithParam<test::TinyFamily> {
protected:
    std::string folder() const
    {
        return test::sharedTinyModel(GetParam());
    }
};

} // namespace

TEST_P(GeneratorFamilies, GreedyWithTheCacheEqualsFullRecomputation)
{
    const auto generator = TextGenerator::open(folder(), {.device = "cpu"});
    const auto request = greedyRequest(generator, "Once upon a time", 24);
    const auto result = generator.generate(request);
    EXPECT_EQ(result.ids, referenceGreedy(folder(), request.promptIds, 24));
    EXPECT_EQ(result.finishReason, FinishReason::Length);
    EXPECT_EQ(result.promptTokens, request.promptIds.size());
}

TEST_P(GeneratorFamilies, ABatchWithPaddingGivesWhatEachPromptGivesAlone)
{
    const auto generator = TextGenerator::open(folder(), {.device = "cpu"});
    std::vector<GenerationRequest> requests{greedyRequest(generator, "Hi", 12),
                                            greedyRequest(generator, "A much longer prompt, padded less", 12),
                                            greedyRequest(generator, "Medium prompt", 7)};
    requests[1].sampling = {.temperature = 0.8, .topK = 20, .seed = 5};
    const auto batched = generator.generateBatch(requests);
    ASSERT_EQ(batched.size(), 3u);
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const auto alone = generator.generate(requests[i]);
        EXPECT_EQ(batched[i].ids, alone.ids) << "request " << i;
        EXPECT_EQ(batched[i].text, alone.text) << "request " << i;
    }
    EXPECT_EQ(batched[2].ids.size(), 7u);
}

INSTANTIATE_TEST_SUITE_P(Tiny, GeneratorFamilies, ::testing::Values(test::TinyFamily::Llama, test::TinyFamily::Gpt2),
                         [](const auto &info) { return info.param == test::TinyFamily::Llama ? "Llama" : "Gpt2"; });

TEST(TextGenerator, TheSameSeedGivesTheSameOutput)
{
    const auto generator = TextGenerator::open(test::sharedTinyModel(test::TinyFamily::Llama), {.device = "cpu"});
    auto request = greedyRequest(generator, "The weather", 32);
    request.sampling = {.temperature = 1.0, .topP = 0.95, .seed = 1234};
    const auto first = generator.generate(request);
    const auto second = generator.generate(request);
    EXPECT_EQ(first.ids, second.ids);
    EXPECT_EQ(first.seed, 1234u);
    request.sampling.seed = 99;
    EXPECT_NE(generator.generate(request).ids, first.ids);
    // Unseeded runs report the seed they drew, and that seed reproduces them.
    request.sampling.seed.reset();
    const auto unseeded = generator.generate(request);
    request.sampling.seed = unseeded.seed;
    EXPECT_EQ(generator.generate(request).ids, unseeded.ids);
}

TEST(TextGenerator, StreamedTextAddsUpToTheResult)
{
    const auto generator = TextGenerator::open(test::sharedTinyModel(test::TinyFamily::Llama), {.device = "cpu"});
    auto request = greedyRequest(generator, "Stream", 40);
    request.sampling = {.temperature = 1.0, .seed = 3};
    std::string streamed;
    std::size_t tokens = 0;
    const auto result = generator.generate(request, [&](const GeneratedToken &token) {
        streamed += token.text;
        tokens += token.id != GeneratedToken::kNoToken;
        return true;
    });
    EXPECT_EQ(streamed, result.text);
    EXPECT_EQ(tokens, result.ids.size());
    // The text is what the tokenizer makes of the ids (the byte tokenizer drops nothing).
    EXPECT_EQ(result.text, generator.tokenizer().decode(result.ids, true));
}

TEST(TextGenerator, StopsBeforeAStopStringAndHidesIt)
{
    const auto generator = TextGenerator::open(test::sharedTinyModel(test::TinyFamily::Llama), {.device = "cpu"});
    auto request = greedyRequest(generator, "Tell me", 40);
    const auto full = generator.generate(request).text;
    ASSERT_GE(full.size(), 12u);
    // A stop string taken from the middle of what the model says greedily.
    const auto stop = full.substr(6, 3);
    request.stopStrings = {stop};
    std::string streamed;
    const auto result = generator.generate(request, [&](const GeneratedToken &token) {
        streamed += token.text;
        return true;
    });
    EXPECT_EQ(result.finishReason, FinishReason::StopString);
    EXPECT_EQ(result.text, full.substr(0, full.find(stop)));
    EXPECT_EQ(streamed, result.text);
}

TEST(TextGenerator, EndsAtTheEosOfGenerationConfig)
{
    test::TempDir dir;
    const auto folder = dir.file("model");
    test::writeTinyModel(folder, test::TinyFamily::Llama);
    const auto probe = TextGenerator::open(folder, {.device = "cpu"});
    auto request = greedyRequest(probe, "End here", 10);
    const auto ids = probe.generate(request).ids;
    // Make the fourth greedy token an end-of-sequence token, as a chat model's
    // generation_config.json lists <|eot_id|> beside <|end_of_text|>.
    std::ofstream(folder + "/generation_config.json") << R"({"eos_token_id": [256, )" << ids[3] << "]}";
    const auto generator = TextGenerator::open(folder, {.device = "cpu"});
    request.ignoreEos = false;
    const auto result = generator.generate(request);
    EXPECT_EQ(result.finishReason, FinishReason::EndOfSequence);
    EXPECT_EQ(result.ids, std::vector<std::int32_t>(ids.begin(), ids.begin() + 4));
    // A request's own stop token works the same way.
    request.stopTokenIds = {ids[1]};
    EXPECT_EQ(generator.generate(request).ids.size(), 2u);
}

TEST(TextGenerator, CancellationStopsWithinOneStep)
{
    const auto generator = TextGenerator::open(test::sharedTinyModel(test::TinyFamily::Llama), {.device = "cpu"});
    auto request = greedyRequest(generator, "Cancel me", 60);
    std::stop_source stop;
    std::size_t seen = 0;
    const auto result = generator.generate(
        request,
        [&](const GeneratedToken &token) {
            if (token.id != GeneratedToken::kNoToken && ++seen == 5)
                stop.request_stop(); // as the GUI's Stop button does, from any thread
            return true;
        },
        stop.get_token());
    EXPECT_EQ(result.finishReason, FinishReason::Cancelled);
    EXPECT_EQ(result.ids.size(), 5u); // no model step ran after the request

    // Cancelled before it starts: no step at all.
    std::stop_source early;
    early.request_stop();
    EXPECT_TRUE(generator.generate(request, {}, early.get_token()).ids.empty());
}

TEST(TextGenerator, ACallbackCanStopItsSequence)
{
    const auto generator = TextGenerator::open(test::sharedTinyModel(test::TinyFamily::Llama), {.device = "cpu"});
    const auto result = generator.generate(greedyRequest(generator, "x", 30),
                                           [](const GeneratedToken &) { return false; });
    EXPECT_EQ(result.finishReason, FinishReason::CallbackStopped);
    EXPECT_EQ(result.ids.size(), 1u);
}

TEST(TextGenerator, StopsWhenTheContextIsFull)
{
    const auto generator = TextGenerator::open(test::sharedTinyModel(test::TinyFamily::Gpt2), {.device = "cpu"});
    const auto request = greedyRequest(generator, std::string(90, 'a'), 50); // context 96
    const auto result = generator.generate(request);
    EXPECT_EQ(result.finishReason, FinishReason::ContextFull);
    EXPECT_EQ(result.promptTokens + result.ids.size(), 96u);
}

TEST(TextGenerator, RefusesImpossibleRequestsWithTheReason)
{
    const auto generator = TextGenerator::open(test::sharedTinyModel(test::TinyFamily::Llama), {.device = "cpu"});
    auto expectInvalid = [&](GenerationRequest request, const std::string &needle) {
        try {
            generator.generate(request);
            ADD_FAILURE() << "accepted: " << needle;
        } catch (const Error &e) {
            EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
            EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
        }
    };
    GenerationRequest request;
    expectInvalid(request, "no tokens");
    request.promptIds = {1, 2, 400};
    expectInvalid(request, "outside the vocabulary");
    request.promptIds = std::vector<std::int32_t>(96, 65);
    expectInvalid(request, "context");
    request.promptIds = {1, 2};
    request.sampling.topP = 2;
    expectInvalid(request, "top_p");
}

TEST(TextGenerator, AskingForCudaWithoutItSaysSo)
{
    if (torch::cuda::is_available())
        GTEST_SKIP() << "this machine has CUDA";
    try {
        TextGenerator::open(test::sharedTinyModel(test::TinyFamily::Llama), {.device = "cuda"});
        FAIL() << "opened on CUDA without CUDA";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Unsupported);
        EXPECT_NE(std::string(e.what()).find("--device cpu"), std::string::npos);
    }
    EXPECT_THROW(TextGenerator::open(test::sharedTinyModel(test::TinyFamily::Llama), {.device = "tpu"}), Error);
}

TEST(TextGenerator, ChatUsesTheModelsTemplate)
{
    test::TempDir dir;
    const auto folder = dir.file("chat");
    test::writeTinyModel(folder, test::TinyFamily::Llama);
    auto plain = TextGenerator::open(folder, {.device = "cpu"});
    EXPECT_FALSE(plain.chatTemplate().has_value());
    const nlohmann::ordered_json messages = nlohmann::ordered_json::array({{{"role", "user"}, {"content", "Hi"}}});
    EXPECT_THROW(plain.encodeChat(messages), Error);

    test::writeChatMlTokenizerConfig(folder);
    const auto generator = TextGenerator::open(folder, {.device = "cpu"});
    ASSERT_TRUE(generator.chatTemplate().has_value());
    EXPECT_EQ(generator.renderChat(messages), "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n");
    const auto ids = generator.encodeChat(messages);
    EXPECT_EQ(ids.front(), test::kImStart); // special tokens in the rendering become their ids
    // tokenizer_config's eos_token <|im_end|> ends a reply.
    const auto &eos = generator.endOfSequenceIds();
    EXPECT_NE(std::find(eos.begin(), eos.end(), test::kImEnd), eos.end());
    EXPECT_NE(std::find(eos.begin(), eos.end(), test::kEndOfText), eos.end());
    // Bad messages are refused before they reach the template.
    EXPECT_THROW(generator.encodeChat(nlohmann::ordered_json::array({{{"role", "wizard"}, {"content", "x"}}})), Error);
}

// Log-probabilities of sampled tokens are the model's own (the full forward pass's
// log-softmax, not the tempered, penalised distribution), with the k most likely
// alternatives in order; asking for them changes nothing of what is generated.
TEST(TextGenerator, LogprobsAreTheModelsLogSoftmaxOfEachGeneratedToken)
{
    const auto generator = TextGenerator::open(test::sharedTinyModel(test::TinyFamily::Llama), {.device = "cpu"});
    auto request = greedyRequest(generator, "The weather", 6);
    request.sampling = {.temperature = 1.5, .repetitionPenalty = 1.3, .seed = 7};
    const auto plain = generator.generate(request);
    request.logprobs = 3;
    const auto result = generator.generate(request);
    EXPECT_EQ(result.ids, plain.ids) << "asking for logprobs changes nothing generated";
    ASSERT_EQ(result.logprobs.size(), result.ids.size());

    auto model = loadCausalLm(test::sharedTinyModel(test::TinyFamily::Llama));
    torch::NoGradGuard noGrad;
    std::vector<std::int64_t> all(request.promptIds.begin(), request.promptIds.end());
    all.insert(all.end(), result.ids.begin(), result.ids.end());
    const auto logSoftmax = torch::log_softmax(
        model->forward(torch::tensor(all, torch::kLong).unsqueeze(0))[0].to(torch::kDouble), -1);
    const auto prompt = static_cast<std::int64_t>(request.promptIds.size());
    for (std::size_t i = 0; i < result.ids.size(); ++i) {
        const auto row = logSoftmax[prompt - 1 + static_cast<std::int64_t>(i)];
        const auto &entry = result.logprobs[i];
        EXPECT_EQ(entry.id, result.ids[i]);
        EXPECT_NEAR(entry.logprob, row[result.ids[i]].item<double>(), 1e-4) << "token " << i;
        ASSERT_EQ(entry.top.size(), 3u);
        const auto [values, indices] = row.topk(3);
        for (int k = 0; k < 3; ++k) {
            EXPECT_EQ(entry.top[static_cast<std::size_t>(k)].first, indices[k].item<std::int64_t>()) << "token " << i;
            EXPECT_NEAR(entry.top[static_cast<std::size_t>(k)].second, values[k].item<double>(), 1e-4);
        }
    }
    request.logprobs = GenerationRequest::kMaxTopLogprobs + 1;
    EXPECT_THROW(generator.generate(request), Error);
}
