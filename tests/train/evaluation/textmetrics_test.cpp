// BLEU and ROUGE-L on cases small enough to count by hand. Each comment shows the
// counting; the expected values are the closed forms it ends in. BLEU follows sacreBLEU
// 2.x (corpus_score, 13a, exp smoothing unless said), ROUGE-L rouge-score's rougeL.

#include "evaluation/textmetrics.h"

#include "util/error.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace llmos;

namespace {

using Strings = std::vector<std::string>;

constexpr double kTolerance = 1e-9;

// One reference per hypothesis.
std::vector<Strings> single(const Strings &references)
{
    std::vector<Strings> out;
    for (const std::string &r : references)
        out.push_back({r});
    return out;
}

BleuOptions smoothed(BleuSmoothing smoothing)
{
    BleuOptions options;
    options.smoothing = smoothing;
    return options;
}

// ---- BLEU tokenization ---------------------------------------------------------------

TEST(BleuTokens, Mteval13aSplitsPunctuationButKeepsNumbersAndApostrophes)
{
    EXPECT_EQ(bleuTokens("Hello, world!"), (Strings{"Hello", ",", "world", "!"}));
    // '$' and '?' always split; "3.50," keeps its inner period (digits on both sides)
    // but the comma before a space splits; the apostrophe never does.
    EXPECT_EQ(bleuTokens("It costs $3.50, isn't it?"), (Strings{"It", "costs", "$", "3.50", ",", "isn't", "it", "?"}));
    // A dash splits after a digit only.
    EXPECT_EQ(bleuTokens("1990-2000 well-known"), (Strings{"1990", "-", "2000", "well-known"}));
    // Periods after letters split, one re.sub match at a time.
    EXPECT_EQ(bleuTokens("U.S.A."), (Strings{"U", ".", "S", ".", "A", "."}));
    // The language-independent part: entities, <skipped>, hyphenated line breaks.
    EXPECT_EQ(bleuTokens("&quot;hi&quot; &amp; bye"), (Strings{"\"", "hi", "\"", "&", "bye"}));
    EXPECT_EQ(bleuTokens("<skipped>hy-\nphen\nated"), (Strings{"hyphen", "ated"}));
    // Python's str.split() whitespace: U+3000 and U+001F separate, U+200B does not.
    EXPECT_EQ(bleuTokens("a\u3000b\u001Fc\u200Bd"), (Strings{"a", "b", "c\u200Bd"}));
    EXPECT_TRUE(bleuTokens("   ").empty());
    EXPECT_EQ(bleuTokens("a  b\t", BleuTokenizer::None), (Strings{"a", "b"}));
    EXPECT_EQ(bleuTokens("Hello, world!", BleuTokenizer::None), (Strings{"Hello,", "world!"}));
}

TEST(BleuTokens, ZhSplitsEveryChineseCharacter)
{
    EXPECT_EQ(bleuTokens("我爱北京天安门。", BleuTokenizer::Zh),
              (Strings{"我", "爱", "北", "京", "天", "安", "门", "。"}));
    EXPECT_EQ(bleuTokens("GPU很快, 3.5倍", BleuTokenizer::Zh), (Strings{"GPU", "很", "快", ",", "3.5", "倍"}));
    // sacreBLEU's range table reads U+2001..U+2A6D as Chinese, so curly quotes split too.
    EXPECT_EQ(bleuTokens("他说“你好”", BleuTokenizer::Zh), (Strings{"他", "说", "“", "你", "好", "”"}));
    // 13a leaves the whole run as one token.
    EXPECT_EQ(bleuTokens("我爱北京"), (Strings{"我爱北京"}));
}

// ---- BLEU scores ---------------------------------------------------------------------

TEST(Bleu, PerfectMatchIs100)
{
    const BleuScore s = corpusBleu({"the cat sat on the mat"}, single({"the cat sat on the mat"}));
    EXPECT_NEAR(s.score, 100.0, kTolerance);
    EXPECT_EQ(s.counts, (std::array<std::int64_t, 4>{6, 5, 4, 3}));
    EXPECT_EQ(s.totals, (std::array<std::int64_t, 4>{6, 5, 4, 3}));
    for (double p : s.precisions)
        EXPECT_NEAR(p, 100.0, kTolerance);
    EXPECT_DOUBLE_EQ(s.brevityPenalty, 1.0);
    EXPECT_EQ(s.sysLen, 6);
    EXPECT_EQ(s.refLen, 6);
}

TEST(Bleu, NoOverlapIsZero)
{
    const BleuScore s = corpusBleu({"a b c d"}, single({"e f g h"}));
    EXPECT_EQ(s.score, 0.0);
    EXPECT_EQ(s.counts, (std::array<std::int64_t, 4>{0, 0, 0, 0}));
    EXPECT_EQ(s.totals, (std::array<std::int64_t, 4>{4, 3, 2, 1}));
    for (double p : s.precisions)
        EXPECT_EQ(p, 0.0);
    EXPECT_DOUBLE_EQ(s.brevityPenalty, 1.0);
}

TEST(Bleu, PartialMatch)
{
    // hyp "the cat sat on a mat", ref "the cat sat on the mat":
    //   1-grams: the cat sat on mat match, "a" not          5/6
    //   2-grams: the-cat cat-sat sat-on; on-a a-mat not     3/5
    //   3-grams: the-cat-sat cat-sat-on                     2/4
    //   4-grams: the-cat-sat-on                             1/3
    // BLEU = 100 * (5/6 * 3/5 * 2/4 * 1/3)^(1/4) = 100 * (1/12)^(1/4) = 53.7284965911771
    const BleuScore s = corpusBleu({"the cat sat on a mat"}, single({"the cat sat on the mat"}));
    EXPECT_EQ(s.counts, (std::array<std::int64_t, 4>{5, 3, 2, 1}));
    EXPECT_EQ(s.totals, (std::array<std::int64_t, 4>{6, 5, 4, 3}));
    EXPECT_NEAR(s.precisions[0], 100.0 * 5 / 6, kTolerance);
    EXPECT_NEAR(s.precisions[1], 60.0, kTolerance);
    EXPECT_NEAR(s.precisions[2], 50.0, kTolerance);
    EXPECT_NEAR(s.precisions[3], 100.0 / 3, kTolerance);
    EXPECT_NEAR(s.score, 100 * std::pow(1.0 / 12, 0.25), kTolerance);
    EXPECT_NEAR(s.score, 53.7284965911771, 1e-9);
}

TEST(Bleu, BrevityPenalty)
{
    // hyp "the cat sat on the" (5 tokens) against a 6-token reference: every n-gram
    // matches, BP = exp(1 - 6/5) = exp(-0.2), BLEU = 100 * exp(-0.2) = 81.8730753077982.
    const BleuScore s = corpusBleu({"the cat sat on the"}, single({"the cat sat on the mat"}));
    EXPECT_NEAR(s.brevityPenalty, std::exp(-0.2), kTolerance);
    EXPECT_NEAR(s.score, 81.87307530779819, 1e-9);
    // A longer hypothesis is not penalised for length (BP 1), only for precision:
    // "the cat sat on the mat today": 6/7, 5/6, 4/5, 3/4 -> (6/7*5/6*4/5*3/4)^(1/4) = (3/7)^(1/4).
    const BleuScore longer = corpusBleu({"the cat sat on the mat today"}, single({"the cat sat on the mat"}));
    EXPECT_DOUBLE_EQ(longer.brevityPenalty, 1.0);
    EXPECT_NEAR(longer.score, 100 * std::pow(3.0 / 7, 0.25), kTolerance);
}

TEST(Bleu, BrevityPenaltyIsOverTheCorpus)
{
    // Segment 1 "a b c d" = its reference; segment 2 "e f g h" against "e f g h i j".
    // Every n-gram matches; sys_len 8, ref_len 10, BP = exp(1 - 10/8) = exp(-0.25):
    // BLEU = 77.8800783071405. (Averaging sentence scores would give (100 + 60.65) / 2.)
    const BleuScore s = corpusBleu({"a b c d", "e f g h"}, single({"a b c d", "e f g h i j"}));
    EXPECT_EQ(s.sysLen, 8);
    EXPECT_EQ(s.refLen, 10);
    EXPECT_NEAR(s.score, 100 * std::exp(-0.25), kTolerance);
}

TEST(Bleu, SmoothingMethods)
{
    // hyp "a b c d e", ref "a b x d e":
    //   1-grams 4/5 (c misses), 2-grams a-b d-e of 4 = 2/4, 3-grams 0/3, 4-grams 0/2.
    const Strings hyp = {"a b c d e"};
    const auto ref = single({"a b x d e"});
    // none: an order without matches gives 0.
    EXPECT_EQ(corpusBleu(hyp, ref, smoothed(BleuSmoothing::None)).score, 0.0);
    // exp: the first empty order counts 1/(2*3), the second 1/(4*2):
    //   100 * (4/5 * 2/4 * 1/6 * 1/8)^(1/4) = 100 * (1/120)^(1/4) = 30.2137539735677
    const BleuScore exp = corpusBleu(hyp, ref);
    EXPECT_NEAR(exp.precisions[2], 100.0 / 6, kTolerance);
    EXPECT_NEAR(exp.precisions[3], 12.5, kTolerance);
    EXPECT_NEAR(exp.score, 100 * std::pow(1.0 / 120, 0.25), kTolerance);
    EXPECT_NEAR(exp.score, 30.21375397356768, 1e-9);
    // floor 0.1: 0.1/3 and 0.1/2 -> 100 * (4/5 * 2/4 * 0.1/3 * 0.1/2)^(1/4) = 100 * (1/1500)^(1/4)
    const BleuScore floor = corpusBleu(hyp, ref, smoothed(BleuSmoothing::Floor));
    EXPECT_NEAR(floor.score, 100 * std::pow(1.0 / 1500, 0.25), kTolerance);
    EXPECT_NEAR(floor.score, 16.068568378893033, 1e-9);
    // add-k 1 on orders 2-4: (2+1)/(4+1), (0+1)/(3+1), (0+1)/(2+1)
    //   -> 100 * (4/5 * 3/5 * 1/4 * 1/3)^(1/4) = 100 * 0.04^(1/4) = 44.7213595499958
    const BleuScore addK = corpusBleu(hyp, ref, smoothed(BleuSmoothing::AddK));
    EXPECT_NEAR(addK.score, 100 * std::sqrt(0.2), kTolerance);
    EXPECT_EQ(addK.counts, (std::array<std::int64_t, 4>{4, 2, 0, 0})); // reported before smoothing
    // add-k with k = 2: (2+2)/(4+2), 2/5, 2/4 -> 100 * (4/5 * 2/3 * 2/5 * 1/2)^(1/4) = 100 * (16/150)^(1/4)
    BleuOptions k2 = smoothed(BleuSmoothing::AddK);
    k2.smoothValue = 2;
    EXPECT_NEAR(corpusBleu(hyp, ref, k2).score, 100 * std::pow(16.0 / 150, 0.25), kTolerance);
}

TEST(Bleu, ShortHypothesesAndEffectiveOrder)
{
    // "the cat sat" against "the cat sat down": no 4-grams at all. sacreBLEU stops at
    // the first order with no n-grams and leaves its precision 0, so the corpus score
    // is 0 even with exp smoothing.
    const BleuScore s = corpusBleu({"the cat sat"}, single({"the cat sat down"}));
    EXPECT_EQ(s.totals[3], 0);
    EXPECT_EQ(s.score, 0.0);
    // effective order averages over orders 1-3 only: 100 * BP = 100 * exp(1 - 4/3).
    BleuOptions effective;
    effective.effectiveOrder = true;
    EXPECT_NEAR(corpusBleu({"the cat sat"}, single({"the cat sat down"}), effective).score, 100 * std::exp(-1.0 / 3),
                kTolerance);
}

TEST(Bleu, MultipleReferences)
{
    // hyp "the cat is on the mat"; refs "the cat sat on the mat", "there is a cat on the mat".
    // Clipping takes, per n-gram, the most any one reference has.
    //   1-grams: the x2 (ref 1 has two), cat, is (ref 2), on, mat      6/6
    //   2-grams: the-cat, on-the, the-mat; cat-is, is-on miss          3/5
    //   3-grams: on-the-mat                                            1/4
    //   4-grams: none                                                  0/3 -> exp: 1/(2*3)
    // Closest reference length 6 (ref 1), so BP 1:
    //   100 * (1 * 3/5 * 1/4 * 1/6)^(1/4) = 100 * 0.025^(1/4) = 39.7635364383525
    const BleuScore both =
        corpusBleu({"the cat is on the mat"}, {{"the cat sat on the mat", "there is a cat on the mat"}});
    EXPECT_EQ(both.counts, (std::array<std::int64_t, 4>{6, 3, 1, 0}));
    EXPECT_EQ(both.refLen, 6);
    EXPECT_NEAR(both.score, 100 * std::pow(0.025, 0.25), kTolerance);
    // With ref 1 alone "is" no longer matches: 5/6 * 3/5 * 1/4 * 1/6 = 1/48 -> 37.9917842825796
    const BleuScore one = corpusBleu({"the cat is on the mat"}, single({"the cat sat on the mat"}));
    EXPECT_NEAR(one.score, 100 * std::pow(1.0 / 48, 0.25), kTolerance);
}

TEST(Bleu, ClosestReferenceLengthPrefersTheShorterOnATie)
{
    // 5 hypothesis tokens, references of 4 and 6: both 1 away, so ref_len is 4 (BP 1).
    // Every n-gram is in the 6-token reference: 5/5, 4/4, 3/3, 2/2 -> 100.
    const BleuScore s = corpusBleu({"a b c d e"}, {{"a b c d e f", "a b c d"}});
    EXPECT_EQ(s.refLen, 4);
    EXPECT_NEAR(s.score, 100.0, kTolerance);
}

TEST(Bleu, SacreBleuReadmeExample)
{
    // sacreBLEU's README: corpus_score(sys, refs) = 48.53, 82.4/50.0/45.5/37.5,
    // BP 0.943, hyp_len 17, ref_len 18. By hand (13a splits the final periods):
    //   seg 1 "The dog bit the man ."  = ref A: 6/6, 5/5, 4/4, 3/3; ref len 6
    //   seg 2 "It wasn't surprising ." : It, . -> 2/4, 0/3, 0/2, 0/1; refs 5 and 5 -> 5
    //   seg 3 "The man had just bitten him ." : The man had bitten him . -> 6/7;
    //         The-man man-had 2/6; The-man-had 1/5; 0/4; refs 6 and 7 -> 7
    //   totals 14/17, 7/14, 5/11, 3/8; BP = exp(1 - 18/17)
    //   BLEU = 100 * exp(-1/17) * (14/17 * 7/14 * 5/11 * 3/8)^(1/4)
    //        = 100 * exp(-1/17) * (105/1496)^(1/4) = 48.5308270099299
    const Strings sys = {"The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."};
    const std::vector<Strings> refs = {{"The dog bit the man.", "The dog had bit the man."},
                                       {"It was not unexpected.", "No one was surprised."},
                                       {"The man bit him first.", "The man had bitten the dog."}};
    const BleuScore s = corpusBleu(sys, refs);
    EXPECT_EQ(s.sysLen, 17);
    EXPECT_EQ(s.refLen, 18);
    EXPECT_EQ(s.counts, (std::array<std::int64_t, 4>{14, 7, 5, 3}));
    EXPECT_EQ(s.totals, (std::array<std::int64_t, 4>{17, 14, 11, 8}));
    EXPECT_NEAR(s.brevityPenalty, std::exp(-1.0 / 17), kTolerance);
    EXPECT_NEAR(s.score, 100 * std::exp(-1.0 / 17) * std::pow(105.0 / 1496, 0.25), kTolerance);
    EXPECT_NEAR(s.score, 48.530827009929865, 1e-9);
}

TEST(Bleu, ChineseNeedsTheZhTokenizer)
{
    // 13a: "我爱北京" and "我爱上海" are one token each and differ -> 0.
    EXPECT_EQ(corpusBleu({"我爱北京"}, single({"我爱上海"})).score, 0.0);
    // zh: 我 爱 北 京 vs 我 爱 上 海: 2/4, 1/3, 0/2, 0/1 -> exp smoothing 1/(2*2), 1/(4*1)
    //   100 * (1/2 * 1/3 * 1/4 * 1/4)^(1/4) = 100 * (1/96)^(1/4) = 31.9471552123136
    BleuOptions zh;
    zh.tokenizer = BleuTokenizer::Zh;
    EXPECT_NEAR(corpusBleu({"我爱北京"}, single({"我爱上海"}), zh).score, 100 * std::pow(1.0 / 96, 0.25), kTolerance);
}

TEST(Bleu, EmptyHypothesesAndReferences)
{
    // An empty hypothesis: sys_len 0 < ref_len 3, BP 0, score 0.
    const BleuScore empty = corpusBleu({""}, single({"a b c"}));
    EXPECT_EQ(empty.score, 0.0);
    EXPECT_EQ(empty.brevityPenalty, 0.0);
    EXPECT_EQ(empty.sysLen, 0);
    EXPECT_EQ(empty.refLen, 3);
    // Empty references are skipped, as sacreBLEU does: only "a b c d" counts.
    const BleuScore skipped = corpusBleu({"a b c d"}, {{"", "a b c d"}});
    EXPECT_EQ(skipped.refLen, 4);
    EXPECT_NEAR(skipped.score, 100.0, kTolerance);
    // An empty corpus scores 0.
    EXPECT_EQ(corpusBleu({}, {}).score, 0.0);
    // No usable reference, or references for the wrong number of hypotheses: refused.
    EXPECT_THROW(corpusBleu({"a b"}, {{""}}), Error);
    EXPECT_THROW(corpusBleu({"a b"}, {{}}), Error);
    EXPECT_THROW(corpusBleu({"a", "b"}, single({"a"})), Error);
    try {
        corpusBleu({"a b", "c"}, {{"a b"}, {""}});
        FAIL() << "a hypothesis without references was accepted";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind(), ErrorKind::InvalidInput);
        EXPECT_EQ(error.where(), "BLEU: hypothesis 2");
    }
}

