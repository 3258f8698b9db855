#include "tokenizer/gguftokenizer.h"

#include "formats/gguf/gguffile.h"
#include "tokenizer/gguftokenizerjson.h"
#include "tokenizer/loadtokenizer.h"

namespace llmos {

std::unique_ptr<Tokenizer> loadGgufTokenizer(const GgufFile &file)
{
    const GgufTokenizerJson described = ggufTokenizerJson(file);
    std::unique_ptr<Tokenizer> tokenizer = loadTokenizerJson(described.document, file.sourceName());
    // The file's ids win over what the tokenizer guesses from token names.
    SpecialTokenIds ids = tokenizer->specialTokens();
    const SpecialTokenIds &fromFile = described.specialTokens;
    for (auto [target, given] : {std::pair{&ids.bos, fromFile.bos}, std::pair{&ids.eos, fromFile.eos},
                                 std::pair{&ids.pad, fromFile.pad}, std::pair{&ids.unk, fromFile.unk}})
        if (given)
            *target = given;
    tokenizer->setSpecialTokens(ids);
    return tokenizer;
}

} // namespace llmos
