// maskPrivateData: a table of texts, what they become and how many items of each kind
// were masked. The negatives matter as much as the positives: dates, versions, prices,
// ISBNs and numbers that fail their checksum must come through untouched.
//
// Card numbers are the networks' public test numbers (4111 1111 1111 1111, ...); the
// Chinese IDs are made up, with their check character computed per GB 11643.

#include "text/privatedatamasker.h"

#include "util/error.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <string>

using namespace llmos;

namespace {

struct MaskCase {
    const char *input;
    const char *expected;
    const char *counts; // "kind=n" pairs in key order, space-separated; "" when nothing is masked
};

std::ostream &operator<<(std::ostream &os, const MaskCase &c)
{
    return os << '"' << c.input << '"';
}

std::string countsText(const MaskedText &masked)
{
    std::string out;
    for (const auto &[kind, n] : masked.counts) {
        if (!out.empty())
            out += ' ';
        out += kind + "=" + std::to_string(n);
    }
    return out;
}

const MaskCase kCases[] = {
    // E-mail addresses.
    {"Contact john.doe@example.com today", "Contact [EMAIL] today", "email=1"},
    {"jane+newsletter@mail.example.co.uk", "[EMAIL]", "email=1"},
    {"<a.b-c_d@sub.domain.org>", "<[EMAIL]>", "email=1"},
    {"Write to: x@y.io, y@z.dev.", "Write to: [EMAIL], [EMAIL].", "email=2"},
    {"Ünïcødé.üser@bücher.de", "[EMAIL]", "email=1"},
    {"请发邮件到john@example.com联系我", "请发邮件到[EMAIL]联系我", "email=1"}, // no spaces around it in Chinese
    {"13812345678@163.com", "[EMAIL]", "email=1"},                              // the address, not a phone inside it
    {"ping user@localhost or @handle", "ping user@localhost or @handle", ""},   // no TLD, no local part
    {"pip install pkg==1.2.3@beta", "pip install pkg==1.2.3@beta", ""},
    {"a@b.c1 is not an address", "a@b.c1 is not an address", ""}, // TLDs are letters

    // Phone numbers.
    {"Call +1 (555) 123-4567 now", "Call [PHONE] now", "phone=1"},
    {"+44 20 7946 0958", "[PHONE]", "phone=1"},
    {"Berlin: +49-30-1234567.", "Berlin: [PHONE].", "phone=1"},
    {"+33.1.23.45.67.89", "[PHONE]", "phone=1"},
    {"(555) 123-4567", "[PHONE]", "phone=1"},
    {"555-123-4567 or 555.123.4567", "[PHONE] or [PHONE]", "phone=2"},
    {"toll free 1-800-555-1234", "toll free [PHONE]", "phone=1"},
    {"手机13812345678，谢谢", "手机[PHONE]，谢谢", "phone=1"},
    {"电话：+86 138-1234-5678。", "电话：[PHONE]。", "phone=1"},
    {"138 1234 5678", "[PHONE]", "phone=1"},
    {"(+86)13912345678", "[PHONE]", "phone=1"},
    {"0086 15912345678", "[PHONE]", "phone=1"},
    {"办公室010-12345678", "办公室[PHONE]", "phone=1"},
    // 19 digits is no phone number: cut back to the groups that make one.
    {"+86 138 1234 5678 2024 05", "[PHONE] 2024 05", "phone=1"},

    // Numbers that are not phone numbers.
    {"Released on 2024-01-15 at 10:30:45", "Released on 2024-01-15 at 10:30:45", ""},
    {"Version 1.2.3 and v10.15.7", "Version 1.2.3 and v10.15.7", ""},
    {"Price: $1,234,567.89 or ¥12345.00", "Price: $1,234,567.89 or ¥12345.00", ""},
    {"In 1999 there were 123456 people", "In 1999 there were 123456 people", ""},
    {"dial +1 555", "dial +1 555", ""}, // 4 digits
    {"IP 192.168.100.200", "IP 192.168.100.200", ""},
    {"Order 12345678901", "Order 12345678901", ""}, // 11 digits, but 12... is no Chinese mobile
    {"Room 555-1234", "Room 555-1234", ""},
    {"2024年1月15日下午3点", "2024年1月15日下午3点", ""},

    // Payment cards.
    {"Visa 4111 1111 1111 1111 exp 12/26", "Visa [CARD] exp 12/26", "card=1"},
    {"4111-1111-1111-1111", "[CARD]", "card=1"},
    {"Amex 3782 822463 10005", "Amex [CARD]", "card=1"},
    {"card:5555555555554444.", "card:[CARD].", "card=1"},
    {"银行卡6222021234567890128已绑定", "银行卡[CARD]已绑定", "card=1"},      // 19-digit UnionPay
    {"4111 1111 1111 1111 123", "[CARD] 123", "card=1"},                      // the CVV stays out
    {"Order 4111111111111112 shipped", "Order 4111111111111112 shipped", ""}, // fails Luhn
    {"ref 1234567890123456", "ref 1234567890123456", ""},
    {"ISBN 978-3-16-148410-0", "ISBN 978-3-16-148410-0", ""},
    {"ISBN 9780306406157", "ISBN 9780306406157", ""},
    {"4111-1111 1111-1111", "4111-1111 1111-1111", ""}, // mixed separators
    {"Tracking 1Z999AA10123456784", "Tracking 1Z999AA10123456784", ""},
    {"41111111111111111234", "41111111111111111234", ""}, // 20 digits

    // Identity numbers.
    {"身份证号11010519491231002X。", "身份证号[ID]。", "id=1"},
    {"ID 440308199003071235 on file", "ID [ID] on file", "id=1"},
    {"11010519491231002x", "[ID]", "id=1"},
    {"ID 440308199003071236 on file", "ID 440308199003071236 on file", ""}, // wrong check digit
    {"SSN 123-45-6789", "SSN [ID]", "id=1"},
    {"000-12-3456 666-12-3456 912-34-5678", "000-12-3456 666-12-3456 912-34-5678", ""},
    {"123-00-4567 and 123-45-0000", "123-00-4567 and 123-45-0000", ""},
    {"Part 123-45-6789-01", "Part 123-45-6789-01", ""},

    // Several kinds in one line.
    {"Name: 张三, 电话 13912345678, 邮箱 zhang.san@example.cn, 身份证 110101200001011232",
     "Name: 张三, 电话 [PHONE], 邮箱 [EMAIL], 身份证 [ID]", "email=1 id=1 phone=1"},
    {"Pay 5105105105105100 or call (555) 123-4567 or mail pay@shop.com", "Pay [CARD] or call [PHONE] or mail [EMAIL]",
     "card=1 email=1 phone=1"},

    // Invalid UTF-8 passes through; what is around it is still masked.
    {"bad \xff\xfe bytes john@example.com \xc3", "bad \xff\xfe bytes [EMAIL] \xc3", "email=1"},
    {"\xe4\xb8john@example.com", "\xe4\xb8[EMAIL]", "email=1"},
    {"13812345678\xff", "[PHONE]\xff", "phone=1"},
    {"", "", ""},
};

class MaskTable : public ::testing::TestWithParam<MaskCase> {};

TEST_P(MaskTable, MasksWhatItShould)
{
    const MaskCase &c = GetParam();
    const MaskedText masked = maskPrivateData(c.input);
    EXPECT_EQ(masked.text, c.expected);
    EXPECT_EQ(countsText(masked), c.counts);
}

INSTANTIATE_TEST_SUITE_P(PrivateDataMasker, MaskTable, ::testing::ValuesIn(kCases));

TEST(PrivateDataMasker, TheTableIsLongEnough)
{
    EXPECT_GE(std::size(kCases), 40u);
}

TEST(PrivateDataMasker, OptionsTurnKindsOff)
{
    const std::string text = "mail a@b.com, call 13812345678, card 4111111111111111, id 11010519491231002X";
    MaskingOptions options;
    options.emails = false;
    options.cards = false;
    const MaskedText masked = maskPrivateData(text, options);
    EXPECT_EQ(masked.text, "mail a@b.com, call [PHONE], card 4111111111111111, id [ID]");
    EXPECT_EQ(countsText(masked), "id=1 phone=1");

    options = {};
    options.phones = false;
    options.idNumbers = false;
    EXPECT_EQ(maskPrivateData(text, options).text,
              "mail [EMAIL], call 13812345678, card [CARD], id 11010519491231002X");

    options = {false, false, false, false};
    const MaskedText none = maskPrivateData(text, options);
    EXPECT_EQ(none.text, text);
    EXPECT_TRUE(none.counts.empty());
}

TEST(PrivateDataMasker, CountsAddUpOverALine)
{
    const MaskedText masked =
        maskPrivateData("a@b.com b@c.org c@d.net 13812345678 13912345678 4111111111111111 123-45-6789");
    EXPECT_EQ(masked.text, "[EMAIL] [EMAIL] [EMAIL] [PHONE] [PHONE] [CARD] [ID]");
    EXPECT_EQ(masked.counts.at("email"), 3);
    EXPECT_EQ(masked.counts.at("phone"), 2);
    EXPECT_EQ(masked.counts.at("card"), 1);
    EXPECT_EQ(masked.counts.at("id"), 1);
}

// A megabyte of digits, dots, dashes, '@' and '+' in every arrangement the patterns
// could backtrack on. No timing assert: a quadratic or exponential pattern makes this
// run for minutes (or hit the match limit and throw) instead.
TEST(PrivateDataMasker, MegabyteInputsFinish)
{
    constexpr std::size_t kMegabyte = 1 << 20;
    std::vector<std::string> inputs;
    inputs.emplace_back(kMegabyte, '4');
    std::string dotted;
    while (dotted.size() < kMegabyte)
        dotted += "1.2.3@4.5.6-7 ";
    inputs.push_back(dotted);
    std::string noSpaces;
    while (noSpaces.size() < kMegabyte)
        noSpaces += "1.2.3.4.5@a.b";
    inputs.push_back(noSpaces);
    inputs.push_back(std::string(kMegabyte, 'a') + "@");
    std::string labels = "x@";
    while (labels.size() < kMegabyte)
        labels += "a.";
    inputs.push_back(labels);
    std::string plus;
    while (plus.size() < kMegabyte)
        plus += "+1 2 (3) 4-";
    inputs.push_back(plus);
    std::string random;
    const std::string alphabet = "0123456789.@-+ ()xX";
    std::uint32_t state = 12345;
    while (random.size() < kMegabyte) {
        state = state * 1664525u + 1013904223u;
        random += alphabet[(state >> 16) % alphabet.size()];
    }
    inputs.push_back(random);

    for (const std::string &input : inputs) {
        const MaskedText masked = maskPrivateData(input);
        EXPECT_FALSE(masked.text.empty());
    }
}

} // namespace