TEST(Bleu, InvalidUtf8IsReadAsReplacementCharacters)
{
    // "\xff" becomes U+FFFD in both, so they still match each other.
    EXPECT_NEAR(corpusBleu({"a b c \xff"}, single({"a b c \xff"})).score, 100.0, kTolerance);
}

// ---- ROUGE-L -------------------------------------------------------------------------

TEST(RougeTokens, DefaultIsLowercaseAsciiAlphanumerics)
{
    EXPECT_EQ(rougeTokens("The Quick-brown fox's 2nd Jump!"),
              (Strings{"the", "quick", "brown", "fox", "s", "2nd", "jump"}));
    EXPECT_TRUE(rougeTokens("你好，世界").empty()); // rouge-score drops everything outside [a-z0-9]
    EXPECT_EQ(rougeTokens("café"), (Strings{"caf"}));
    // Python's lower() turns U+0130 into "i" + U+0307 and U+212A (Kelvin) into "k".
    EXPECT_EQ(rougeTokens("\u0130zmir \u212Aelvin"), (Strings{"i", "zmir", "kelvin"}));
}

TEST(RougeTokens, UnicodeKeepsWordsAndSplitsCjk)
{
    EXPECT_EQ(rougeTokens("Größe 北京欢迎你 café, 東京・タワー", RougeTokenizer::Unicode),
              (Strings{"größe", "北", "京", "欢", "迎", "你", "café", "東", "京", "タ", "ワ", "ー"}));
    EXPECT_EQ(rougeTokens("한국어 문장", RougeTokenizer::Unicode), (Strings{"한국어", "문장"}));
}

