#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

// The parts of a SentencePiece ModelProto (sentencepiece_model.proto) that GGUF keeps,
// read straight from the protobuf wire format, so llmos_core needs no libprotobuf (see
// sentencepiece/sentencepieceshim.h for why it must not link one). Hand-written: the only
// protobuf library here is the one that must not be linked.
struct SentencePieceModel {
    struct Piece {
        std::string text;
        float score = 0;
        std::int32_t type = 1; // ModelProto.SentencePiece.Type: 1 normal ... 6 byte, as GGUF numbers them
    };
    std::vector<Piece> pieces;
    std::int32_t modelType = 1; // trainer_spec.model_type: 1 unigram, 2 BPE, 3 word, 4 char
    std::int32_t unkId = 0, bosId = 1, eosId = 2, padId = -1; // trainer_spec defaults
    bool addDummyPrefix = true;                               // normalizer_spec default
    bool hasCharsmap = false;
};

// Parses a tokenizer.model's bytes; every length is checked against what remains.
// Throws Error(Format) naming `source` and the byte offset.
SentencePieceModel readSentencePieceModel(std::string_view bytes, const std::string &source);

} // namespace llmos
