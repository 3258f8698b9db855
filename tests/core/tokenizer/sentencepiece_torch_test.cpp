// SentencePiece in the real setting: a process that links libtorch, and so has the
// system libprotobuf loaded, reads the committed tokenizer.model through
// libllmos_sentencepiece.so. Linking libsentencepiece itself here would crash at
// start-up or abort on the first call (two protobuf versions in one process).

#include "spmfixture.h"
#include "tokenizer/loadtokenizer.h"
#include "tokenizer/sentencepiecetokenizer.h"
#include "util/error.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <link.h>

#include <cstring>

#include <string>
#include <vector>

using namespace llmos;
namespace spm = llmos::test::spm;

namespace {

// Whether a shared object whose path contains name is loaded in this process.
bool loaded(const char *name)
{
    struct Search {
        const char *name;
        bool found = false;
    } search{name};
    dl_iterate_phdr(
        [](dl_phdr_info *info, std::size_t, void *data) {
            auto *s = static_cast<Search *>(data);
            if (info->dlpi_name && std::strstr(info->dlpi_name, s->name)) s->found = true;
            return 0;
        },
        &search);
    return search.found;
}

} // namespace

TEST(SentencePieceWithTorch, ProcessHasTorchAndProtobuf)
{
    // Use torch, so the linker keeps it whatever --as-needed says.
    const torch::Tensor t = torch::arange(4, torch::kInt32);
    EXPECT_EQ(t.sum().item<int>(), 6);
    EXPECT_TRUE(loaded("/libtorch_cpu.so"));
    // If libtorch ever stops using protobuf, this test no longer proves anything.
    EXPECT_TRUE(loaded("/libprotobuf.so")) << "libtorch no longer loads libprotobuf";
    // And this binary itself does not link libsentencepiece (only the module may).
    EXPECT_FALSE(loaded("/libsentencepiece.so") && !loaded("/libllmos_sentencepiece.so"));
}

TEST(SentencePieceWithTorch, EncodesAndDecodesTheFixture)
{
    const auto t = loadTokenizer(spm::kModelPath);
    EXPECT_EQ(t->vocabSize(), spm::kPieceCount);
    EXPECT_EQ(t->specialTokens().bos, spm::kBos);
    EXPECT_EQ(t->specialTokens().eos, spm::kEos);
    EXPECT_EQ(t->specialTokens().unk, spm::kUnk);

    const std::vector<std::int32_t> plain = t->encode(spm::kText, false);
    EXPECT_EQ(plain, spm::kIds);
    std::vector<std::int32_t> withBos = {spm::kBos};
    withBos.insert(withBos.end(), spm::kIds.begin(), spm::kIds.end());
    EXPECT_EQ(t->encode(spm::kText, true), withBos);

    EXPECT_EQ(t->decode(plain), spm::kText);
    EXPECT_EQ(t->decode(withBos, true), spm::kText);
    EXPECT_EQ(t->decode(withBos, false), "<s>" + spm::kText);
    EXPECT_EQ(t->idToToken(spm::kBos), "<s>");
    EXPECT_EQ(t->tokenToId("</s>"), spm::kEos);
    EXPECT_EQ(t->tokenToId("no-such-piece"), std::nullopt);
    EXPECT_TRUE(t->isSpecial(spm::kBos));
    EXPECT_FALSE(t->isSpecial(plain.front()));
    EXPECT_NO_THROW(t->encode("\xFF\xFE invalid"));

    // The ids go into a tensor and back, as a model run would take them.
    const torch::Tensor ids = torch::tensor(plain, torch::kInt32);
    const std::vector<std::int32_t> back(ids.data_ptr<std::int32_t>(), ids.data_ptr<std::int32_t>() + ids.numel());
    EXPECT_EQ(t->decode(back), spm::kText);
}

TEST(SentencePieceWithTorch, InvalidIdIsAnErrorNamingIt)
{
    const auto t = loadTokenizer(spm::kModelPath);
    for (const std::int32_t id : {static_cast<std::int32_t>(spm::kPieceCount), -1}) {
        try {
            t->decode(std::vector<std::int32_t>{spm::kBos, id});
            FAIL() << "expected an error for id " << id;
        } catch (const Error &e) {
            EXPECT_EQ(e.kind(), ErrorKind::InvalidInput) << e.what();
            EXPECT_NE(std::string(e.what()).find(std::to_string(id)), std::string::npos) << e.what();
        }
    }
}

TEST(SentencePieceWithTorch, GarbageModelIsAFormatError)
{
    try {
        SentencePieceTokenizer::fromSerialized(std::string_view("\x08\x96\x01not a model", 14), "garbage.model", {});
        FAIL() << "expected an error";
    } catch (const Error &e) {
        EXPECT_EQ(e.kind(), ErrorKind::Format) << e.what();
    }
}
