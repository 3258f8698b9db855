#include "datasettestutil.h"

#include "bytetokenizer.h"
#include "datasets/rowreader.h"
#include "tokenizer/loadtokenizer.h"

namespace llmos::test {

std::vector<nlohmann::ordered_json> ReadResult::values() const
{
    std::vector<nlohmann::ordered_json> out;
    for (const auto &row : rows) out.push_back(row.value);
    return out;
}

ReadResult readAll(const DatasetSpec &spec)
{
    ReadResult result;
    RowSink sink;
    sink.onRow = [&](SourceRow &&row) { result.rows.push_back(std::move(row)); };
    sink.onBadRow = [&](BadRow &&bad) { result.badRows.push_back(std::move(bad)); };
    readDatasetRows(spec, sink);
    return result;
}

ReadResult readAll(const std::string &path)
{
    DatasetSpec spec;
    spec.path = path;
    return readAll(spec);
}

std::unique_ptr<Tokenizer> byteTokenizer()
{
    auto tokenizer = loadTokenizerJson(byteTokenizerJson());
    SpecialTokenIds special;
    special.eos = kEndOfText;
    special.bos = kImStart;
    tokenizer->setSpecialTokens(special);
    return tokenizer;
}

} // namespace llmos::test