TEST(Rouge, LongestCommonSubsequence)
{
    // CLRS: ABCBDAB and BDCABA have an LCS of 4 (BCBA); the order of arguments is free.
    const Strings a = {"A", "B", "C", "B", "D", "A", "B"};
    const Strings b = {"B", "D", "C", "A", "B", "A"};
    EXPECT_EQ(longestCommonSubsequence(a, b), 4u);
    EXPECT_EQ(longestCommonSubsequence(b, a), 4u);
    EXPECT_EQ(longestCommonSubsequence(a, {}), 0u);
    EXPECT_EQ(longestCommonSubsequence(a, a), a.size());
}

TEST(Rouge, PerfectAndNoOverlap)
{
    const RougeScore same = rougeL("The cat sat.", "the cat sat");
    EXPECT_DOUBLE_EQ(same.precision, 1.0);
    EXPECT_DOUBLE_EQ(same.recall, 1.0);
    EXPECT_DOUBLE_EQ(same.f1, 1.0);
    const RougeScore none = rougeL("a b c", "d e f");
    EXPECT_EQ(none.f1, 0.0);
    EXPECT_EQ(none.precision, 0.0);
}

TEST(Rouge, LcsExamples)
{
    // Lin (2004): reference "police killed the gunman".
    //   "police kill the gunman": LCS police-the-gunman = 3; P = R = 3/4, F = 0.75
    //   "the gunman kill police": LCS the-gunman = 2; P = R = 2/4, F = 0.5
    const RougeScore s1 = rougeL("police kill the gunman", "police killed the gunman");
    EXPECT_DOUBLE_EQ(s1.precision, 0.75);
    EXPECT_DOUBLE_EQ(s1.recall, 0.75);
    EXPECT_DOUBLE_EQ(s1.f1, 0.75);
    EXPECT_DOUBLE_EQ(rougeL("the gunman kill police", "police killed the gunman").f1, 0.5);
    // rouge-score's README: target "The quick brown fox jumps over the lazy dog" (9 tokens),
    // prediction "The quick brown dog jumps on the log." (8). LCS the-quick-brown-jumps-the = 5:
    //   P = 5/8 = 0.625, R = 5/9, F = 2*5/(8+9) = 10/17 = 0.588235294117647
    const RougeScore s2 =
        rougeL("The quick brown dog jumps on the log.", "The quick brown fox jumps over the lazy dog");
    EXPECT_NEAR(s2.precision, 0.625, kTolerance);
    EXPECT_NEAR(s2.recall, 5.0 / 9, kTolerance);
    EXPECT_NEAR(s2.f1, 10.0 / 17, kTolerance);
}

