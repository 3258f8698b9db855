// libFuzzer entry point for the dataset readers and row checks (links llmos_datasets,
// which needs only llmos_core). The first byte picks the file format; the rest is
// written to a scratch file, because the readers stream from disk, and read back with
// a small row cap so the overlong-row paths are reached too.

#include "datasets/datasetspec.h"
#include "datasets/rowinterpreter.h"
#include "datasets/rowreader.h"
#include "util/error.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    static const llmos::DatasetFileFormat kFormats[] = {llmos::DatasetFileFormat::JsonLines,
            llmos::DatasetFileFormat::JsonArray, llmos::DatasetFileFormat::Csv, llmos::DatasetFileFormat::Tsv,
            llmos::DatasetFileFormat::Text};
    static const std::string path = "/tmp/llmos-fuzz-dataset-" + std::to_string(::getpid());
    std::FILE *file = std::fopen(path.c_str(), "wb");
    if (!file)
        return 0;
    std::fwrite(data + 1, 1, size - 1, file);
    std::fclose(file);

    llmos::DatasetSpec spec;
    spec.path = path;
    spec.format = kFormats[data[0] % 5];
    spec.maxRowBytes = 64 + data[0];
    llmos::RowInterpreter interpreter(llmos::DatasetKind::Auto, {});
    llmos::RowSink sink;
    sink.onRow = [&](llmos::SourceRow &&row) {
        llmos::BadRow bad;
        try {
            (void)interpreter.interpret(row, bad);
        } catch (const llmos::Error &) {
        }
    };
    sink.onBadRow = [](llmos::BadRow &&) {};
    try {
        llmos::readDatasetRows(spec, sink);
    } catch (const llmos::Error &) {
    }
    return 0;
}
