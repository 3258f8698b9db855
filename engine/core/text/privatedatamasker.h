#pragma once

#include <map>
#include <string>
#include <string_view>

namespace llmos {

// Which kinds of private data maskPrivateData() looks for.
struct MaskingOptions {
    bool emails = true;
    bool phones = true;
    bool cards = true;
    bool idNumbers = true;
};

struct MaskedText {
    std::string text;
    // How many items of each kind were replaced, keyed "email", "phone", "card", "id".
    // Kinds with none are absent.
    std::map<std::string, int> counts;
};

// Replaces e-mail addresses by [EMAIL], phone numbers by [PHONE], payment card numbers
// by [CARD] and identity numbers by [ID], so text can leave the machine (a shared
// dataset, a log, a bug report) without them. What counts as each:
//   email  local@domain.tld: letters, digits, marks and _ % + - in the local part (dots
//          between them), labels of letters, digits and - in the domain, a TLD of letters
//          (or xn--). Unicode letters are allowed on both sides.
//   phone  +CC international numbers with space, dash, dot or (..) groups, 7 to 15 digits;
//          US (555) 123-4567 / 555-123-4567 / 1-800-555-1234; Chinese mobiles 1[3-9]
//          plus 9 digits, alone, grouped 3-4-4 or after +86 / 0086 / (+86); Chinese
//          landlines 0xx(x)-xxxxxxx(x). Fewer than 7 digits never counts, and a
//          bare run of digits is a phone number only when it is a Chinese mobile.
//   card   13 to 19 digits starting with 2-6 (the card networks' ranges), unbroken or in
//          groups split by one kind of separator (space or dash), with a valid Luhn check
//          digit. Numbers that fail the check (order numbers, ISBNs) stay.
//   id     Chinese resident ID (18 characters, a plausible birth date, last may be X,
//          GB 11643 check character verified) and US SSN ddd-dd-dddd (area not 000, 666
//          or 9xx, group not 00, serial not 0000).
// Digits count only as a whole: a candidate touching another ASCII letter or digit (or
// "1." / "1-" before it) is not masked, so parts of longer numbers and codes stay.
// Where candidates overlap the order of preference is email, id, card, SSN, phone.
// Only ASCII digits are recognised.
//
// Invalid UTF-8 is never an error: stray bytes are copied through unchanged and never
// belong to a match, and the valid text around them is masked as usual.
//
// The patterns are written so that matching is linear in the input (no nested
// ambiguous repeats); should PCRE2's match limit still be reached, this throws
// Error(InvalidInput) rather than return text that may be only partly masked.
MaskedText maskPrivateData(std::string_view utf8, const MaskingOptions &options = {});

} // namespace llmos