TEST(Rouge, ChineseWithTheUnicodeTokenizer)
{
    // 我 爱 北 京 天 安 门 (7) against 我 爱 上 海 (4): LCS 我-爱 = 2.
    //   P = 2/7, R = 2/4, F = 2*2/(7+4) = 4/11
    RougeOptions unicode;
    unicode.tokenizer = RougeTokenizer::Unicode;
    const RougeScore s = rougeL("我爱北京天安门", "我爱上海", unicode);
    EXPECT_NEAR(s.precision, 2.0 / 7, kTolerance);
    EXPECT_NEAR(s.recall, 0.5, kTolerance);
    EXPECT_NEAR(s.f1, 4.0 / 11, kTolerance);
    // The default tokenizer sees no tokens in Chinese at all.
    EXPECT_EQ(rougeL("我爱北京天安门", "我爱上海").f1, 0.0);
}

TEST(Rouge, MultipleReferencesTakeTheBestF1)
{
    // Against "the gunman was shot": LCS the-gunman = 2, F = 2*2/(4+4) = 0.5.
    // Against "police killed the gunman": F = 0.75 (above). The best is kept, whole.
    const RougeScore s = rougeL("police kill the gunman", Strings{"the gunman was shot", "police killed the gunman"});
    EXPECT_DOUBLE_EQ(s.f1, 0.75);
    EXPECT_DOUBLE_EQ(s.precision, 0.75);
    EXPECT_THROW(rougeL("x", Strings{}), Error);
}

