#include "datasets/textreader.h"

#include "datasets/linereader.h"
#include "datasets/textlines.h"
#include "tokenizer/utf8.h"
#include "util/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <vector>

namespace fs = std::filesystem;

namespace llmos {

namespace {

void readOneFile(const std::string &file, const std::string &nameInFolder, std::size_t maxRowBytes,
        std::stop_token stop, const RowSink &sink, LineReader::Progress progress)
{
    LineReader lines(file, maxRowBytes, stop, std::move(progress));
    std::string document;
    std::uint64_t startLine = 0;
    bool tooLong = false;
    auto flush = [&] {
        if (startLine == 0) return;
        if (tooLong)
            sink.onBadRow({nameInFolder, startLine, 0,
                    fmt::format("document longer than the limit of {} bytes for one row", maxRowBytes)});
        else if (!utf8::isValid(document))
            sink.onBadRow({nameInFolder, startLine, 0, "not valid UTF-8"});
        else
            sink.onRow({startLine, nlohmann::ordered_json{{"text", document}}});
        document.clear();
        startLine = 0;
        tooLong = false;
    };
    LineReader::Line line;
    while (lines.next(line)) {
        if (!line.tooLong && isBlank(line.text)) {
            flush();
            continue;
        }
        if (startLine == 0) startLine = line.number;
        if (line.tooLong || document.size() + 1 + line.text.size() > maxRowBytes) {
            tooLong = true;
            document.clear();
            continue;
        }
        if (tooLong) continue;
        if (!document.empty()) document += '\n';
        document += line.text;
    }
    flush();
}

} // namespace

void readTextDocuments(const std::string &path, std::size_t maxRowBytes, std::stop_token stop, const RowSink &sink)
{
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
        readOneFile(path, {}, maxRowBytes, stop, sink, sink.onProgress);
        return;
    }
    std::vector<fs::path> files;
    std::uint64_t total = 0;
    for (const auto &entry : fs::directory_iterator(path)) {
        if (entry.is_regular_file() && entry.path().extension() == ".txt") {
            files.push_back(entry.path());
            total += entry.file_size();
        }
    }
    if (files.empty()) throw Error(ErrorKind::NotFound, path, "the folder holds no .txt files");
    std::sort(files.begin(), files.end());
    std::uint64_t before = 0;
    for (const auto &file : files) {
        LineReader::Progress progress;
        if (sink.onProgress)
            progress = [&](std::uint64_t done, std::uint64_t) { sink.onProgress(before + done, total); };
        readOneFile(file.string(), file.filename().string(), maxRowBytes, stop, sink, progress);
        before += fs::file_size(file);
    }
}

} // namespace llmos
