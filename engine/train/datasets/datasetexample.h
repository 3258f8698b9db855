#pragma once

#include "datasets/datasetspec.h"

#include <cstdint>
#include <string>
#include <vector>

namespace llmos {

// A turn of a conversation with the roles chat templates know: system, user, assistant.
struct ChatTurn {
    std::string role;
    std::string content;
    bool operator==(const ChatTurn &) const = default;
};

// A checked row with its meaning, before tokenization. Which members are filled
// depends on kind: PretrainText -> text; Alpaca, OpenAiChat, ShareGpt -> turns (Alpaca
// rows become system?, history pairs, then user = instruction [+ "\n\n" + input] and
// assistant = output); Classification -> text and label.
struct DatasetExample {
    std::uint64_t line = 0;
    DatasetKind kind = DatasetKind::PretrainText;
    std::string text;
    std::vector<ChatTurn> turns;
    std::string label;
};

} // namespace llmos