TEST(Rouge, CorpusIsTheMeanOverPairs)
{
    // F of 1 (identical) and 10/17 (the README pair): mean (1 + 10/17) / 2 = 27/34.
    // P: (1 + 5/8) / 2 = 13/16; R: (1 + 5/9) / 2 = 7/9.
    const RougeScore s = corpusRougeL(Strings{"a b c", "The quick brown dog jumps on the log."},
                                      Strings{"a b c", "The quick brown fox jumps over the lazy dog"});
    EXPECT_NEAR(s.f1, 27.0 / 34, kTolerance);
    EXPECT_NEAR(s.precision, 13.0 / 16, kTolerance);
    EXPECT_NEAR(s.recall, 7.0 / 9, kTolerance);
    const RougeScore none = corpusRougeL(Strings{}, Strings{});
    EXPECT_EQ(none.f1, 0.0);
    EXPECT_THROW(corpusRougeL(Strings{"a"}, Strings{}), Error);
}

TEST(Rouge, EmptySidesScoreZero)
{
    EXPECT_EQ(rougeL("", "a b").f1, 0.0);
    EXPECT_EQ(rougeL("a b", "").f1, 0.0);
    EXPECT_EQ(rougeL("!!!", "...").f1, 0.0); // no tokens on either side
    // An empty pair still counts in the mean: (1 + 0) / 2.
    EXPECT_DOUBLE_EQ(corpusRougeL(Strings{"a", ""}, Strings{"a", "b"}).f1, 0.5);
}

