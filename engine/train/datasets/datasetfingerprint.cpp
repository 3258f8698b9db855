#include "datasets/datasetfingerprint.h"

#include "datasets/sha256.h"
#include "util/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>

namespace fs = std::filesystem;

namespace llmos {

namespace {

std::uint64_t hashFile(const fs::path &file, Sha256 &hash, std::stop_token stop)
{
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> in(std::fopen(file.c_str(), "rb"), &std::fclose);
    if (!in)
        throw Error(errno == ENOENT ? ErrorKind::NotFound : ErrorKind::Io, file.string(),
                std::string("cannot open the file: ") + std::strerror(errno));
    std::vector<char> chunk(1u << 20);
    std::uint64_t total = 0;
    for (;;) {
        if (stop.stop_requested()) throw Error(ErrorKind::Cancelled, file.string(), "hashing was cancelled");
        const std::size_t got = std::fread(chunk.data(), 1, chunk.size(), in.get());
        hash.update(chunk.data(), got);
        total += got;
        if (got < chunk.size()) {
            if (std::ferror(in.get())) throw Error(ErrorKind::Io, atByte(file.string(), total), "read failed");
            return total;
        }
    }
}

} // namespace

DatasetFingerprint fingerprintDataset(const std::string &path, std::stop_token stop)
{
    Sha256 hash;
    DatasetFingerprint print;
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
        print.sizeBytes = hashFile(path, hash, stop);
        print.sha256 = hash.finishHex();
        return print;
    }
    std::vector<fs::path> files;
    for (const auto &entry : fs::directory_iterator(path))
        if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto &file : files) {
        const std::string name = file.filename().string();
        hash.update(name.data(), name.size() + 1); // with its NUL, so names and bytes cannot run together
        const std::string size = std::to_string(fs::file_size(file));
        hash.update(size.data(), size.size() + 1);
        print.sizeBytes += hashFile(file, hash, stop);
    }
    print.sha256 = hash.finishHex();
    return print;
}

void checkDatasetUnchanged(const std::string &path, const DatasetFingerprint &expected, std::stop_token stop)
{
    const DatasetFingerprint now = fingerprintDataset(path, stop);
    if (now.sizeBytes != expected.sizeBytes)
        throw Error(ErrorKind::InvalidInput, path,
                fmt::format("the dataset changed on disk since it was validated ({} bytes then, {} now); "
                            "validate it again before training",
                        expected.sizeBytes, now.sizeBytes));
    if (now.sha256 != expected.sha256)
        throw Error(ErrorKind::InvalidInput, path,
                fmt::format("the dataset changed on disk since it was validated (SHA-256 {} then, {} now); "
                            "validate it again before training",
                        expected.sha256, now.sha256));
}

} // namespace llmos
