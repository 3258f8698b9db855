// The BPE trainer against Hugging Face tokenizers (the Rust library's Node binding,
// pinned in tests/tools/reference): the tokenizer.json we write encodes and decodes
// there exactly as here, and Hugging Face's own BpeTrainer learns the same merges from
// the same text. Needs node and tests/tools/reference/fetch.sh; fails without them.

#include "bpetrainingcorpus.h"
#include "shellcommand.h"
#include "tempdir.h"

#include "tokenizer/bpetokenizerfiles.h"
#include "tokenizer/bpetrainer.h"
#include "tokenizer/loadtokenizer.h"
#include "tokenizer/utf8.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace llmos;
using namespace llmos::test;
using nlohmann::json;

namespace {

const char *const kFetchHint = "install the reference with tests/tools/reference/fetch.sh";

void requireNode()
{
    const auto node = runShell("node --version 2>&1");
    ASSERT_EQ(node.exitCode, 0) << "node is needed for the Hugging Face tokenizers reference: " << node.out;
}

// A file's lines with their line ends: what Hugging Face's train_from_files feeds.
std::vector<std::string> linesOf(const std::string &text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        const std::size_t stop = end == std::string::npos ? text.size() : end + 1;
        lines.push_back(text.substr(start, stop - start));
        start = stop;
    }
    return lines;
}

std::vector<std::string> mergeStrings(const TrainedBpe &trained)
{
    std::vector<std::string> out;
    for (const auto &[left, right] : trained.merges)
        out.push_back(trained.tokens[static_cast<std::size_t>(left)] + " " +
                      trained.tokens[static_cast<std::size_t>(right)]);
    return out;
}

// model.merges of a tokenizer.json, either spelling ("a b" or ["a", "b"]).
std::vector<std::string> mergeStrings(const json &document)
{
    std::vector<std::string> out;
    for (const auto &merge : document.at("model").at("merges"))
        out.push_back(merge.is_string() ? merge.get<std::string>()
                                        : merge.at(0).get<std::string>() + " " + merge.at(1).get<std::string>());
    return out;
}

// Trains both ways on the files' lines and compares the merges, reporting the first
// that differs.
void expectSameMergesAsHuggingFace(const std::vector<std::string> &files)
{
    requireNode();
    TempDir dir;
    std::string command = "node " + shellQuote(LLMOS_TRAIN_BPE_SCRIPT);
    for (const auto &file : files)
        command += " " + shellQuote(file);
    const std::string hfJson = dir.file("hf-tokenizer.json");
    const auto run = runShell(command + " " + shellQuote(hfJson) + " 2>&1");
    ASSERT_EQ(run.exitCode, 0) << run.out << "\n" << kFetchHint;
    const json hf = json::parse(readFile(hfJson));
    const auto theirs = mergeStrings(hf);

    // Their alphabet is the characters seen, ours all 256 byte symbols; stop ours where
    // theirs stopped (its vocab_size of 30000, or no pair left).
    std::size_t alphabet = 0;
    for (const auto &[token, id] : hf.at("model").at("vocab").items())
        alphabet += utf8::countCodePoints(token) == 1;
    BpeTrainerOptions options;
    options.vocabSize = 256 + hf.at("model").at("vocab").size() - alphabet;
    BpeTrainer trainer(options);
    for (const auto &file : files)
        for (const auto &line : linesOf(readFile(file)))
            trainer.addDocument(line);
    const auto ours = mergeStrings(trainer.train());

    ASSERT_FALSE(theirs.empty());
    const auto [mine, other] = std::mismatch(ours.begin(), ours.end(), theirs.begin(), theirs.end());
    if (mine != ours.end() || other != theirs.end())
        ADD_FAILURE() << "merge " << (mine - ours.begin()) << " differs: '" << (mine != ours.end() ? *mine : "(none)")
                      << "' here, '" << (other != theirs.end() ? *other : "(none)") << "' in tokenizers";
    EXPECT_EQ(ours.size(), theirs.size());
}

} // namespace

TEST(BpeTrainerReference, HuggingFaceTokenizersEncodeTheWrittenFileAlike)
{
    requireNode();
    TempDir dir;
    BpeTrainerOptions options;
    options.vocabSize = 500;
    options.specialTokens = {"<|endoftext|>", "<|pad|>"};
    BpeTrainer trainer(options);
    for (const auto &document : trainingDocuments())
        trainer.addDocument(document);
    BpeTokenizerFileOptions roles;
    roles.eosToken = "<|endoftext|>";
    roles.padToken = "<|pad|>";
    writeBpeTokenizerFiles(trainer.train(), roles, dir.file("tok"));

    std::vector<std::string> texts = heldOutTexts();
    for (const auto &document : trainingDocuments())
        texts.push_back(document);
    const auto textsFile = dir.write("texts.json", json(texts).dump());
    const auto run = runShell("node " + shellQuote(LLMOS_ENCODE_FOLDER_SCRIPT) + " " +
                              shellQuote(dir.file("tok/tokenizer.json")) + " " + shellQuote(textsFile) + " 2>&1");
    ASSERT_EQ(run.exitCode, 0) << run.out << "\n" << kFetchHint;
    const auto reference = json::parse(run.out);
    ASSERT_EQ(reference.size(), texts.size());

    const auto ours = loadTokenizer(dir.file("tok"));
    std::size_t differing = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const auto &want = reference[i];
        const auto plain = ours->encode(texts[i], false);
        const bool same = ours->encode(texts[i], true) == want.at("ids").get<std::vector<std::int32_t>>() &&
                          plain == want.at("ids_no_special").get<std::vector<std::int32_t>>() &&
                          ours->decode(plain) == want.at("decoded").get<std::string>() &&
                          want.at("decoded").get<std::string>() == texts[i];
        if (!same && ++differing <= 5)
            ADD_FAILURE() << json(texts[i]).dump() << " gives " << json(plain).dump() << " here, " << want.dump()
                          << " in tokenizers";
    }
    EXPECT_EQ(differing, 0u);
}

TEST(BpeTrainerReference, HuggingFaceTrainerLearnsTheSameMerges)
{
    TempDir dir;
    std::string corpus;
    for (const auto &document : trainingDocuments())
        corpus += document;
    expectSameMergesAsHuggingFace({dir.write("corpus.txt", corpus)});
}

// The demo's own corpus, where the package is installed: English sayings and, with
// fortunes-zh, Tang poems with ANSI colour codes in them.
TEST(BpeTrainerReference, HuggingFaceTrainerLearnsTheSameMergesFromFortunes)
{
    const std::string folder = "/usr/share/games/fortunes/";
    std::vector<std::string> files;
    for (const char *name : {"computers", "love", "tang300"})
        if (std::filesystem::exists(folder + name))
            files.push_back(folder + name);
    if (files.empty())
        GTEST_SKIP() << "the fortunes packages are not installed";
    expectSameMergesAsHuggingFace(files);
}