TEST(Rouge, RefusesTextsOverTheTokenLimit)
{
    RougeOptions small;
    small.maxTokens = 10;
    EXPECT_NO_THROW(rougeL("a b c d e f g h i j", "a", small));
    try {
        rougeL("a b c d e f g h i j k", "a", small);
        FAIL() << "11 tokens passed a limit of 10";
    } catch (const Error &error) {
        EXPECT_EQ(error.kind(), ErrorKind::InvalidInput);
        EXPECT_NE(error.detail().find("11 tokens"), std::string::npos) << error.detail();
        EXPECT_NE(error.detail().find("limit of 10"), std::string::npos) << error.detail();
    }
    // The default limit, 100k tokens a side, is checked before any LCS work.
    std::string huge;
    for (int i = 0; i <= 100'000; ++i)
        huge += "w ";
    EXPECT_THROW(rougeL("w", huge), Error);
    try {
        corpusRougeL(Strings{"ok", "w"}, Strings{"ok", huge});
        FAIL() << "the long reference was accepted";
    } catch (const Error &error) {
        EXPECT_EQ(error.where(), "ROUGE-L: pair 2");
    }
}

TEST(Rouge, LongPairsFinish)
{
    // 3000 x 2000 tokens: 6M steps in one row of 2001 counters.
    std::string a;
    std::string b;
    for (int i = 0; i < 3000; ++i)
        a += "t" + std::to_string(i % 7) + " ";
    for (int i = 0; i < 2000; ++i)
        b += "t" + std::to_string(i % 5) + " ";
    const RougeScore s = rougeL(a, b);
    EXPECT_GT(s.f1, 0.0);
    EXPECT_LE(s.f1, 1.0);
}

} // namespace
