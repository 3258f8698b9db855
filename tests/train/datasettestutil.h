#pragma once

#include "datasets/datasetrows.h"
#include "datasets/datasetspec.h"
#include "tokenizer/tokenizer.h"

#include <memory>
#include <string>
#include <vector>

namespace llmos::test {

// Everything a reader produced, in order.
struct ReadResult {
    std::vector<SourceRow> rows;
    std::vector<BadRow> badRows;
    std::vector<nlohmann::ordered_json> values() const;
};

ReadResult readAll(const DatasetSpec &spec);
ReadResult readAll(const std::string &path);

// The byte-level tokenizer (one token per byte) with <|endoftext|> as EOS and
// <|im_start|> as BOS.
std::unique_ptr<Tokenizer> byteTokenizer();

} // namespace llmos::test
