#pragma once

// A small corpus for the BPE trainer tests, written by the tests themselves: English
// sayings and Tang poems (public domain), like the fortunes the demo trains on, and
// held-out texts that were never trained on.

#include <string>
#include <vector>

namespace llmos::test {

inline std::vector<std::string> trainingDocuments()
{
    static const std::vector<std::string> sayings{
        "A bird in the hand is worth two in the bush.\n",
        "All that glitters is not gold.\n",
        "The early bird catches the worm, but the second mouse gets the cheese.\n",
        "Computers are useless. They can only give you answers.\n",
        "There are 10 kinds of people: those who understand binary and those who don't.\n",
        "To err is human; to really foul things up requires a computer.\n",
        "Love is blind, but marriage is a real eye-opener.\n",
        "The law is reason, free from passion.\n",
        "Science is organized knowledge. Wisdom is organized life.\n",
        "Politics is the art of looking for trouble, finding it everywhere.\n",
        "It's not a bug, it's a feature! We'll fix it in the 2.0 release.\n",
        "I've got a bad feeling about this.\n\n    -- Han Solo\n",
        "Don't panic.\n",
        "Time flies like an arrow; fruit flies like a banana.\n",
        "If at first you don't succeed, try, try again.\n",
    };
    static const std::vector<std::string> poems{
        "床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n",
        "春眠不觉晓，处处闻啼鸟。\n夜来风雨声，花落知多少。\n",
        "白日依山尽，黄河入海流。\n欲穷千里目，更上一层楼。\n",
        "千山鸟飞绝，万径人踪灭。\n孤舟蓑笠翁，独钓寒江雪。\n",
        "红豆生南国，春来发几枝。\n愿君多采撷，此物最相思。\n",
    };
    std::vector<std::string> documents;
    // Repeated so that pairs reach real counts; varied so that counts differ.
    for (int round = 0; round < 6; ++round) {
        for (std::size_t i = 0; i < sayings.size(); ++i)
            if ((i + static_cast<std::size_t>(round)) % 3 != 0)
                documents.push_back(sayings[i]);
        for (std::size_t i = 0; i < poems.size(); ++i)
            if ((i + static_cast<std::size_t>(round)) % 2 == 0)
                documents.push_back(poems[i]);
    }
    return documents;
}

// Never in the corpus: new words, new characters, emoji, odd spacing, control bytes.
inline std::vector<std::string> heldOutTexts()
{
    return {
        "The second bird catches the arrow.",
        "Wisdom flies; knowledge gets the cheese!",
        "  leading spaces, trailing spaces   ",
        "tabs\tand\nnew lines\r\nand CRLF",
        "明月几时有？把酒问青天。",
        "海上生明月，天涯共此时。",
        "mixed 中文 and English, 数字 12345 and 3.14159",
        "emoji: 😀👍🏽 🇨🇳 and a family 👨‍👩‍👧",
        "accents: café, naïve, Ærøskøbing, Ελληνικά, русский",
        "a NUL\x01 control \x7f bytes",
        "code: if (x != 0) { return y->z[i++]; } // done",
        "<|endoftext|> is special, and so is <|pad|>.",
        "",
        " ",
    };
}

} // namespace llmos::test
