#include "bytetokenizer.h"
#include "chat/chattemplate.h"
#include "datasets/chatexampleencoder.h"
#include "datasettestutil.h"
#include "util/error.h"

#include <gtest/gtest.h>

using namespace llmos;
using namespace llmos::test;

namespace {

const char *kChatMl = "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + "
                      "'<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}"
                      "{% endif %}";

// The Llama-2 chat template's shape: BOS once, [INST] ... [/INST] around user turns,
// the system prompt folded into the first user turn, EOS after each reply.
const char *kLlama2 = "{{ bos_token }}{% for message in messages %}{% if message['role'] == 'user' %}"
                      "{{ '[INST] ' + (('<<SYS>>\\n' + messages[0]['content'] + '\\n<</SYS>>\\n\\n') if loop.index0 == 1 "
                      "and messages[0]['role'] == 'system' else '') + message['content'] + ' [/INST]' }}"
                      "{% elif message['role'] == 'assistant' %}{{ ' ' + message['content'] + ' ' + eos_token }}"
                      "{% endif %}{% endfor %}";

const std::vector<ChatTurn> kConversation = {{"system", "Be brief."}, {"user", "Hi"}, {"assistant", "Hello!"},
        {"user", "Bye"}, {"assistant", "See you"}};

// The text under the labels, reply by reply, and a check that labels are either the
// id or ignored.
std::vector<std::string> learnedPieces(const Tokenizer &tokenizer, const TokenizedExample &example)
{
    EXPECT_EQ(example.inputIds.size(), example.labels.size());
    std::vector<std::string> pieces;
    std::vector<std::int32_t> run;
    for (std::size_t i = 0; i <= example.labels.size(); ++i) {
        if (i < example.labels.size() && example.labels[i] != kIgnoreLabel) {
            EXPECT_EQ(example.labels[i], example.inputIds[i]);
            run.push_back(example.labels[i]);
        } else if (!run.empty()) {
            pieces.push_back(tokenizer.decode(run));
            run.clear();
        }
    }
    return pieces;
}

} // namespace

TEST(ChatMasking, ChatMlLabelsCoverExactlyTheAssistantTurns)
{
    const auto tokenizer = byteTokenizer();
    const ChatTemplate chatTemplate(kChatMl);
    const ChatExampleEncoder encoder(*tokenizer, chatTemplate);
    const TokenizedExample example = encoder.encode(kConversation);
    EXPECT_EQ(tokenizer->decode(example.inputIds),
            "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!"
            "<|im_end|>\n<|im_start|>user\nBye<|im_end|>\n<|im_start|>assistant\nSee you<|im_end|>\n");
    // Special tokens in the rendered text become their single ids.
    EXPECT_EQ(example.inputIds[0], kImStart);
    EXPECT_EQ(learnedPieces(*tokenizer, example),
            (std::vector<std::string>{"Hello!<|im_end|>\n", "See you<|im_end|>\n"}));
}

TEST(ChatMasking, Llama2LabelsCoverExactlyTheAssistantTurns)
{
    const auto tokenizer = byteTokenizer();
    const ChatTemplate chatTemplate(kLlama2);
    const ChatExampleEncoder encoder(*tokenizer, chatTemplate);
    const TokenizedExample example = encoder.encode(kConversation);
    EXPECT_EQ(tokenizer->decode(example.inputIds),
            "<|im_start|>[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nHi [/INST] Hello! <|endoftext|>[INST] Bye [/INST] See "
            "you <|endoftext|>");
    EXPECT_EQ(learnedPieces(*tokenizer, example),
            (std::vector<std::string>{" Hello! <|endoftext|>", " See you <|endoftext|>"}));
}

TEST(ChatMasking, TemplateThatRewritesEarlierTurnsIsRefused)
{
    const auto tokenizer = byteTokenizer();
    // Prints the number of messages first, so every prefix renders differently.
    const ChatTemplate chatTemplate("{{ messages | length }}{% for m in messages %}{{ m.content }}{% endfor %}");
    const ChatExampleEncoder encoder(*tokenizer, chatTemplate);
    EXPECT_THROW(encoder.encode(kConversation), Error);
}
